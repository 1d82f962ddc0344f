/// A hash map from an unordered pair of node indices (`NetworkBuilder.pairKey`, never 0) to a tie
/// index: open addressing with linear probing over two flat arrays.
///
/// Ten million ties in a `Dictionary<UInt64, Int>` took seconds to insert, mostly for its generic
/// machinery and growth; here an insert is a multiply, a shift and usually one cache miss.
struct PairIndex: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    subscript(key: UInt64) -> Int? {
        var s = slot(of: key)
        while true {
            let k = keys[s]
            if k == key { return Int(values[s]) }
            if k == 0 { return nil }
            s = (s + 1) & mask
        }
    }

    /// Inserts `key` → `value`; the key must not be present yet.
    mutating func insert(_ key: UInt64, _ value: Int) {
        precondition(key != 0 && value <= Int(Int32.max), "pair keys are never 0; tie indices fit in Int32")
        if (count + 1) * 2 > keys.count { grow() }
        var s = slot(of: key)
        while keys[s] != 0 { s = (s + 1) & mask }
        keys[s] = key
        values[s] = Int32(value)
        count += 1
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (i, key) in oldKeys.enumerated() where key != 0 {
            var s = slot(of: key)
            while keys[s] != 0 { s = (s + 1) & mask }
            keys[s] = key
            values[s] = oldValues[i]
        }
    }
}
