/// Limits that keep a hostile or broken file from exhausting memory; each error names its limit.
public struct CSVLimits: Hashable, Sendable {
    /// Largest field, in bytes of UTF-8 (default 1 MiB).
    public var maxFieldBytes: Int
    /// Most fields in one row (default 10,000).
    public var maxColumns: Int
    /// Most rows in one file, header and preamble included (default 20,000,000: a 1M-people alumni network has about 10M ties).
    public var maxRows: Int

    public init(maxFieldBytes: Int = 1 << 20, maxColumns: Int = 10_000, maxRows: Int = 20_000_000) {
        self.maxFieldBytes = maxFieldBytes
        self.maxColumns = maxColumns
        self.maxRows = maxRows
    }
}

/// Where a field starts: 1-based physical line and 1-based column in characters (Unicode scalars).
public struct FieldPosition: Hashable, Sendable {
    public var line: Int32
    public var column: Int32
}

/// One CSV record: its fields and where each started.
public struct CSVRecord: Hashable, Sendable {
    /// The 1-based physical line the record starts on.
    public var line: Int
    public var fields: [String]
    public var positions: [FieldPosition]

    /// The location of field `index`, or of the record end when the row is short.
    public func location(ofField index: Int, path: String) -> SourceLocation {
        guard index < positions.count else {
            let last = positions.last ?? FieldPosition(line: Int32(line), column: 1)
            return SourceLocation(path: path, line: Int(last.line), column: Int(last.column))
        }
        return SourceLocation(path: path, line: Int(positions[index].line), column: Int(positions[index].column))
    }

    /// True when every field is empty or only spaces, tabs and line breaks: `,,,` is blank,
    /// `Notes:,,` is not.
    /// - Complexity: O(bytes of the record) at most; stops at the first other byte.
    public var isBlank: Bool {
        fields.allSatisfy { field in field.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } }
    }
}

/// A streaming RFC 4180 reader over UTF-8 bytes.
///
/// Handles quoted delimiters, doubled quotes, line breaks inside quotes and CRLF/LF/CR line ends.
/// Lines with no bytes are skipped (they are not records). Text after a closing quote is kept and
/// reported as a warning. A quoted field that swallows a line reading as a record of its own is an
/// error (`RunawayQuote` states the rule). Decode the file first with `TextDecoding.utf8(_:path:)`.
///
/// - Complexity: O(n) over the bytes; each call to `next()` is O(length of the record).
public struct CSVReader: Sendable {
    public let path: String
    /// `,` by default; `;` for files whose header uses it.
    public var delimiter: UInt8
    public let limits: CSVLimits
    /// Problems recovered from so far.
    public private(set) var warnings: [ImportWarning] = []

    private let bytes: [UInt8]
    private var state: State

    /// A resumable position in the input.
    public struct Mark: Hashable, Sendable {
        var pos: Int
        var line: Int
        /// Byte offset of the line start, moved right by one for every UTF-8 continuation byte seen
        /// on the line, so that `offset - lineStart + 1` is a column in characters.
        var lineStart: Int
        var rows: Int
        /// Fields in the last record: the capacity to reserve for the next.
        var width: Int = 0
        /// Fields in the last record, uncapped: the width `RunawayQuote` checks against.
        var lastWidth: Int = 0
    }
    typealias State = Mark

