/// A hash map from an unordered pair of person indices (`NetworkBuilder.pairKey`) to a position:
/// the tie index of a builder, the tie position of an import's merge. Open addressing with linear
/// probing over one array of (key, position) slots.
///
/// A `Dictionary<UInt64, Int>` keeps its keys, its values and its occupancy bitmap in three
/// arrays, so a lookup at random in ten million entries misses the cache up to three times, and
/// hashes with SipHash; building and probing it was a quarter of a million-person re-import's CPU
/// and seconds of building a ten-million-tie network. Here a lookup reads one 16-byte slot
/// (usually one cache line) after a multiplicative hash (Fibonacci hashing, Knuth TAOCP vol. 3
/// §6.4).
///
/// Keys are never removed. The table doubles when it passes 3/4 full.
package struct PairIndex: Sendable {
    /// `key + 1` (0 marks an empty slot; keys are pair keys of 32-bit indices, below `UInt64.max`)
    /// and the position.
    private var slots: [(key: UInt64, position: Int)]
    private var mask: Int
    private var shift: UInt64
    package private(set) var count = 0

    /// A table with room for `capacity` pairs before it grows.
    package init(capacity: Int = 0) {
        let size = Swift.max(16, (capacity * 4 / 3 + 1).nextPowerOfTwo)
        slots = Array(repeating: (0, 0), count: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    private func home(_ stored: UInt64) -> Int { Int(truncatingIfNeeded: (stored &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The position of `key`, or nil.
    /// - Complexity: O(1) expected.
    package subscript(key: UInt64) -> Int? {
        let stored = key &+ 1
        var i = home(stored)
        while true {
            let slot = slots[i]
            if slot.key == stored { return slot.position }
            if slot.key == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// Sets the position of `key` unless it already has one; whether it was inserted.
    /// - Complexity: O(1) amortized.
    @discardableResult
    package mutating func insertIfAbsent(_ key: UInt64, position: Int) -> Bool {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let stored = key &+ 1
        var i = home(stored)
        while true {
            let current = slots[i].key
            if current == stored { return false }
            if current == 0 {
                slots[i] = (stored, position)
                count += 1
                return true
            }
            i = (i + 1) & mask
        }
    }

    /// Inserts `key` → `position`; the key must not be present yet.
    package mutating func insert(_ key: UInt64, _ position: Int) {
        let inserted = insertIfAbsent(key, position: position)
        precondition(inserted, "the pair is indexed already")
    }

    private mutating func grow() {
        let old = slots
        self = PairIndex(capacity: slots.count)
        for slot in old where slot.key != 0 { insertIfAbsent(slot.key &- 1, position: slot.position) }
    }
}

extension Int {
    /// The smallest power of two at least `self` (1 for 0 and 1).
    fileprivate var nextPowerOfTwo: Int { self <= 1 ? 1 : 1 << (Int.bitWidth - (self - 1).leadingZeroBitCount) }
}
