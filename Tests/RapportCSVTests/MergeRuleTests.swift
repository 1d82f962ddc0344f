import Foundation
import Rapport
import Testing

@testable import RapportCSV

/// Issue 17 item 7: the merge rule of every field — when an import fills, overwrites, appends or
/// keeps — one test per rule, through `Importer.merge` as an import runs it.
@Suite struct MergeRuleTests {
    static func merge(_ existing: [Person], _ people: String) throws -> Person {
        let file = try parse(people, path: "people.csv")
        let outcome = try Importer.merge(existing: NetworkData(people: existing), files: [file])
        return try #require(outcome.data.people.first { $0.id == existing[0].id })
    }

    @Test func aRealNameReplacesThePlaceholderMe() throws {
        // `rapport init` without --me, then a people.csv row for the user.
        let me = try Self.merge([Person(id: "me", firstName: "Me")], "id,first_name,last_name\nme,Jordan,Alvarez\n")
        #expect(me.displayName == "Jordan Alvarez")
    }

    @Test func thePlaceholderNeverReplacesARealName() throws {
        let me = try Self.merge(
            [Person(id: "me", firstName: "Jordan", lastName: "Alvarez")], "id,first_name,last_name\nme,Me,\n")
        #expect(me.displayName == "Jordan Alvarez")
        // "Me" is a placeholder only for the user: a contact named Me keeps the name.
        let contact = try Self.merge(
            [Person(id: "p1", firstName: "Me", lastName: "Lin")], "id,first_name,last_name\np1,Mei,Lin\n")
        #expect(contact.firstName == "Me")
    }

    static func field(_ column: String, of person: Person) -> String? {
        switch column {
        case "first_name": return person.firstName
        case "last_name": return person.lastName
        case "organization": return person.organization
        case "title": return person.title
        default: return person.location
        }
    }

    /// Single-valued fields: an import fills an empty one and never overwrites a set one.
    @Test(arguments: ["first_name", "last_name", "organization", "title", "location"])
    func singleValuedFieldsFillButNeverOverwrite(column: String) throws {
        let columns = ["first_name", "last_name", "organization", "title", "location"]
        func row(_ value: String) -> String {
            "id," + columns.joined(separator: ",") + "\np1,"
                + columns.map { $0 == column ? value : "" }.joined(separator: ",") + "\n"
        }
        let empty = try Self.merge([Person(id: "p1", firstName: column == "first_name" ? "" : "Ann")], row("Filled"))
        #expect(Self.field(column, of: empty) == "Filled")
        var set = Person(
            id: "p1", firstName: "Ann", lastName: "Lee", organization: "Kept", title: "Kept", location: "Kept")
        if column == "first_name" { set.firstName = "Kept" }
        if column == "last_name" { set.lastName = "Kept" }
        let kept = try Self.merge([set], row("Other"))
        #expect(Self.field(column, of: kept) == "Kept")
    }

    @Test func theProfileURLFillsButNeverOverwrites() {
        let filled = Person(id: "p1").merging(Person(id: "p1", profileURL: "linkedin.com/in/a"))
        #expect(filled.profileURL == "linkedin.com/in/a")
        let kept = Person(id: "p1", profileURL: "linkedin.com/in/a").merging(
            Person(id: "p1", profileURL: "linkedin.com/in/b"))
        #expect(kept.profileURL == "linkedin.com/in/a")
    }

    /// Lists are unions in first-seen order, compared without case; notes keep every distinct text.
    @Test func listsAppendWhatIsNewAndNotesKeepEveryDistinctText() {
        let before = Person(
            id: "p1", emails: ["ann@x.example"], sectors: ["Litigation"], schools: ["Halvorsen Law"], tags: ["alumni"],
            notes: ["Met at the fair"], pastOrganizations: ["Baker Lowe"])
        let other = Person(
            id: "p1", emails: ["ANN@x.example", "ann@home.example"], sectors: ["litigation", "tax"],
            schools: ["halvorsen law", "MIT"], tags: ["Alumni", "mentor"],
            notes: ["met at the fair", "Met at the fair"],
            pastOrganizations: ["BAKER LOWE", "Quiet Capital"])
        let merged = before.merging(other)
        #expect(merged.emails == ["ann@x.example", "ann@home.example"])
        #expect(merged.sectors == ["Litigation", "tax"])
        #expect(merged.schools == ["Halvorsen Law", "MIT"])
        #expect(merged.tags == ["alumni", "mentor"])
        #expect(merged.notes == ["Met at the fair", "met at the fair"])
        #expect(merged.pastOrganizations == ["Baker Lowe", "Quiet Capital"])
    }

    /// Ties: the closer kind, the earlier `since`, and `declared` over any other origin.
    @Test func tiesKeepTheCloserKindTheEarlierSinceAndDeclaredOrigin() {
        let stored = Tie("me", "p1", kind: .acquaintance, since: Day(iso: "2024-01-01"), origin: .contact)
        let merged = stored.merged(
            with: Tie("p1", "me", kind: .mentor, since: Day(iso: "2020-05-05"), origin: .declared))
        #expect(merged.kind == .mentor && merged.since == Day(iso: "2020-05-05") && merged.origin == .declared)
        let kept = merged.merged(
            with: Tie("me", "p1", kind: .acquaintance, since: Day(iso: "2025-01-01"), origin: .contact))
        #expect(kept == merged)
    }

    /// Introductions: the status is the latest one; a date given replaces, a missing one keeps.
    @Test func introductionsTakeTheLatestStatusAndKeepTheirDateWhenNoneIsGiven() throws {
        let people = NetworkData(people: [Person(id: "me"), Person(id: "p1"), Person(id: "p2")])
        let first = try Importer.merge(
            existing: people,
            files: [try parse("introducer,person,status,date\np1,p2,requested,2026-01-05\n", path: "a.csv")])
        let second = try Importer.merge(
            existing: first.data, files: [try parse("introducer,person,status\np1,p2,made\n", path: "b.csv")])
        #expect(
            second.data.introductions == [
                Introduction(date: Day(iso: "2026-01-05"), introducerID: "p1", personID: "p2", status: .made)
            ])
    }

    /// Interactions are only ever added: one with a key already present changes nothing, even when
    /// its other fields differ.
    @Test func interactionsAreAppendOnlyByKey() throws {
        let day = try #require(Day(iso: "2026-02-02"))
        let stored = Interaction(date: day, personID: "p1", kind: .email, source: .mail, sourceKey: "<m@x>")
        let existing = NetworkData(
            people: [Person(id: "me"), Person(id: "p1", emails: ["p1@x.example"])], interactions: [stored])
        let record = EvidenceRecord(
            source: .mail, key: "<m@x>", date: day, kind: .email, party: EvidenceParty(name: "", email: "p1@x.example"),
            isOneOnOne: false, initiatedBy: .me, reciprocated: true,
            location: SourceLocation(path: "m.mbox", line: 1, column: 1))
        let outcome = try Importer.merge(
            existing: existing, files: [],
            evidence: EvidenceInput(files: [EvidenceFile(path: "m.mbox", records: [record])]))
        #expect(outcome.data.interactions == [stored])
        #expect(outcome.changes.isEmpty)
    }
}
