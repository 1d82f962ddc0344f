import Foundation
import Rapport
import RapportUseCases

/// A fresh folder per test, removed when the value goes.
final class Folder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-usecases-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    var location: WorkspaceLocation { WorkspaceLocation(path: path + "/rapport.db") }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// A workspace of the Samples network (Avery Lindqvist's exports), imported in-process.
    static func samples() throws -> Folder {
        let folder = try Folder()
        _ = try Recording.initWorkspace(folder.location, me: DemoSamples.me)
        let entries = try DemoSamples.write(to: folder.path + "/samples")
        _ = try Importing.run(
            Importing.Request(files: entries.map { folder.path + "/samples/" + $0.entry }, asOf: Self.day),
            in: folder.location)
        return folder
    }

    static let day = Day(iso: "2026-11-20")!

    func analysis() throws -> Analysis { try Analysis(location, asOf: Self.day) }
}
