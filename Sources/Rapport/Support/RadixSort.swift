/// Sorting by integer keys in linear time.
public enum RadixSort {
    /// Sorts `items` by `key`, equal keys in their original order (stable). An LSD radix sort over
    /// the bits the keys actually use: ten million 40-bit pair keys sort in well under a second,
    /// where comparing pairs of id strings took seconds. The workspace's bulk write orders its tie
    /// rows with it, and an import's merge joins a ties file with the stored ties.
    /// - Complexity: O(n · significant bits / 11) time, O(n) extra space; O(n) and none when the
    ///   items are in order already.
    // Inlined into each caller, where `Element` and `key` are known: unspecialized, the passes moved
    // every element through value witnesses, ten times slower.
    @inlinable @inline(__always)
    public static func sort<Element>(_ items: inout [Element], by key: (Element) -> UInt64) {
        // The bits in use, and whether the items are in order already (a re-import's stored ties
        // often are): then there is nothing to move.
        var used: UInt64 = 0
        var previous: UInt64 = 0
        var inOrder = true
        for item in items {
            let k = key(item)
            used |= k
            if k < previous { inOrder = false }
            previous = k
        }
        let bits = UInt64.bitWidth - used.leadingZeroBitCount
        guard items.count > 1, bits > 0, !inOrder else { return }
        let digitBits = 11, mask = UInt64(1 << digitBits - 1)
        var scratch = items
        var counts = [Int](repeating: 0, count: 1 << digitBits)
        for shift in stride(from: 0, to: bits, by: digitBits).map(UInt64.init) {
            for i in counts.indices { counts[i] = 0 }
            for item in items { counts[Int((key(item) >> shift) & mask)] += 1 }
            var total = 0
            for i in counts.indices { (counts[i], total) = (total, total + counts[i]) }
            items.withUnsafeBufferPointer { from in
                scratch.withUnsafeMutableBufferPointer { to in
                    for item in from {
                        let digit = Int((key(item) >> shift) & mask)
                        to[counts[digit]] = item
                        counts[digit] += 1
                    }
                }
            }
            swap(&items, &scratch)
        }
    }
}
