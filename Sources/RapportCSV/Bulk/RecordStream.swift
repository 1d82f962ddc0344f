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
    /// The file offset just past the last record read.
    public private(set) var endOffset = 0

    /// Opens `path` for streaming, optionally only the records that start in `range` (for reading
    /// one file on several threads: split at record boundaries).
    public init(path: String, range: Range<Int>? = nil, bufferSize: Int = 4 << 20) throws(BulkError) {
        self.path = path
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
    /// file or until `body` returns `false`.
    /// - Throws: `BulkError.unbalancedQuote` or `.runawayQuote` (at the line where the quote
    ///   opened; the rule is `RunawayQuote`'s, the same as `CSVReader`'s), `.readFailed`,
    ///   or what `body` throws.
    /// - Complexity: O(file size) time, O(buffer + longest record) memory.
    public func forEachRecord(_ body: (borrowing Record) throws -> Bool) throws {
        var filled = 0
        var position = 0
        var eof = false
        var bufferOffset = range.lowerBound  // file offset of buffer[0]
        var line = 1
        var endOffset = range.lowerBound
        var lastWidth = 0  // fields in the record before: the width `RunawayQuote` checks against
        var fixups: [(field: Int, closingQuote: Int, trailingEnd: Int)] = []  // quoted fields to rewrite
        defer {
            self.line = line
            self.endOffset = endOffset
        }
        // Field bounds live in plain local buffers: class properties would pay an exclusivity
        // check on every append, which once cost a third of the scan.
        var capacity = 64
        var starts = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        var ends = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        defer {
            starts.deallocate()
            ends.deallocate()
        }
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let upper = range.upperBound
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
                    var count = 0
                    var cursor = pos
                    var newlines = 0
                    var complete = false
                    var pendingSwallow: (line: Int, column: Int, swallowed: Int)? = nil
                    fields: while true {
                        if count == capacity {
                            let bigger = capacity * 2
                            let s2 = UnsafeMutablePointer<Int>.allocate(capacity: bigger)
                            let e2 = UnsafeMutablePointer<Int>.allocate(capacity: bigger)
                            s2.update(from: starts, count: capacity)
                            e2.update(from: ends, count: capacity)
                            starts.deallocate()
                            ends.deallocate()
                            starts = s2
                            ends = e2
                            capacity = bigger
                        }
                        if cursor >= filled {
                            // The buffer ends inside this record.
                            if eof { starts[count] = cursor; ends[count] = cursor; count += 1; complete = true }
                            break fields
                        }
                        if p[cursor] == quote {
                            // Find the closing quote first; unescape only once the record is whole
                            // (`fixups`), so a retry after a refill sees the original bytes.
                            let opened = cursor
                            let fieldBreaks = newlines
                            var read = cursor + 1
                            var closed = false
                            var doubled = false
                            while read < filled {
                                let c = p[read]
                                if c == quote {
                                    if read + 1 < filled {
                                        if p[read + 1] == quote { doubled = true; read += 2; continue }
                                        closed = true
                                    } else if eof {
                                        closed = true
                                    }
                                    break
                                }
                                if c == lf { newlines += 1 } else if c == cr, read + 1 < filled, p[read + 1] != lf { newlines += 1 }
                                read += 1
                            }
                            if !closed {
                                if eof {
                                    throw BulkError.unbalancedQuote(
                                        path: path, line: line + countLines(p, pos, opened), column: opened - lineStart(p, pos, opened) + 1)
                                }
                                break fields
                            }
                            if newlines > fieldBreaks,
                                let inner = RunawayQuote.innerRecord(
                                    in: UnsafeBufferPointer(start: p + opened + 1, count: read - opened - 1),
                                    delimiter: comma, width: lastWidth,
                                    firstCellShape: RunawayQuote.firstCellShape(
                                        UnsafeBufferPointer(start: p, count: filled), at: pos, delimiter: comma))
                            {
                                let openLine = line + fieldBreaks
                                let column = opened - lineStart(p, pos, opened) + 1
                                if inner.shapeMatches {
                                    throw BulkError.runawayQuote(
                                        path: path, line: openLine, column: column,
                                        swallowedLine: openLine + inner.breaksBefore)
                                }
                                if pendingSwallow == nil {
                                    pendingSwallow = (openLine, column, openLine + inner.breaksBefore)
                                }
                            }
                            // Text after the closing quote (RFC 4180 forbids it) stays part of the
                            // field, as in `CSVReader`.
                            var trailing = read + 1
                            while trailing < filled, p[trailing] != comma, p[trailing] != lf, p[trailing] != cr {
                                trailing += 1
                            }
                            if trailing >= filled, !eof { break fields }
                            if doubled || trailing > read + 1 { fixups.append((count, read, trailing)) }
                            starts[count] = opened + 1
                            ends[count] = read
                            count += 1
                            cursor = trailing
                        } else {
                            let s = cursor
                            // Eight bytes at a time; the first separator's position comes from the
                            // mask's trailing zeros, so only the last few bytes of the file go one by one.
                            var found = false
                            while cursor + 8 <= filled {
                                let word = UInt64(littleEndian: UnsafeRawPointer(p + cursor).loadUnaligned(as: UInt64.self))
                                let mask = RecordStream.separatorMask(word)
                                if mask != 0 {
                                    cursor += mask.trailingZeroBitCount >> 3
                                    found = true
                                    break
                                }
                                cursor += 8
                            }
                            if !found {
                                while cursor < filled, p[cursor] != comma, p[cursor] != lf, p[cursor] != cr { cursor += 1 }
                            }
                            if cursor >= filled, !eof { break fields }
                            starts[count] = s
                            ends[count] = cursor
                            count += 1
                        }
                        if cursor >= filled { if eof { complete = true }; break fields }
                        let c = p[cursor]
                        if c == comma { cursor += 1; continue }
                        if c == lf { cursor += 1; complete = true; break fields }
                        // Every field ends at a separator, so this is CR.
                        if cursor + 1 >= filled, !eof { break fields }
                        cursor += (cursor + 1 < filled && p[cursor + 1] == lf) ? 2 : 1
                        complete = true
                        break fields
                    }
                    guard complete else {
                        fixups.removeAll(keepingCapacity: true)
                        return pos
                    }
                    // Unescape doubled quotes and append trailing text in place, inside each field's own bytes.
                    for (index, closing, trailing) in fixups {
                        var write = starts[index]
                        var r = starts[index]
                        while r < closing {
                            p[write] = p[r]
                            write += 1
                            r += p[r] == quote ? 2 : 1
                        }
                        for t in (closing + 1)..<trailing {
                            p[write] = p[t]
                            write += 1
                        }
                        ends[index] = write
                    }
                    fixups.removeAll(keepingCapacity: true)
                    if let pendingSwallow, count != lastWidth {
                        throw BulkError.runawayQuote(
                            path: path, line: pendingSwallow.line, column: pendingSwallow.column,
                            swallowedLine: pendingSwallow.swallowed)
                    }
                    lastWidth = count
                    let keepGoing = try body(
                        Record(
                            base: p, starts: UnsafeBufferPointer(start: starts, count: count),
                            ends: UnsafeBufferPointer(start: ends, count: count), line: line))
                    line += 1 + newlines
                    pos = cursor
                    endOffset = bufferOffset + cursor
                    if !keepGoing { stop = true; return pos }
                }
                return pos
            }
            position = consumed
            if stop { return }
            if eof, position >= filled { return }
        }
    }

    /// A mask whose lowest set bit is the high bit of the first byte of `word` (in memory order,
    /// `word` read little-endian) that is `,`, LF or CR; 0 when there is none. The classic "has zero
    /// byte" bit trick on `word ^ repeated(separator)`: its borrows can mark bytes above the first
    /// match too, never below, so the lowest bit is exact.
    @inline(__always)
    static func separatorMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        return zeroByte(word ^ (ones &* 0x2C)) | zeroByte(word ^ (ones &* 0x0A)) | zeroByte(word ^ (ones &* 0x0D))
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
        case .missingColumn(let path, let column, let header): return "\(path):1:1: missing required column '\(column)' (header: \(header))"
        case .badValue(let path, let line, let column, let message): return "\(path):\(line): column \(column): \(message)"
        case .unknownReference(let path, let line, let column, let id): return "\(path):\(line): column \(column): no person has the id '\(id)'"
        case .duplicateID(let path, let id): return "\(path): the id '\(id)' appears twice"
        }
    }
}
