/// Bounds-checked reads of a snapshot's fields, in order.
///
/// Arrays are read straight into their own storage through the source: no second copy of the
/// bytes in memory (a mapped file would count every page twice at the peak) and one pass over them.
/// Not generic, for the reason `SnapshotWriter` gives: the source is called per 64 KiB or large array.
struct SnapshotReader {
    private(set) var source: any SnapshotSource
    /// Bytes not yet consumed, buffered or not.
    private var remaining: Int
    private var buffer: [UInt8] = []
    private var bufferStart = 0

    init(source: any SnapshotSource, size: Int) {
        self.source = source
        self.remaining = size
    }

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
        let fromBuffer = Swift.min(n, buffered)
        if fromBuffer > 0, let target = destination.baseAddress {
            buffer.withUnsafeBytes { raw in
                if let base = raw.baseAddress { target.copyMemory(from: base + bufferStart, byteCount: fromBuffer) }
            }
            bufferStart += fromBuffer
        }
        if n > fromBuffer { try source.read(into: UnsafeMutableRawBufferPointer(rebasing: destination[fromBuffer..<n])) }
        remaining -= n
    }

    mutating func integer() throws(SnapshotFileError) -> Int {
        guard remaining >= 8 else { throw .corrupt("truncated") }
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
        let n = try integer()
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

    mutating func column() throws(SnapshotFileError) -> StringColumn {
        StringColumn(bytes: try array(), starts: try array())
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
