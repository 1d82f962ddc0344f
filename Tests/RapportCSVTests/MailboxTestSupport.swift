import Foundation
import Testing

@testable import RapportCSV

/// The path of a mail fixture (Fixtures/mail/NAME).
func mailFixturePath(_ name: String) throws -> String {
    try #require(Bundle.module.url(forResource: "Fixtures/mail/\(name)", withExtension: nil)).path
}

/// The headers of inline mbox text, through the same scanner the mapped file uses.
func mailHeaders(_ text: String, path: String = "in.mbox") throws(ImportError) -> [MailHeaders] {
    try parsedMail(Array(text.utf8), path: path).map(\.headers)
}

func parsedMail(_ bytes: [UInt8], path: String = "in.mbox") throws(ImportError) -> [ParsedMail] {
    let result = bytes.withUnsafeBytes { buffer in
        Result { () throws(ImportError) in try Mailbox.parse(buffer, path: path) }
    }
    return try result.get()
}

/// The evidence of inline mbox text for a user with `emails`.
func mailEvidence(_ text: String, emails: Set<String> = ["avery.quinn@example.com"]) throws(ImportError) -> EvidenceFile
{
    try Mailbox.evidence(of: parsedMail(Array(text.utf8)), path: "in.mbox", for: SelfIdentity(emails: emails))
}

/// One message of inline mbox text with the given header lines.
func mboxMessage(
    _ headers: String, body: String = "Hello.\n", envelope: String = "From x@example.com Mon Jun  3 10:00:00 2024"
) -> String {
    "\(envelope)\n\(headers)\n\n\(body)\n"
}
