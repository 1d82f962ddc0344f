import Testing

@testable import Rapport

/// The snapshot's bytes, without any file: the core encodes and decodes them; the store keeps
/// them in a file (`RapportStoreTests/SnapshotFileTests`).
@Suite struct SnapshotEncodingTests {
    @Test func bytesDecodeToTheSameSnapshot() throws {
        let original = try SnapshotEvidenceTests.network()
        let bytes = original.encoded(key: "k/1")
        let read = try NetworkSnapshot(snapshotBytes: bytes, key: "k/1")
        #expect(Array(read.people) == Array(original.people))
        #expect(read.interactions == original.interactions)
        #expect(read.graph.offsets == original.graph.offsets)
        // Encoding is deterministic: the same snapshot gives the same bytes.
        #expect(read.encoded(key: "k/1") == bytes)
    }

    @Test func theTrailerIsTheCRC32COfEverythingBefore() throws {
        let bytes = try SnapshotEvidenceTests.network().encoded(key: "k")
        let payload = Array(bytes.dropLast(16))
        // "RAPCRC1\0", a reserved zero word, the CRC little-endian (Docs/Security.md).
        #expect(Array(bytes.suffix(8)) == Array("RAPCRC1\0".utf8))
        #expect(Array(bytes.suffix(12).prefix(4)) == [0, 0, 0, 0])
        let crc = CRC32C.checksum(payload)
        #expect(Array(bytes.suffix(16).prefix(4)) == (0..<4).map { UInt8(truncatingIfNeeded: crc >> (8 * UInt32($0))) })
    }

    @Test func everyFlippedByteIsRefused() throws {
        let bytes = try SnapshotEvidenceTests.network().encoded(key: "k")
        for position in bytes.indices {
            var damaged = bytes
            damaged[position] ^= 0x40
            do {
                _ = try NetworkSnapshot(snapshotBytes: damaged, key: "k")
                Issue.record("a flip at byte \(position) of \(bytes.count) was accepted")
            } catch {
                let refused = error == .stale || { if case .corrupt = error { true } else { false } }()
                #expect(refused, "byte \(position): \(error)")
            }
        }
    }

    @Test func aShortOrEmptyInputIsDamage() throws {
        let bytes = try SnapshotEvidenceTests.network().encoded(key: "k")
        for length in [0, 16, 17, 40, bytes.count / 2, bytes.count - 1] {
            #expect(throws: SnapshotFileError.self, "length \(length)") {
                try NetworkSnapshot(snapshotBytes: Array(bytes.prefix(length)), key: "k")
            }
        }
        #expect(throws: SnapshotFileError.stale) { try NetworkSnapshot(snapshotBytes: bytes, key: "other") }
    }

    /// `headerKey` reads the key alone (a no-op re-import asks whether the file still stands for
    /// the workspace): another magic or version is no key, a damaged length is no key, not a
    /// large allocation.
    @Test func theHeaderKeyIsReadAloneAndADamagedLengthIsNoKey() throws {
        let bytes = try SnapshotEvidenceTests.network().encoded(key: "ws/42")
        func key(_ bytes: [UInt8]) throws -> String? {
            var source = SnapshotBytes(bytes)
            return try NetworkSnapshot.headerKey(&source, payloadCount: bytes.count - SnapshotChecksum.trailerSize)
        }
        #expect(try key(bytes) == "ws/42")
        var magic = bytes
        magic[0] ^= 1
        #expect(try key(magic) == nil)
        var version = bytes
        version[8] ^= 1
        #expect(try key(version) == nil)
        // The key's length is the little-endian word at bytes 16..<24.
        var long = bytes
        long[22] = 0x7f
        #expect(try key(long) == nil)
        #expect(throws: SnapshotFileError.self) { try key(Array(bytes.prefix(20))) }
    }
}
