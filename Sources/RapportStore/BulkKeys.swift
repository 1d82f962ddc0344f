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
    /// The ids it was seeded with (the people of the write) at slots `0..<seeded.count`, looked up
    /// through `IdentifierTable`: ids of one numbered shape then cost an array read, not a hash of
    /// a string and a probe of a million-entry dictionary. `nil` when the seed ids repeat.
    private var seeded: IdentifierTable?
    /// Slot by id, for the ids past the seeded ones.
    private var slotByID: [String: UInt32] = [:]
    /// The UTF-8 of every id, slot after slot: id `s` is `bytes[starts[s]..<starts[s + 1]]`.
    private(set) var bytes: [UInt8] = []
    private var starts: [Int] = [0]

    /// A table holding `ids` at slots from 0, in order when they are distinct.
    init(seeding ids: [String]) {
        var table = IdentifierTable()
        for id in ids { table.append(id) }
        if (try? table.build()) != nil {
            seeded = table
            for id in ids { append(id) }
        } else {
            for id in ids { _ = intern(id) }
        }
    }

    private mutating func append(_ id: String) {
        bytes.append(contentsOf: id.utf8)
        starts.append(bytes.count)
    }

    var count: Int { starts.count - 1 }

    /// The slot of `id`, interning it on first sight.
    mutating func intern(_ id: String) -> UInt32 {
        if let slot = slot(of: id) { return slot }
        let slot = UInt32(count)
        slotByID[id] = slot
        append(id)
        return slot
    }

    /// The slot of `id`, if interned.
    func slot(of id: String) -> UInt32? {
        if let seeded, let i = seeded.index(of: id) { return UInt32(i) }
        return slotByID[id]
    }

    /// The byte range of slot `s` in `bytes`.
    func range(of s: UInt32) -> Range<Int> { starts[Int(s)]..<starts[Int(s) + 1] }

    func id(_ s: UInt32) -> String { String(decoding: bytes[range(of: s)], as: UTF8.self) }

    /// The ids sorted the way SQLite's BINARY collation sorts them (bytes compared with `memcmp`,
    /// shorter prefix first), so that rank order is key order.
    /// - Complexity: O(n log n) comparisons of ids.
    func sorted() -> SortedIDs {
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
        var sorted = SortedIDs(rankOfSlot: [UInt32](repeating: 0, count: count))
        sorted.bytes.reserveCapacity(bytes.count)
        sorted.starts.reserveCapacity(count + 1)
        for (rank, slot) in order.enumerated() {
            sorted.rankOfSlot[Int(slot)] = UInt32(rank)
            sorted.bytes.append(contentsOf: bytes[range(of: slot)])
            sorted.starts.append(sorted.bytes.count)
        }
        return sorted
    }
}

/// An `IDTable`'s ids in key order: id of rank `r` is `bytes[starts[r]..<starts[r + 1]]`.
///
/// Laid out by rank so that a write in key order reads the lower ids of its ties front to back.
struct SortedIDs {
    var rankOfSlot: [UInt32]
    var bytes: [UInt8] = []
    var starts: [Int] = [0]

    /// Bits that hold any rank.
    var rankBits: UInt64 { UInt64(Swift.max(1, Int.bitWidth - rankOfSlot.count.leadingZeroBitCount)) }
}

/// One tie as a bulk write needs it, small enough to travel through a radix sort: the write then
/// reads its rows front to back in key order instead of gathering them from ten-million-element
/// arrays, a cache miss or three per row.
struct TieRow {
    /// (low rank, high rank), packed in `SortedIDs.rankBits` each.
    var key: UInt64
    /// The tie's position in the caller's array.
    var position: UInt32
    /// `Day.ordinal` of `since`, when `hasSince`.
    var since: Int32
    /// Indices in `TieKind.allCases` and `TieOrigin.allCases`.
    var kind: UInt8
    var origin: UInt8
    var hasSince: Bool
    /// Whether `personA` is the lower id.
    var aIsLow: Bool
}

/// Sorting by integer keys in linear time.
enum RadixSort {
    /// Sorts `items` by `key`, equal keys in their original order (stable). An LSD radix sort over
    /// the bits the keys actually use: ten million 40-bit pair keys sort in well under a second,
    /// where comparing pairs of id strings took seconds.
    /// - Complexity: O(n · significant bits / 11) time, O(n) extra space.
    static func sort<Element>(_ items: inout [Element], by key: (Element) -> UInt64) {
        let used = items.reduce(UInt64(0)) { $0 | key($1) }
        let bits = UInt64.bitWidth - used.leadingZeroBitCount
        guard items.count > 1, bits > 0 else { return }
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
