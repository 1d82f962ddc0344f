#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps identifier strings (as UTF-8 bytes) to dense `Int32` indices, built once, then read often.
///
/// Loading a million-person network does some twenty million id lookups, and the map decides most of
/// the load time (`Dictionary<String, Int32>` hashes and compares heap strings). This table has two
/// layouts, chosen at `build()`:
/// - **numeric**: when the ids are one shared prefix followed by digits of one fixed width (`p000123`,
///   `A-0042`, `12345`) and the numbers are dense, an id maps through one array read: no hashing.
///   A few ids of another shape (at most one in 64) are allowed and hashed on the side: a
///   workspace's `me` must not send a million `p000123` lookups through the hash.
///   When the numbers also run consecutively in append order (`p000000`, `p000001`, … — a file
///   written in id order), the index is the number minus the first one and there is no array at
///   all: at a million ids that array is 4 MB, larger than L2, and its random reads were most of the
///   lookup time.
/// - **hashed**: otherwise, open addressing with linear probing over 8-byte slots (a 32-bit hash tag
///   and the index); keys live in one byte arena, compared only when the tag matches.
///
/// Any id string is accepted; the numeric layout is only a faster path for a common shape.
public struct IdentifierTable: Sendable {
    private var arena: [UInt8] = []
    @usableFromInline var starts: [Int] = [0]
    // numeric layout
    @usableFromInline var prefix: [UInt8] = []
    @usableFromInline var digitCount = 0
    /// number → index; empty when the numbers are consecutive (`firstNumber` + index).
    @usableFromInline var numberToIndex: [Int32] = []
    @usableFromInline var firstNumber = 0
    /// The indices the consecutive numbering covers (`firstNumber` + index = number).
    @usableFromInline var numericRange = 0..<0
    // hashed layout
    private var slots: [UInt64] = []
    private var mask = 0
    public private(set) var isNumeric = false

    public init() {}

    /// The number of ids.
    @inlinable public var count: Int { starts.count - 1 }

