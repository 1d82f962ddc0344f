import Testing
import RapportTestSupport
@testable import Rapport

/// `PairIndex` against a `Dictionary` doing the same inserts and lookups (the first position of
/// a key wins), through several growths.
@Suite struct PairIndexTests {
    @Test func agreesWithADictionaryThroughGrowth() {
        var random = SplitMix64(seed: 17)
        var index = PairIndex()
        var reference: [UInt64: Int] = [:]
        // Keys 0 and UInt64.max - 1 sit at the edges of the "key + 1" encoding.
        var keys: [UInt64] = [0, UInt64.max - 1, 1 << 32 | 7]
        for _ in 0..<20_000 { keys.append(UInt64.random(in: 0..<5_000, using: &random) << 32 | UInt64.random(in: 0..<50, using: &random)) }
        for (position, key) in keys.enumerated() {
            let inserted = index.insertIfAbsent(key, position: position)
            #expect(inserted == (reference[key] == nil))
            if reference[key] == nil { reference[key] = position }
        }
        #expect(index.count == reference.count)
        for (key, position) in reference { #expect(index[key] == position) }
        for key: UInt64 in [5_001 << 32, 3, UInt64.max - 2] where reference[key] == nil { #expect(index[key] == nil) }
    }
}
