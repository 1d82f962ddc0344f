import Foundation
import Rapport
import RapportStore
import RapportTestSupport
import Testing

/// The snapshot file's CRC-32C trailer: a real file written by the workspace, damaged one byte at
/// a time, is refused every time, and the commands then answer from a rebuild.
@Suite struct SnapshotChecksumTests {
    /// The key a snapshot file was written with: its header is magic (8 bytes), version (8), then
    /// the key as a length (8, little-endian) and its UTF-8 bytes.
    static func key(of bytes: [UInt8]) throws -> String {
        try #require(bytes.count > 24)
        let length = bytes[16..<24].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        try #require(length > 0 && 24 + length <= bytes.count)
        return String(decoding: bytes[24..<(24 + length)], as: UTF8.self)
    }

    @Test func everyFlippedByteOfARealSnapshotIsDetected() throws {
        let cli = try SuggestCommandTests.samplesWorkspace()
        let expected = try cli.run(SnapshotCacheTests.tiesCommand)
        #expect(expected.status == 0, "\(expected.stderr)")
        let cache = cli.directory.appendingPathComponent("rapport.db-snapshot")
        let original = [UInt8](try Data(contentsOf: cache))
        let key = try Self.key(of: original)
        let probe = cli.directory.appendingPathComponent("probe-snapshot").path
        // The intact file loads, so a refusal below is the flip's doing.
        try Data(original).write(to: URL(fileURLWithPath: probe))
        let intact = try NetworkSnapshot(contentsOfFile: probe, key: key)
        #expect(intact.people.count > 10)

        var rng = SplitMix64(seed: 30)
        // Random positions, plus the first and last bytes of the header and of the trailer.
        var positions = (0..<250).map { _ in Int.random(in: 0..<original.count, using: &rng) }
        positions += [0, 7, 8, 16, 24, original.count - 17, original.count - 16, original.count - 12, original.count - 1]
        for position in positions {
            var damaged = original
            damaged[position] ^= UInt8.random(in: 1...255, using: &rng)
            try Data(damaged).write(to: URL(fileURLWithPath: probe))
            do {
                _ = try NetworkSnapshot(contentsOfFile: probe, key: key)
                Issue.record("a flip at byte \(position) of \(original.count) was not detected")
            } catch {
                // The key bytes read as another workspace's file (.stale); everything else as damage.
                #expect(error == .stale || { if case .corrupt = error { true } else { false } }(), "byte \(position): \(error)")
            }
        }

        // Through the real command: a damaged cache is rebuilt and the answer does not change.
        for position in positions.prefix(2) {
            var damaged = original
            damaged[position] ^= 0x01
            try Data(damaged).write(to: cache)
            let answer = try cli.run(SnapshotCacheTests.tiesCommand)
            #expect(answer.status == 0, "\(answer.stderr)")
            #expect(answer.stdout == expected.stdout, "flip at byte \(position)")
            #expect([UInt8](try Data(contentsOf: cache)) == original, "the rebuilt cache is the clean one")
        }
    }

    @Test func aTruncatedSnapshotIsRefused() throws {
        let cli = try SuggestCommandTests.samplesWorkspace()
        #expect(try cli.run(SnapshotCacheTests.tiesCommand).status == 0)
        let original = [UInt8](try Data(contentsOf: cli.directory.appendingPathComponent("rapport.db-snapshot")))
        let key = try Self.key(of: original)
        let probe = cli.directory.appendingPathComponent("probe-snapshot").path
        for cut in [1, 8, 16, 17, original.count / 2] {
            try Data(original.dropLast(cut)).write(to: URL(fileURLWithPath: probe))
            #expect(throws: SnapshotFileError.self, "cut \(cut)") { try NetworkSnapshot(contentsOfFile: probe, key: key) }
        }
    }
}
