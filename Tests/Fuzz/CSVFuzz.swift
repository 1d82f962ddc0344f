// libFuzzer entry point for the CSV side of RapportCSV: text decoding, the RFC 4180 reader, header
// detection past preambles and every CSV format's row reader (through `ContactFile.parse`).
// Linked against the instrumented RapportCSV by Tests/Fuzz/build.sh; not part of the package.
//
// Besides "no crash, no hang", it checks the reader's invariants: every record has one position per
// field, lines never go backwards, and every error names a line and column of at least 1; and that
// the import's reading in place of a mapped file gives what the copied bytes give.

import Foundation
import Rapport
@testable import RapportCSV

/// Small limits so that the fuzzer reaches the limit paths with short inputs.
private let smallLimits = CSVLimits(maxFieldBytes: 64, maxColumns: 16, maxRows: 64)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    checkReader(bytes, limits: CSVLimits())
    checkReader(bytes, limits: smallLimits)
    // Format detection and the row readers; the first byte picks a forced format now and then.
    let forced: ImportFormat? =
        bytes.first.map { $0 % 4 == 0 ? ImportFormat.allCases[Int($0 / 4) % ImportFormat.allCases.count] : nil } ?? nil
    do {
        let file = try ContactFile.parse(path: "fuzz.csv", data: bytes, format: forced == .mapped ? nil : forced)
        precondition(file.path == "fuzz.csv")
        // Identity resolution and reference checks over what was read (an empty workspace).
        _ = try Importer.merge(existing: NetworkData(), files: [file])
    } catch {
        checkError(error)
    }
    checkMapped(bytes, format: forced == .mapped ? nil : forced)
    do {
        let mapping = try ColumnMapping(parsing: "first_name=a,last_name=b,email=c")
        _ = try ContactFile.parse(path: "fuzz.csv", data: bytes, mapping: mapping, limits: smallLimits)
    } catch {
        checkError(error)
    }
    return 0
}

private func checkReader(_ bytes: [UInt8], limits: CSVLimits) {
    let text: [UInt8]
    do {
        text = try TextDecoding.utf8(bytes, path: "fuzz.csv").0
    } catch {
        checkError(error)
        return
    }
    precondition(TextDecoding.isValidUTF8(text), "decoded text is not valid UTF-8")
    var reader = CSVReader(path: "fuzz.csv", utf8: text, limits: limits)
    var lastLine = 0
    var rows = 0
    do {
        while let record = try reader.next() {
            rows += 1
            precondition(rows <= limits.maxRows, "row limit not enforced")
            precondition(record.fields.count == record.positions.count, "one position per field")
            precondition(record.fields.count <= limits.maxColumns, "column limit not enforced")
            precondition(record.line > lastLine, "records go forward")
            lastLine = record.line
            for (field, position) in zip(record.fields, record.positions) {
                precondition(position.line >= Int32(record.line) && position.column >= 1, "bad position")
                precondition(field.utf8.count <= limits.maxFieldBytes, "field limit not enforced")
            }
        }
    } catch {
        checkError(error)
    }
}

/// Where this process writes each input to map it (one file, rewritten).
private let mappedPath = NSTemporaryDirectory() + "rapport-fuzz-csv-\(ProcessInfo.processInfo.processIdentifier).csv"

/// The bytes written to a file, mapped and read in place (`ContactFile.parse(path:mapped:)`, the
/// import's path), give the file, or the error, that the same bytes give when copied.
private func checkMapped(_ bytes: [UInt8], format: ImportFormat?) {
    guard !bytes.isEmpty else { return }  // an empty file is not mapped: the import reads it
    guard FileManager.default.createFile(atPath: mappedPath, contents: Data(bytes)),
        let file = try? MappedFile(path: mappedPath)
    else { preconditionFailure("cannot write and map \(mappedPath)") }
    let mapped = Result { () throws(ImportError) in try ContactFile.parse(path: "fuzz.csv", mapped: file, format: format) }
    let copied = Result { () throws(ImportError) in try ContactFile.parse(path: "fuzz.csv", data: bytes, format: format) }
    switch (mapped, copied) {
    case (.success(let a), .success(let b)): precondition(a == b, "the mapped file reads otherwise")
    case (.failure(let a), .failure(let b)): precondition(a.description == b.description, "the mapped file fails otherwise")
    default: preconditionFailure("one reading failed, the other did not")
    }
}

private func checkError(_ error: ImportError) {
    precondition(error.location.line >= 1 && error.location.column >= 1, "error without a location: \(error)")
    precondition(error.location.path == "fuzz.csv", "error names another file")
}
