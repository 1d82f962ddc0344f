import Foundation

/// Writes RFC 4180 CSV: fields holding the delimiter, a quote, CR or LF (or leading/trailing
/// spaces) are quoted, quotes doubled, lines end in CRLF-free `\n`.
///
/// With `neutralizeFormulas` (the default), a cell starting with `=`, `+`, `-`, `@`, a tab or a CR
/// gets a leading `'`, so spreadsheets show it as text instead of running it (OWASP "CSV
/// injection").
public struct CSVWriter: Sendable {
    public var delimiter: Character
    public var neutralizeFormulas: Bool

    public init(delimiter: Character = ",", neutralizeFormulas: Bool = true) {
        self.delimiter = delimiter
        self.neutralizeFormulas = neutralizeFormulas
    }

    /// One cell, quoted and neutralized as needed.
    /// - Complexity: O(length of the cell).
    public func cell(_ value: String) -> String {
        var text = value
        if neutralizeFormulas, let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            text = "'" + text
        }
        let needsQuotes =
            text.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One row, terminated by `\n`.
    public func row(_ fields: [String]) -> String {
        fields.map(cell).joined(separator: String(delimiter)) + "\n"
    }

    /// A header row and the rows under it.
    public func document(header: [String], rows: [[String]]) -> String {
        var out = row(header)
        for fields in rows { out += row(fields) }
        return out
    }
}
