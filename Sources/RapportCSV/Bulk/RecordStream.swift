#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams the records of a large RFC 4180 file with a fixed-size buffer, handing each record's
/// fields out as byte ranges: no `String` per field, no copy of the file.
///
/// This is the bulk path (a million-person directory, ten million ties). Memory stays at the buffer
/// size whatever the file size, and reading runs at several hundred MB/s on one core. Quoted fields
/// with doubled quotes are unescaped in place. Records end at LF, CRLF or CR outside quotes.
public final class RecordStream {
    public let path: String
    private let fd: Int32
    private var buffer: [UInt8]
    /// The 1-based line where the current record starts.
    public private(set) var line = 0

    /// Opens `path` for streaming.
    /// - Throws: `BulkError.cannotOpen`.
    /// The byte range of the file this stream reads records from: a record is read when it starts
    /// inside it (and may end past its end).
    public let range: Range<Int>
    /// The limits of `CSVReader`, checked by the same machine.
    public let limits: CSVLimits
    /// The file offset just past the last record read.
    public private(set) var endOffset = 0

    /// Opens `path` for streaming, optionally only the records that start in `range` (for reading
    /// one file on several threads: split at record boundaries).
    public init(
        path: String, range: Range<Int>? = nil, bufferSize: Int = 4 << 20, limits: CSVLimits = CSVLimits()
    ) throws(BulkError) {
        self.path = path
        self.limits = limits
        fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        buffer = [UInt8](repeating: 0, count: max(bufferSize, 1 << 16))
        self.range = range ?? 0..<Int.max
        if self.range.lowerBound > 0 { lseek(fd, off_t(self.range.lowerBound), SEEK_SET) }
    }

