import Foundation
import Rapport

/// Writes RFC 4180 CSV: fields holding the delimiter, a quote, CR or LF (or leading/trailing
/// spaces) are quoted, quotes doubled, lines end in CRLF-free `\n`.
///
/// With `neutralizeFormulas` (the default), a cell starting with `=`, `+`, `-`, `@`, a tab or a CR
/// gets a leading `'`, so spreadsheets show it as text instead of running it (OWASP "CSV
/// injection").
///
/// The unsafe scalars of `OutputPolicy.isUnsafe` are dropped (ESC, the other C0 codes but tab, CR
/// and LF, DEL, C1, bidirectional controls): they show nothing useful in a spreadsheet, printed to
/// a terminal an ESC starts an escape sequence, and a right-to-left override reorders the cell.
/// Everything else, right-to-left scripts and emoji included, is written unchanged.
public struct CSVWriter: Sendable {
    public var delimiter: Character
    public var neutralizeFormulas: Bool

    public init(delimiter: Character = ",", neutralizeFormulas: Bool = true) {
        self.delimiter = delimiter
        self.neutralizeFormulas = neutralizeFormulas
    }

    /// One cell: the CSV policy, `OutputPolicy.csvCell` (unsafe scalars dropped, formulas
    /// neutralized, quoted as needed).
    /// - Complexity: O(length of the cell).
    public func cell(_ value: String) -> String {
        OutputPolicy.csvCell(value, delimiter: delimiter, neutralizeFormulas: neutralizeFormulas)
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
