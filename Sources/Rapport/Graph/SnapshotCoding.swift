/// Why a snapshot's bytes could not be used.
public enum SnapshotFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// There is no file.
    case missing
    /// The bytes were written for other data (another key) or by another format version.
    case stale
    /// The bytes are damaged or truncated.
    case corrupt(String)
    case io(String)

    public var description: String {
        switch self {
        case .missing: return "no snapshot file"
        case .stale: return "the snapshot file is out of date"
        case .corrupt(let what): return "the snapshot file is damaged (\(what))"
        case .io(let message): return message
        }
    }
}

/// Where an encoded snapshot's bytes go, in order (a file, in the store; memory, in tests).
public protocol SnapshotSink {
    /// Takes the next `bytes`, valid only during the call.
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(SnapshotFileError)
}

/// Where a snapshot's bytes come from, in order.
public protocol SnapshotSource {
    /// Fills all of `destination` with the next bytes. Large arrays are read straight into their
    /// own storage through this call (fresh, untouched memory the source may prefault).
    /// - Throws: `.corrupt("truncated")` when the bytes end first, or a read error.
    mutating func read(into destination: UnsafeMutableRawBufferPointer) throws(SnapshotFileError)

    /// All the bytes from the source's current position on, already in memory (a mapped file), or
    /// nil. With a region, the decoder takes fields from it in place and lends the largest arrays
    /// from it without a copy (`FixedArray`), never calling `read`. Nil by default.
    var region: SnapshotRegion? { get }
}

extension SnapshotSource {
    public var region: SnapshotRegion? { nil }
}

/// Snapshot bytes held in memory by an owner that keeps them valid (and unchanged) while it lives:
/// arrays decoded from them may borrow their elements (`FixedArray(borrowing:count:owner:)`).
public struct SnapshotRegion: @unchecked Sendable {
    public let bytes: UnsafeRawBufferPointer
    public let owner: AnyObject
    /// Tells the owner that a part of `bytes` is not needed in memory for now (its content stays):
    /// the decoder calls it for what it copied out and for arrays it has checked, so a mapped file
    /// does not keep resident what the process holds a copy of or has not read since.
    public let release: @Sendable (UnsafeRawBufferPointer) -> Void

    public init(
        bytes: UnsafeRawBufferPointer, owner: AnyObject,
        release: @escaping @Sendable (UnsafeRawBufferPointer) -> Void = { _ in }
    ) {
        self.bytes = bytes
        self.owner = owner
        self.release = release
    }
}

/// Snapshot bytes in memory: a sink that collects them, a source that hands them back.
public struct SnapshotBytes: SnapshotSink, SnapshotSource, Sendable {
    public private(set) var bytes: [UInt8]
    private var position = 0

    public init(_ bytes: [UInt8] = []) { self.bytes = bytes }

    public mutating func write(_ raw: UnsafeRawBufferPointer) throws(SnapshotFileError) {
        bytes.append(contentsOf: raw)
    }

    /// The bytes not yet read, lent from an array that keeps them (the decoder then takes the
    /// path the store's mapped files take: the graph's arrays borrow from these bytes).
    public var region: SnapshotRegion? {
        let storage = ArrayStorage(bytes)
        guard let base = storage.base else { return nil }
        return SnapshotRegion(
            bytes: UnsafeRawBufferPointer(start: UnsafeRawPointer(base) + position, count: bytes.count - position),
            owner: storage)
    }

    public mutating func read(into destination: UnsafeMutableRawBufferPointer) throws(SnapshotFileError) {
        guard destination.count <= bytes.count - position else { throw .corrupt("truncated") }
        bytes.withUnsafeBytes { raw in
            destination.copyMemory(
                from: UnsafeRawBufferPointer(rebasing: raw[position..<(position + destination.count)]))
        }
        position += destination.count
    }
}

/// Buffered writes of a snapshot's fields, checksummed as they go.
///
/// Not generic: the sink is an existential, called once per megabyte or large array, so the
/// field-by-field code is compiled once, fast, rather than run unspecialized from another module.
struct SnapshotWriter {
    private(set) var sink: any SnapshotSink
    private var buffer: [UInt8] = []
    /// Bytes written so far, buffered or not: where the next one lands in the file.
    private var position = 0
    private var failure: SnapshotFileError?
    /// Of every byte written so far: the trailer's checksum.
    private(set) var crc = CRC32C()

    init(sink: any SnapshotSink) {
        self.sink = sink
        buffer.reserveCapacity(1 << 20)
    }

    mutating func integer(_ value: Int) { withUnsafeBytes(of: Int64(value).littleEndian) { bytes($0) } }

    mutating func array<T: BitwiseCopyable>(_ values: [T]) {
        integer(values.count)
        values.withUnsafeBytes { bytes($0) }
    }

    /// An array that a mapped file can lend: its count, zero bytes up to the next multiple of 8 in
    /// the file, then its elements, aligned (`SnapshotReader.fixedArray`).
    mutating func fixedArray<T: BitwiseCopyable>(_ values: FixedArray<T>) {
        integer(values.count)
        let padding = (8 - position % 8) % 8
        if padding > 0 { withUnsafeBytes(of: UInt64(0)) { bytes(UnsafeRawBufferPointer(rebasing: $0[..<padding])) } }
        values.withUnsafeBytes { bytes($0) }
    }

    /// A string column as two arrays a mapped file can lend.
    mutating func column(_ column: StringColumn) {
        fixedArray(column.bytes)
        fixedArray(column.starts)
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            integer(utf8.count)
            bytes(UnsafeRawBufferPointer(utf8))
        }
    }

    mutating func optionalString(_ value: String?) {
        integer(value == nil ? 0 : 1)
        if let value { string(value) }
    }

    mutating func optionalInteger(_ value: Int?) {
        integer(value == nil ? 0 : 1)
        if let value { integer(value) }
    }

    mutating func code<T: CaseIterable & Equatable>(_ value: T) {
        integer(T.allCases.firstIndex(of: value).map { T.allCases.distance(from: T.allCases.startIndex, to: $0) } ?? -1)
    }

    mutating func optionalCode<T: CaseIterable & Equatable>(_ value: T?) {
        integer(value == nil ? 0 : 1)
        if let value { code(value) }
    }

    private mutating func bytes(_ raw: UnsafeRawBufferPointer) {
        position += raw.count
        if buffer.count + raw.count > 1 << 20 { flush() }
        if raw.count >= 1 << 20 {
            write(raw)
        } else {
            buffer.append(contentsOf: raw)
        }
    }

    private mutating func flush() {
        buffer.withUnsafeBytes { write($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Checksums and passes on `raw`; after the first failure, nothing more is written.
    private mutating func write(_ raw: UnsafeRawBufferPointer) {
        guard failure == nil, raw.count > 0 else { return }
        crc.update(raw)
        do throws(SnapshotFileError) { try sink.write(raw) } catch { failure = error }
    }

    /// Flushes what is buffered, then appends the checksum trailer of everything written.
    /// - Returns: the sink, once everything reached it.
    /// - Throws: the first error the sink threw.
    mutating func finishWithChecksum() throws(SnapshotFileError) -> any SnapshotSink {
        flush()
        let trailer = SnapshotChecksum.trailer(crc: crc.value)
        trailer.withUnsafeBytes { write($0) }
        if let failure { throw failure }
        return sink
    }
}
