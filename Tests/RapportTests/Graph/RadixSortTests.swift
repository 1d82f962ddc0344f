import RapportTestSupport
import Testing

@testable import Rapport

/// `RadixSort` against the standard library's sort on (key, original position): stable, whatever
/// the keys' width, and the same when the items are in order already.
@Suite struct RadixSortTests {
    @Test(arguments: 1...16 as ClosedRange<UInt64>)
    func sortsStablyAsTheStandardSortByKeyThenPosition(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let count = Int.random(in: 0..<3_000, using: &random)
        let width = Int.random(in: 1...63, using: &random)
        // Few distinct keys now and then, so that many are equal.
        let distinct = seed % 3 == 0 ? 5 : UInt64.max
        var items = (0..<count).map { position in
            (key: UInt64.random(in: 0...(UInt64(1) << width - 1), using: &random) % distinct, position: position)
        }
        switch seed % 4 {
        case 1: items.sort { ($0.key, $0.position) < ($1.key, $1.position) }
        case 2: items.reverse()
        default: break
        }
        let expected = items.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(
            \.element)
        var sorted = items
        RadixSort.sort(&sorted, by: \.key)
        #expect(sorted.map(\.key) == expected.map(\.key))
        #expect(sorted.map(\.position) == expected.map(\.position))
    }
}
