import Foundation
import Rapport

/// A header row: column names and their positions, matched case- and space-insensitively.
///
/// A class so that each `Row` shares it with one reference count instead of copying its storage.
final class Header: Sendable {
    let names: [String]
    let record: CSVRecord
    /// `Header.key` of each name.
    private let keys: [String]
    private let indexByKey: [String: Int]

    init(_ record: CSVRecord) {
        self.record = record
        self.names = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        self.keys = names.map(Header.key)
        var index: [String: Int] = [:]
        for (i, key) in keys.enumerated() where index[key] == nil { index[key] = i }
        self.indexByKey = index
    }

    static func key(_ name: String) -> String { name.trimmingCharacters(in: .whitespaces).lowercased() }

    /// Whether `key(name) == name` for sure: ASCII without upper case, spaces or tabs at the ends.
    /// Column names in code are such keys; this spares them the Foundation calls of `key`.
    private static func isKey(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            // One pass over contiguous bytes: the generic `utf8` view walks cost more than the lookup.
            if let first = bytes.first, first == 0x20 || first == 0x09 { return false }
            if let last = bytes.last, last == 0x20 || last == 0x09 { return false }
            for b in bytes where b >= 0x80 || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) { return false }
            return true
        }
    }

    /// The first column whose key is `key(name)`.
    ///
    /// Called for every cell of every row (ten million rows of ties): short headers are scanned,
    /// since comparing a few small strings is cheaper than hashing one, and a name that is already
    /// a key never goes through `key`.
    /// - Complexity: O(columns) up to 16 columns, else O(1) expected; plus O(length of the name)
    ///   when it is not already a key.
    func index(of name: String) -> Int? {
        let isKey = Header.isKey(name)
        if keys.count <= 16 {
            if let i = keys.firstIndex(of: name) { return i }
            return isKey ? nil : keys.firstIndex(of: Header.key(name))
        }
        if let i = indexByKey[name] { return i }
        return isKey ? nil : indexByKey[Header.key(name)]
    }
    func contains(_ name: String) -> Bool { index(of: name) != nil }
    func containsAll(_ names: [String]) -> Bool { names.allSatisfy(contains) }

    /// Warnings for blank and duplicate column names.
    func warnings(path: String) -> [ImportWarning] {
        var seen: Set<String> = []
        var result: [ImportWarning] = []
        for (i, name) in names.enumerated() {
            let location = record.location(ofField: i, path: path)
            if name.isEmpty {
                result.append(ImportWarning("column \(i + 1) has no name; it is ignored", at: location))
            } else if !seen.insert(Header.key(name)).inserted {
                result.append(ImportWarning("duplicate column '\(name)'; the first one is used", at: location))
            }
        }
        return result
    }
}

/// A data row seen through its header.
extension CSVRecord {
    /// The trimmed cell of column `index`; empty when the file has no such column (`nil`) or the
    /// row no such cell. A `Row` reads its cells so, and the bulk readers with columns found once.
    func cell(_ index: Int?) -> String {
        guard let index, index < fields.count else { return "" }
        return CellValues.trimmed(fields[index])
    }

    /// Where the cell of column `index` starts (`location(ofField:path:)`); the row's start when the
    /// file has no such column.
    func location(ofCell index: Int?, path: String) -> SourceLocation {
        guard let index else { return SourceLocation(path: path, line: line, column: 1) }
        return location(ofField: index, path: path)
    }
}

struct Row {
    let record: CSVRecord
    let header: Header
    let path: String

    var location: SourceLocation { SourceLocation(path: path, line: record.line, column: 1) }

    /// The trimmed cell under `column`; empty when the column or the cell is missing.
    func text(_ column: String) -> String { record.cell(header.index(of: column)) }

    func text(_ index: Int) -> String { record.cell(index) }

    /// The non-empty cell of `column`, or `nil`.
    func optional(_ column: String) -> String? {
        let value = text(column)
        return value.isEmpty ? nil : value
    }

    func location(_ column: String) -> SourceLocation { record.location(ofCell: header.index(of: column), path: path) }

    /// Values separated by `;`, trimmed, empties dropped.
    func list(_ column: String) -> [String] { CellValues.list(text(column)) }

    func date(_ column: String) throws(ImportError) -> Day? {
        let value = text(column)
        if value.isEmpty { return nil }
        guard let day = CellValues.isoDate(value) else {
            throw ImportError(.unreadableDate(value, tried: ["YYYY-MM-DD"]), at: location(column))
        }
        return day
    }

    func boolean(_ column: String, default fallback: Bool) throws(ImportError) -> Bool {
        let value = text(column)
        if value.isEmpty { return fallback }
        guard let flag = CellValues.boolean(value) else {
            throw ImportError(.unreadableBoolean(column: column, value: value), at: location(column))
        }
        return flag
    }

