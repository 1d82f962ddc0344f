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
}

/// Snapshot bytes in memory: a sink that collects them, a source that hands them back.
public struct SnapshotBytes: SnapshotSink, SnapshotSource, Sendable {
    public private(set) var bytes: [UInt8]
    private var position = 0

    public init(_ bytes: [UInt8] = []) { self.bytes = bytes }

    public mutating func write(_ raw: UnsafeRawBufferPointer) throws(SnapshotFileError) {
        bytes.append(contentsOf: raw)
    }

    public mutating func read(into destination: UnsafeMutableRawBufferPointer) throws(SnapshotFileError) {
        guard destination.count <= bytes.count - position else { throw .corrupt("truncated") }
        bytes.withUnsafeBytes { raw in
            destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[position..<(position + destination.count)]))
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

    mutating func column(_ column: StringColumn) {
        array(column.bytes)
        array(column.starts)
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