    /// Appends an id; its index is the current `count`. Call `build()` before lookups.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
    }

    public mutating func append(_ id: String) {
        var id = id
        id.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends every id of `other` (not yet built), in order: for tables filled on several threads.
    public mutating func append(contentsOf other: IdentifierTable) {
        let base = arena.count
        arena.append(contentsOf: other.arena)
        starts.append(contentsOf: other.starts.dropFirst().lazy.map { $0 + base })
    }

    /// The id at `index`.
    public func id(at index: Int32) -> String {
        String(decoding: arena[starts[Int(index)]..<starts[Int(index) + 1]], as: UTF8.self)
    }

    /// Chooses the layout and indexes every id.
    /// - Throws: `IdentifierTableError.duplicate` naming the first id seen twice.
    /// - Complexity: O(total id bytes).
    public mutating func build() throws(IdentifierTableError) {
        if try buildNumeric() {
            isNumeric = true
            return
        }
        isNumeric = false
        numberToIndex = []
        prefix = []
        try buildHashed(0..<count)
    }

    /// Hashes the ids at `indices` into `slots`.
    private mutating func buildHashed<S: Collection>(_ indices: S) throws(IdentifierTableError) where S.Element == Int {
        var capacity = 16
        while capacity < indices.count * 2 { capacity <<= 1 }
        slots = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
        for i in indices {
            let hash = arena.withUnsafeBytes { IdentifierTable.hash(UnsafeRawBufferPointer(rebasing: $0[starts[i]..<starts[i + 1]])) }
            var slot = Int(hash) & mask
            while slots[slot] != 0 {
                let other = Int(UInt32(truncatingIfNeeded: slots[slot]) - 1)
                if UInt32(slots[slot] >> 32) == hash, keyEquals(other, i) { throw .duplicate(id(at: Int32(i))) }
                slot = (slot + 1) & mask
            }
            slots[slot] = UInt64(hash) << 32 | UInt64(i + 1)
        }
    }

    private func keyEquals(_ a: Int, _ b: Int) -> Bool {
        arena[starts[a]..<starts[a + 1]].elementsEqual(arena[starts[b]..<starts[b + 1]])
    }

    /// The numeric layout, when the ids allow it: the shape (prefix and digit count) of the middle
    /// id, which nearly every id must share. The few that do not — a workspace's `me` among a million
    /// `p000123`s — go to a small hashed table of exceptions (`slots`), looked up only when an id
    /// does not have the shape.
    private mutating func buildNumeric() throws(IdentifierTableError) -> Bool {
        guard count > 0 else { return false }
        let model = count / 2  // exceptions tend to sit at the ends: the user first, late additions last
        let shapeLength = starts[model + 1] - starts[model]
        var digits = 0
        while digits < shapeLength, (48...57).contains(arena[starts[model + 1] - 1 - digits]) { digits += 1 }
        guard digits > 0, digits <= 9 else { return false }
        let prefixLength = shapeLength - digits
        let prefix = Array(arena[starts[model]..<starts[model] + prefixLength])
        let allowedExceptions = count / 64
        var numbers = [Int](repeating: -1, count: count)  // -1: an exception
        var exceptions: [Int] = []
        var minNumber = Int.max, maxNumber = 0
        arena.withUnsafeBufferPointer { a in
            for i in 0..<count {
                let s = starts[i]
                var n = 0
                var conforms = starts[i + 1] - s == shapeLength
                if conforms {
                    for k in 0..<prefixLength where a[s + k] != prefix[k] {
                        conforms = false
                        break
                    }
                }
                if conforms {
                    for k in prefixLength..<shapeLength {
                        let d = Int(a[s + k]) &- 48
                        guard d >= 0, d <= 9 else {
                            conforms = false
                            break
                        }
                        n = n * 10 + d
                    }
                }
                if conforms {
                    numbers[i] = n
                    minNumber = Swift.min(minNumber, n)
                    maxNumber = Swift.max(maxNumber, n)
                } else {
                    exceptions.append(i)
                    if exceptions.count > allowedExceptions { return }
                }
            }
        }
        guard exceptions.count <= allowedExceptions else { return false }
        // Consecutive numbers over one contiguous run of indices: index = number − firstNumber.
        let first = numbers.firstIndex { $0 >= 0 }!
        let conforming = count - exceptions.count
        let run = first..<(first + conforming)
        if numbers[run].indices.allSatisfy({ numbers[$0] == numbers[first] + ($0 - first) }) {
            firstNumber = numbers[first] - first
            numericRange = run
            numberToIndex = []
        } else {
            guard maxNumber <= 4 * count + 1024 else { return false }
            var table = [Int32](repeating: -1, count: maxNumber + 1)
            for (i, n) in numbers.enumerated() where n >= 0 {
                if table[n] >= 0 { throw .duplicate(id(at: Int32(i))) }
                table[n] = Int32(i)
            }
            firstNumber = 0
            numericRange = 0..<count
            numberToIndex = table
        }
        self.prefix = prefix
        self.digitCount = digits
        // The ids without the numeric shape are hashed in `slots`.
        if exceptions.isEmpty {
            slots = []
            mask = 0
        } else {
            try buildHashed(exceptions)
        }
        return true
    }

    /// The index of `bytes`, or `nil`.
    /// - Complexity: O(length) expected.
    @inlinable
    public func index(of bytes: UnsafeRawBufferPointer) -> Int32? {
        isNumeric ? (numericIndex(bytes) ?? hashedIndex(bytes)) : hashedIndex(bytes)
    }

    public func index(of id: String) -> Int32? {
        var id = id
        return id.withUTF8 { index(of: UnsafeRawBufferPointer($0)) }
    }

    @inlinable
    func numericIndex(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        // Hot: twenty million calls when loading a million-person network. The prefix compared
        // byte by byte, unchecked digit arithmetic, then a subtraction or one table read.
        let p = prefix.count
        guard bytes.count == p + digitCount, let base = bytes.baseAddress else { return nil }
        let digits = base.assumingMemoryBound(to: UInt8.self)
        // Prefixes are short ("p", "A-"): a byte loop, not a call to memcmp.
        let same = prefix.withUnsafeBufferPointer { prefix -> Bool in
            for k in 0..<p where prefix[k] != digits[k] { return false }
            return true
        }
        guard same else { return nil }
        var n = 0
        var k = p
        while k < bytes.count {
            let d = Int(digits[k]) &- 48
            guard UInt(bitPattern: d) <= 9 else { return nil }
            n = n &* 10 &+ d
            k &+= 1
        }
        if numberToIndex.isEmpty {
            let i = n &- firstNumber
            return numericRange.contains(i) ? Int32(truncatingIfNeeded: i) : nil
        }
        return numberToIndex.withUnsafeBufferPointer { table -> Int32? in
            guard n < table.count else { return nil }
            let i = table[n]
            return i < 0 ? nil : i
        }
    }

    @usableFromInline
    func hashedIndex(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard !slots.isEmpty else { return nil }
        let hash = IdentifierTable.hash(bytes)
        var slot = Int(hash) & mask
        return arena.withUnsafeBytes { a -> Int32? in
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                if UInt32(entry >> 32) == hash {
                    let i = Int(UInt32(truncatingIfNeeded: entry) - 1)
                    let key = UnsafeRawBufferPointer(rebasing: a[starts[i]..<starts[i + 1]])
                    if key.count == bytes.count, memcmp(key.baseAddress!, bytes.baseAddress!, bytes.count) == 0 || bytes.count == 0 {
                        return Int32(i)
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// FNV-1a over the bytes, then a final avalanche (murmur3 fmix32), never 0 in the tag.
    @usableFromInline
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in bytes { h = (h ^ UInt32(b)) &* 16_777_619 }
        h ^= h >> 16
        h = h &* 0x85eb_ca6b
        h ^= h >> 13
        h = h &* 0xc2b2_ae35
        h ^= h >> 16
        return h
    }
}

/// Problems building an `IdentifierTable`.
public enum IdentifierTableError: Error, Equatable, Sendable, CustomStringConvertible {
    case duplicate(String)

    public var description: String {
        switch self {
        case .duplicate(let id): return "the id '\(id)' appears twice"
        }
    }
}
