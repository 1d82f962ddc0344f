import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Rapport

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
    /// `TieKind.columnCode` and `TieOrigin.columnCode`.
    var kind: UInt8
    var origin: UInt8
    var hasSince: Bool
    /// Whether `personA` is the lower id.
    var aIsLow: Bool
}

/// What a bulk write needs of its ties and references, computed before it writes them: every id
/// interned (the people of the write first), the ids in key order, and the ties as `TieRow`s
/// sorted by key.
struct TiePlan: Sendable {
    var ids: IDTable
    var sortedIDs: SortedIDs
    var rows: [TieRow] = []

    /// - Complexity: O(rows + ids · log ids).
    init(people: [Person], ties: [Tie], interactions: [Interaction], introductions: [Introduction]) {
        ids = IDTable(seeding: people.map(\.id))
        rows.reserveCapacity(ties.count)
        for (position, tie) in ties.enumerated() {
            // The key holds the two slots until the ranks are known.
            let ends = UInt64(ids.intern(tie.personA)) << 32 | UInt64(ids.intern(tie.personB))
            rows.append(
                TieRow(
                    key: ends, position: UInt32(position), since: tie.since?.ordinal ?? 0,
                    kind: tie.kind.columnCode, origin: tie.origin.columnCode,
                    hasSince: tie.since != nil, aIsLow: false))
        }
        for i in interactions { (_, _) = (ids.intern(i.personID), ids.intern(i.withID)) }
        for i in introductions { (_, _, _) = (ids.intern(i.introducerID), ids.intern(i.personID), ids.intern(i.toID)) }
        sortedIDs = ids.sorted()
        let rankBits = sortedIDs.rankBits
        sortedIDs.rankOfSlot.withUnsafeBufferPointer { rank in
            for i in rows.indices {
                let (a, b) = (UInt64(rank[Int(rows[i].key >> 32)]), UInt64(rank[Int(rows[i].key & 0xFFFF_FFFF)]))
                // Ranks order ids exactly as SQLite compares them; equal ids keep their order and
                // fail the table's CHECK, as they should.
                rows[i].aIsLow = a <= b
                rows[i].key = Swift.min(a, b) << rankBits | Swift.max(a, b)
            }
        }
        // Stable, so that a pair given twice is written in the caller's order (the last one wins).
        RadixSort.sort(&rows, by: \.key)
    }
}

/// UTF-8 copies of a few strings (enum raw values) that stay put while a statement binds them
/// without a copy (SQLITE_STATIC) row after row.
final class PinnedStrings {
    private let storage: UnsafeMutableBufferPointer<UInt8>
    private let ranges: [Range<Int>]

    init(_ strings: [String]) {
        var ranges: [Range<Int>] = []
        var total = 0
        for s in strings {
            ranges.append(total..<total + s.utf8.count)
            total += s.utf8.count
        }
        storage = .allocate(capacity: Swift.max(total, 1))
        for (s, range) in zip(strings, ranges) { _ = UnsafeMutableBufferPointer(rebasing: storage[range]).initialize(from: s.utf8) }
        self.ranges = ranges
    }

    deinit { storage.deallocate() }

    subscript(i: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: storage[ranges[i]]) }
}
