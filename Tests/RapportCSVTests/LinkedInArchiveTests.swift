import Foundation
import Rapport
import Testing

@testable import RapportCSV

/// The fixture archive folder, `Fixtures/linkedin/Basic_LinkedInDataExport_01-02-2025/`.
let linkedInFolderName = "Basic_LinkedInDataExport_01-02-2025"

func linkedInFixtureFolder() throws -> URL {
    try #require(Bundle.module.url(forResource: "Fixtures/linkedin/\(linkedInFolderName)", withExtension: nil))
}

/// Profile URLs of the fictional people of the fixtures.
enum LinkedInPeople {
    static let avery = "https://www.linkedin.com/in/avery-quinn-0a1b2c"
    static let zoe = "https://www.linkedin.com/in/zoe-lefevre"
    static let marcus = "https://www.linkedin.com/in/marcus-webb"
    static let priya = "https://www.linkedin.com/in/priya-natarajan"
    static let dana = "https://www.linkedin.com/in/dana-okafor"
    static let jordan = "https://www.linkedin.com/in/jordan-blake-recruits"
}

/// One line per record, every field but the location's path: the expected values are written by hand.
func describe(_ r: EvidenceRecord) -> String {
    [
        r.key, "\(r.date)", r.kind.rawValue, r.party.name, r.party.profileURL ?? "-", r.isOneOnOne ? "1:1" : "group",
        r.words.map(String.init) ?? "-", r.initiatedBy?.rawValue ?? "-", r.reciprocated ? "both" : "one-way",
        "line \(r.location.line)",
    ].joined(separator: " / ")
}

@Suite struct LinkedInArchiveTests {
    typealias P = LinkedInPeople
    static let c1 = "2-ZmE1NGQ3YjMtOTI0Yi00YzRhLWI1OWQtYzg4ZjFlMjM0NTZhXzAxMA=="
    static let c2 = "2-MzE4YmE2ZDAtNGQ4Ni00ZjE3LWFhODQtMTdjZWIwNWQ5ZTFhXzAxMA=="
    static let c3 = "2-OTA3ZDM1ZTItZWNkNy00NzY5LTkzNTQtYjE5ZTQ4MmI3YzAxXzAxMw=="
    static let c5 = "2-YzM2ZjE5NDQtNTBhYy00NWU0LWE3NjgtMTY2ZDVmNjE4YjRkXzAxMw=="

    func archive() throws -> LinkedInArchive { try LinkedInArchive.read(path: linkedInFixtureFolder().path) }

    /// The messages of the fixture, by hand: 15 rows on 19 lines (row 2's CONTENT spans lines 3–6).
    /// Words: "Hi Avery, great to meet you at the IP law panel." is 11; "Thanks Zoë! / Would you have
    /// 20 minutes next week? / / Avery" is 10; "Tuesday works too." 3; "Tuesday at 3 it is" 5; "Are you
    /// open to a new role?" 7; "Welcome everyone" 2; "Hello all" 2; "Avery, meet Marcus. Marcus, meet
    /// Avery." 6. Conversation 1 and 2 have two participants; 3 has four; 5 has three.
    static let expectedMessages = [
        "message:\(c1)|2024-03-04 09:15:02 UTC|url:linkedin.com/in/zoe-lefevre|0 / 2024-03-04 / message / Zoë Lefèvre / \(P.zoe) / 1:1 / 11 / them / both / line 2",
        "message:\(c1)|2024-03-04 10:02:40 UTC|url:linkedin.com/in/avery-quinn-0a1b2c|0 / 2024-03-04 / message / Zoë Lefèvre / \(P.zoe) / 1:1 / 10 / me / both / line 3",
        "message:\(c1)|2024-03-04 10:02:40 UTC|url:linkedin.com/in/avery-quinn-0a1b2c|1 / 2024-03-04 / message / Zoë Lefèvre / \(P.zoe) / 1:1 / 3 / me / both / line 7",
        "message:\(c1)|2024-03-05 08:00:00 UTC|url:linkedin.com/in/zoe-lefevre|0 / 2024-03-05 / message / Zoë Lefèvre / \(P.zoe) / 1:1 / 5 / them / both / line 8",
        "message:\(c2)|2024-05-10 14:00:00 UTC|url:linkedin.com/in/jordan-blake-recruits|0 / 2024-05-10 / message / Jordan Blake / \(P.jordan) / 1:1 / 7 / them / one-way / line 10",
        "message:\(c3)|2024-06-01 18:30:00 UTC|url:linkedin.com/in/marcus-webb|0 / 2024-06-01 / message / Marcus Webb / \(P.marcus) / group / 2 / them / both / line 12",
        "message:\(c3)|2024-06-02 07:45:10 UTC|url:linkedin.com/in/priya-natarajan|0 / 2024-06-02 / message / Priya Natarajan / \(P.priya) / group / 2 / them / both / line 14",
        "message:\(c5)|2024-07-01 12:00:00 UTC|url:linkedin.com/in/dana-okafor|0 / 2024-07-01 / message / Dana Okafor / \(P.dana) / group / 6 / them / one-way / line 17",
    ]

