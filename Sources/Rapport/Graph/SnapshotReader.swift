/// Bounds-checked reads of a snapshot's fields, in order.
///
/// Arrays are read straight into their own storage through the source: no second copy of the
/// bytes in memory and one pass over them.
/// Not generic, for the reason `SnapshotWriter` gives: the source is called per 64 KiB or large array.
///
/// From a source with a `region` (a mapped file), fields are taken from it in place, `fixedArray`
/// lends its elements without a copy, and what is copied out in large pieces is released from the
/// region at once, so the peak does not hold those bytes twice either.
struct SnapshotReader {
    private(set) var source: any SnapshotSource
    /// The source's bytes in memory, if it has them so; then `buffer` stays empty.
    private let region: SnapshotRegion?
    /// The bytes to read, and those not yet consumed, buffered or not.
    private let size: Int
    private var remaining: Int
    private var buffer: [UInt8] = []
    private var bufferStart = 0

    init(source: any SnapshotSource, size: Int) {
        self.source = source
        self.size = size
        self.remaining = size
        region = source.region.flatMap { $0.bytes.count >= size ? $0 : nil }
    }

    /// Where the next field starts, counted from the first byte read.
    private var position: Int { size - remaining }

    var isAtEnd: Bool { remaining == 0 }

    private var buffered: Int { buffer.count - bufferStart }

    /// Makes at least `n` bytes available in the buffer (`n` ≤ `remaining`).
    private mutating func fill(_ n: Int) throws(SnapshotFileError) {
        guard buffered < n else { return }
        if bufferStart > 0 {
            buffer.removeFirst(bufferStart)
            bufferStart = 0
        }
        let want = min(remaining, Swift.max(n, 1 << 16)) - buffer.count
        guard want > 0 else { return }
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: want))
        var failure: SnapshotFileError?
        buffer.withUnsafeMutableBytes { raw in
            do throws(SnapshotFileError) {
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[old...]))
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    /// Consumes `n` bytes (`n` ≤ `remaining`): from the buffer first, the rest straight from the source.
    private mutating func take(_ n: Int, into destination: UnsafeMutableRawBufferPointer) throws(SnapshotFileError) {
        if let region {
            if n > 0, let target = destination.baseAddress, let base = region.bytes.baseAddress {
                target.copyMemory(from: base + position, byteCount: n)
                // A large copy (an array) is not read from the region again.
                if n >= 1 << 20 { region.release(UnsafeRawBufferPointer(start: base + position, count: n)) }
            }
            remaining -= n
            return
        }
        let fromBuffer = Swift.min(n, buffered)
        if fromBuffer > 0, let target = destination.baseAddress {
            buffer.withUnsafeBytes { raw in
                if let base = raw.baseAddress { target.copyMemory(from: base + bufferStart, byteCount: fromBuffer) }
            }
            bufferStart += fromBuffer
        }
        if n > fromBuffer {
            try source.read(into: UnsafeMutableRawBufferPointer(rebasing: destination[fromBuffer..<n]))
        }
        remaining -= n
    }

    mutating func integer() throws(SnapshotFileError) -> Int {
        guard remaining >= 8 else { throw .corrupt("truncated") }
        if let region {
            let value = region.bytes.loadUnaligned(fromByteOffset: position, as: Int64.self)
            remaining -= 8
            return Int(Int64(littleEndian: value))
        }
        try fill(8)
        let value = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: bufferStart, as: Int64.self) }
        bufferStart += 8
        remaining -= 8
        return Int(Int64(littleEndian: value))
    }

    /// A count: an integer that cannot exceed the bytes left (each counted item takes at least one).
    mutating func count() throws(SnapshotFileError) -> Int {
        let n = try integer()
        guard n >= 0, n <= remaining else { throw .corrupt("bad count") }
        return n
    }

    mutating func array<T: BitwiseCopyable>(_: T.Type = T.self) throws(SnapshotFileError) -> [T] {
        try elements(try integer())
    }

    /// `n` elements, into an array of their own.
    private mutating func elements<T: BitwiseCopyable>(_ n: Int) throws(SnapshotFileError) -> [T] {
        let stride = MemoryLayout<T>.stride
        guard n >= 0, n <= remaining / stride else { throw .corrupt("truncated array") }
        var failure: SnapshotFileError?
        let result = [T](unsafeUninitializedCapacity: n) { storage, initialized in
            do throws(SnapshotFileError) {
                try take(n * stride, into: UnsafeMutableRawBufferPointer(storage))
                initialized = n
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return result
    }

    /// An array written by `SnapshotWriter.fixedArray`: from a region, its elements borrowed in
    /// place (they start at a multiple of 8 in the file); otherwise read into an array of its own.
    mutating func fixedArray<T: BitwiseCopyable>(_: T.Type = T.self) throws(SnapshotFileError) -> FixedArray<T> {
        let n = try integer()
        let padding = (8 - position % 8) % 8
        guard padding <= remaining else { throw .corrupt("truncated array") }
        var zeros: UInt64 = 0
        try withUnsafeMutableBytes(of: &zeros) { raw throws(SnapshotFileError) in
            try take(padding, into: UnsafeMutableRawBufferPointer(rebasing: raw[..<padding]))
        }
        let stride = MemoryLayout<T>.stride
        guard n >= 0, n <= remaining / stride else { throw .corrupt("truncated array") }
        if let region, let base = region.bytes.baseAddress,
            Int(bitPattern: base + position) % MemoryLayout<T>.alignment == 0
        {
            let array = FixedArray<T>(borrowing: base + position, count: n, owner: region.owner)
            remaining -= n * stride
            return array
        }
        return FixedArray(try elements(n))
    }

    /// Tells the region's owner that `array`, borrowed from it and checked, need not stay in memory
    /// until something reads it again (nothing for an array of its own).
    func release<T>(_ array: FixedArray<T>) {
        guard let region, array.isBorrowed else { return }
        array.withUnsafeBytes { region.release($0) }
    }

    /// A column written by `SnapshotWriter.column`, its arrays borrowed as `fixedArray` borrows.
    mutating func column() throws(SnapshotFileError) -> StringColumn {
        StringColumn(bytes: try fixedArray(), starts: try fixedArray())
    }

    mutating func string() throws(SnapshotFileError) -> String {
        let bytes: [UInt8] = try array()
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A string of at most `limit` bytes, or nil when the stored length is larger (then nothing
    /// more is read): for a header read on its own, which a damaged length must not make large.
    mutating func string(atMost limit: Int) throws(SnapshotFileError) -> String? {
        let n = try integer()
        guard n >= 0, n <= limit, n <= remaining else { return nil }
        var bytes = [UInt8](repeating: 0, count: n)
        var failure: SnapshotFileError?
        bytes.withUnsafeMutableBytes { raw in
            do throws(SnapshotFileError) { try take(n, into: raw) } catch { failure = error }
        }
        if let failure { throw failure }
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func optionalString() throws(SnapshotFileError) -> String? {
        try integer() == 0 ? nil : try string()
    }

    mutating func optionalInteger() throws(SnapshotFileError) -> Int? {
        try integer() == 0 ? nil : try integer()
    }

    mutating func code<T: CaseIterable>() throws(SnapshotFileError) -> T {
        let n = try integer()
        guard n >= 0, n < T.allCases.count else { throw .corrupt("unknown value") }
        return T.allCases[T.allCases.index(T.allCases.startIndex, offsetBy: n)]
    }

    mutating func optionalCode<T: CaseIterable>() throws(SnapshotFileError) -> T? {
        try integer() == 0 ? nil : try code() as T
    }
}
