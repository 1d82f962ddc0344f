import Foundation

/// Strings stored back to back in one byte array: string `i` is `bytes[starts[i]..<starts[i + 1]]`.
///
/// A million people's names as `String`s cost a million allocations to create and to free; as one
/// column they are two arrays, which a snapshot file lends in place (`FixedArray`). Columns are
/// built with a `StringColumnBuilder`; `append` here serves the few edits of a small write.
public struct StringColumn: Sendable, Equatable {
    public private(set) var bytes: FixedArray<UInt8> = []
    /// `count + 1` byte offsets, the first 0.
    public private(set) var starts: FixedArray<UInt32> = [0]

    public init() {}

    init(bytes: FixedArray<UInt8>, starts: FixedArray<UInt32>) {
        self.bytes = bytes
        self.starts = starts
    }

    public var count: Int { starts.count - 1 }

    /// String `i`, decoded as UTF-8 (invalid sequences become U+FFFD).
    public subscript(i: Int) -> String {
        withBytes(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of string `i`.
    public func withBytes<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let range = Int(starts[i])..<Int(starts[i + 1])
        return try bytes.withUnsafeBytes { all throws in try body(UnsafeRawBufferPointer(rebasing: all[range])) }
    }

    /// Appends a string.
    public mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in bytes.modify { $0.append(contentsOf: utf8) } }
        starts.append(UInt32(bytes.count))
    }

    /// The positions of the strings for which `predicate` holds, in order.
    /// - Complexity: O(total bytes) plus the predicate's cost.
    public func indices(where predicate: (UnsafeRawBufferPointer) -> Bool) -> [Int] {
        // One buffer for the whole pass: `withBytes` per string would retain the storage each time.
        bytes.withUnsafeBytes { all in
            starts.withUnsafeBufferPointer { starts in
                (0..<count).filter {
                    predicate(UnsafeRawBufferPointer(rebasing: all[Int(starts[$0])..<Int(starts[$0 + 1])]))
                }
            }
        }
    }

    /// Whether the offsets are well formed: non-decreasing from 0 to the end of `bytes`.
    /// A snapshot file is checked with this before any string is read from it.
    func isWellFormed() -> Bool { areOffsets(starts, from0To: bytes.count) }
}

/// Appends strings to a `StringColumn` in arrays of its own, wrapped once by `build()`.
struct StringColumnBuilder {
    private var bytes: [UInt8] = []
    private var starts: [UInt32] = [0]

    var count: Int { starts.count - 1 }

    mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends a string given as its UTF-8 bytes.
    mutating func append(_ utf8: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: utf8)
        starts.append(UInt32(bytes.count))
    }

    /// Calls `body` with the UTF-8 bytes of string `i`.
    func withBytes<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let range = Int(starts[i])..<Int(starts[i + 1])
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// Whether string `i` equals `other` byte for byte.
    func equals(_ i: Int, _ other: UnsafeRawBufferPointer) -> Bool {
        withBytes(i) { mine in
            guard mine.count == other.count else { return false }
            guard let a = mine.baseAddress, let b = other.baseAddress else { return true }
            return memcmp(a, b, mine.count) == 0
        }
    }

    func build() -> StringColumn { StringColumn(bytes: FixedArray(bytes), starts: FixedArray(starts)) }
}

/// A column of optional strings in which repeated values can share one stored copy: row `r` holds
/// `values[codes[r]]`, or nothing when the code is −1. (Columns of nearly unique values, such as
/// emails, skip the sharing; `values` may then hold equal strings.)
///
/// Titles, organizations, places and first names repeat across a directory, so a million rows
/// usually hold a few thousand distinct values; matching work can then run once per value.
public struct InternedColumn: Sendable, Equatable {
    public internal(set) var values = StringColumn()
    public internal(set) var codes: FixedArray<Int32> = []

    public init() {}

    public var count: Int { codes.count }

    /// The value of row `r`, or `nil`.
    public subscript(r: Int) -> String? {
        let code = codes[r]
        return code < 0 ? nil : values[Int(code)]
    }

    /// The rows whose value equals `bytes`.
    func rows(equalTo bytes: UnsafeRawBufferPointer) -> [Int32] {
        let matching = Set(values.indices { $0.elementsEqual(bytes) }.map(Int32.init))
        guard !matching.isEmpty else { return [] }
        var rows: [Int32] = []
        for (r, code) in codes.enumerated() where matching.contains(code) { rows.append(Int32(r)) }
        return rows
    }

