// libFuzzer entry point for the vCard reader (folded lines, escapes, groups, quoted-printable).
// Linked against the instrumented RapportCSV by Tests/Fuzz/build.sh; not part of the package.

@testable import RapportCSV

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVCard(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The internal pieces on the raw text, then the whole path as `rapport import x.vcf` runs it.
    let text = String(decoding: bytes, as: UTF8.self)
    let lines = VCardFormat.logicalLines(text)
    precondition(lines.allSatisfy { $0.line >= 1 }, "logical line before line 1")
    _ = VCardFormat.unescape(text)
    _ = VCardFormat.quotedPrintable(text)
    _ = VCardFormat.components(text, separator: ";")
    do {
        let file = try ContactFile.parse(path: "fuzz.vcf", data: bytes, format: .vcard)
        precondition(file.format == .vcard)
    } catch {
        precondition(error.location.line >= 1 && error.location.column >= 1, "error without a location: \(error)")
    }
    return 0
}
