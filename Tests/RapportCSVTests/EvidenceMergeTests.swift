import Foundation
import Rapport
import Testing

@testable import RapportCSV

/// Issue 13 items 4 and 5: evidence attaches to the right person, creates only two-way strangers,
/// and never counts twice.
@Suite struct EvidenceMergeTests {
    static let me = Person(id: "me", firstName: "Avery", lastName: "Quinn", emails: ["avery@example.com"])
    static let zoe = Person(
        id: "zoe-lefevre", firstName: "Zoë", lastName: "Lefèvre", profileURL: "https://www.linkedin.com/in/zoe-lefevre")
    static let workspace = NetworkData(people: [me, zoe])

    static func day(_ text: String) -> Day { Day(iso: text)! }

    /// A mail between the user and `party`.
    static func mail(
        _ key: String, _ party: EvidenceParty, on date: String = "2026-03-02", reciprocated: Bool = true,
        from: Initiator = .them, line: Int = 1
    ) -> EvidenceRecord {
        EvidenceRecord(
            source: .mail, key: key, date: day(date), kind: .email, party: party, isOneOnOne: true, initiatedBy: from,
            reciprocated: reciprocated, location: SourceLocation(path: "mail.mbox", line: line, column: 1))
    }

    static func mailbox(_ records: [EvidenceRecord], skipped: [String: Int] = [:]) -> EvidenceFile {
        EvidenceFile(path: "mail.mbox", records: records, skipped: skipped)
    }

    static func merge(_ files: [EvidenceFile], into existing: NetworkData = workspace, profile: OwnProfile? = nil)
        throws(ImportError) -> ImportOutcome
    {
        try Importer.merge(existing: existing, files: [], evidence: EvidenceInput(files: files, profile: profile))
    }

    // MARK: Idempotence

    @Test func theSameEvidenceTwiceAddsNothing() throws {
        let party = EvidenceParty(name: "Zoë Lefèvre", email: "zoe@lefevre.example")
        let file = Self.mailbox([Self.mail("<1@x>", party), Self.mail("<2@x>", party, on: "2026-03-04", from: .me)])
        let first = try Self.merge([file])
        #expect(first.report.interactionsNew == 2)
        let second = try Self.merge([file], into: first.data)
        #expect(second.report.interactionsNew == 0 && second.report.peopleNew == 0 && second.report.peopleUpdated == 0)
        #expect(second.changes.isEmpty)
        #expect(second.evidence.map(\.duplicates) == [2])
    }

    @Test func aNewerExportAddsOnlyTheNewEvidence() throws {
        let party = EvidenceParty(name: "Zoë Lefèvre", email: "zoe@lefevre.example")
        let old = [Self.mail("<1@x>", party), Self.mail("<2@x>", party)]
        let first = try Self.merge([Self.mailbox(old)])
        let newer = old + [Self.mail("<3@x>", party, on: "2026-05-01")]
        let second = try Self.merge([Self.mailbox(newer)], into: first.data)
        #expect(second.changes.newInteractions.map(\.sourceKey) == ["<3@x>"])
        #expect(second.evidence.first?.duplicates == 2 && second.evidence.first?.interactionsNew == 1)
    }

