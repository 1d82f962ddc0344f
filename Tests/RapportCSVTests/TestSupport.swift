import Foundation
import Testing

@testable import RapportCSV

/// Reads a fixture file's bytes.
func fixture(_ name: String) throws -> [UInt8] {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
    return Array(try Data(contentsOf: url))
}

/// Parses a fixture with format detection.
func parseFixture(_ name: String, format: ImportFormat? = nil) throws -> ParsedFile {
    try ContactFile.parse(path: name, data: fixture(name), format: format)
}

/// Parses inline text.
func parse(_ text: String, path: String = "in.csv", format: ImportFormat? = nil, mapping: ColumnMapping? = nil)
    throws(ImportError) -> ParsedFile
{
    try ContactFile.parse(path: path, data: Array(text.utf8), format: format, mapping: mapping)
}

/// All records of inline CSV bytes, decoded first.
func records(_ bytes: [UInt8], path: String = "in.csv") throws(ImportError) -> [[String]] {
    let (text, _) = try TextDecoding.utf8(bytes, path: path)
    var reader = CSVReader(path: path, utf8: text)
    return try reader.readAll().map(\.fields)
}

func records(_ text: String) throws(ImportError) -> [[String]] { try records(Array(text.utf8)) }

/// The description of the error `body` throws, or `nil`.
func errorText(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let error as ImportError {
        return error.description
    } catch {
        return "unexpected error: \(error)"
    }
}
