// libFuzzer entry point for the mailbox reader: the byte scanner (message boundaries, header
// blocks, the word-at-a-time body skip), header unfolding, address lists, RFC 2047 words, dates and
// the evidence mapping. Linked against the instrumented RapportCSV by Tests/Fuzz/build.sh.

@testable import RapportCSV

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMbox(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let buffer = UnsafeRawBufferPointer(start: data, count: size)
    // The same entry point the memory-mapped file goes through.
    do {
        let messages = try Mailbox.parse(buffer, path: "fuzz.mbox")
        var previous = 0
        for m in messages {
            precondition(m.headers.location.line > previous, "messages out of order or on one line")
            previous = m.headers.location.line
            precondition(m.headers.from.allSatisfy { $0.address == $0.address.lowercased() }, "address not lowercased")
        }
        let me = SelfIdentity(emails: ["avery.quinn@example.com"])
        let file = try Mailbox.evidence(of: messages, path: "fuzz.mbox", for: me)
        precondition(Set(file.records.map(\.key)).count == file.records.count, "duplicate key")
        precondition(file.records.allSatisfy { $0.party.email != "avery.quinn@example.com" }, "the user as a party")
        precondition(
            file.warnings.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 }, "warning without a location")
    } catch {
        precondition(error.location.line >= 1 && error.location.column >= 1, "error without a location: \(error)")
    }
    // The field parsers on the raw bytes, as one header value.
    let bytes = Array(buffer.prefix(4096))
    _ = MailAddressParser.parse(bytes)
    _ = EncodedWords.decode(bytes)
    _ = MailDate(rfc5322: bytes)
    return 0
}
