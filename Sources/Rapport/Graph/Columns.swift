/// Strings stored back to back in one byte array: string `i` is `bytes[starts[i]..<starts[i + 1]]`.
///
/// A million people's names as `String`s cost a million allocations to create and to free; as one
/// column they are two arrays that a snapshot file restores with two copies.
public struct StringColumn: Sendable, Equatable {
    public private(set) var bytes: [UInt8] = []
    /// `count + 1` byte offsets, the first 0.
    public private(set) var starts: [UInt32] = [0]

    public init() {}

    init(bytes: [UInt8], starts: [UInt32]) {
        self.bytes = bytes
        self.starts = starts
    }

    public var count: Int { starts.count - 1 }

    /// String `i`, decoded as UTF-8 (invalid sequences become U+FFFD).
    public subscript(i: Int) -> String {
        let range = Int(starts[i])..<Int(starts[i + 1])
        return bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self)
        }
    }

    /// Calls `body` with the UTF-8 bytes of string `i`.
    public func withBytes<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let range = Int(starts[i])..<Int(starts[i + 1])
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// Appends a string.
    public mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
        starts.append(UInt32(bytes.count))
    }

    /// The positions of the strings for which `predicate` holds, in order.
    /// - Complexity: O(total bytes) plus the predicate's cost.
    public func indices(where predicate: (UnsafeRawBufferPointer) -> Bool) -> [Int] {
        var found: [Int] = []
        bytes.withUnsafeBytes { all in
            for i in 0..<count {
                let range = Int(starts[i])..<Int(starts[i + 1])
                if predicate(UnsafeRawBufferPointer(rebasing: all[range])) { found.append(i) }
            }
        }
        return found
    }

    /// Whether the offsets are well formed: non-decreasing from 0 to the end of `bytes`.
    /// A snapshot file is checked with this before any string is read from it.
    func isWellFormed() -> Bool { areOffsets(starts, from0To: bytes.count) }

    /// Whether string `i` equals `other` byte for byte.
    func equals(_ i: Int, _ other: UnsafeRawBufferPointer) -> Bool {
        withBytes(i) { $0.elementsEqual(other) }
    }
}

/// A column of optional strings in which repeated values can share one stored copy: row `r` holds
/// `values[codes[r]]`, or nothing when the code is −1. (Columns of nearly unique values, such as
/// emails, skip the sharing; `values` may then hold equal strings.)
///
/// Titles, organizations, places and first names repeat across a directory, so a million rows
/// usually hold a few thousand distinct values; matching work can then run once per value.
public struct InternedColumn: Sendable, Equatable {
    public internal(set) var values = StringColumn()
    public internal(set) var codes: [Int32] = []

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
    public internal(set) var offsets: [UInt32] = [0]
    public internal(set) var codes: [Int32] = []

    public init() {}

    public var count: Int { offsets.count - 1 }

    /// The codes of row `r`.
    public func codes(of r: Int) -> ArraySlice<Int32> { codes[Int(offsets[r])..<Int(offsets[r + 1])] }

    /// The list in row `r`.
    public subscript(r: Int) -> [String] { codes(of: r).map { values[Int($0)] } }

    func isWellFormed() -> Bool {
        guard values.isWellFormed(), areOffsets(offsets, from0To: codes.count) else { return false }
        return areCodes(codes, in: 0, Int32(values.count))
    }
}

/// Builds interned columns, giving each distinct string one code.
struct Interner {
    private var table: [String: Int32] = [:]
    private(set) var values = StringColumn()

    mutating func code(_ string: String) -> Int32 {
        if let code = table[string] { return code }
        let code = append(string)
        table[string] = code
        return code
    }

    /// A new code for `string`, without looking for an equal value.
    mutating func append(_ string: String) -> Int32 {
        values.append(string)
        return Int32(values.count - 1)
    }
}

/// Appends rows to an `InternedColumn`.
struct InternedColumnBuilder {
    private var interner = Interner()
    private var codes: [Int32] = []
    /// Whether equal values share a code. Off for values that are nearly all distinct (profile
    /// URLs), where hashing each one buys nothing.
    private let interning: Bool

    init(interning: Bool = true) { self.interning = interning }

    mutating func append(_ value: String?) { codes.append(value.map { code($0) } ?? -1) }

    /// Appends a row by code, for values interned elsewhere through `code(_:)`.
    mutating func append(code: Int32) { codes.append(code) }
    mutating func code(_ value: String) -> Int32 { interning ? interner.code(value) : interner.append(value) }

    func build() -> InternedColumn {
        var column = InternedColumn()
        column.values = interner.values
        column.codes = codes
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
        column.values = interner.values
        column.offsets = offsets
        column.codes = codes
        return column
    }
}

/// Whether `offsets` (one more than the items they delimit) start at 0, never decrease and end at
/// `end`: then every `offsets[i]..<offsets[i + 1]` is a valid range into a buffer of `end` entries.
/// Checked on everything read back from a snapshot file before it is used to index.
func areOffsets<T: BinaryInteger>(_ offsets: [T], from0To end: Int) -> Bool {
    guard offsets.first == 0, offsets.last.map(Int.init) == end else { return false }
    // No early exit, so the loop vectorizes: these checks run over every column of a loaded
    // snapshot, tens of millions of entries at a million people.
    return offsets.withUnsafeBufferPointer { o in
        var descents = 0
        for i in 1..<o.count { descents |= o[i - 1] > o[i] ? 1 : 0 }
        return descents == 0
    }
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
