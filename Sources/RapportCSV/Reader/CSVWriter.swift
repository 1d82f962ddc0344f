import Foundation

/// Writes RFC 4180 CSV: fields holding the delimiter, a quote, CR or LF (or leading/trailing
/// spaces) are quoted, quotes doubled, lines end in CRLF-free `\n`.
///
/// With `neutralizeFormulas` (the default), a cell starting with `=`, `+`, `-`, `@`, a tab or a CR
/// gets a leading `'`, so spreadsheets show it as text instead of running it (OWASP "CSV
/// injection").
///
/// Control characters other than tab, CR and LF (ESC, the other C0 codes, DEL and C1) are dropped:
/// they show nothing in a spreadsheet, and printed to a terminal an ESC starts an escape sequence.
/// Everything else, right-to-left marks and emoji included, is written unchanged.
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
        if text.unicodeScalars.contains(where: Self.isDroppedControl) {
            var kept = String.UnicodeScalarView()
            kept.append(contentsOf: text.unicodeScalars.lazy.filter { !Self.isDroppedControl($0) })
            text = String(kept)
        }
        if neutralizeFormulas, let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            text = "'" + text
        }
        let needsQuotes =
            text.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// C0 controls except tab, LF and CR; DEL; C1 controls.
    static func isDroppedControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (0x7F...0x9F).contains(v)
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
