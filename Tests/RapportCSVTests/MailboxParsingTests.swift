import Foundation
import Rapport
import Testing

@testable import RapportCSV

/// The mailbox reader's parsing: message boundaries, folding, addresses, RFC 2047, dates, errors.
/// Expected values are written out by hand from the RFCs and the fixture files.
@Suite struct MailboxParsingTests {
    // MARK: Boundaries

    @Test func looksLikeMailboxOnlyForAFromLine() {
        #expect(Mailbox.looksLikeMailbox(Array("From - Mon Jun  3 10:12:44 2024\n".utf8)))
        #expect(Mailbox.looksLikeMailbox(Array("From 1792638741029384756@xxx Tue Mar 05".utf8)))
        #expect(!Mailbox.looksLikeMailbox(Array("From: Zoe <zoe@example.org>\n".utf8)))
        #expect(!Mailbox.looksLikeMailbox(Array("Return-Path: <zoe@example.org>".utf8)))
        #expect(!Mailbox.looksLikeMailbox(Array("From".utf8)))
    }

    @Test func gmailTakeoutFixtureHasEighteenMessagesAtTheirFromLines() throws {
        let headers = try Mailbox.readHeaders(path: mailFixturePath("gmail-takeout.mbox"))
        // `grep -n '^From ' gmail-takeout.mbox`
        #expect(
            headers.map(\.location.line) == [
                1, 23, 44, 59, 71, 82, 93, 104, 115, 125, 135, 145, 155, 169, 179, 188, 198, 208,
            ])
        #expect(headers.allSatisfy { $0.location.column == 1 && $0.location.path.hasSuffix("gmail-takeout.mbox") })
        #expect(headers[0].gmailLabels == ["Sent", "Opened"])
        #expect(headers[4].listID == "IP Law Study Group <iplaw.lists.example.org>")
        #expect(headers[5].hasListUnsubscribe)
        #expect(headers[6].precedence == "Bulk")
        #expect(headers[7].autoSubmitted == "auto-replied")
    }

    @Test func bodyLinesThatLookLikeHeadersAreNeverRead() throws {
        // The first message's body has "From: …" and "To: intruder@example.net" lines.
        let headers = try Mailbox.readHeaders(path: mailFixturePath("gmail-takeout.mbox"))
        #expect(headers[0].from == [MailAddress(name: "Avery Quinn", address: "avery.quinn@example.com")])
        #expect(!headers.flatMap { $0.to + $0.cc }.contains { $0.address == "intruder@example.net" })
    }

    @Test func mboxrdQuotedFromLinesAreBodyAndHeadersEndAtTheFirstNonHeaderLine() throws {
        let headers = try Mailbox.readHeaders(path: mailFixturePath("mboxrd.mbox"))
        #expect(headers.map(\.location.line) == [1, 13, 21])
        // Message 2: "this line is not a header" ends its header block, so its Cc is body text.
        #expect(headers[1].to.map(\.address) == ["hana.kobayashi@example.com"])
        #expect(headers[1].cc.isEmpty)
        // Message 3 has no body and no final newline.
        #expect(headers[2].messageID == "tf-1@example.net")
        #expect(headers[2].from == [MailAddress(name: "Tomás Ferreira", address: "tomas.ferreira@example.net")])
    }

    @Test func crlfFileUnfoldsAndFindsBothMessages() throws {
        let headers = try Mailbox.readHeaders(path: mailFixturePath("crlf.mbox"))
        #expect(headers.map(\.location.line) == [1, 14])
        #expect(headers[0].from == [MailAddress(name: "Samuel Adeyemi", address: "samuel.adeyemi@example.org")])
        #expect(headers[0].to == [MailAddress(name: "Quinn, Avery", address: "avery.quinn@example.com")])
        #expect(headers[0].messageID == "sa-1@example.org")
        // 2 Aug 2024 15:00 +0100 = 14:00Z = 1722607200.
        #expect(headers[0].date?.secondsSince1970 == 1_722_607_200)
        // windows-1252 0x96 is an en dash.
        #expect(
            headers[1].to.last == MailAddress(name: "Renée Fontaine – Counsel", address: "renee.fontaine@example.com"))
    }

    @Test func scannerCountsLinesAcrossWordBoundaries() throws {
        // "From " lines at every offset modulo 8 from the word-at-a-time scanner's point of view.
        var text = ""
        var expectedLines: [Int] = []
        var line = 1
        for padding in 0..<16 {
            expectedLines.append(line)
            text += "From a@example.com Mon Jun  3 10:00:00 2024\nTo: b@example.com\n\n"
            text += String(repeating: "x", count: padding) + "\n>From quoted\nFro\nFrom\n\n"
            line += 8
        }
        let headers = try mailHeaders(text)
        #expect(headers.map(\.location.line) == expectedLines)
        #expect(headers.allSatisfy { $0.to.map(\.address) == ["b@example.com"] })
    }

    @Test func anEmptyFileIsAnEmptyMailbox() throws {
        #expect(try mailHeaders("").isEmpty)
    }

    // MARK: Errors

    @Test func aFileThatIsNotAnMboxNamesItsFirstLine() throws {
        let path = try mailFixturePath("not-mbox.eml")
        let text = errorText { _ = try Mailbox.readHeaders(path: path) }
        #expect(
            text
                == "\(path):1:1: not an mbox file: the first line does not start with \"From \" (export the mailbox as mbox, e.g. Gmail Takeout or Thunderbird's ImportExportTools)"
        )
    }

    @Test func aMissingFileOrADirectoryIsUnreadable() {
        #expect(
            errorText { _ = try Mailbox.readHeaders(path: "/nonexistent/mail.mbox") }?.hasPrefix(
                "/nonexistent/mail.mbox:1:1: cannot read") == true)
        #expect(
            errorText { _ = try Mailbox.readHeaders(path: NSTemporaryDirectory()) }?.contains(
                ":1:1: cannot read the file") == true)
    }

    @Test func aHeaderBlockThatNeverEndsIsAnErrorAtItsFromLine() {
        let field = "X-Filler: " + String(repeating: "a", count: 1000) + "\n"
        let text =
            "From a@example.com Mon Jun  3 10:00:00 2024\nTo: b@example.com\n\nbody\n"
            + "From c@example.com Mon Jun  3 10:00:00 2024\n" + String(repeating: field, count: 1100)
        #expect(
            errorText { _ = try mailHeaders(text, path: "huge.mbox") }
                == "huge.mbox:5:1: message header block larger than the limit of 1048576 bytes (no blank line ends it)")
    }

    // MARK: Folding and fields

    @Test func foldedFieldsUnfoldAndRepeatedAddressFieldsAccumulate() throws {
        let text = mboxMessage(
            """
            To: Zoe Lefevre
             <zoe@example.org>,
            \tBjorn <bjorn@example.org>
            to: extra@example.org
            Message-ID:
             <abc@example.org>
            Date: Mon, 3 Jun 2024
             10:00:00 +0000
            """)
        let h = try #require(try mailHeaders(text).first)
        #expect(h.to.map(\.address) == ["zoe@example.org", "bjorn@example.org", "extra@example.org"])
        #expect(h.to[0].name == "Zoe Lefevre")
        #expect(h.messageID == "abc@example.org")
        #expect(h.date?.secondsSince1970 == 1_717_408_800)
    }

    @Test func gmailLabelsSplitOutsideQuotesAndDecode() {
        #expect(Mailbox.labels("Important,\"Jobs, 2024\",Sent") == ["Important", "Jobs, 2024", "Sent"])
        #expect(
            Mailbox.labels(EncodedWords.decode(Array("=?UTF-8?Q?Entr=C3=A9es?=,Inbox".utf8))) == ["Entrées", "Inbox"])
    }

    // MARK: Addresses

    func addresses(_ value: String) -> [MailAddress] { MailAddressParser.parse(Array(value.utf8)) }

    @Test func quotedNamesWithCommasAreOneMailbox() {
        #expect(
            addresses("\"Lefèvre, Zoë\" <Zoe@Example.org>, bjorn@example.org")
                == [
                    MailAddress(name: "Lefèvre, Zoë", address: "zoe@example.org"),
                    MailAddress(name: "", address: "bjorn@example.org"),
                ])
        #expect(
            addresses(#""O\"Neill, M." <m@example.net>"#) == [
                MailAddress(name: "O\"Neill, M.", address: "m@example.net")
            ])
    }

    @Test func groupsGiveTheirMembersAndEmptyGroupsNothing() {
        #expect(addresses("undisclosed-recipients:;").isEmpty)
        #expect(
            addresses("Study Group: a@example.net, Eli <e@example.com>;, z@example.org").map(\.address)
                == ["a@example.net", "e@example.com", "z@example.org"])
        // Groups do not nest: a crafted colon chain neither recurses nor loses the address.
        #expect(addresses(String(repeating: "a:", count: 5000) + "x@example.org;").map(\.address) == ["x@example.org"])
    }

    @Test func commentsNameABareAddressAndAreDroppedAfterAName() {
        #expect(
            addresses("zoe@example.org (Zoë Lefèvre)") == [MailAddress(name: "Zoë Lefèvre", address: "zoe@example.org")]
        )
        // Python's getaddresses would give "Zoë Lefèvre (Acme)"; a comment is not part of a name.
        #expect(
            addresses("Zoë Lefèvre (Acme) <zoe@example.org>") == [
                MailAddress(name: "Zoë Lefèvre", address: "zoe@example.org")
            ])
        #expect(addresses("<@relay.example.net:zoe@example.org>").map(\.address) == ["zoe@example.org"])
        #expect(addresses(String(repeating: "(", count: 100_000) + "x").isEmpty)
    }

    @Test func obsoletePhrasesWithDotsAndAddressesWithTwoAtsAreHandled() {
        #expect(
            addresses("J. R. Smith <jr@example.com>") == [MailAddress(name: "J. R. Smith", address: "jr@example.com")])
        // Python's bpo-34155 rule: a domain with a second "@" is no address (what follows it is
        // read as "@example.com", which the evidence mapping ignores: it has no local part).
        #expect(!addresses("a@evil.example@example.com").contains { $0.address.hasPrefix("a@") })
        #expect(addresses("<>").isEmpty)
    }

    // MARK: RFC 2047

    func decode(_ value: String) -> String { EncodedWords.decode(Array(value.utf8)) }

    @Test func bAndQWordsDecode() {
        #expect(decode("=?UTF-8?B?Wm/DqyBMZWbDqHZyZQ==?=") == "Zoë Lefèvre")
        #expect(decode("=?UTF-8?B?Wm/DqyBMZWbDqHZyZQ?=") == "Zoë Lefèvre")  // padding missing
        #expect(decode("=?UTF-8?Q?Bj=C3=B6rn_=C3=85str=C3=B6m?=") == "Björn Åström")
        #expect(decode("=?ISO-8859-1?Q?Jos=E9_Mu=F1oz?=") == "José Muñoz")
        #expect(decode("=?iso-8859-1?b?SvxyZ2VuIE38bGxlcg==?=") == "Jürgen Müller")
        #expect(decode("=?windows-1252?Q?=93Quotes=94?=") == "\u{201C}Quotes\u{201D}")
        #expect(decode("=?ISO-8859-15?Q?=A4uro?=") == "€uro")
        #expect(decode("=?UTF-8*fr?Q?Ren=C3=A9e?=") == "Renée")
    }

    @Test func adjacentWordsJoinWithoutTheSpaceAndPlainTextKeepsIt() {
        #expect(decode("=?UTF-8?B?5p2O?= =?UTF-8?B?5piO?=") == "李明")
        #expect(decode("=?utf-8?q?Ma=C3=AFa?=\r\n =?utf-8?q?_Dubois?=") == "Maïa Dubois")
        // A UTF-8 sequence split across two words (ë = C3 AB).
        #expect(decode("=?UTF-8?Q?Zo=C3?= =?UTF-8?Q?=AB?=") == "Zoë")
        #expect(decode("=?UTF-8?Q?Tom=C3=A1s?= Ferreira") == "Tomás Ferreira")
        #expect(decode("Prof. =?UTF-8?Q?Zo=C3=AB?=") == "Prof. Zoë")
    }

    @Test func unknownCharsetsAndBrokenWordsStayAsWritten() {
        #expect(decode("=?x-unknown?Q?abc?=") == "=?x-unknown?Q?abc?=")
        #expect(decode("=?UTF-8?X?abc?=") == "=?UTF-8?X?abc?=")
        #expect(decode("=?UTF-8?Q?never closed") == "=?UTF-8?Q?never closed")
    }

    @Test func raw8BitNamesReadAsUTF8OrWindows1252() {
        #expect(EncodedWords.text(Array("Zoë".utf8)) == "Zoë")
        #expect(EncodedWords.text([0x5A, 0x6F, 0xEB]) == "Zoë")  // windows-1252 ë
    }

    // MARK: Dates

    func date(_ value: String) -> MailDate? { MailDate(rfc5322: Array(value.utf8)) }

    @Test func rfc5322DatesGiveTheInstantAndTheLocalDay() throws {
        // 2024-03-05 09:03:11 -0500 = 14:03:11Z; 2024-03-05 is day 19787 since 1970.
        let d = try #require(date("Tue, 5 Mar 2024 09:03:11 -0500"))
        #expect(d.secondsSince1970 == 19787 * 86400 + 14 * 3600 + 3 * 60 + 11)
        #expect(d.utcOffsetSeconds == -5 * 3600)
        #expect(d.localDay == Day(year: 2024, month: 3, day: 5))
        #expect(date("Mon, 3 Jun 2024 10:12:40 +0200 (CEST)")?.secondsSince1970 == 1_717_402_360)
    }

    @Test func obsoleteDateFormsAreRead() {
        // Named zone, no day of week: 21:15 EST = 02:15Z the next day; the local day stays the 5th.
        #expect(date("5 Mar 2024 21:15:00 EST")?.secondsSince1970 == 1_709_691_300)
        #expect(date("5 Mar 2024 21:15:00 EST")?.localDay == Day(year: 2024, month: 3, day: 5))
        #expect(date("Thu, 07 Mar 24 08:30 +0100")?.secondsSince1970 == 1_709_796_600)  // two-digit year, no seconds
        #expect(date("Wed, 1 Jan 99 00:00:00 GMT")?.localDay == Day(year: 1999, month: 1, day: 1))
        #expect(date("Wed, 1 Jan 55 00:00:00 GMT")?.localDay == Day(year: 1955, month: 1, day: 1))  // RFC 5322 §4.3
        #expect(date("Sat, 1 Jan 100 00:00:00 GMT")?.localDay == Day(year: 2000, month: 1, day: 1))  // three digits
        #expect(date("Monday, 03-Jun-24 10:00:00 GMT")?.secondsSince1970 == 1_717_408_800)  // RFC 850
        #expect(date("Mon Jun  3 10:00:00 2024")?.secondsSince1970 == 1_717_408_800)  // asctime, no zone
        let pacific = date("Mon, 3 June 2024 10:00:00 PDT")
        #expect(pacific?.secondsSince1970 == 1_717_434_000)  // 17:00Z
        #expect(pacific?.utcOffsetSeconds == -7 * 3600)
        #expect(date("Mon, 3 Jun 2024 10:00:00 A")?.utcOffsetSeconds == 0)  // military zone: -0000
        #expect(date("Mon,3 Jun 2024 10:00:00 -0000")?.secondsSince1970 == 1_717_408_800)
        #expect(date("30 Jun 2015 23:59:60 +0000")?.secondsSince1970 == 1_435_708_799)  // leap second
    }

    @Test func impossibleOrGarbledDatesAreNil() {
        #expect(date("sometime next week") == nil)
        #expect(date("31 Feb 2024 10:00:00 +0000") == nil)
        #expect(date("3 Jun 2024 25:00:00 +0000") == nil)
        #expect(date("3 Jun 2024 10:00:00 +2x00") == nil)
        #expect(date("") == nil)
    }
}
