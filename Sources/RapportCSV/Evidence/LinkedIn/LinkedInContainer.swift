import Foundation
import Rapport
import ZIPFoundation

/// Limits on what a LinkedIn archive may unpack to: a zip bomb stops at the first limit passed.
///
/// A real export holds 30–80 files and a few MB (a heavy messager's `messages.csv` reaches tens of
/// MB); the defaults leave two orders of magnitude of room.
struct ArchiveLimits: Sendable {
    /// Most entries (files, folders, links) in the archive.
    var maxEntries = 10_000
    /// Most bytes all files together may unpack to (default 2 GiB), checked against the sizes the
    /// zip declares and again against the bytes actually inflated.
    var maxTotalBytes: Int64 = 2 << 30
}

/// One file of the archive, unpacked: its name inside the archive and its bytes.
struct ArchiveFile: Sendable {
    /// The path inside the archive, `/`-separated (`messages.csv`, `Jobs/Saved Jobs.csv`).
    var name: String
    var bytes: [UInt8]
}

/// Reads the files of a LinkedIn export from a zip (through ZIPFoundation) or an unzipped folder.
enum LinkedInContainer {
    /// Whether `name` is operating-system litter, skipped without a mention: macOS resource forks
    /// (`__MACOSX/…`, `._name`) and Finder's `.DS_Store`.
    static func isLitter(_ name: String) -> Bool {
        let parts = name.split(separator: "/")
        guard let base = parts.last else { return true }
        return parts.contains("__MACOSX") || base == ".DS_Store" || base.hasPrefix("._")
    }

    /// Every regular file of the zip at `path`, litter excluded, in archive order; `display` is the
    /// path errors name (`path` itself by default).
    ///
    /// Always a file, never ZIPFoundation's in-memory `Archive(data:)`: that one leaks its buffer
    /// when the bytes are not a zip (0.9.20 does not close its memory stream on that path).
    /// - Throws: `.unreadableFile` for a missing file, `.invalidArchive` for what is not a zip or
    ///   holds a corrupt entry (at `path/entry:1:1`), `.archiveTooLarge` past `limits`.
    /// - Complexity: O(unpacked bytes).
    static func zipFiles(path: String, display: String? = nil, limits: ArchiveLimits = ArchiveLimits())
        throws(ImportError) -> (files: [ArchiveFile], links: [String])
    {
        let shown = display ?? path
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ImportError(.unreadableFile, at: SourceLocation(path: shown, line: 1, column: 1))
        }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw ImportError(
                .invalidArchive("not a zip file (no central directory)"),
                at: SourceLocation(path: shown, line: 1, column: 1))
        }
        // Entries are read from their own bytes (see ZipLayout: ZIPFoundation's extract can loop
        // forever on a damaged zip).
        let layout = ZipLayout(bytes: FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? [])
        return try files(of: archive, layout: layout, path: shown, limits: limits)
    }

    private static func files(of archive: Archive, layout: ZipLayout, path: String, limits: ArchiveLimits)
        throws(ImportError) -> (files: [ArchiveFile], links: [String])
    {
        let top = SourceLocation(path: path, line: 1, column: 1)
        var entries: [Entry] = []
        var declared: Int64 = 0
        for entry in archive {
            entries.append(entry)
            if entries.count > limits.maxEntries {
                throw ImportError(.archiveTooLarge("more than \(limits.maxEntries) entries"), at: top)
            }
            guard entry.type == .file, !isLitter(entry.path) else { continue }
            declared += Int64(clamping: entry.uncompressedSize)
            if declared > limits.maxTotalBytes {
                throw ImportError(.archiveTooLarge("unpacks to more than \(limits.maxTotalBytes) bytes"), at: top)
            }
        }
        var files: [ArchiveFile] = []
        var links: [String] = []
        var unpacked: Int64 = 0
        for (index, entry) in entries.enumerated() where !isLitter(entry.path) {
            switch entry.type {
            case .directory: continue
            case .symlink:
                // Never followed: a link in a data export is not data.
                links.append(entry.path)
                continue
            case .file: break
            }
            let at = SourceLocation(path: "\(path)/\(entry.path)", line: 1, column: 1)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(Int(clamping: min(entry.uncompressedSize, 1 << 26)))
            let consumer: Consumer = { chunk in
                // The declared size can lie; the inflated bytes cannot.
                unpacked += Int64(chunk.count)
                if unpacked > limits.maxTotalBytes { throw BombError() }
                bytes.append(contentsOf: chunk)
            }
            do {
                // Never through `Archive.extract`: it can loop forever on a damaged zip (ZipLayout).
                guard let span = layout.span(index, of: entry) else { throw ZipLayoutError.unlocatable }
                if entry.isCompressed {
                    try layout.inflate(span, of: entry, into: consumer)
                } else {
                    try layout.copyStored(span, of: entry, into: consumer)
                }
            } catch is BombError {
                throw ImportError(.archiveTooLarge("unpacks to more than \(limits.maxTotalBytes) bytes"), at: at)
            } catch {
                throw ImportError(.invalidArchive("corrupt entry (\(error))"), at: at)
            }
            files.append(ArchiveFile(name: entry.path, bytes: bytes))
        }
        return (files, links)
    }

    private struct BombError: Error {}

    /// Every regular file under the folder at `path`, litter excluded, by name.
    /// - Throws: `.unreadableFile` for a file that cannot be read (at its path), `.archiveTooLarge`
    ///   past `limits`.
    /// - Complexity: O(bytes of the files).
    static func folderFiles(path: String, limits: ArchiveLimits = ArchiveLimits()) throws(ImportError) -> (
        files: [ArchiveFile], links: [String]
    ) {
        let top = SourceLocation(path: path, line: 1, column: 1)
        let manager = FileManager.default
        guard let names = manager.subpaths(atPath: path) else { throw ImportError(.unreadableFile, at: top) }
        guard names.count <= limits.maxEntries else {
            throw ImportError(.archiveTooLarge("more than \(limits.maxEntries) entries"), at: top)
        }
        var files: [ArchiveFile] = []
        var links: [String] = []
        var total: Int64 = 0
        for name in names.sorted() where !isLitter(name) {
            let full = "\(path)/\(name)"
            let attributes = try? manager.attributesOfItem(atPath: full)
            let type = attributes?[.type] as? FileAttributeType
            if type == .typeSymbolicLink {
                links.append(name)
                continue
            }
            guard type == .typeRegular else { continue }
            total += (attributes?[.size] as? NSNumber)?.int64Value ?? 0
            if total > limits.maxTotalBytes {
                throw ImportError(.archiveTooLarge("holds more than \(limits.maxTotalBytes) bytes"), at: top)
            }
            guard let data = manager.contents(atPath: full) else {
                throw ImportError(.unreadableFile, at: SourceLocation(path: full, line: 1, column: 1))
            }
            files.append(ArchiveFile(name: name, bytes: Array(data)))
        }
        return (files, links)
    }
}