    func integer(_ column: String, in range: ClosedRange<Int>, described: String) throws(ImportError) -> Int? {
        let value = text(column)
        if value.isEmpty { return nil }
        guard let number = Int(value), range.contains(number) else {
            throw ImportError(.unreadableNumber(column: column, value: value, allowed: described), at: location(column))
        }
        return number
    }

    func reference(_ column: String) throws(ImportError) -> PersonReference {
        let value = text(column)
        guard !value.isEmpty else { throw ImportError(.emptyReference(column: column), at: location(column)) }
        return PersonReference(value, column: column, at: location(column))
    }

    func optionalReference(_ column: String) -> PersonReference? {
        let value = text(column)
        return value.isEmpty ? nil : PersonReference(value, column: column, at: location(column))
    }
}

/// Parsing of cell values shared by the formats.
public enum CellValues {
    /// `text` without leading and trailing spaces and tabs; returns `text` itself when there are none.
    /// - Complexity: O(1) when nothing needs trimming.
    public static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        guard blank(first) || blank(last) else { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// `YYYY-MM-DD` exactly, as `Day(iso:)`, without allocating.
    /// - Complexity: O(1).
    public static func isoDate(_ text: String) -> Day? {
        var text = text
        // Over the contiguous bytes (a cell's `String` is native UTF-8): the generic `utf8` view's
        // enumerated iterator cost a second of CPU over the ten million dates of a ties file.
        let digits: (Int, Int, Int)? = text.withUTF8 { bytes in
            guard bytes.count == 10 else { return nil }
            var digits = (0, 0, 0)
            for i in 0..<10 {
                let b = bytes[i]
                if i == 4 || i == 7 {
                    guard b == UInt8(ascii: "-") else { return nil }
                    continue
                }
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) else { return nil }
                let digit = Int(b) - 48
                switch i {
                case 0..<4: digits.0 = digits.0 * 10 + digit
                case 5..<7: digits.1 = digits.1 * 10 + digit
                default: digits.2 = digits.2 * 10 + digit
                }
            }
            return digits
        }
        guard let digits else { return nil }
        return Day(year: digits.0, month: digits.1, day: digits.2)
    }

    /// `true/false`, `yes/no`, `1/0`, `y/n`, case-insensitive.
    public static func boolean(_ text: String) -> Bool? {
        switch trimmed(text).lowercased() {
        case "true", "yes", "y", "1": return true
        case "false", "no", "n", "0": return false
        default: return nil
        }
    }

    /// `a; b ;c` → `["a", "b", "c"]`.
    public static func list(_ text: String, separator: Character = ";") -> [String] {
        if text.isEmpty { return [] }
        // Most cells hold one value: without the separator's bytes there is nothing to split, and
        // splitting by `Character` walks grapheme clusters (4% of a million-person import).
        if let ascii = separator.asciiValue, !text.utf8.contains(ascii) {
            let value = trimmed(text)
            return value.isEmpty ? [] : [value]
        }
        return text.split(separator: separator).map { trimmed(String($0)) }.filter { !$0.isEmpty }
    }

    /// The date formats contact exports use, in the order tried.
    public static let contactDateFormats = ["YYYY-MM-DD", "DD Mon YYYY", "D-Mon-YY", "M/D/YY[, h:mm AM]"]

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Parses the dates of contact exports: `2026-02-07`, `07 Feb 2026`, `5-Jan-26`, `1/8/18, 6:14 PM`
    /// (month first, as LinkedIn and Outlook write in the US). Two-digit years 70–99 are 19xx.
    /// - Complexity: O(length of the text).
    public static func contactDate(_ text: String) -> Day? {
        let value = text.trimmingCharacters(in: .whitespaces)
        if let day = isoDate(value) { return day }
        func year(_ s: Substring) -> Int? {
            guard let y = Int(s), s.allSatisfy(\.isASCII) else { return nil }
            switch s.count {
            case 2: return y < 70 ? 2000 + y : 1900 + y
            case 4: return y
            default: return nil
            }
        }
        func month(_ s: Substring) -> Int? {
            let key = s.lowercased()
            guard key.count >= 3, let i = months.firstIndex(of: String(key.prefix(3))) else { return nil }
            return i + 1
        }
        // "07 Feb 2026" and "5-Jan-26".
        for separator: Character in [" ", "-"] {
            let parts = value.split(separator: separator)
            if parts.count == 3, let d = Int(parts[0]), let m = month(parts[1]), let y = year(parts[2]) {
                return Day(year: y, month: m, day: d)
            }
        }
        // "1/8/18, 6:14 PM" or "1/8/2018": drop the time.
        let datePart = value.split(separator: ",").first.map(String.init) ?? value
        let dateOnly = datePart.split(separator: " ").first.map(String.init) ?? datePart
        let parts = dateOnly.split(separator: "/")
        if parts.count == 3, let m = Int(parts[0]), let d = Int(parts[1]), let y = year(parts[2]) {
            return Day(year: y, month: m, day: d)
        }
        return nil
    }
}
