import Testing

@testable import Rapport

/// `FixedArray`: an immutable array that owns its elements or borrows them from an owner's bytes.
@Suite struct FixedArrayTests {
    @Test func anOwnedArrayReadsLikeTheArrayItWasMadeFrom() {
        let values: [Int32] = [5, -1, 7, 0, Int32.max]
        let fixed = FixedArray(values)
        #expect(fixed.count == 5 && Array(fixed) == values && fixed[2] == 7 && fixed[4] == Int32.max)
        #expect(!fixed.isBorrowed)
        #expect(fixed.withUnsafeBufferPointer { Array($0) } == values)
        #expect(fixed.array == values && FixedArray<Int32>().array == [])
        #expect(fixed.withUnsafeBytes { $0.count } == 20)
        #expect(fixed.description == values.description)
        #expect(fixed == [5, -1, 7, 0, Int32.max] && fixed != [5, -1, 7, 0] && fixed != [5, -1, 7, 0, 1])
        let empty = FixedArray<Int32>()
        #expect(empty.isEmpty && empty == [] && Array(empty) == [] && empty.withUnsafeBufferPointer { $0.count } == 0)
    }

    /// The array it was made from can change afterwards; the fixed array keeps what it was given.
    @Test func changingTheSourceArrayLaterDoesNotChangeIt() {
        var values: [UInt8] = [1, 2, 3]
        let fixed = FixedArray(values)
        values[0] = 9
        values.append(contentsOf: repeatElement(4, count: 1000))
        #expect(Array(fixed) == [1, 2, 3])
    }

    /// Borrowed elements stay readable as long as the array (or a copy of it) lives, after every
    /// other reference to their owner is gone.
    @Test func borrowedElementsLiveAsLongAsTheArray() {
        var fixed: FixedArray<Int64>?
        do {
            let bytes = Bytes([10, 20, 30, 40])
            fixed = FixedArray(borrowing: bytes.pointer + 8, count: 2, owner: bytes)
        }
        #expect(Bytes.freed == 0)
        #expect(fixed.map(Array.init) == [20, 30] && fixed?.array == [20, 30] && fixed?.isBorrowed == true)
        let copy = fixed
        fixed = nil
        #expect(Bytes.freed == 0 && copy?[1] == 30)
    }

    /// Edits: in place while one value owns the elements (the buffer stays where it is), a copy
    /// when another value shares them (which keeps what it had), and a copy of borrowed elements
    /// (the owner's bytes are never written).
    @Test func editsChangeOnlyTheValueEdited() {
        var owned = FixedArray<Int32>([1, 2, 3])
        owned.modify { $0.reserveCapacity(64) }
        let before = owned.withUnsafeBufferPointer { $0.baseAddress }
        owned.append(4)
        owned.modify { $0[0] = 9 }
        #expect(owned == [9, 2, 3, 4] && !owned.isBorrowed)
        #expect(owned.withUnsafeBufferPointer { $0.baseAddress } == before)

        let shared = owned
        owned.append(5)
        #expect(shared == [9, 2, 3, 4] && owned == [9, 2, 3, 4, 5])

        // The owner: an array's storage (not `Bytes`, whose count of frees another test reads).
        let owner = FixedArray<Int64>([10, 20, 30])
        var borrowed = owner.withUnsafeBytes {
            FixedArray<Int64>(borrowing: $0.baseAddress!, count: 3, owner: owner.owner)
        }
        borrowed.modify { $0[1] = -1 }
        #expect(borrowed == [10, -1, 30] && !borrowed.isBorrowed)
        #expect(owner == [10, 20, 30])
    }
}

/// Bytes of its own, freed (and counted) when the last reference goes.
private final class Bytes {
    let pointer: UnsafeMutableRawPointer
    nonisolated(unsafe) static var freed = 0
    init(_ values: [Int64]) {
        pointer = UnsafeMutableRawPointer.allocate(byteCount: 8 * values.count, alignment: 8)
        for (i, v) in values.enumerated() { pointer.storeBytes(of: v, toByteOffset: 8 * i, as: Int64.self) }
    }
    deinit {
        pointer.deallocate()
        Bytes.freed += 1
    }
}