    @Test func readsKnownFilesAndListsTheOthers() throws {
        let archive = try archive()
        #expect(
            archive.readFiles == [
                "Connections.csv", "Education.csv", "Email Addresses.csv", "Endorsement_Received_Info.csv",
                "Invitations.csv", "Positions.csv", "Profile.csv", "Recommendations_Given.csv",
                "Recommendations_Received.csv", "messages.csv",
            ])
        #expect(archive.ignoredFiles == ["Ad_Targeting.csv", "Jobs/Saved Jobs.csv", "Rich_Media.csv", "Skills.csv"])
        #expect(archive.connections?.people.map(\.person.lastName) == ["Lefèvre", "Webb", "Natarajan"])
        #expect(archive.connections?.path.hasSuffix("\(linkedInFolderName)/Connections.csv") == true)
    }

    @Test func profileEmailsPositionsAndSchools() throws {
        let profile = try archive().profile
        #expect(profile.fullName == "Avery Quinn")
        #expect(profile.headline == "Law student interested in IP")
        #expect(profile.location == "Boston, Massachusetts, United States")
        // The primary address first, lowercased.
        #expect(profile.emails == ["avery.quinn@example.com", "avery.q@example.edu"])
        #expect(
            profile.positions == [
                .init(
                    company: "Northwind Legal Clinic", title: "Student Clinician", location: "Boston, Massachusetts",
                    startedOn: Day(iso: "2024-09-01"), finishedOn: nil),
                .init(
                    company: "Fabrikam Patents", title: "Paralegal", location: "Cambridge, Massachusetts",
                    startedOn: Day(iso: "2019-03-01"), finishedOn: Day(iso: "2023-08-01")),
                .init(
                    company: "Contoso", title: "Intern", startedOn: Day(iso: "2018-01-01"),
                    finishedOn: Day(iso: "2018-01-01")),
            ])
        #expect(profile.currentEmployers == ["Northwind Legal Clinic"])
        #expect(profile.formerEmployers == ["Fabrikam Patents", "Contoso"])
        #expect(
            profile.education == [
                .init(
                    name: "Riverside Law School", startedOn: Day(iso: "2023-01-01"), finishedOn: Day(iso: "2026-01-01"),
                    degree: "Juris Doctor"),
                .init(
                    name: "Lakeside College", startedOn: Day(iso: "2015-09-01"), finishedOn: Day(iso: "2019-05-01"),
                    degree: "Bachelor of Arts"),
            ])
    }

    @Test func selfIdentityFromProfileEmailsAndInvitations() throws {
        let identity = try archive().selfIdentity
        #expect(identity.names == ["Avery Quinn"])
        #expect(identity.emails == ["avery.quinn@example.com", "avery.q@example.edu"])
        // Outgoing invitations name the owner as inviter, incoming ones as invitee.
        #expect(identity.profileURLs == [P.avery])
    }

    @Test func messagesOneOnOneGroupsDirectionAndSkips() throws {
        let archive = try archive()
        let files = try archive.evidence(for: archive.selfIdentity)
        let messages = try #require(files.first)
        #expect(messages.path.hasSuffix("\(linkedInFolderName)/messages.csv"))
        #expect(messages.records.map(describe) == Self.expectedMessages)
        #expect(
            messages.skipped == [
                "draft": 1, "system message": 3, "own message to a group": 1, "spam": 1, "sponsored": 1,
            ])
        #expect(messages.warnings.isEmpty)
        #expect(messages.records.allSatisfy { $0.source == .linkedin })
    }

    @Test func theUserIsFoundByNameWhenNoURLIsKnown() throws {
        let archive = try archive()
        // Folded like NameKey: case and diacritics aside.
        let byName = try archive.evidence(for: SelfIdentity(names: ["AVERY QUÍNN"]))
        #expect(byName[0].records.map(describe) == Self.expectedMessages)
        #expect(byName[0].warnings.isEmpty)
    }

    @Test func theUserIsTheMostPresentParticipantWhenNothingMatches() throws {
        let archive = try archive()
        let files = try archive.evidence(for: SelfIdentity())
        // Avery is in conversations 1, 2, 3, 5 and 6 (5 of the 6; the spam one has no participant).
        #expect(files[0].records.map(describe) == Self.expectedMessages)
        #expect(
            files[0].warnings.map(\.message) == [
                "none of the participants matches your profile URL or name; taking 'Avery Quinn', present in 5 of 6 conversations, as you"
            ])
    }

    @Test func keysAreStableAcrossTwoReads() throws {
        let first = try archive()
        let second = try archive()
        let a = try first.evidence(for: first.selfIdentity).flatMap { $0.records.map(\.key) }
        let b = try second.evidence(for: second.selfIdentity).flatMap { $0.records.map(\.key) }
        #expect(a == b)
        #expect(Set(a).count == a.count, "every key is unique")
    }

    @Test func invitationsRecommendationsAndEndorsements() throws {
        let archive = try archive()
        let files = try archive.evidence(for: archive.selfIdentity)
        #expect(
            files.map { $0.path.split(separator: "/").last.map(String.init) ?? "" } == [
                "messages.csv", "Invitations.csv", "Recommendations_Received.csv", "Recommendations_Given.csv",
                "Endorsement_Received_Info.csv",
            ])
        // Zoë and Marcus are in Connections.csv (accepted: two-way); Jordan is not. Words of the notes:
        // "Hi Avery, I enjoyed your question at the panel." 9, none 0, "Let's connect" 2.
        #expect(
            files[1].records.map(describe) == [
                "invitation:INCOMING|url:linkedin.com/in/zoe-lefevre|3/1/24, 6:14 PM|0 / 2024-03-01 / invitation / Zoë Lefèvre / \(P.zoe) / 1:1 / 9 / them / both / line 2",
                "invitation:OUTGOING|url:linkedin.com/in/marcus-webb|5/20/24, 9:02 AM|0 / 2024-05-20 / invitation / Marcus Webb / \(P.marcus) / 1:1 / 0 / me / both / line 3",
                "invitation:INCOMING|url:linkedin.com/in/jordan-blake-recruits|5/9/24, 11:40 AM|0 / 2024-05-09 / invitation / Jordan Blake / \(P.jordan) / 1:1 / 2 / them / one-way / line 4",
            ])
        // "Avery researched our prior-art question with rare care. / I would hire Avery again." is 13 words.
        #expect(
            files[2].records.map(describe) == [
                "recommendation-received:name:zoe lefevre|01/19/24, 12:10 AM|0 / 2024-01-19 / recommendation / Zoë Lefèvre / - / 1:1 / 13 / them / both / line 2"
            ])
        #expect(
            files[3].records.map(describe) == [
                "recommendation-given:name:marcus webb|09/06/23|0 / 2023-09-06 / recommendation / Marcus Webb / - / 1:1 / 5 / me / both / line 2"
            ])
        // Two skills endorsed in the same second: two records, told apart by the ordinal.
        #expect(
            files[4].records.map(describe) == [
                "endorsement:url:linkedin.com/in/priya-natarajan|2023/06/05 15:47:58 UTC|0 / 2023-06-05 / endorsement / Priya Natarajan / www.linkedin.com/in/priya-natarajan / 1:1 / - / them / one-way / line 2",
                "endorsement:url:linkedin.com/in/priya-natarajan|2023/06/05 15:47:58 UTC|1 / 2023-06-05 / endorsement / Priya Natarajan / www.linkedin.com/in/priya-natarajan / 1:1 / - / them / one-way / line 3",
            ])
    }

    @Test func olderMessagesLayoutWithoutURLsFolderOrDraftColumns() throws {
        let messages = try LinkedInMessages(path: "messages-2019.csv", bytes: fixture("linkedin/messages-2019.csv"))
        let file = messages.evidence(for: SelfIdentity(names: ["Avery Quinn"]))
        // "Congratulations on the new role!" 5; "Thank you, Zoë. / Let's catch up soon." 7 (row 2 spans lines 3–4);
        // "Coffee next week?" 3; "Notes are up" 3. TO "Avery Quinn, Marcus Webb" makes a group of three.
        #expect(
            file.records.map(describe) == [
                "message:6561201931293749248|2019-04-02 17:20:11 UTC|name:zoe lefevre|0 / 2019-04-02 / message / Zoë Lefèvre / - / 1:1 / 5 / them / both / line 2",
                "message:6561201931293749248|2019-04-02 18:01:45 UTC|name:avery quinn|0 / 2019-04-02 / message / Zoë Lefèvre / - / 1:1 / 7 / me / both / line 3",
                "message:6590012374412877824|2019-07-15 09:00:00 UTC|name:marcus webb|0 / 2019-07-15 / message / Marcus Webb / - / 1:1 / 3 / them / one-way / line 5",
                "message:6601129931726643200|2019-09-01 20:00:00 UTC|name:priya natarajan|0 / 2019-09-01 / message / Priya Natarajan / - / group / 3 / them / one-way / line 6",
            ])
        #expect(file.skipped.isEmpty)
    }

    @Test func brokenMessagesNameFileLineAndColumn() throws {
        let text = errorText {
            _ = try LinkedInMessages(path: "x.zip/messages.csv", bytes: fixture("linkedin/messages-unbalanced.csv"))
        }
        // Line 3: `c9,,Zoë Lefèvre,,Avery Quinn,,2024-03-04 09:15:02 UTC,,` is 55 characters; the quote is the 56th.
        #expect(text == "x.zip/messages.csv:3:56: quoted field opened here is never closed")
    }

    @Test func unreadableDateAndMissingColumnNameTheCell() {
        let header = "CONVERSATION ID,FROM,TO,DATE,CONTENT\n"
        #expect(
            errorText {
                _ = try LinkedInMessages(
                    path: "m.csv", bytes: Array((header + "c1,Zoë Lefèvre,Avery Quinn,June 11th,Hi\n").utf8))
            }
                == "m.csv:2:28: unreadable date 'June 11th'; tried YYYY-MM-DD hh:mm:ss UTC, YYYY/MM/DD hh:mm:ss UTC, M/D/YY[, h:mm AM], DD Mon YYYY"
        )
        #expect(
            errorText {
                _ = try LinkedInMessages(path: "m.csv", bytes: Array("CONVERSATION ID,TO,DATE\nc1,A,2024-01-01\n".utf8))
            }
                == "m.csv:1:1: missing required column 'FROM' for the LinkedIn messages.csv format")
        #expect(
            errorText {
                _ = try LinkedInInvitations(
                    path: "i.csv",
                    bytes: Array("From,To,Sent At,Message,Direction\nA B,C D,\"1/8/23, 6:14 PM\",,SIDEWAYS\n".utf8))
            } == "i.csv:2:28: Direction: unknown value 'SIDEWAYS'; allowed: INCOMING, OUTGOING")
        #expect(
            errorText {
                _ = try LinkedInTable(
                    path: "Positions.csv", bytes: Array("Company Name,Started On\nContoso,Spring 2020\n".utf8),
                    file: "Positions.csv", required: [])
            }
                == nil)
        var profile = LinkedInProfile()
        #expect(
            errorText {
                try profile.read(
                    positions: LinkedInTable(
                        path: "Positions.csv", bytes: Array("Company Name,Started On\nContoso,Spring 2020\n".utf8),
                        file: "Positions.csv", required: []))
            } == "Positions.csv:2:9: unreadable date 'Spring 2020'; tried Mon YYYY, YYYY, YYYY-MM, MM/YYYY")
    }

    @Test func olderInvitationsWithoutProfileURLsMatchConnectionsByName() throws {
        let archive = try archive()
        let invitations = try LinkedInInvitations(
            path: "Invitations.csv",
            bytes: Array(
                "From,To,Sent At,Message,Direction\nPriya Natarajan,Avery Quinn,\"11/2/22, 8:05 PM\",,INCOMING\n".utf8))
        let file = invitations.evidence(connections: LinkedInConnectionIndex(archive.connections))
        #expect(
            file.records.map(describe) == [
                "invitation:INCOMING|name:priya natarajan|11/2/22, 8:05 PM|0 / 2022-11-02 / invitation / Priya Natarajan / - / 1:1 / 0 / them / both / line 2"
            ])
        #expect(invitations.ownProfileURL == nil)
    }
}

