import Foundation
import Testing

@testable import RapportCSV

/// One record machine with limits: the bulk `RecordStream` now refuses what `CSVReader` refuses, at
/// the same line and column (ASCII input, so byte and character columns agree).
@Suite struct RecordMachineTests {
    static let limits = CSVLimits(maxFieldBytes: 8, maxColumns: 3, maxRows: 4)

    /// The bulk reader's error, with the temporary path named `b.csv`.
    static func bulkError(_ text: String, limits: CSVLimits = limits) throws -> String? {
        let path = NSTemporaryDirectory() + "rapport-machine-\(UUID().uuidString).csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            try RecordStream(path: path, bufferSize: 1 << 16, limits: limits).forEachRecord { _ in true }
            return nil
        } catch let error as BulkError {
            return error.description.replacingOccurrences(of: path, with: "b.csv")
        }
    }

    static func readerError(_ text: String, limits: CSVLimits = limits) -> String? {
        var reader = CSVReader(path: "b.csv", utf8: Array(text.utf8), limits: limits)
        return errorText { _ = try reader.readAll() }
    }

    @Test(arguments: [
        ("a,b\n\"x\nyz\",123456789\n", "b.csv:3:5: field larger than the limit of 8 bytes"),
        ("a,b\nx,\"123\"\"45678\"\n", "b.csv:2:3: field larger than the limit of 8 bytes"),
        ("a,b\nx,y,z,w\n", "b.csv:2:7: row has more than the limit of 3 columns"),
        ("a,b,c,", "b.csv:1:7: row has more than the limit of 3 columns"),
        ("a\nb\nc\nd\ne\n", "b.csv:5:1: file has more than the limit of 4 rows"),
    ])
    func bothReadersRefuseAtTheSamePlace(text: String, message: String) throws {
        #expect(try Self.bulkError(text) == message)
        #expect(Self.readerError(text) == message)
    }

    @Test func anUnclosedQuoteIsPlacedWhereItOpens() throws {
        let text = "a,b\nx,\"never closed\n"
        let roomy = CSVLimits(maxFieldBytes: 64, maxColumns: 3, maxRows: 4)
        #expect(try Self.bulkError(text, limits: roomy) == "b.csv:2:3: unbalanced quote: the quoted field opened here never closes")
        #expect(Self.readerError(text, limits: roomy) == "b.csv:2:3: quoted field opened here is never closed")
    }

    @Test func withinTheLimitsBothReadTheSameFields() throws {
        let text = "id,name\r\np1,\"a \"\"b\"\"\"\r\n\"p2\",\"x\ny\"z\n"
        var reader = CSVReader(path: "b.csv", utf8: Array(text.utf8), limits: CSVLimits(maxFieldBytes: 9, maxColumns: 2, maxRows: 3))
        let expected = [["id", "name"], ["p1", "a \"b\""], ["p2", "x\nyz"]]
        #expect(try reader.readAll().map(\.fields) == expected)
        #expect(bulkRecords(text).rows == expected)
    }
}
