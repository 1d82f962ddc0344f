/// One unfolded content line of an iCalendar file: `name *(";" param) ":" value` (RFC 5545 §3.1).
///
/// The name and parameter names are uppercased; parameter values are unquoted and RFC 6868
/// caret-decoded; the value is kept as written (TEXT escapes are undone by `VCardFormat.unescape`
/// only where a property is TEXT).
struct CalendarContentLine: Hashable, Sendable {
    var name: String
    var parameters: [CalendarParameter]
    var value: String
    /// Where the line starts (its first physical line, column 1).
    var location: SourceLocation
    /// Where the value starts, through any folding.
    var valueLocation: SourceLocation

    /// The first value of parameter `name` (uppercase), if present.
    func parameter(_ name: String) -> String? {
        parameters.first { $0.name == name }?.values.first
    }
}

/// A property parameter: `NAME=value` or `NAME=v1,"v2",…`.
struct CalendarParameter: Hashable, Sendable {
    var name: String
    var values: [String]
}

/// Splits the bytes of an `.ics` file into unfolded content lines.
///
/// Lines end in CRLF, LF or a lone CR. A physical line that starts with a space or a tab continues
/// the previous one (RFC 5545 §3.1): the fold is removed on the *bytes*, before decoding, because
/// exporters fold at 75 octets and may split a UTF-8 sequence. A UTF-8 BOM is skipped; UTF-16 with
/// a BOM is transcoded; a logical line that is not UTF-8 is read as Windows-1252, with a warning.
/// A line that is not `NAME…:value` is skipped with a warning.
enum CalendarLines {
    /// The longest logical (unfolded) line, in bytes: 1 MiB. A longer one is an error, so that a
    /// file of one endless folded line cannot exhaust memory.
    static let maxLineBytes = 1 << 20

    /// A piece of a logical line: from `offset` (in the unfolded bytes) on, the bytes came from
    /// physical line `line`, starting at character column `column`.
    struct Segment {
        var offset: Int
        var line: Int
        var column: Int
    }

    /// - Throws: `.binaryData`, `.utf16WithoutBOM`, `.invalidUTF16` (from `TextDecoding`) or
    ///   `.invalidCalendar` for a line over `maxLineBytes`, at its place.
    /// - Complexity: O(n) in the file's size.
    static func read(path: String, data: [UInt8], warnings: inout [ImportWarning]) throws(ImportError)
        -> [CalendarContentLine]
    {
        let bytes = try body(path: path, data: data)
        var lines: [CalendarContentLine] = []
        var logical: [UInt8] = []
        var segments: [Segment] = []
        var warnedEncoding = false

        func finish() {
            defer {
                logical.removeAll(keepingCapacity: true)
                segments.removeAll(keepingCapacity: true)
            }
            guard let first = segments.first else { return }
            var text = logical
            if !TextDecoding.isValidUTF8(text) {
                text = TextDecoding.windows1252ToUTF8(text)
                if !warnedEncoding {
                    warnedEncoding = true
                    warnings.append(
                        ImportWarning(
                            "this line is not UTF-8; read as Windows-1252 (the rest of the file is warned once)",
                            at: SourceLocation(path: path, line: first.line, column: 1)))
                }
                segments = [Segment(offset: 0, line: first.line, column: 1)]  // offsets moved
            }
            if let line = split(text, segments: segments, path: path) {
                lines.append(line)
            } else if !text.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                warnings.append(
                    ImportWarning(
                        "not a content line (expected NAME:value or NAME;PARAM=…:value); skipped",
                        at: SourceLocation(path: path, line: first.line, column: 1)))
            }
        }

        var i = 0
        var lineNumber = 1
        while i < bytes.count {
            var end = i
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            let isContinuation = end > i && (bytes[i] == 0x20 || bytes[i] == 0x09) && !segments.isEmpty
            if isContinuation {
                segments.append(Segment(offset: logical.count, line: lineNumber, column: 2))
                logical.append(contentsOf: bytes[(i + 1)..<end])
            } else {
                finish()
                if end > i {
                    segments.append(Segment(offset: 0, line: lineNumber, column: 1))
                    logical.append(contentsOf: bytes[i..<end])
                }
            }
            if logical.count > maxLineBytes, let first = segments.first {
                throw ImportError(
                    .invalidCalendar("content line longer than the limit of \(maxLineBytes) bytes"),
                    at: SourceLocation(path: path, line: first.line, column: 1))
            }
            // One terminator: CRLF, LF or a lone CR.
            if end < bytes.count, bytes[end] == 0x0D, end + 1 < bytes.count, bytes[end + 1] == 0x0A {
                i = end + 2
            } else {
                i = end + 1
            }
            lineNumber += 1
        }
        finish()
        return lines
    }

    /// The file's bytes as UTF-8 without BOM, still folded. UTF-16 with a BOM is transcoded first;
    /// a NUL byte is refused with `TextDecoding`'s error.
    static func body(path: String, data: [UInt8]) throws(ImportError) -> [UInt8] {
        if data.count >= 2, (data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF) {
            return try TextDecoding.utf8(data, path: path).bytes
        }
        let hasBOM = data.count >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF
        let body = hasBOM ? Array(data[3...]) : data
        if body.contains(0) {
            // TextDecoding names the NUL (binary data, or UTF-16 without a BOM) and its place.
            _ = try TextDecoding.utf8(body, path: path)
        }
        return body
    }

    /// The place of byte `offset` of a logical line, through its folds.
    static func location(of offset: Int, in bytes: [UInt8], segments: [Segment], path: String) -> SourceLocation {
        var segment = segments.first ?? Segment(offset: 0, line: 1, column: 1)
        for s in segments where s.offset <= offset { segment = s }
        var column = segment.column
        var j = segment.offset
        while j < min(offset, bytes.count) {
            if bytes[j] & 0xC0 != 0x80 { column += 1 }
            j += 1
        }
        return SourceLocation(path: path, line: segment.line, column: column)
    }
}
