#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The distinct person ids one write refers to, interned once, with their bytes back to back.
///
/// A bulk import names the same million ids twenty million times (ten million ties). Interning them
/// lets the write sort ties by integers instead of strings, bind ids straight from `bytes` without a
/// `String` per row, and check each distinct reference once instead of once per row.
struct IDTable {
    /// Slot by id.
    private var slotByID: [String: UInt32] = [:]
    /// The UTF-8 of every id, slot after slot: id `s` is `bytes[starts[s]..<starts[s + 1]]`.
    private(set) var bytes: [UInt8] = []
    private var starts: [Int] = [0]

    init(capacity: Int) { slotByID.reserveCapacity(capacity) }

    var count: Int { starts.count - 1 }

    /// The slot of `id`, interning it on first sight.
    mutating func intern(_ id: String) -> UInt32 {
        if let slot = slotByID[id] { return slot }
        let slot = UInt32(count)
        slotByID[id] = slot
        bytes.append(contentsOf: id.utf8)
        starts.append(bytes.count)
        return slot
    }

    /// The slot of `id`, if interned.
    func slot(of id: String) -> UInt32? { slotByID[id] }

    /// The byte range of slot `s` in `bytes`.
    func range(of s: UInt32) -> Range<Int> { starts[Int(s)]..<starts[Int(s) + 1] }

    func id(_ s: UInt32) -> String { String(decoding: bytes[range(of: s)], as: UTF8.self) }

    /// Each slot's position when the ids are sorted the way SQLite's BINARY collation sorts them
    /// (bytes compared with `memcmp`, shorter prefix first), so that `rank` order is key order.
    /// - Complexity: O(n log n) comparisons of ids.
    func ranks() -> [UInt32] {
        var order = Array(0..<UInt32(count))
        bytes.withUnsafeBufferPointer { base in
            starts.withUnsafeBufferPointer { starts in
                order.sort { x, y in
                    let (xs, xe, ys, ye) = (starts[Int(x)], starts[Int(x) + 1], starts[Int(y)], starts[Int(y) + 1])
                    let (xn, yn) = (xe - xs, ye - ys)
                    let c = memcmp(base.baseAddress! + xs, base.baseAddress! + ys, min(xn, yn))
                    return c != 0 ? c < 0 : xn < yn
                }
            }
        }
        var rank = [UInt32](repeating: 0, count: count)
        for (position, slot) in order.enumerated() { rank[Int(slot)] = UInt32(position) }
        return rank
    }
}

/// Sorting by integer keys in linear time.
enum RadixSort {
    /// The positions `0..<keys.count` ordered by `keys`, equal keys in their original order
    /// (stable). An LSD radix sort over the bits that `keys` actually use: ten million 40-bit
    /// pair keys sort in a fraction of a second, where comparing pairs of id strings took seconds.
    /// - Complexity: O(n · significant bits / 11).
    static func order(by keys: [UInt64]) -> [UInt32] {
        let n = keys.count
        let used = keys.reduce(0, |)
        let bits = 64 - used.leadingZeroBitCount
        var order = Array(0..<UInt32(n))
        guard n > 1, bits > 0 else { return order }
        let digitBits = 11, buckets = 1 << digitBits
        var scratch = [UInt32](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: buckets)
        keys.withUnsafeBufferPointer { keys in
            var shift = 0
            while shift < bits {
                let s = UInt64(shift), mask = UInt64(buckets - 1)
                for i in counts.indices { counts[i] = 0 }
                for k in keys { counts[Int((k >> s) & mask)] += 1 }
                var total = 0
                for i in counts.indices { (counts[i], total) = (total, total + counts[i]) }
                order.withUnsafeBufferPointer { from in
                    scratch.withUnsafeMutableBufferPointer { to in
                        for position in from {
                            let digit = Int((keys[Int(position)] >> s) & mask)
                            to[counts[digit]] = position
                            counts[digit] += 1
                        }
                    }
                }
                swap(&order, &scratch)
                shift += digitBits
            }
        }
        return order
    }
}