    /// The size of the file at `path`, or nil.
    public static func fileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    /// The offset just past the first line break at or after `offset` (a candidate split point;
    /// it is a record boundary unless the break lies inside a quoted field).
    public static func lineBoundary(in path: String, after offset: Int) -> Int? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var at = offset
        while true {
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, off_t(at)) }
            if n <= 0 { return nil }
            if let i = chunk[0..<n].firstIndex(of: UInt8(ascii: "\n")) { return at + i + 1 }
            at += n
        }
    }

    deinit { close(fd) }

    /// One record: its fields as byte ranges valid only inside the callback.
    public struct Record: ~Copyable {
        @usableFromInline let base: UnsafeMutablePointer<UInt8>
        @usableFromInline let starts: UnsafeBufferPointer<Int>
        @usableFromInline let ends: UnsafeBufferPointer<Int>
        /// The 1-based line where the record starts.
        public let line: Int

        public var count: Int { starts.count }

        /// Field `i` (0-based), or an empty buffer when the row is shorter.
        @inlinable public subscript(i: Int) -> UnsafeRawBufferPointer {
            guard i < starts.count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
            return UnsafeRawBufferPointer(start: base + starts[i], count: ends[i] - starts[i])
        }

        public func string(_ i: Int) -> String { String(decoding: self[i], as: UTF8.self) }
    }

    /// Calls `body` for every record, the header included (skip it yourself), until the end of the
    /// file or until `body` returns `false`. The records come from `RecordMachine`, the same state
    /// machine as `CSVReader`'s, with the same limits; this is its fast path: byte ranges over a
    /// sliding buffer, quoted fields unescaped in place.
    /// - Throws: `BulkError.unbalancedQuote` or `.runawayQuote` (at the line where the quote
    ///   opened; the rule is `RunawayQuote`'s), `.limitExceeded`, `.readFailed`, or what `body` throws.
    /// - Complexity: O(file size) time, O(buffer + longest record) memory.
    public func forEachRecord(_ body: (borrowing Record) throws -> Bool) throws {
        var filled = 0
        var position = 0
        var eof = false
        var bufferOffset = range.lowerBound  // file offset of buffer[0]
        var line = 1
        var endOffset = range.lowerBound
        var state = RecordMachine.ScanState(lastWidth: 0)
        var rows = 0
        var fixups: [RecordMachine.Fixup] = []
        defer {
            self.line = line
            self.endOffset = endOffset
        }
        // Field bounds live in plain local buffers: class properties would pay an exclusivity
        // check on every append, which once cost a third of the scan.
        var capacity = 64
        var starts = UnsafeMutableBufferPointer<Int>.allocate(capacity: capacity)
        var ends = UnsafeMutableBufferPointer<Int>.allocate(capacity: capacity)
        defer {
            starts.deallocate()
            ends.deallocate()
        }
        let upper = range.upperBound, limits = self.limits
        while true {
            // Refill: keep the unparsed tail at the front.
            if !eof {
                if position > 0 {
                    buffer.withUnsafeMutableBufferPointer { b in
                        _ = memmove(b.baseAddress!, b.baseAddress! + position, filled - position)
                    }
                    filled -= position
                    bufferOffset += position
                    position = 0
                }
                if filled == buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
                let n = buffer.withUnsafeMutableBufferPointer { b in read(fd, b.baseAddress! + filled, b.count - filled) }
                if n < 0 { throw BulkError.readFailed(path: path, reason: String(cString: strerror(errno))) }
                if n == 0 { eof = true } else { filled += n }
                if bufferOffset == 0, position == 0, line == 1, filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
                    position = 3
                }
            }
            if position >= filled, eof { return }
            // Parse as many complete records as the buffer holds.
            var stop = false
            let consumed: Int = try buffer.withUnsafeMutableBufferPointer { b -> Int in
                let p = b.baseAddress!
                var pos = position
                while pos < filled {
                    if bufferOffset + pos >= upper { stop = true; return pos }
                    if rows >= limits.maxRows { throw failure(.tooManyRows(at: pos), p, pos, line, limits) }
                    if !fixups.isEmpty { fixups.removeAll(keepingCapacity: true) }
                    guard
                        let step = RecordMachine.scan(
                            p, pos, filled, eof, UInt8(ascii: ","), limits, starts, ends, &state, &fixups)
                    else {
                        // More fields than room: double it and read the record again.
                        capacity *= 2
                        starts.deallocate()
                        ends.deallocate()
                        starts = .allocate(capacity: capacity)
                        ends = .allocate(capacity: capacity)
                        continue
                    }
                    let end: Int
                    switch step {
                    case .needMore: return pos
                    case .failed(let reason): throw failure(reason, p, pos, line, limits)
                    case .record(let recordEnd): end = recordEnd
                    }
                    // Unescape doubled quotes and append trailing text in place, inside each field's own bytes.
                    for fixup in fixups {
                        var write = starts[fixup.field]
                        RecordMachine.unescaped(p, from: starts[fixup.field], fixup) { byte in
                            p[write] = byte
                            write += 1
                        }
                        ends[fixup.field] = write
                    }
                    state.lastWidth = state.count
                    rows += 1
                    let keepGoing = try body(
                        Record(
                            base: p, starts: UnsafeBufferPointer(rebasing: starts[..<state.count]),
                            ends: UnsafeBufferPointer(rebasing: ends[..<state.count]), line: line))
                    line += 1 + state.newlines
                    pos = end
                    endOffset = bufferOffset + end
                    if !keepGoing { stop = true; return pos }
                }
                return pos
            }
            position = consumed
            if stop { return }
            if eof, position >= filled { return }
        }
    }

    /// The error for a refused record starting at `start` on line `line`, at the line and byte column
    /// of the offset the machine names.
    private func failure(
        _ reason: RecordMachine.Failure, _ p: UnsafeMutablePointer<UInt8>, _ start: Int, _ line: Int, _ limits: CSVLimits
    ) -> BulkError {
        func at(_ offset: Int) -> (line: Int, column: Int) {
            (line + countLines(p, start, offset), offset - lineStart(p, start, offset) + 1)
        }
        switch reason {
        case .unbalancedQuote(let offset):
            let (l, c) = at(offset)
            return .unbalancedQuote(path: path, line: l, column: c)
        case .runawayQuote(let offset, let breaksBefore):
            let (l, c) = at(offset)
            return .runawayQuote(path: path, line: l, column: c, swallowedLine: l + breaksBefore)
        case .fieldTooLarge(let offset):
            let (l, c) = at(offset)
            return .limitExceeded(path: path, line: l, column: c, message: "field larger than the limit of \(limits.maxFieldBytes) bytes")
        case .tooManyColumns(let offset):
            let (l, c) = at(offset)
            return .limitExceeded(path: path, line: l, column: c, message: "row has more than the limit of \(limits.maxColumns) columns")
        case .tooManyRows:
            return .limitExceeded(path: path, line: line, column: 1, message: "file has more than the limit of \(limits.maxRows) rows")
        }
    }

    private func countLines(_ p: UnsafeMutablePointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var n = 0
        for i in from..<to where p[i] == UInt8(ascii: "\n") { n += 1 }
        return n
    }

    private func lineStart(_ p: UnsafeMutablePointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var s = from
        for i in from..<to where p[i] == UInt8(ascii: "\n") { s = i + 1 }
        return s
    }
}

/// Problems in the bulk path.
public enum BulkError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case readFailed(path: String, reason: String)
    case unbalancedQuote(path: String, line: Int, column: Int)
    /// A quoted field that runs over a line reading as a record of its own (`RunawayQuote`).
    case runawayQuote(path: String, line: Int, column: Int, swallowedLine: Int)
    /// A record over one of the `CSVLimits`, at the field or row that passed it.
    case limitExceeded(path: String, line: Int, column: Int, message: String)
    case missingColumn(path: String, column: String, header: String)
    case badValue(path: String, line: Int, column: String, message: String)
    case unknownReference(path: String, line: Int, column: String, id: String)
    case duplicateID(path: String, id: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "\(path): cannot open: \(reason)"
        case .readFailed(let path, let reason): return "\(path): read failed: \(reason)"
        case .unbalancedQuote(let path, let line, let column): return "\(path):\(line):\(column): unbalanced quote: the quoted field opened here never closes"
        case .runawayQuote(let path, let line, let column, let swallowed):
            return "\(path):\(line):\(column): \(RunawayQuote.message(swallowedLine: swallowed))"
        case .limitExceeded(let path, let line, let column, let message): return "\(path):\(line):\(column): \(message)"
        case .missingColumn(let path, let column, let header): return "\(path):1:1: missing required column '\(column)' (header: \(header))"
        case .badValue(let path, let line, let column, let message): return "\(path):\(line): column \(column): \(message)"
        case .unknownReference(let path, let line, let column, let id): return "\(path):\(line): column \(column): no person has the id '\(id)'"
        case .duplicateID(let path, let id): return "\(path): the id '\(id)' appears twice"
        }
    }
}