@Suite struct LinkedInCellTests {
    @Test func timestampsAndDatesOfEachFile() {
        #expect(LinkedInDates.day("2023-06-11 15:33:58 UTC") == Day(iso: "2023-06-11"))
        #expect(LinkedInDates.day("2023/06/05 15:47:58 UTC") == Day(iso: "2023-06-05"))
        #expect(LinkedInDates.day("2024-01-15") == Day(iso: "2024-01-15"))
        #expect(LinkedInDates.day("1/8/23, 6:14 PM") == Day(iso: "2023-01-08"))
        #expect(LinkedInDates.day("01/19/13, 12:10 AM") == Day(iso: "2013-01-19"))
        #expect(LinkedInDates.day("09/06/23") == Day(iso: "2023-09-06"))
        #expect(LinkedInDates.day("2023-06-11 soon") == nil)
        #expect(LinkedInDates.day("2023-02-30 10:00:00 UTC") == nil)
    }

    @Test func profileMonths() {
        #expect(LinkedInDates.month("Jan 2020") == Day(iso: "2020-01-01"))
        #expect(LinkedInDates.month("January 2020") == Day(iso: "2020-01-01"))
        #expect(LinkedInDates.month("Mar 2019") == Day(iso: "2019-03-01"))
        #expect(LinkedInDates.month("2020") == Day(iso: "2020-01-01"))
        #expect(LinkedInDates.month("2020-03") == Day(iso: "2020-03-01"))
        #expect(LinkedInDates.month("3/2020") == Day(iso: "2020-03-01"))
        #expect(LinkedInDates.month("Spring 2020") == nil)
        #expect(LinkedInDates.month("13/2020") == nil)
    }

