// libFuzzer entry point for the mapped-CSV path (`rapport import FILE --map SPEC`): the first line of
// the input is the mapping specification (`ColumnMapping(parsing:)`), the rest the CSV read through
// it (`ContactFile.parse(path:data:mapping:)`), then merged into an empty network like an import.
// Linked against the instrumented RapportCSV by Tests/Fuzz/build.sh; not part of the package.

import Rapport
@testable import RapportCSV

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMapped(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let split = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
    let spec = String(decoding: bytes[..<split], as: UTF8.self)
    let csv = split < bytes.endIndex ? Array(bytes[(split + 1)...]) : []
    let mapping: ColumnMapping
    do {
        mapping = try ColumnMapping(parsing: spec)
    } catch {
        precondition(error.location.line >= 1 && error.location.column >= 1, "mapping error without a place")
        return 0
    }
    for limits in [CSVLimits(), CSVLimits(maxFieldBytes: 64, maxColumns: 16, maxRows: 64)] {
        do {
            let file = try ContactFile.parse(path: "fuzz.csv", data: csv, mapping: mapping, limits: limits)
            precondition(file.format == .mapped, "a mapping read as another format")
            for warning in file.warnings { precondition(warning.location.line >= 1 && warning.location.column >= 1) }
            _ = try Importer.merge(existing: NetworkData(), files: [file])
        } catch {
            precondition(error.location.line >= 1 && error.location.column >= 1, "error without a place: \(error)")
            precondition(error.location.path == "fuzz.csv" || error.location.path.isEmpty, "error names another file")
        }
    }
    return 0
}