    @Test func twoSameDayMessagesToOnePersonAreTwoInteractions() throws {
        let party = EvidenceParty(name: "", profileURL: "linkedin.com/in/zoe-lefevre/")
        func message(_ key: String) -> EvidenceRecord {
            EvidenceRecord(
                source: .linkedin, key: key, date: Self.day("2023-06-11"), kind: .message, party: party,
                isOneOnOne: true,
                words: 12, initiatedBy: .me, reciprocated: true,
                location: SourceLocation(path: "messages.csv", line: 2, column: 1))
        }
        let outcome = try Self.merge([
            EvidenceFile(path: "messages.csv", records: [message("c1@15:33:58#1"), message("c1@15:40:02#2")])
        ])
        #expect(outcome.changes.newInteractions.count == 2)
        #expect(
            outcome.changes.newInteractions.allSatisfy {
                $0.personID == "zoe-lefevre" && $0.source == .linkedin && $0.words == 12
            })
        #expect(outcome.evidence.first?.matched == [.profileURL: 2])
    }

    /// The same key in one import (an archive and its unzipped folder given together) counts once.
    @Test func theSameKeyTwiceInOneImportCountsOnce() throws {
        let party = EvidenceParty(name: "Zoë Lefèvre", email: "zoe@lefevre.example")
        let outcome = try Self.merge([
            Self.mailbox([Self.mail("<1@x>", party)]), Self.mailbox([Self.mail("<1@x>", party)]),
        ])
        #expect(outcome.report.interactionsNew == 1)
        #expect(outcome.evidence.map(\.duplicates) == [0, 1])
    }

    // MARK: Identity

    @Test func aNameOnlyMatchFoldsCaseAndDiacriticsAndTeachesTheAddress() throws {
        // The mail spells her without accents, in capitals; she has no e-mail in the workspace yet.
        let party = EvidenceParty(name: "ZOE LEFEVRE", email: "zoe@lefevre.example")
        let first = try Self.merge([Self.mailbox([Self.mail("<1@x>", party)])])
        #expect(first.report.peopleNew == 0)
        #expect(first.changes.newInteractions.map(\.personID) == ["zoe-lefevre"])
        #expect(first.evidence.first?.matched == [.name: 1])
        let zoe = try #require(first.data.people.first { $0.id == "zoe-lefevre" })
        #expect(zoe.emails == ["zoe@lefevre.example"])
        #expect(first.changes.upsertPeople.map(\.id) == ["zoe-lefevre"])
        // Next time the address matches, whatever the name says.
        let second = try Self.merge(
            [Self.mailbox([Self.mail("<2@x>", EvidenceParty(name: "Z. L.", email: "ZOE@lefevre.example"))])],
            into: first.data)
        #expect(second.evidence.first?.matched == [.email: 1])
    }

    @Test func anAmbiguousNameIsNeverGuessed() throws {
        let existing = NetworkData(people: [
            Self.me, Person(id: "s1", firstName: "Sam", lastName: "Lee"),
            Person(id: "s2", firstName: "Sam", lastName: "Lee"),
        ])
        let outcome = try Self.merge(
            [Self.mailbox([Self.mail("<1@x>", EvidenceParty(name: "Sam Lee", email: "sam@x.example"))])], into: existing
        )
        #expect(outcome.changes.isEmpty)
        let report = try #require(outcome.evidence.first)
        #expect(report.ambiguous == 1 && report.peopleCreated == 0)
        #expect(report.notes.map(\.description) == ["mail.mbox:1:1: not matched, the name fits s1, s2 (1 record)"])
    }

    @Test func aSameNamedPersonWithAnotherProfileURLIsSomeoneElse() throws {
        let party = EvidenceParty(name: "Zoë Lefèvre", profileURL: "https://www.linkedin.com/in/zoe-lefevre-2")
        let record = EvidenceRecord(
            source: .linkedin, key: "c9@1", date: Self.day("2024-01-01"), kind: .message, party: party,
            isOneOnOne: true,
            initiatedBy: .them, reciprocated: false, location: SourceLocation(path: "messages.csv", line: 3, column: 1))
        let outcome = try Self.merge([EvidenceFile(path: "messages.csv", records: [record])])
        #expect(outcome.changes.newInteractions.isEmpty)
        #expect(outcome.evidence.first?.oneWay == 1)
    }

    @Test func aOneWaySenderIsNotCreatedAndIsCounted() throws {
        let newsletter = EvidenceParty(name: "Pat Vendor", email: "pat@vendor.example")
        let outcome = try Self.merge([
            Self.mailbox(
                [
                    Self.mail("<1@x>", newsletter, reciprocated: false),
                    Self.mail("<2@x>", newsletter, reciprocated: false),
                ],
                skipped: ["bulk or list mail": 3])
        ])
        #expect(outcome.changes.isEmpty)
        let report = try #require(outcome.evidence.first)
        #expect(report.oneWay == 2 && report.records == 2 && report.skipped == ["bulk or list mail": 3])
        #expect(
            report.summary
                == "mail.mbox: 2 records: 2 one-way not created; 0 new interactions; skipped: 3 bulk or list mail")
        // Contact data only where asked for.
        #expect(!report.notes[0].description.contains("vendor.example"))
        #expect(report.notes[0].contactDescription.hasSuffix("— Pat Vendor <pat@vendor.example>"))
    }

    @Test func aReciprocatedStrangerBecomesAPersonFoundInTheMail() throws {
        let party = EvidenceParty(name: "Lefèvre, Inès", email: "Ines@Studio.example")
        let outcome = try Self.merge([
            Self.mailbox([
                Self.mail("<1@x>", party, reciprocated: false, from: .me),
                Self.mail("<2@x>", party, on: "2026-03-03", reciprocated: true, line: 40),
            ])
        ])
        #expect(outcome.report.peopleNew == 1)
        let ines = try #require(outcome.data.people.last)
        #expect(ines.id == "ines-lefevre")
        #expect((ines.firstName, ines.lastName) == ("Inès", "Lefèvre"))
        #expect(ines.emails == ["ines@studio.example"] && ines.tags == ["found-in:mail"])
        // Both records attach to her, the one-way one included: the exchange as a whole went both ways.
        #expect(outcome.changes.newInteractions.map(\.personID) == ["ines-lefevre", "ines-lefevre"])
        #expect(outcome.changes.newInteractions.allSatisfy { $0.withID == "me" && $0.source == .mail })
        let report = try #require(outcome.evidence.first)
        #expect(report.peopleCreated == 1 && report.matched == [.created: 2])
        #expect(report.notes.map(\.description) == ["mail.mbox:1:1: new person 'ines-lefevre' (2 records)"])
        // The interaction implies the tie user–person, as a native interaction does.
        let snapshot = try NetworkSnapshot(outcome.data)
        let edge = try #require(snapshot.tie(between: snapshot.selfIndex!, and: snapshot.index(ofID: "ines-lefevre")!))
        #expect(snapshot.ties[Int(edge)].origin == .interaction)
    }

    /// The same stranger in the calendar by address and on LinkedIn by name is one new person.
    @Test func oneStrangerSeenInTwoSourcesIsOnePerson() throws {
        let meeting = EvidenceRecord(
            source: .calendar, key: "uid-1@2026-04-01", date: Self.day("2026-04-01"), kind: .meeting,
            party: EvidenceParty(name: "Noor Haddad", email: "noor@haddad.example"), isOneOnOne: true, minutes: 30,
            initiatedBy: .them, reciprocated: true, location: SourceLocation(path: "cal.ics", line: 12, column: 1))
        let message = EvidenceRecord(
            source: .linkedin, key: "c2@1", date: Self.day("2026-04-02"), kind: .message,
            party: EvidenceParty(name: "Noor Haddad", profileURL: "https://linkedin.com/in/noorh"), isOneOnOne: true,
            initiatedBy: .me, reciprocated: true, location: SourceLocation(path: "messages.csv", line: 2, column: 1))
        let outcome = try Self.merge([
            EvidenceFile(path: "cal.ics", records: [meeting]), EvidenceFile(path: "messages.csv", records: [message]),
        ])
        #expect(outcome.report.peopleNew == 1)
        let noor = try #require(outcome.data.people.last)
        #expect(noor.emails == ["noor@haddad.example"] && noor.profileURL == "https://linkedin.com/in/noorh")
        #expect(noor.tags == ["found-in:calendar"])
        #expect(outcome.changes.newInteractions.map(\.minutes) == [30, nil])
    }

    @Test func evidenceWithTheUserThemselvesIsIgnored() throws {
        let outcome = try Self.merge([
            Self.mailbox([Self.mail("<1@x>", EvidenceParty(name: "Avery Quinn", email: "avery@example.com"))])
        ])
        #expect(outcome.changes.isEmpty)
        #expect(outcome.evidence.first?.withYourself == 1)
    }

    /// A JSON export keeps the keys: two same-day mails stay two, and the document again adds none.
    /// A document written before keys gets the keys its rows would get from `interactions.csv`.
    @Test func networkDocumentsDedupeBySourceKey() throws {
        let party = EvidenceParty(name: "Zoë Lefèvre", email: "zoe@lefevre.example")
        let imported = try Self.merge([Self.mailbox([Self.mail("<1@x>", party), Self.mail("<2@x>", party)])])
        let document = NetworkDocument(data: imported.data, asOf: nil) { _ in nil }
        let fresh = try NetworkJSON.merge(existing: NetworkData(), documents: [("net.json", document)])
        #expect(fresh.data.interactions.map(\.sourceKey) == ["<1@x>", "<2@x>"])
        let again = try NetworkJSON.merge(existing: fresh.data, documents: [("net.json", document)])
        #expect(again.report.interactionsNew == 0)

        var old = document
        let coffee = Interaction(date: Self.day("2026-01-02"), personID: "zoe-lefevre", kind: .coffee)
        old.interactions = [coffee, coffee]
        let keyed = try NetworkJSON.merge(existing: fresh.data, documents: [("old.json", old)])
        #expect(
            keyed.changes.newInteractions.map(\.sourceKey) == [
                coffee.nativeSourceKey(ordinal: 1), coffee.nativeSourceKey(ordinal: 2),
            ])
        #expect(try NetworkJSON.merge(existing: keyed.data, documents: [("old.json", old)]).report.interactionsNew == 0)
    }
}
