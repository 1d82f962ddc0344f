/// A parser for the subset of TOML 1.0 that `rapport.toml` uses.
///
/// Supported: `# comments`; table headers `[name]` and dotted `[a.b]` (taken as one name);
/// `key = value` with bare keys (`A-Z a-z 0-9 _ -`); values: integers and floats (sign,
/// `_` separators, exponent, `inf`, `nan`), basic strings `"…"` with the escapes `\" \\ \n \t \r
/// \uXXXX \UXXXXXXXX`, literal strings `'…'`, `true` / `false`, and arrays `[…]` (may span lines,
/// may end with a comma, nest at most 32 deep). Not supported (reported as errors): inline tables, arrays of tables,
/// dates, multi-line strings, dotted keys.
///
/// Errors carry the 1-based line and column of the offending character.
public enum TOMLParser {
    /// Parses `text`.
    /// - Throws: `ConfigurationError.syntax` with the location of the first problem.
    /// - Complexity: O(n) in the length of the text.
    public static func parse(_ text: String) throws(ConfigurationError) -> TOMLDocument {
        var cursor = Cursor(bytes: Array(text.utf8))
        var document = TOMLDocument()
        var table = ""
        while true {
            cursor.skipBlankAndComments(newlines: true)
            guard let byte = cursor.peek else { break }
            let start = cursor.location
            if byte == UInt8(ascii: "[") {
                cursor.advance()
                if cursor.peek == UInt8(ascii: "[") { throw .syntax(start, "arrays of tables are not supported") }
                cursor.skipSpaces()
                var parts: [String] = []
                repeat {
                    cursor.skipSpaces()
                    parts.append(try cursor.key())
                    cursor.skipSpaces()
                } while cursor.consume(UInt8(ascii: "."))
                guard cursor.consume(UInt8(ascii: "]")) else {
                    throw cursor.unexpected("']' to close the table header")
                }
                table = parts.joined(separator: ".")
                try document.declareTable(table, at: start)
            } else {
                let key = try cursor.key()
                cursor.skipSpaces()
                if cursor.peek == UInt8(ascii: ".") { throw .syntax(cursor.location, "dotted keys are not supported") }
                guard cursor.consume(UInt8(ascii: "=")) else { throw cursor.unexpected("'=' after the key '\(key)'") }
                cursor.skipSpaces()
                let value = try cursor.value()
                try document.set(key, value, in: table, at: start)
            }
            cursor.skipBlankAndComments(newlines: false)
            if let next = cursor.peek, next != UInt8(ascii: "\n"), next != UInt8(ascii: "\r") {
                throw cursor.unexpected("the end of the line")
            }
        }
        return document
    }
}

/// A byte cursor that tracks line and column.
private struct Cursor {
    let bytes: [UInt8]
    var position = 0
    var line = 1
    var lineStart = 0
    /// Arrays open around the cursor; past `maxArrayDepth` the text is refused, so that a file of
    /// `[[[[…` cannot overflow the stack of the recursive `value()`/`array()` descent.
    var arrayDepth = 0
    static let maxArrayDepth = 32