    func isWellFormed() -> Bool {
        guard values.isWellFormed() else { return false }
        return areCodes(codes, in: -1, Int32(values.count))
    }
}

/// A column of string lists with each distinct value stored once: row `r` holds
/// `values[codes[offsets[r]..<offsets[r + 1]]]`.
public struct InternedListColumn: Sendable, Equatable {
    public internal(set) var values = StringColumn()
    /// `count + 1` positions into `codes`, the first 0.
    public internal(set) var offsets: FixedArray<UInt32> = [0]
    public internal(set) var codes: FixedArray<Int32> = []

    public init() {}

    public var count: Int { offsets.count - 1 }

    /// The codes of row `r`.
    public func codes(of r: Int) -> Slice<FixedArray<Int32>> { codes[Int(offsets[r])..<Int(offsets[r + 1])] }

    /// The list in row `r`.
    public subscript(r: Int) -> [String] { codes(of: r).map { values[Int($0)] } }

    func isWellFormed() -> Bool {
        guard values.isWellFormed(), areOffsets(offsets, from0To: codes.count) else { return false }
        return areCodes(codes, in: 0, Int32(values.count))
    }
}

/// Builds interned columns, giving each distinct string one code: an open-addressing table over the
/// bytes already stored in `values`, so interning a field read in place (a CSV record's bytes)
/// creates no `String`. Each slot packs the value's code + 1 (0: empty) with the high half of its
/// hash, so a probe compares bytes only when the hashes' halves agree.
struct Interner {
    private(set) var values = StringColumnBuilder()
    private var slots: [UInt64] = []
    /// The values entered in `slots` (those from `code`, not `append`).
    private var entered = 0

    mutating func code(_ string: String) -> Int32 {
        var string = string
        return string.withUTF8 { code(UnsafeRawBufferPointer($0)) }
    }

    mutating func code(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        if 2 * (entered + 1) > slots.count { grow() }
        let hash = Interner.hash(bytes)
        let tag = hash >> 32
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] != 0 {
            let slot = slots[i]
            if slot >> 32 == tag {
                let code = Int(UInt32(truncatingIfNeeded: slot)) - 1
                if values.equals(code, bytes) { return Int32(code) }
            }
            i = (i &+ 1) & mask
        }
        let code = append(bytes)
        slots[i] = tag << 32 | UInt64(code + 1)
        entered += 1
        return code
    }

    /// A new code for `string`, without looking for an equal value.
    mutating func append(_ string: String) -> Int32 {
        values.append(string)
        return Int32(values.count - 1)
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        values.append(bytes)
        return Int32(values.count - 1)
    }

    private mutating func grow() {
        var bigger = [UInt64](repeating: 0, count: max(64, 2 * slots.count))
        let mask = bigger.count - 1
        for slot in slots where slot != 0 {
            let code = Int(UInt32(truncatingIfNeeded: slot)) - 1
            var i = values.withBytes(code) { Int(truncatingIfNeeded: Interner.hash($0)) } & mask
            while bigger[i] != 0 { i = (i &+ 1) & mask }
            bigger[i] = slot
        }
        slots = bigger
    }

    /// A hash of `bytes` eight at a time (multiply and fold, as wyhash's mixing; not stable across
    /// versions and never stored: the table is rebuilt whenever it is needed).
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h = UInt64(bytes.count) &* k
        var i = 0
        while i &+ 8 <= bytes.count {
            h = mix(h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self), k)
            i &+= 8
        }
        if i < bytes.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < bytes.count {
                tail |= UInt64(bytes[i]) << shift
                shift &+= 8
                i &+= 1
            }
            h = mix(h ^ tail, k)
        }
        return mix(h, 0xBF58_476D_1CE4_E5B9)
    }

    /// The 128-bit product of `a` and `b`, its halves xored.
    @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        return high ^ low
    }
}

/// Appends rows to an `InternedColumn`: by value (a `String` or bytes read in place), or by a code
/// interned earlier through `code(_:)`. Parts built on several threads join with
/// `append(contentsOf:)`.
public struct InternedColumnBuilder: Sendable {
    private var interner = Interner()
    private var codes: [Int32] = []
    /// Whether equal values share a code. Off for values that are nearly all distinct (profile
    /// URLs), where hashing each one buys nothing.
    private let interning: Bool

