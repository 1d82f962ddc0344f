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

    private let bytes: CSVBytes
    private var state: State
    /// The bytes before this offset were given back (`releaseRead()`); a reader of a file's second
    /// part starts there, so that it never gives back what the first part still reads.
    private var releasedUpTo = 0
    /// The record machine this reader runs (`RecordMachine`); its scratch buffers are reused.
    private var machine: RecordMachine

    /// A resumable position in the input.
    public struct Mark: Hashable, Sendable {
        var pos: Int
        var line: Int
        /// Byte offset of the line start, moved right by one for every UTF-8 continuation byte seen
        /// on the line, so that `offset - lineStart + 1` is a column in characters.
        var lineStart: Int
        var rows: Int
        /// Fields in the last record: the width `RunawayQuote` checks against.
        var lastWidth: Int = 0
    }
    typealias State = Mark

    public init(
        path: String, utf8 bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ","), limits: CSVLimits = CSVLimits()
    ) {
        self.init(path: path, source: CSVBytes(bytes), delimiter: delimiter, limits: limits)
    }

    /// A reader of `source`, an array or a mapped file.
    init(path: String, source bytes: CSVBytes, delimiter: UInt8 = UInt8(ascii: ","), limits: CSVLimits = CSVLimits()) {
        self.path = path
        self.bytes = bytes
        self.delimiter = delimiter
        self.limits = limits
        self.state = Mark(pos: 0, line: 1, lineStart: 0, rows: 0)
        self.machine = RecordMachine(delimiter: delimiter, limits: limits)
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

    /// Where `next()` stops: it returns `nil` at a record that would start at or past this offset
    /// (a reader of the first part of a file read in two, `NativeFormats.readRows`).
    var end = Int.max

    /// The offset of the line start nearest the middle of what is left, for reading a large file
    /// in two parts; `nil` under `minimumBytes` left or without a line feed past the middle.
    func middleLineStart(minimumBytes: Int) -> Int? {
        let left = bytes.count - state.pos
        guard left >= minimumBytes,
            let lf = bytes.withUnsafeBufferPointer({ $0[(state.pos + left / 2)...].firstIndex(of: Self.lf) })
        else { return nil }
        return lf + 1 < bytes.count ? lf + 1 : nil
    }

    /// Gives back the pages of a mapped file that this reader has read past (see `MappedFile`);
    /// nothing for an array. The bytes stay readable: a page given back is read again if touched.
    mutating func releaseRead() {
        guard state.pos > releasedUpTo else { return }
        bytes.release(releasedUpTo..<state.pos)
        releasedUpTo = state.pos
    }

    /// The number of bytes read from, all parts together.
    var byteCount: Int { bytes.count }

    /// A reader of the same bytes from `offset` (a line start past the current position), placed
    /// as this reader would be there if a record ended there: on the line after every line break
    /// before it, with no row counted yet and `lastWidth` fields in the record before. The caller
    /// checks that the first part really ended there, in that state (a quoted field can span it).
    func reader(fromLineStart offset: Int, lastWidth: Int) -> CSVReader {
        var line = state.line, lineStart = state.lineStart, from = state.pos
        bytes.withUnsafeBufferPointer { Self.walk($0, from: &from, to: offset, line: &line, lineStart: &lineStart) }
        var part = self
        part.state = Mark(pos: offset, line: line, lineStart: lineStart, rows: 0, lastWidth: lastWidth)
        part.releasedUpTo = offset
        part.warnings = []
        part.end = Int.max
        return part
    }

    /// Appends the warnings of `other`, a reader of the part of the input after this one's.
    mutating func appendWarnings(of other: CSVReader) { warnings += other.warnings }

    /// The current position, to come back to with `rewind(to:)`.
    public var mark: Mark { state }

    public mutating func rewind(to mark: Mark) { state = mark }

    /// Reads the next record; `nil` at the end of the input.
    /// - Throws: `.unbalancedQuote` or `.runawayQuote` (at the line and column where the field
    ///   opened), or a limit error.
    public mutating func next() throws(ImportError) -> CSVRecord? {
        var record = CSVRecord(line: 0, fields: [], positions: [])
        return try next(into: &record) ? record : nil
    }

    /// Reads the next record into `record`, reusing its arrays' storage: the bulk readers keep one
    /// record for a whole file instead of allocating two arrays per row (ten million rows of a ties
    /// file). False at the end of the input, `record` then unspecified.
    /// - Throws: as `next()`.
    public mutating func next(into record: inout CSVRecord) throws(ImportError) -> Bool {
        if state.pos >= end { return false }
        let bytes = self.bytes, path = self.path
        var s = state
        var newWarnings: [ImportWarning] = []
        machine.delimiter = delimiter
        let result = bytes.withUnsafeBufferPointer { buf in
            Self.parseRecord(buf, &s, &machine, path: path, warnings: &newWarnings, into: &record)
        }
        state = s
        if !newWarnings.isEmpty { warnings.append(contentsOf: newWarnings) }
        return try result.get()
    }

    /// Reads every remaining record.
    public mutating func readAll() throws(ImportError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        while let record = try next() { records.append(record) }
        return records
    }

    private static let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// Skips empty lines, runs the record machine on the next record, then builds its strings and
    /// positions (line and column in characters) from the field ranges.
    private static func parseRecord(
        _ buf: UnsafeBufferPointer<UInt8>, _ s: inout State, _ machine: inout RecordMachine, path: String,
        warnings: inout [ImportWarning], into record: inout CSVRecord
    ) -> Result<Bool, ImportError> {
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
        guard s.pos < n, let p = buf.baseAddress else { return .success(false) }
        let recordStart = s.pos, recordLine = s.line
        machine.rows = s.rows
        machine.lastWidth = s.lastWidth
        // Line and column of an offset in the record: one pass from the record's start.
        var line = s.line, lineStart = s.lineStart, walked = recordStart
        func place(_ offset: Int) -> (line: Int, column: Int) {
            walk(buf, from: &walked, to: offset, line: &line, lineStart: &lineStart)
            return (line, offset - lineStart + 1)
        }
        func location(_ offset: Int) -> SourceLocation {
            let (line, column) = place(offset)
            return SourceLocation(path: path, line: line, column: column)
        }
        switch machine.scan(p, from: recordStart, filled: n, atEnd: true) {
        case .needMore:
            return .failure(ImportError(.unbalancedQuote, at: location(recordStart)))  // not at the end of the input
        case .failed(let failure):
            switch failure {
            case .unbalancedQuote(let at): return .failure(ImportError(.unbalancedQuote, at: location(at)))
            case .runawayQuote(let at, let breaksBefore):
                let opened = location(at)
                return .failure(ImportError(.runawayQuote(swallowedLine: opened.line + breaksBefore), at: opened))
            case .fieldTooLarge(let at):
                return .failure(ImportError(.fieldTooLarge(limit: machine.limits.maxFieldBytes), at: location(at)))
            case .tooManyColumns(let at):
                return .failure(ImportError(.tooManyColumns(limit: machine.limits.maxColumns), at: location(at)))
            case .tooManyRows:
                return .failure(
                    ImportError(.tooManyRows(limit: machine.limits.maxRows), at: SourceLocation(path: path, line: s.line, column: 1)))
            }
        case .record(let end):
            record.line = recordLine
            record.fields.removeAll(keepingCapacity: true)
            record.positions.removeAll(keepingCapacity: true)
            record.fields.reserveCapacity(machine.count)
            record.positions.reserveCapacity(machine.count)
            var fixups = machine.fixups[...]
            // One line of ASCII (most records): a field's column is its offset from the line start.
            let plain = machine.newlines == 0 && !machine.hasNonASCII
            for i in 0..<machine.count {
                let start = machine.start(i), fieldEnd = machine.end(i)
                let quoted = start > recordStart && p[start - 1] == UInt8(ascii: "\"")
                let here = plain ? (s.line, (quoted ? start - 1 : start) - s.lineStart + 1) : place(quoted ? start - 1 : start)
                let position = FieldPosition(
                    line: Int32(truncatingIfNeeded: here.0), column: Int32(truncatingIfNeeded: here.1))
                record.positions.append(position)
                if let fixup = fixups.first, fixup.field == i {
                    fixups.removeFirst()
                    var content: [UInt8] = []
                    RecordMachine.unescaped(p, from: start, fixup) { content.append($0) }
                    record.fields.append(String(decoding: content, as: UTF8.self))
                    if fixup.trailingEnd > fixup.closingQuote + 1 {
                        warnings.append(
                            ImportWarning(
                                "text after the closing quote is kept as part of the field",
                                at: SourceLocation(path: path, line: here.0, column: here.1)))
                    }
                } else {
                    record.fields.append(
                        String(decoding: UnsafeBufferPointer(start: p + start, count: fieldEnd - start), as: UTF8.self))
                }
            }
            if plain {
                // The record ends with its line (or the input): the next starts a line of its own.
                if end > recordStart, p[end - 1] == Self.lf || p[end - 1] == Self.cr {
                    s.line += 1
                    s.lineStart = end
                }
            } else {
                walk(buf, from: &walked, to: end, line: &line, lineStart: &lineStart)
                s.line = line
                s.lineStart = lineStart
            }
            s.pos = end
            s.rows = machine.rows
            s.lastWidth = machine.lastWidth
            return .success(true)
        }
    }

    /// Moves `line` and `lineStart` from `from` to `to`: a line break is LF, CRLF or a lone CR, and
    /// `lineStart` moves right by one for every UTF-8 continuation byte, so that `offset - lineStart
    /// + 1` is a column in characters. Eight bytes at a time where there is no line break.
    /// - Complexity: O(to - from).
    private static func walk(
        _ buf: UnsafeBufferPointer<UInt8>, from: inout Int, to: Int, line: inout Int, lineStart: inout Int
    ) {
        guard let p = buf.baseAddress, to > from else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var i = from
        while i < to {
            if i + 8 <= to {
                let word = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                let lf = word ^ (ones &* 0x0A), cr = word ^ (ones &* 0x0D)
                if ((lf &- ones) & ~lf | (cr &- ones) & ~cr) & highs == 0 {
                    lineStart += (word & ~(word << 1) & highs).nonzeroBitCount
                    i += 8
                    continue
                }
            }
            let b = p[i]
            if b == Self.lf || (b == Self.cr && !(i + 1 < buf.count && p[i + 1] == Self.lf)) {
                line += 1
                lineStart = i + 1
            } else if b & 0xC0 == 0x80 {
                lineStart += 1
            }
            i += 1
        }
        from = to
    }
}