    @Test func wordCountsCountWordsOnly() {
        #expect(WordCount.words("") == 0)
        #expect(WordCount.words("  \n ") == 0)
        // A dash alone is no word; punctuation attached to a word is part of it.
        #expect(WordCount.words("Hi Zoë — thanks!") == 3)
        #expect(WordCount.words("Tuesday at 3, it is.\r\nOK") == 6)
        #expect(WordCount.words("再见 Zoë") == 2)
    }

    @Test func recipientListsWithEitherSeparator() {
        let urls = "https://www.linkedin.com/in/a;https://www.linkedin.com/in/b, https://www.linkedin.com/in/c"
        #expect(
            LinkedInMessages.recipients(names: "Ann Lee, Bo Chen; Cy Diaz", urls: urls).map {
                "\($0.name) \($0.url ?? "-")"
            } == [
                "Ann Lee https://www.linkedin.com/in/a", "Bo Chen https://www.linkedin.com/in/b",
                "Cy Diaz https://www.linkedin.com/in/c",
            ])
        // A name with a comma in it: the counts differ, so the URLs alone say who.
        #expect(
            LinkedInMessages.recipients(names: "Ann Lee, PhD", urls: "https://www.linkedin.com/in/a").map {
                "\($0.name)|\($0.url ?? "-")"
            }
                == ["|https://www.linkedin.com/in/a"])
        #expect(LinkedInMessages.recipients(names: "Ann Lee", urls: "").map(\.name) == ["Ann Lee"])
    }
}