    public init(interning: Bool = true) { self.interning = interning }

    /// The rows appended so far.
    public var count: Int { codes.count }

    mutating func append(_ value: String?) { codes.append(value.map { code($0) } ?? -1) }

    /// Appends a row holding `bytes` (UTF-8).
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        codes.append(interning ? interner.code(bytes) : interner.append(bytes))
    }

    /// Appends a row by code, for values interned elsewhere through `code(_:)`.
    mutating func append(code: Int32) { codes.append(code) }
    mutating func code(_ value: String) -> Int32 { interning ? interner.code(value) : interner.append(value) }

    /// Appends the rows of `other` after these: its values are interned into this builder's and its
    /// codes translated, so equal values still share one code.
    /// - Complexity: O(other's distinct values + other's rows).
    public mutating func append(contentsOf other: InternedColumnBuilder) {
        let values = other.interner.values
        var translated = [Int32](repeating: -1, count: values.count)
        for v in 0..<values.count {
            translated[v] = values.withBytes(v) { interning ? interner.code($0) : interner.append($0) }
        }
        codes.reserveCapacity(codes.count + other.codes.count)
        for code in other.codes { codes.append(code < 0 ? -1 : translated[Int(code)]) }
    }

    public func build() -> InternedColumn {
        var column = InternedColumn()
        column.values = interner.values.build()
        column.codes = FixedArray(codes)
        return column
    }
}

/// Appends rows to an `InternedListColumn`.
struct InternedListColumnBuilder {
    private var interner = Interner()
    private var offsets: [UInt32] = [0]
    private var codes: [Int32] = []
    /// Whether equal values share a code (off for emails and notes, nearly all distinct).
    private let interning: Bool

    init(interning: Bool = true) { self.interning = interning }

    mutating func append(_ list: [String]) {
        for item in list { codes.append(interning ? interner.code(item) : interner.append(item)) }
        offsets.append(UInt32(codes.count))
    }

    func build() -> InternedListColumn {
        var column = InternedListColumn()
        column.values = interner.values.build()
        column.offsets = FixedArray(offsets)
        column.codes = FixedArray(codes)
        return column
    }
}

/// Whether `offsets` (one more than the items they delimit) start at 0, never decrease and end at
/// `end`: then every `offsets[i]..<offsets[i + 1]` is a valid range into a buffer of `end` entries.
/// Checked on everything read back from a snapshot file before it is used to index.
func areOffsets<C: RandomAccessCollection>(_ offsets: C, from0To end: Int) -> Bool where C.Element: BinaryInteger {
    guard offsets.first == 0, let last = offsets.last, Int(last) == end else { return false }
    // No early exit, so the loop vectorizes: these checks run over every column of a loaded
    // snapshot, tens of millions of entries at a million people.
    return offsets.withContiguousStorageIfAvailable { o in
        var descents = 0
        for i in 1..<o.count { descents |= o[i - 1] > o[i] ? 1 : 0 }
        return descents == 0
    } ?? zip(offsets, offsets.dropFirst()).allSatisfy { $0 <= $1 }
}

/// Whether every code in `codes` lies in `lowest..<limit`, in one pass without an early exit (it
/// vectorizes): the check of a snapshot's code and index columns before anything indexes with them.
func areCodes<C: Collection>(_ codes: C, in lowest: Int32, _ limit: Int32) -> Bool where C.Element == Int32 {
    let span = UInt32(bitPattern: limit &- lowest)
    return codes.withContiguousStorageIfAvailable { c in
        var top: UInt32 = 0
        for x in c { top = max(top, UInt32(bitPattern: x &- lowest)) }
        return c.isEmpty || (limit > lowest && top < span)
    } ?? codes.allSatisfy { $0 >= lowest && $0 < limit }
}

/// Whether every byte code in `codes` is below `limit`, as `areCodes`.
func areByteCodes(_ codes: FixedArray<UInt8>, below limit: Int) -> Bool {
    codes.withUnsafeBufferPointer { c in
        var top: UInt8 = 0
        for x in c { top = max(top, x) }
        return c.isEmpty || Int(top) < limit
    }
}
