import Foundation
import Testing

/// The snapshot file beside the workspace (`rapport.db-snapshot`): left current by an import, used
/// when current, brought along by small writes or rebuilt after others, ignored when damaged,
/// never required.
@Suite struct SnapshotCacheTests {
    static let tiesCommand = ["ties", "--all", "--json", "--as-of", "2026-11-20"]

    func uncached(_ cli: CLI, _ arguments: [String]) throws -> CLI.Result {
        var plain = cli
        plain.environment["RAPPORT_SNAPSHOT_CACHE"] = "off"
        return try plain.run(arguments)
    }

    var cacheURL: (CLI) -> URL { { $0.directory.appendingPathComponent("rapport.db-snapshot") } }

    @Test func theImportLeavesAPrivateSnapshotAndLaterAnalysesAgreeWithTheWorkspace() throws {
        let cli = try SuggestCommandTests.samplesWorkspace()
        let left = try FileManager.default.attributesOfItem(atPath: cacheURL(cli).path)
        // A rebuild would write a new file (a new inode): the import's must already be current.
        let inode = left[.systemFileNumber] as? NSNumber
        let first = try cli.run(Self.tiesCommand)
        #expect(first.status == 0, "\(first.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: cacheURL(cli).path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(attributes[.systemFileNumber] as? NSNumber == inode)
        let second = try cli.run(Self.tiesCommand)
        #expect(second.stdout == first.stdout)
        #expect(try uncached(cli, Self.tiesCommand).stdout == first.stdout)
        let suggest = ["suggest", "--sector", "intellectual property", "--as-of", "2026-11-20", "--explain"]
        #expect(try cli.run(suggest).stdout == (try uncached(cli, suggest).stdout))
    }

    @Test func aChangeToTheWorkspaceIsSeenByTheNextCommand() throws {
        let cli = try SuggestCommandTests.samplesWorkspace()
        let before = try cli.run(Self.tiesCommand)
        let logged = try cli.run("log", "informational_interview", "Helen Agarwal", "--date", "2026-11-18", "--rapport", "5")
        #expect(logged.status == 0, "\(logged.stderr)")
        let after = try cli.run(Self.tiesCommand)
        #expect(after.status == 0)
        #expect(after.stdout != before.stdout)
        #expect(after.stdout == (try uncached(cli, Self.tiesCommand).stdout))
    }

    @Test func aDamagedSnapshotIsRebuiltNotTrusted() throws {
        let cli = try SuggestCommandTests.samplesWorkspace()
        let expected = try cli.run(Self.tiesCommand).stdout
        var bytes = [UInt8](try Data(contentsOf: cacheURL(cli)))
        for at in stride(from: 40, to: bytes.count, by: 97) { bytes[at] ^= 0xA5 }
        try Data(bytes).write(to: cacheURL(cli))
        let damaged = try cli.run(Self.tiesCommand)
        #expect(damaged.status == 0, "\(damaged.stderr)")
        #expect(damaged.stdout == expected)
        try Data("not a snapshot".utf8).write(to: cacheURL(cli))
        #expect(try cli.run(Self.tiesCommand).stdout == expected)
    }

    @Test func theCacheCanBeTurnedOff() throws {
        let cli = try SuggestCommandTests.samplesWorkspace()
        try FileManager.default.removeItem(at: cacheURL(cli))
        let result = try uncached(cli, Self.tiesCommand)
        #expect(result.status == 0)
        #expect(!FileManager.default.fileExists(atPath: cacheURL(cli).path))
    }
}
