// libFuzzer entry point for the TOML reader: `TOMLParser` (rapport.toml and TOML goal files) and
// the strength section's validation (`RapportConfiguration(toml:)`). Built by Tests/Fuzz/build.sh
// against the instrumented libRapport; not part of the package.
//
// Besides "no crash, no hang", it checks that every error and every entry has a location inside
// the text (line >= 1, column >= 1, line <= the number of lines).

import Rapport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTOML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let lines = text.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    func checkLocation(_ location: TextLocation) {
        precondition(location.line >= 1 && location.column >= 1, "location below 1: \(location)")
        precondition(location.line <= lines, "location past the last line: \(location) of \(lines)")
    }
    do {
        let document = try TOMLParser.parse(text)
        for name in document.tables.keys {
            for (_, entry) in document.table(name) { checkLocation(entry.location) }
        }
    } catch {
        checkLocation(error.location)
    }
    do {
        let configuration = try RapportConfiguration(toml: text)
        let strength = configuration.strength
        precondition(strength.halfLifeDays.isFinite, "accepted a non-finite half-life")
    } catch {
        checkLocation(error.location)
    }
    return 0
}
