import Foundation
import RapportTestSupport
import Testing

@testable import RapportCSV

/// Random RFC 4180 files, written the way Python's `csv.writer` writes them, read by both CSV
/// machines and compared cell for cell with Python's `csv.reader`. The only files refused are the
/// ones the documented runaway-quote rule (Docs/Formats.md) refuses, decided here from the cells.
@Suite struct PythonCSVOracleTests {
    static let pieces = [
        "a", "Ann", "Lee", "q0057", "2024-05-01", "7", ",", ",", "\"", "\n", "\r\n", " ", "é", "Zoë", "x,y", "",
    ]

    /// A cell as written: quoted when it holds a delimiter, a quote or a line break.
    static func written(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return cell
        }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Letters to `a`, digits to `9`, runs collapsed; everything else kept (the rule's "shape").
    static func shape(_ text: Substring) -> String {
        var out = ""
        for ch in text.unicodeScalars {
            let symbol: Character =
                CharacterSet.letters.contains(ch) ? "a" : CharacterSet.decimalDigits.contains(ch) ? "9" : Character(ch)
            if symbol == "a" || symbol == "9", out.last == symbol { continue }
            out.append(symbol)
        }
        return out
    }

    /// Whether the rule refuses `row` (all rows have `width` cells): a quoted cell holding a line
    /// break, one of whose inner lines has `width` cells and a first cell shaped like the row's.
    static func refused(_ row: [String], width: Int) -> Bool {
        let line = row.map(written).joined(separator: ",")
        var head = Substring(line)
        if head.first == "\"" { head = head.dropFirst() }
        let rowShape = shape(head.prefix { $0 != "," && $0 != "\"" && $0 != "\n" && $0 != "\r" && $0 != "\r\n" })
        for cell in row where cell.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            let raw = cell.replacingOccurrences(of: "\"", with: "\"\"")
            let lines = raw.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            for inner in lines.dropFirst().dropLast() where inner.count(where: { $0 == "," }) + 1 == width {
                let first = inner.prefix { $0 != "," }
                if !first.isEmpty, shape(first) == rowShape { return true }
            }
        }
        return false
    }

    @Test func randomRFC4180FilesReadAsPythonReadsThem() throws {
        var rng = SplitMix64(seed: 4180)
        var agreed = 0
        var refusedFiles = 0
        for round in 0..<60 {
            let width = 2 + Int(rng.next() % 5)
            let rows = (0..<(2 + Int(rng.next() % 20))).map { _ in
                (0..<width).map { _ in
                    (0..<Int(rng.next() % 5)).map { _ in Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }
                        .joined()
                }
            }
            let ending = rng.next() % 2 == 0 ? "\r\n" : "\n"
            let text = rows.map { $0.map(Self.written).joined(separator: ",") }.joined(separator: ending) + ending
            let expectRefusal = rows.dropFirst().contains { Self.refused($0, width: width) }
            let path = "random\(round).csv"
            if expectRefusal {
                refusedFiles += 1
                #expect(errorText { _ = try records(Array(text.utf8), path: path) }?.contains("swallows line") == true)
                #expect(bulkRecords(text).rows == nil, "round \(round)")
                continue
            }
            // A row of one empty cell is a blank line to us and `[]` to Python: none is generated
            // with width >= 2, so the two lists compare directly.
            let oracle = try pythonCSV(text)
            #expect(try records(Array(text.utf8), path: path) == oracle, "round \(round)")
            #expect(bulkRecords(text).rows == oracle, "round \(round)")
            agreed += 1
        }
        #expect(agreed >= 40)
        #expect(agreed + refusedFiles == 60)
    }
}
