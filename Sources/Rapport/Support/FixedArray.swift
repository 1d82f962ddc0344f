/// An immutable array of plain values whose storage is either its own or borrowed from bytes that
/// some owner keeps alive — a snapshot file mapped into memory, in the store.
///
/// A million-person snapshot holds 295 MB of graph and tie arrays. Read into Swift arrays, every
/// page is allocated, faulted in and copied from the page cache, which was most of a warm
/// `suggest`'s load (0.24 s of its 0.30). Borrowed from the mapped file, the same arrays cost no
/// copy, and the kernel shares their pages with every process reading the same workspace.
///
/// Reads go straight through one pointer, bounds-checked like an `Array`'s; `withUnsafeBufferPointer`
/// serves hot loops as it does for arrays. Edits go through `modify`, which hands `body` an `Array`:
/// the elements themselves when this value alone owns them (appending is then amortized O(1), as
/// for an `Array`), else a copy, which the value owns from then on.
public struct FixedArray<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    /// The first element; nil only when the array is empty.
    @usableFromInline private(set) var base: UnsafePointer<Element>?
    public private(set) var count: Int
    /// What keeps `base` valid: an `ArrayStorage` of the array's own elements, or the owner of
    /// the borrowed bytes.
    @usableFromInline private(set) var owner: AnyObject
    /// Whether the elements are borrowed from an owner's bytes rather than held in an array.
    public private(set) var isBorrowed: Bool

    /// An array with the elements of `array`, sharing its storage (no copy).
    public init(_ array: [Element]) {
        let storage = ArrayStorage(array)
        self.init(base: storage.base, count: array.count, owner: storage, isBorrowed: false)
    }

    public init() { self.init([]) }

    /// Borrows `count` elements at `bytes`, valid while `owner` lives.
    /// - Precondition: `bytes` is aligned for `Element` and holds at least `count` elements.
    public init(borrowing bytes: UnsafeRawPointer, count: Int, owner: AnyObject) {
        precondition(count >= 0, "a negative count")
        precondition(Int(bitPattern: bytes) % MemoryLayout<Element>.alignment == 0, "misaligned elements")
        self.init(base: bytes.assumingMemoryBound(to: Element.self), count: count, owner: owner, isBorrowed: true)
    }

    /// `count` elements written once by `initializer`, which must initialize all of them (as
    /// `Array.init(unsafeUninitializedCapacity:initializingWith:)`, without a count to report).
    public init(
        unsafeUninitializedCount count: Int, initializingWith initializer: (UnsafeMutableBufferPointer<Element>) -> Void
    ) {
        self.init(
            [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
                initializer(buffer)
                initialized = count
            })
    }

    private init(base: UnsafePointer<Element>?, count: Int, owner: AnyObject, isBorrowed: Bool) {
        self.base = base
        self.count = count
        self.owner = owner
        self.isBorrowed = isBorrowed
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    @inlinable public subscript(i: Int) -> Element {
        precondition(i >= 0 && i < count, "index out of range")
        // A non-empty array has a base.
        return base.unsafelyUnwrapped[i]
    }

    /// The elements as an `Array` of their own, copied in one block (`Array(fixed)` goes element
    /// by element).
    public var array: [Element] { withUnsafeBufferPointer { Array($0) } }

    /// Edits the elements as an `Array`: in place when this value alone owns them, else a copy of
    /// them (borrowed elements are copied once; the owner's bytes are never written).
    public mutating func modify<R>(_ body: (inout [Element]) throws -> R) rethrows -> R {
        var elements = takeElements()
        defer { self = FixedArray(elements) }
        return try body(&elements)
    }

    /// Appends `element` (amortized O(1) when this value alone owns its elements).
    public mutating func append(_ element: Element) { modify { $0.append(element) } }

    /// The elements, leaving this value empty: without a copy when it alone owned them.
    private mutating func takeElements() -> [Element] {
        guard !isBorrowed, var storage = owner as? ArrayStorage<Element> else {
            let copy = array
            self = FixedArray()
            return copy
        }
        // Drop this value's reference, so that `storage` is unique unless another value shares it.
        self = FixedArray()
        return isKnownUniquelyReferenced(&storage) ? storage.take() : storage.array
    }

    /// Calls `body` with the elements; the pointer is valid only during the call.
    @inlinable public func withUnsafeBufferPointer<R, E: Error>(_ body: (UnsafeBufferPointer<Element>) throws(E) -> R)
        throws(E) -> R
    {
        defer { withExtendedLifetime(owner) {} }
        return try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// The elements in place, for generic algorithms that take contiguous storage when there is some.
    @inlinable public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R)
        rethrows -> R?
    {
        try withUnsafeBufferPointer(body)
    }

    /// Calls `body` with the elements' bytes; the pointer is valid only during the call.
    @inlinable public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R
    {
        defer { withExtendedLifetime(owner) {} }
        return try body(UnsafeRawBufferPointer(UnsafeBufferPointer(start: base, count: count)))
    }
}

extension FixedArray: Equatable where Element: Equatable {
    public static func == (a: FixedArray, b: FixedArray) -> Bool {
        a.count == b.count && (a.base == b.base || a.elementsEqual(b))
    }
}

extension FixedArray: CustomStringConvertible {
    public var description: String { Array(self).description }
}

extension FixedArray: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) { self.init(elements) }
}

/// The storage of a `FixedArray` that owns its elements: an array no one else can change, so its
/// contiguous buffer stays where it is for as long as this object lives.
@usableFromInline
final class ArrayStorage<Element: BitwiseCopyable> {
    private(set) var array: [Element]
    let base: UnsafePointer<Element>?

    init(_ array: [Element]) {
        self.array = array
        base = array.isEmpty ? nil : array.withUnsafeBufferPointer { $0.baseAddress }
    }

    /// The array, leaving this storage empty: for its only holder, which then owns the buffer alone.
    func take() -> [Element] {
        defer { array = [] }
        return array
    }
}
