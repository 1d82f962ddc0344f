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

    /// Decoded from bytes held in memory (as from a mapped file), the graph's three large arrays
    /// borrow their elements from those bytes instead of copying them; they stay valid after the
    /// caller lets go of the bytes, and equal what a source that lends nothing decodes.
    @Test func theGraphsArraysAreBorrowedFromTheBytesTheyWereReadFrom() throws {
        let original = try SnapshotEvidenceTests.network()
        var bytes: [UInt8]? = original.encoded(key: "k")
        let read = try NetworkSnapshot(snapshotBytes: bytes ?? [], key: "k")
        #expect(
            read.ties.endpoints.isBorrowed && read.graph.neighbors.isBorrowed && read.graph.incidentEdges.isBorrowed)
        #expect(!original.graph.neighbors.isBorrowed)

        struct Unlending: SnapshotSource {
            var bytes: SnapshotBytes
            mutating func read(into destination: UnsafeMutableRawBufferPointer) throws(SnapshotFileError) {
                try bytes.read(into: destination)
            }
        }
        var source = Unlending(bytes: SnapshotBytes(bytes ?? []))
        let copied = try NetworkSnapshot(
            decoding: &source, payloadCount: (bytes?.count ?? 0) - SnapshotChecksum.trailerSize, key: "k")
        #expect(!copied.graph.neighbors.isBorrowed && !copied.ties.endpoints.isBorrowed)
        bytes = nil
        for snapshot in [read, copied] {
            #expect(snapshot.ties.endpoints == original.ties.endpoints)
            #expect(snapshot.graph.neighbors == original.graph.neighbors)
            #expect(snapshot.graph.incidentEdges == original.graph.incidentEdges)
            #expect(Array(snapshot.ties) == Array(original.ties))
            #expect(Array(snapshot.people) == Array(original.people))
        }
    }

    /// A lent array starts at a multiple of 8 in the file, after zero padding (format 4): whatever
    /// the length of the key and the strings before it.
    @Test(arguments: ["k", "a key of odd length", "ключ"])
    func lentArraysStartAtAMultipleOf8(key: String) throws {
        let bytes = try SnapshotEvidenceTests.network().encoded(key: key)
        let read = try NetworkSnapshot(snapshotBytes: bytes, key: key)
        // The decode lent from the caller's buffer itself (shared, not copied): find the offsets.
        let file = try #require(bytes.withUnsafeBytes { $0.baseAddress })
        func check<T>(_ array: FixedArray<T>, _ name: String) throws {
            #expect(array.isBorrowed, "\(name)")
            let start = try #require(array.withUnsafeBytes { $0.baseAddress })
            let offset = start - file
            #expect(offset > 0 && offset < bytes.count && offset % 8 == 0, "\(name) at \(offset)")
            // Before the elements: their count (a little-endian word), then fewer than 8 zero bytes.
            let found = (0..<8).contains { padding in
                let word = offset - padding - 8
                return word >= 0 && bytes[(offset - padding)..<offset].allSatisfy { $0 == 0 }
                    && bytes[word..<(word + 8)].reversed().reduce(0) { $0 << 8 | Int($1) } == array.count
            }
            #expect(found, "no count before the elements of \(name) at \(offset)")
        }
        try check(read.ties.endpoints, "endpoints")
        try check(read.graph.neighbors, "neighbors")
        try check(read.graph.incidentEdges, "incident edges")
        try check(read.ties.kindCodes, "kinds")
        try check(read.ties.sinceOrdinals, "since")
        try check(read.ties.originCodes, "origins")
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