    init(bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte-order mark is not content.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            position = 3
            lineStart = 3
        }
    }

    var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    /// Column counts Unicode scalars, not bytes, so it matches what an editor shows.
    var location: TextLocation {
        var column = 1
        var i = lineStart
        while i < position {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return TextLocation(line: line, column: column)
    }

    mutating func advance() {
        if bytes[position] == UInt8(ascii: "\n") {
            line += 1
            lineStart = position + 1
        }
        position += 1
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        advance()
        return true
    }

    mutating func skipSpaces() {
        while let b = peek, b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") { advance() }
    }

    /// Skips spaces, comments and (when `newlines`) line breaks.
    mutating func skipBlankAndComments(newlines: Bool) {
        while let b = peek {
            if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") {
                advance()
            } else if b == UInt8(ascii: "#") {
                while let c = peek, c != UInt8(ascii: "\n") { advance() }
            } else if newlines, b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
                advance()
            } else {
                return
            }
        }
    }

    func unexpected(_ expected: String) -> ConfigurationError {
        guard let b = peek else { return .syntax(location, "expected \(expected), found the end of the file") }
        if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
            return .syntax(location, "expected \(expected), found the end of the line")
        }
        let scalarEnd = bytes[(position + 1)...].firstIndex { $0 & 0xC0 != 0x80 } ?? bytes.count
        let found = String(decoding: bytes[position..<scalarEnd], as: UTF8.self)
        return .syntax(location, "expected \(expected), found '\(found)'")
    }

    static func isBare(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
            || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
    }

    mutating func key() throws(ConfigurationError) -> String {
        if peek == UInt8(ascii: "\"") { return try basicString() }
        let start = position
        while let b = peek, Cursor.isBare(b) { advance() }
        guard position > start else { throw unexpected("a key") }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    mutating func value() throws(ConfigurationError) -> TOMLValue {
        guard let b = peek else { throw unexpected("a value") }
        switch b {
        case UInt8(ascii: "\""): return .string(try basicString())
        case UInt8(ascii: "'"): return .string(try literalString())
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "{"): throw .syntax(location, "inline tables are not supported")
        default: break
        }
        let start = position
        let startLocation = location
        while let c = peek, Cursor.isBare(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: ".") { advance() }
        let word = String(decoding: bytes[start..<position], as: UTF8.self)
        if word == "true" { return .boolean(true) }
        if word == "false" { return .boolean(false) }
        if let number = Cursor.number(word) { return number }
        if word.isEmpty { throw unexpected("a value") }
        if peek == UInt8(ascii: ":") || word.filter({ $0 == "-" }).count == 2 {
            throw .syntax(startLocation, "dates are not supported; write the date as a string")
        }
        throw .syntax(startLocation, "'\(word)' is not a value (strings need quotes)")
    }

    /// A TOML integer or float; `nil` when `word` is not one.
    static func number(_ word: String) -> TOMLValue? {
        var text = Substring(word)
        var sign = ""
        if let first = text.first, first == "+" || first == "-" {
            if first == "-" { sign = "-" }
            text = text.dropFirst()
        }
        switch text {
        case "inf": return .float(sign == "-" ? -.infinity : .infinity)
        case "nan": return .float(.nan)
        default: break
        }
        guard let first = text.first, first.isASCII, first.isNumber else { return nil }
        // Underscores only between digits.
        let chars = Array(text)
        for (i, c) in chars.enumerated() where c == "_" {
            guard i > 0, i + 1 < chars.count, chars[i - 1].isNumber, chars[i + 1].isNumber else { return nil }
        }
        let clean = sign + String(chars.filter { $0 != "_" })
        let body = clean.drop { $0 == "-" }
        // Leading zeros are not allowed ("007"), but "0", "0.5" and "0e3" are.
        if body.count > 1, body.first == "0", let second = body.dropFirst().first, second.isNumber { return nil }
        if body.allSatisfy({ $0.isASCII && $0.isNumber }) {
            if let i = Int(clean) { return .integer(i) }
            return nil
        }
        guard body.allSatisfy({ $0.isASCII && ($0.isNumber || "eE.+-".contains($0)) }) else { return nil }
        if let dot = body.firstIndex(of: ".") {
            // A dot needs digits on both sides.
            guard dot != body.startIndex, body[body.index(before: dot)].isNumber,
                let after = body[body.index(after: dot)...].first, after.isNumber
            else { return nil }
        }
        guard let d = Double(clean), d.isFinite else { return nil }
        return .float(d)
    }

    mutating func basicString() throws(ConfigurationError) -> String {
        let open = location
        advance()
        if peek == UInt8(ascii: "\""), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "\"") {
            throw .syntax(open, "multi-line strings are not supported")
        }
        var out: [UInt8] = []
        while true {
            guard let b = peek, b != UInt8(ascii: "\n") else { throw .syntax(open, "unterminated string") }
            if b == UInt8(ascii: "\"") {
                advance()
                return String(decoding: out, as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") {
                let escape = location
                advance()
                guard let e = peek else { throw .syntax(open, "unterminated string") }
                advance()
                switch e {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "r"): out.append(UInt8(ascii: "\r"))
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let count = e == UInt8(ascii: "u") ? 4 : 8
                    guard position + count <= bytes.count,
                        let code = UInt32(
                            String(decoding: bytes[position..<position + count], as: UTF8.self), radix: 16),
                        let scalar = Unicode.Scalar(code)
                    else { throw .syntax(escape, "invalid unicode escape") }
                    for _ in 0..<count { advance() }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw .syntax(escape, "invalid escape sequence")
                }
                continue
            }
            out.append(b)
            advance()
        }
    }

    mutating func literalString() throws(ConfigurationError) -> String {
        let open = location
        advance()
        let start = position
        while let b = peek, b != UInt8(ascii: "'") {
            guard b != UInt8(ascii: "\n") else { throw .syntax(open, "unterminated string") }
            advance()
        }
        guard peek != nil else { throw .syntax(open, "unterminated string") }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        advance()
        return text
    }

    mutating func array() throws(ConfigurationError) -> TOMLValue {
        guard arrayDepth < Cursor.maxArrayDepth else {
            throw .syntax(location, "arrays nested deeper than \(Cursor.maxArrayDepth) levels")
        }
        arrayDepth += 1
        defer { arrayDepth -= 1 }
        advance()
        var items: [TOMLValue] = []
        while true {
            skipBlankAndComments(newlines: true)
            if consume(UInt8(ascii: "]")) { return .array(items) }
            items.append(try value())
            skipBlankAndComments(newlines: true)
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "]")) { return .array(items) }
            throw unexpected("',' or ']' in the array")
        }
    }
}