    public init(
        path: String, utf8 bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ","), limits: CSVLimits = CSVLimits()
    ) {
        self.path = path
        self.bytes = bytes
        self.delimiter = delimiter
        self.limits = limits
        self.state = Mark(pos: 0, line: 1, lineStart: 0, rows: 0)
    }

    /// A reader over a copy of raw UTF-8 bytes (a memory-mapped file, a socket buffer).
    public init(
        path: String, utf8 buffer: UnsafeRawBufferPointer, delimiter: UInt8 = UInt8(ascii: ","),
        limits: CSVLimits = CSVLimits()
    ) {
        self.init(path: path, utf8: Array(buffer), delimiter: delimiter, limits: limits)
    }

    /// An upper bound on the records left when lines end in LF or CRLF: the line feeds ahead,
    /// plus one. A hint for reserving storage, not a count (a CR-only file reports about one).
    /// - Complexity: O(bytes left), at memory speed.
    public var remainingLineBound: Int {
        bytes.withUnsafeBufferPointer { buffer in
            var count = 1
            for b in buffer[state.pos...] where b == CSVReader.lf { count += 1 }
            return count
        }
    }

    /// The current position, to come back to with `rewind(to:)`.
    public var mark: Mark { state }

    public mutating func rewind(to mark: Mark) { state = mark }

    /// Reads the next record; `nil` at the end of the input.
    /// - Throws: `.unbalancedQuote` or `.runawayQuote` (at the line and column where the field
    ///   opened), or a limit error.
    public mutating func next() throws(ImportError) -> CSVRecord? {
        let bytes = self.bytes
        var s = state
        var newWarnings: [ImportWarning] = []
        let delimiter = self.delimiter, limits = self.limits, path = self.path
        let result = bytes.withUnsafeBufferPointer { buf in
            Self.parseRecord(buf, &s, delimiter: delimiter, limits: limits, path: path, warnings: &newWarnings)
        }
        state = s
        warnings.append(contentsOf: newWarnings)
        return try result.get()
    }

    /// Reads every remaining record.
    public mutating func readAll() throws(ImportError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        while let record = try next() { records.append(record) }
        return records
    }

    private static let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    private static func parseRecord(
        _ buf: UnsafeBufferPointer<UInt8>, _ s: inout State, delimiter: UInt8, limits: CSVLimits, path: String,
        warnings: inout [ImportWarning]
    ) -> Result<CSVRecord?, ImportError> {
        let n = buf.count
        while s.pos < n {
            let b = buf[s.pos]
            if b == lf {
                s.pos += 1
            } else if b == cr {
                s.pos += 1
                if s.pos < n, buf[s.pos] == lf { s.pos += 1 }
            } else {
                break
            }
            s.line += 1
            s.lineStart = s.pos
        }
        guard s.pos < n else { return .success(nil) }
        func location(_ p: FieldPosition) -> SourceLocation {
            SourceLocation(path: path, line: Int(p.line), column: Int(p.column))
        }
        s.rows += 1
        if s.rows > limits.maxRows {
            return .failure(
                ImportError(
                    .tooManyRows(limit: limits.maxRows), at: SourceLocation(path: path, line: s.line, column: 1)))
        }
        let recordLine = s.line
        let recordStart = s.pos
        // A line inside a quoted field that reads as a record but still needs rule (b): the record's width.
        var pendingSwallow: (line: Int, at: FieldPosition)? = nil
        var fields: [String] = []
        var positions: [FieldPosition] = []
        fields.reserveCapacity(s.width)
        positions.reserveCapacity(s.width)
        while true {
            let start = s.pos
            let position = FieldPosition(
                line: Int32(truncatingIfNeeded: s.line), column: Int32(truncatingIfNeeded: start - s.lineStart + 1))
            if fields.count >= limits.maxColumns {
                return .failure(ImportError(.tooManyColumns(limit: limits.maxColumns), at: location(position)))
            }
            if start < n, buf[start] == quote {
                // Content with doubled quotes is gathered here, appended in place (O(field), not
                // O(field²) for a field made of `""`).
                var scratch: [UInt8]? = nil
                var segmentStart = start + 1
                var i = segmentStart
                var closed = false
                while i < n {
                    // Stop at the limit instead of scanning a 10 MB field to its end first.
                    if i - start > limits.maxFieldBytes {
                        return .failure(
                            ImportError(.fieldTooLarge(limit: limits.maxFieldBytes), at: location(position)))
                    }
                    let b = buf[i]
                    if b == quote {
                        if i + 1 < n, buf[i + 1] == quote {
                            if scratch == nil { scratch = [] }
                            scratch?.append(contentsOf: UnsafeBufferPointer(rebasing: buf[segmentStart...i]))
                            i += 2
                            segmentStart = i
                            continue
                        }
                        closed = true
                        break
                    } else if b == lf {
                        s.line += 1
                        s.lineStart = i + 1
                    } else if b == cr, !(i + 1 < n && buf[i + 1] == lf) {
                        s.line += 1
                        s.lineStart = i + 1
                    } else if b & 0xC0 == 0x80 {
                        s.lineStart += 1
                    }
                    i += 1
                }
                guard closed else { return .failure(ImportError(.unbalancedQuote, at: location(position))) }
                let contentEnd = i
                if Int(position.line) != s.line,
                    let inner = RunawayQuote.innerRecord(
                        in: UnsafeBufferPointer(rebasing: buf[(start + 1)..<contentEnd]), delimiter: delimiter,
                        width: s.lastWidth,
                        firstCellShape: RunawayQuote.firstCellShape(buf, at: recordStart, delimiter: delimiter))
                {
                    let swallowed = Int(position.line) + inner.breaksBefore
                    if inner.shapeMatches {
                        return .failure(ImportError(.runawayQuote(swallowedLine: swallowed), at: location(position)))
                    }
                    if pendingSwallow == nil { pendingSwallow = (swallowed, position) }
                }
                i += 1
                var trailing = i
                while trailing < n, buf[trailing] != delimiter, buf[trailing] != lf, buf[trailing] != cr {
                    if buf[trailing] & 0xC0 == 0x80 { s.lineStart += 1 }
                    trailing += 1
                }
                if trailing > i {
                    warnings.append(
                        ImportWarning(
                            "text after the closing quote is kept as part of the field", at: location(position)))
                }
                if trailing - start > limits.maxFieldBytes {
                    return .failure(ImportError(.fieldTooLarge(limit: limits.maxFieldBytes), at: location(position)))
                }
                if scratch == nil, trailing == i {
                    fields.append(
                        String(decoding: UnsafeBufferPointer(rebasing: buf[segmentStart..<contentEnd]), as: UTF8.self))
                } else {
                    var content = scratch ?? []
                    content.append(contentsOf: UnsafeBufferPointer(rebasing: buf[segmentStart..<contentEnd]))
                    content.append(contentsOf: UnsafeBufferPointer(rebasing: buf[i..<trailing]))
                    fields.append(String(decoding: content, as: UTF8.self))
                }
                s.pos = trailing
            } else {
                var i = start
                var continuationBytes = 0
                while i < n {
                    let b = buf[i]
                    if b == delimiter || b == lf || b == cr { break }
                    if b & 0xC0 == 0x80 { continuationBytes += 1 }
                    i += 1
                }
                s.lineStart += continuationBytes
                if i - start > limits.maxFieldBytes {
                    return .failure(ImportError(.fieldTooLarge(limit: limits.maxFieldBytes), at: location(position)))
                }
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: buf[start..<i]), as: UTF8.self))
                s.pos = i
            }
            positions.append(position)
            if s.pos >= n { break }
            let b = buf[s.pos]
            s.pos += 1
            if b == delimiter {
                if s.pos >= n {
                    // A delimiter ending the file starts one last, empty field: it counts too.
                    let last = FieldPosition(
                        line: Int32(truncatingIfNeeded: s.line),
                        column: Int32(truncatingIfNeeded: s.pos - s.lineStart + 1))
                    if fields.count >= limits.maxColumns {
                        return .failure(ImportError(.tooManyColumns(limit: limits.maxColumns), at: location(last)))
                    }
                    fields.append("")
                    positions.append(last)
                    break
                }
                continue
            }
            if b == cr, s.pos < n, buf[s.pos] == lf { s.pos += 1 }
            s.line += 1
            s.lineStart = s.pos
            break
        }
        if let pendingSwallow, fields.count != s.lastWidth {
            return .failure(
                ImportError(.runawayQuote(swallowedLine: pendingSwallow.line), at: location(pendingSwallow.at)))
        }
        s.width = min(fields.count, 1024)
        s.lastWidth = fields.count
        return .success(CSVRecord(line: recordLine, fields: fields, positions: positions))
    }
}
