import RapportTestSupport
import Testing

@testable import Rapport

/// CRC-32C against the published test vectors.
@Suite struct CRC32CTests {
    /// RFC 3720 (iSCSI), appendix B.4: 32 bytes of zeros, of ones, ascending and descending.
    @Test func rfc3720TestVectors() {
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
        #expect(CRC32C.checksum((0..<32).map { UInt8($0) }) == 0x46DD_794E)
        #expect(CRC32C.checksum((0..<32).map { UInt8(31 - $0) }) == 0x113F_DB5C)
    }

    /// The "check" value of the CRC catalogue (Greg Cook's reveng: CRC-32/ISCSI) for "123456789".
    @Test func catalogueCheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([]) == 0)
    }

    /// Any split into pieces, at any alignment, gives the checksum of the whole (the word loop and
    /// the byte loops agree).
    @Test func piecesAtAnyAlignmentAgreeWithTheWhole() {
        var rng = SplitMix64(seed: 32_0001)
        let bytes = (0..<1000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let whole = CRC32C.checksum(bytes)
        for _ in 0..<50 {
            var crc = CRC32C()
            var at = 0
            while at < bytes.count {
                let n = min(bytes.count - at, Int.random(in: 0...37, using: &rng))
                crc.update(Array(bytes[at..<(at + n)]))
                at += n
            }
            #expect(crc.value == whole)
        }
    }

    /// The CRC32 instruction and the tables agree on every length and alignment (random data):
    /// lengths below and above the three-stream blocks (3 × 256 and 3 × 8192 bytes), and at their
    /// edges, where the streams' remainders are joined.
    @Test(.enabled(if: CRC32C.hasHardware, "no SSE 4.2 CRC32 instruction on this processor"))
    func theInstructionAndTheTablesAgree() {
        var rng = SplitMix64(seed: 32_0002)
        let bytes = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let edges = [767, 768, 769, 1536, 24_575, 24_576, 24_577, 49_152 + 768 + 5, 99_000]
        for trial in 0..<(200 + edges.count) {
            let start = Int.random(in: 0..<64, using: &rng)
            let length =
                trial < edges.count
                ? edges[trial] : Int.random(in: 0...(trial % 2 == 0 ? 4096 : bytes.count - start), using: &rng)
            let slice = Array(bytes[start..<(start + length)])
            var hardware = CRC32C(), tables = CRC32C()
            slice.withUnsafeBytes {
                hardware.update($0)
                tables.updateWithTables($0)
            }
            #expect(hardware.value == tables.value)
        }
    }
}
