import Foundation
import RapportUseCases

/// Files uploaded for an import, kept between the dry run and the confirmation.
///
/// They live in a folder of their own (mode 0700, files 0600: they are contact data) under the
/// system's temporary folder, under random names; the name the browser sent is kept only for its
/// extension, which tells the importer the format (`.csv`, `.vcf`, `.zip`, `.ics`, `.mbox`).
final class Uploads: @unchecked Sendable {
    let folder: String
    private let lock = NSLock()
    /// Upload id → (path on disk, the name the browser sent).
    private var pending: [String: (path: String, name: String)] = [:]

    init() throws {
        let base = FileManager.default.temporaryDirectory.path + "/rapport-serve-" + AccessPolicy.randomToken().prefix(12)
        do {
            try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw UseCaseError.failure("cannot create a folder for uploads under \(FileManager.default.temporaryDirectory.path)")
        }
        folder = base
    }

    deinit { removeAll() }

    /// Deletes every pending upload and the folder (when the server stops).
    func removeAll() {
        lock.withLock { pending.removeAll() }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Keeps `bytes` and returns the id that names them in the confirmation form.
    func keep(_ bytes: [UInt8], name: String) throws -> (id: String, path: String) {
        let id = AccessPolicy.randomToken()
        let path = folder + "/" + id + Self.extension(of: name)
        try OutputFile.write(bytes, to: path)
        lock.withLock { pending[id] = (path, name) }
        return (id, path)
    }

    /// The upload named `id`, still pending.
    func upload(_ id: String) -> (path: String, name: String)? { lock.withLock { pending[id] } }

    /// Forgets the upload and deletes its file.
    func discard(_ id: String) {
        guard let entry = lock.withLock({ pending.removeValue(forKey: id) }) else { return }
        try? FileManager.default.removeItem(atPath: entry.path)
    }

    /// `.csv` for `people.CSV`: a dot and up to 8 lowercase letters or digits, else nothing.
    static func `extension`(of name: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return "" }
        let ext = name[name.index(after: dot)...].lowercased()
        guard !ext.isEmpty, ext.count <= 8, ext.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return "" }
        return "." + ext
    }
}
