import Foundation
import Rapport
import Testing

@testable import RapportCSV

/// The mailbox's evidence, seen from Avery: direction, one-on-one or group, reciprocity, every skip
/// rule, dedupe keys, warnings and privacy. Expected records are read off the fixtures by hand.
@Suite struct MailboxEvidenceTests {
    static let avery = SelfIdentity(emails: ["avery.quinn@example.com", "avery@example.net"])

    struct Row: Equatable, CustomStringConvertible {
        var key: String, date: String, name: String, email: String, oneOnOne: Bool, by: Initiator?, reciprocated: Bool
        var line: Int
        var description: String {
            "\(line) \(key) \(date) \(name) \(oneOnOne) \(by.map(\.rawValue) ?? "-") \(reciprocated)"
        }
    }

    static func rows(_ file: EvidenceFile) -> [Row] {
        file.records.map {
            Row(
                key: $0.key, date: $0.date.iso, name: $0.party.name, email: $0.party.email ?? "",
                oneOnOne: $0.isOneOnOne,
                by: $0.initiatedBy, reciprocated: $0.reciprocated, line: $0.location.line)
        }
    }

    @Test func gmailTakeoutGivesTheExpectedRecords() throws {
        let path = try mailFixturePath("gmail-takeout.mbox")
        let file = try Mailbox.evidence(path: path, for: Self.avery)
        #expect(
            file.records.allSatisfy { $0.source == .mail && $0.kind == .email && $0.minutes == nil && $0.words == nil })
        let expected = [
            Row(
                key: "CAKx1+avery.0305.a1@mail.example.com zoe.lefevre@example.org", date: "2024-03-05",
                name: "Lefèvre, Zoë",
                email: "zoe.lefevre@example.org", oneOnOne: true, by: .me, reciprocated: true, line: 1),
            // 21:15 EST is 02:15Z on the 6th; the record keeps the sender's day, the 5th.
            Row(
                key: "zl-20240305-2115@example.org zoe.lefevre@example.org", date: "2024-03-05", name: "Zoë Lefèvre",
                email: "zoe.lefevre@example.org", oneOnOne: true, by: .them, reciprocated: true, line: 23),
            // To three people, Cc Avery's other address: a group of three.
            Row(
                key: "CAKx1+avery.0307.group@mail.example.com bjorn.astrom@example.org", date: "2024-03-07",
                name: "Björn Åström", email: "bjorn.astrom@example.org", oneOnOne: false, by: .me, reciprocated: true,
                line: 44),
            Row(
                key: "CAKx1+avery.0307.group@mail.example.com jose.munoz@example.com", date: "2024-03-07",
                name: "José Muñoz", email: "jose.munoz@example.com", oneOnOne: false, by: .me, reciprocated: false,
                line: 44),
            Row(
                key: "CAKx1+avery.0307.group@mail.example.com maia.dubois@example.org", date: "2024-03-07",
                name: "Maïa Dubois", email: "maia.dubois@example.org", oneOnOne: false, by: .me, reciprocated: false,
                line: 44),
            // Björn to Avery with Priya in Cc: group, from them.
            Row(
                key: "ba-0307@example.org bjorn.astrom@example.org", date: "2024-03-07", name: "Björn Åström",
                email: "bjorn.astrom@example.org", oneOnOne: false, by: .them, reciprocated: true, line: 59),
            // No Message-ID: FNV-1a 64 of "date=1710151200\nfrom=priya.raman@example.com\nto=avery.quinn@example.com\ncc="
            // (computed with Python).
            Row(
                key: "#5c5f789d27f35390 priya.raman@example.com", date: "2024-03-11", name: "Priya Raman",
                email: "priya.raman@example.com", oneOnOne: true, by: .them, reciprocated: true, line: 179),
            Row(
                key: "CAKx1+avery.0312.priya@mail.example.com priya.raman@example.com", date: "2024-03-12",
                name: "Priya Raman",
                email: "priya.raman@example.com", oneOnOne: true, by: .me, reciprocated: true, line: 208),
        ]
        #expect(Self.rows(file) == expected)
        #expect(
            file.skipped == [
                "bulk or list mail": 3, "automatic mail": 1, "noreply sender": 1, "spam": 1, "trash": 1, "draft": 1,
                "more than 20 recipients": 1, "not addressed to you": 2, "unreadable date": 1,
            ])
        #expect(
            file.warnings.map(\.description) == [
                "\(path):190:7: warning: unreadable Date header 'sometime next week'; message skipped"
            ])
    }

    @Test func thunderbirdFolderGivesDirectionGroupsAndReplies() throws {
        let file = try Mailbox.evidence(path: mailFixturePath("thunderbird.mbox"), for: Self.avery)
        #expect(
            Self.rows(file).map {
                "\($0.line) \($0.email) \($0.date) \($0.oneOnOne) \($0.by?.rawValue ?? "-") \($0.reciprocated)"
            } == [
                "1 sofia.castellanos@example.org 2024-06-03 true them true",
                "24 sofia.castellanos@example.org 2024-06-03 true me true",
                "38 marcus.oneill@example.net 2024-06-04 false them true",
                "51 grace.liu@example.net 2024-06-04 false me false",
                "51 eli.brandt@example.com 2024-06-04 false me false",
                "51 marcus.oneill@example.net 2024-06-04 false me true",
            ])
        #expect(file.records[2].party.name == "Marcus O'Neill")
        #expect(file.skipped.isEmpty && file.warnings.isEmpty)
    }

    @Test func withoutGivenAddressesTheSentLabelNamesTheUser() throws {
        let path = try mailFixturePath("gmail-takeout.mbox")
        let guessed = try Mailbox.evidence(path: path, for: SelfIdentity())
        let given = try Mailbox.evidence(path: path, for: SelfIdentity(emails: ["avery.quinn@example.com"]))
        #expect(guessed == given)
        // Only avery.quinn@ sends Sent mail, so the Cc to avery@example.net is another party here.
        #expect(guessed.records.count == 9)
        #expect(guessed.records.contains { $0.party.email == "avery@example.net" && !$0.reciprocated })
    }

    @Test func noAddressAndNoSentLabelIsAnErrorSayingHowToGiveIt() throws {
        let path = try mailFixturePath("thunderbird.mbox")
        #expect(
            errorText { _ = try Mailbox.evidence(path: path, for: SelfIdentity(names: ["Avery Quinn"])) }
                == "\(path):1:1: the mailbox needs your own e-mail address to tell your side from theirs, and neither the workspace nor the file gives one; give it with --my-email ADDRESS (repeatable), which also stores it"
        )
    }

    @Test func keysAreStableAcrossReadsAndADuplicateMessageCountsOnce() throws {
        let path = try mailFixturePath("gmail-takeout.mbox")
        let first = try Mailbox.evidence(path: path, for: Self.avery).records.map(\.key)
        let second = try Mailbox.evidence(path: path, for: Self.avery).records.map(\.key)
        #expect(first == second && Set(first).count == first.count)
        let message = mboxMessage(
            "From: Zoe <zoe@example.org>\nTo: avery.quinn@example.com\nDate: Mon, 3 Jun 2024 10:00:00 +0000\nMessage-ID: <same@example.org>"
        )
        let file = try mailEvidence(message + message)
        #expect(file.records.map(\.key) == ["same@example.org zoe@example.org"])
        #expect(file.skipped == ["duplicate message": 1])
        // Without a Message-ID, two mails differing only in their date are two records.
        let a = mboxMessage("From: zoe@example.org\nTo: avery.quinn@example.com\nDate: Mon, 3 Jun 2024 10:00:00 +0000")
        let b = mboxMessage("From: zoe@example.org\nTo: avery.quinn@example.com\nDate: Mon, 3 Jun 2024 10:00:01 +0000")
        let keys = try mailEvidence(a + b).records.map(\.key)
        #expect(
            keys.count == 2 && keys[0] != keys[1]
                && keys.allSatisfy { $0.hasPrefix("#") && $0.hasSuffix(" zoe@example.org") })
    }

    func skipped(_ headers: String) throws -> [String: Int] {
        try mailEvidence(mboxMessage(headers + "\nDate: Mon, 3 Jun 2024 10:00:00 +0000\nMessage-ID: <m@example.org>"))
            .skipped
    }

    @Test func everyBulkAndListRuleSkips() throws {
        let incoming = "From: Zoe <zoe@example.org>\nTo: avery.quinn@example.com"
        #expect(try skipped(incoming) == [:])
        #expect(try skipped(incoming + "\nList-Id: <team.example.org>") == ["bulk or list mail": 1])
        #expect(try skipped(incoming + "\nList-Unsubscribe: <mailto:u@example.org>") == ["bulk or list mail": 1])
        for value in ["bulk", "list", "junk", "Junk (spam filter)"] {
            #expect(try skipped(incoming + "\nPrecedence: \(value)") == ["bulk or list mail": 1], "Precedence \(value)")
        }
        #expect(try skipped(incoming + "\nPrecedence: first-class") == [:])
        for value in ["auto-generated", "auto-replied", "auto-notified; owner-email=\"x@example.org\""] {
            #expect(
                try skipped(incoming + "\nAuto-Submitted: \(value)") == ["automatic mail": 1], "Auto-Submitted \(value)"
            )
        }
        #expect(try skipped(incoming + "\nAuto-Submitted: no") == [:])
        #expect(try skipped(incoming + "\nX-Gmail-Labels: Inbox,Draft") == ["draft": 1])
    }

    @Test func noreplySendersSkipAndPeopleWithSimilarNamesDoNot() throws {
        for sender in [
            "noreply@example.com", "no-reply@example.com", "no_reply@example.com", "donotreply@example.com",
            "do-not-reply@example.com", "jira-noreply@example.com", "MAILER-DAEMON@example.com",
            "postmaster@example.com",
            "bounce-123@example.com", "bounces+x@example.com", "notifications@example.com",
            "notification.eu@example.com",
        ] {
            #expect(Mailbox.isNoReply(sender.lowercased()), "\(sender)")
            #expect(try skipped("From: \(sender)\nTo: avery.quinn@example.com") == ["noreply sender": 1], "\(sender)")
        }
        for person in [
            "norah@example.com", "bouncer@example.com", "postmasters.guild@example.com", "notify.me.jo@example.com",
        ] {
            #expect(!Mailbox.isNoReply(person), "\(person)")
        }
    }

    @Test func twentyRecipientsCountAndTwentyOneDoNot() throws {
        func to(_ n: Int) -> String { (1..<n).map { "p\($0)@example.com" }.joined(separator: ", ") }
        let both: Set = ["avery.quinn@example.com", "avery@example.net"]
        let twenty = try mailEvidence(
            mboxMessage(
                "From: avery.quinn@example.com\nTo: avery@example.net, \(to(20))\nDate: Mon, 3 Jun 2024 10:00:00 +0000"),
            emails: both)
        #expect(twenty.records.count == 19 && twenty.records.allSatisfy { !$0.isOneOnOne && $0.initiatedBy == .me })
        let crowd = try mailEvidence(
            mboxMessage(
                "From: avery.quinn@example.com\nCc: avery@example.net, \(to(21))\nDate: Mon, 3 Jun 2024 10:00:00 +0000"),
            emails: both)
        #expect(crowd.records.isEmpty && crowd.skipped == ["more than 20 recipients": 1])
    }

    @Test func mailToYourselfAndMailBetweenOthersAreSkipped() throws {
        #expect(
            try skipped("From: avery.quinn@example.com\nTo: Avery <avery.quinn@example.com>") == [
                "no other recipient": 1
            ])
        #expect(try skipped("From: zoe@example.org\nTo: bjorn@example.org") == ["not addressed to you": 1])
        #expect(try skipped("From: zoe@example.org\nTo: undisclosed-recipients:;") == ["not addressed to you": 1])
    }

    @Test func headerGarbageInOneMessageIsALocatedWarningAndASkip() throws {
        let good = mboxMessage(
            "From: zoe@example.org\nTo: avery.quinn@example.com\nDate: Mon, 3 Jun 2024 10:00:00 +0000")
        let noDate = mboxMessage("From: zoe@example.org\nTo: avery.quinn@example.com")
        let noSender = mboxMessage("From: (nobody)\nTo: avery.quinn@example.com\nDate: Mon, 3 Jun 2024 10:00:00 +0000")
        let file = try mailEvidence(good + noDate + noSender)
        #expect(file.records.count == 1)
        #expect(file.skipped == ["no date": 1, "no sender address": 1])
        #expect(
            file.warnings.map(\.description) == [
                "in.mbox:8:1: warning: message without a Date header; skipped",
                "in.mbox:14:1: warning: message to you without a From address; skipped",
            ])
    }

    @Test func nothingOfASubjectOrABodyIsInAnythingReturned() throws {
        let phrases = ["kumquat-subject-7781", "marmalade-body-4417", "intruder", "Thursday works", "deadline"]
        var checked = 0
        for name in ["gmail-takeout.mbox", "thunderbird.mbox", "mboxrd.mbox", "crlf.mbox"] {
            let path = try mailFixturePath(name)
            let bytes = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            let returned =
                String(describing: try Mailbox.readHeaders(path: path))
                + String(describing: try Mailbox.evidence(path: path, for: Self.avery))
            for phrase in phrases where bytes.contains(phrase) {
                checked += 1
                #expect(!returned.contains(phrase), "\(phrase) from \(name) is in the returned values")
            }
        }
        // The Subject phrase and the body phrase are each in the Takeout fixture twice.
        #expect(checked >= 4)
    }
}
