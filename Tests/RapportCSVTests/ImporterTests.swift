import Foundation
import Rapport
import Testing

@testable import RapportCSV

@Suite struct ImporterTests {
    let me = Person(id: "me", firstName: "Jordan", lastName: "Park")

    func merge(_ existing: NetworkData = NetworkData(), _ files: [ParsedFile]) throws(ImportError) -> ImportOutcome {
        try Importer.merge(existing: existing, files: files)
    }

    @Test func contactExportCreatesPeopleAndAcquaintanceTiesWithConnectedOn() throws {
        let outcome = try merge(NetworkData(people: [me]), [try parseFixture("linkedin-notes.csv")])
        #expect(outcome.report.peopleNew == 4)
        #expect(outcome.report.tiesNew == 4)
        let maria = try #require(outcome.data.people.first { $0.lastName == "Chen" })
        #expect(maria.id == "maria-chen-wilson")
        let tie = try #require(outcome.data.ties.first { $0.pair == TiePair("me", "maria-chen-wilson") })
        #expect(tie.kind == .acquaintance && tie.origin == .contact && tie.since == Day(iso: "2026-02-07"))
        #expect(outcome.changes.upsertPeople.count == 4)
        #expect(outcome.changes.upsertTies.count == 4)
    }

    @Test func reimportingTheSameFilesChangesNothing() throws {
        let files = [
            try parseFixture("linkedin-notes.csv"), try parseFixture("google-old.csv"),
            try parseFixture("contacts-v3.vcf"),
            try parse("id,first_name,last_name\nme,Jordan,Park\n", path: "people.csv"),
            try parse(
                "date,person,kind,rapport\n2026-03-01,maria.chen@wsgr.example,coffee,5\n", path: "interactions.csv"),
            try parse(
                "date,introducer,person,status\n2026-03-02,Maria Chen,Priya Raman,requested\n",
                path: "introductions.csv"),
        ]
        let first = try merge(NetworkData(), files)
        #expect(first.report.totalNew > 0)
        let second = try merge(first.data, files)
        #expect(second.report.totalNew == 0)
        #expect(second.report.totalUpdated == 0)
        #expect(second.changes.isEmpty)
        #expect(second.data == first.data)
        #expect(second.report.summary.hasPrefix("0 new, 0 updated"))
    }

    @Test func identityResolvesAcrossFilesByEmailURLAndNameWithOrganization() throws {
        let people = try parse(
            "id,first_name,last_name,email,organization,url\n"
                + "p1,Maria,Chen,MARIA.CHEN@wsgr.example,WSGR,\n"
                + "p2,Seán,O'Brien,,Legal Aid,https://linkedin.com/in/sean-obrien/\n"
                + "p3,Priya,Raman,,Google LLC,\n", path: "people.csv")
        let linkedin = try parseFixture("linkedin-notes.csv")
        let outcome = try merge(NetworkData(people: [me]), [linkedin, people])
        #expect(outcome.data.people.map(\.id) == ["me", "p1", "p2", "p3", "zoe-muller-ludenscheidt-acme"])
        #expect(
            outcome.report.merges.map(\.description) == [
                "linkedin-notes.csv:6:1: merged into 'p1' (same email)",
                "linkedin-notes.csv:7:1: merged into 'p2' (same profile URL)",
                "linkedin-notes.csv:9:1: merged into 'p3' (same name and organization)",
            ])
        let maria = outcome.data.people[1]
        #expect(maria.organization == "WSGR")
        #expect(maria.title == "Partner")
        #expect(maria.profileURL == "https://www.linkedin.com/in/maria-chen-ip")
    }

    @Test func mergeKeepsEveryNoteAndListUnion() throws {
        let existing = NetworkData(people: [
            me,
            Person(
                id: "p1", firstName: "Amélie", lastName: "Dubois", emails: ["amelie@dubois.example"], sectors: ["ip"],
                notes: ["Old note"]),
        ])
        let people = try parse(
            "id,first_name,last_name,sectors,notes\np1,Amélie,Dubois,IP;privacy,Second note\n", path: "people.csv")
        let outcome = try merge(existing, [try parseFixture("google-old.csv"), people])
        let amelie = try #require(outcome.data.people.first { $0.id == "p1" })
        #expect(amelie.notes == ["Old note", "Second note", "Met at the IP law fair"])
        #expect(amelie.sectors == ["ip", "privacy"])
        #expect(amelie.emails == ["amelie@dubois.example", "a.dubois@home.example"])
        #expect(amelie.organization == "Cooley LLP")
        #expect(outcome.report.peopleUpdated == 1)
    }

    @Test func tiesFileBeforePeopleFileInArgumentsStillResolves() throws {
        let ties = try parse("person_a,person_b,kind,since\np1,Bo Lin,mentor,2020-01-01\n", path: "ties.csv")
        let people = try parse("id,first_name,last_name\np1,Ann,Lee\np2,Bo,Lin\n", path: "people.csv")
        let outcome = try merge(NetworkData(people: [me]), [ties, people])
        #expect(outcome.data.ties == [Tie("p1", "p2", kind: .mentor, since: Day(iso: "2020-01-01"))])
    }

    @Test func ambiguousReferenceListsTheCandidates() throws {
        let people = try parse(
            "id,first_name,last_name,organization\np1,Alex,Kim,A\np2,Alex,Kim,B\n", path: "people.csv")
        let ties = try parse("person_a,person_b,kind\nme,alex kim,friend\n", path: "ties.csv")
        #expect(
            errorText { _ = try merge(NetworkData(people: [me]), [people, ties]) }
                == "ties.csv:2:4: 'alex kim' matches 2 people: p1, p2; use an id or email")
    }

    @Test func unknownReferenceIsAnErrorAtTheCell() throws {
        let interactions = try parse("date,person,kind\n2026-01-02,Nobody Here,coffee\n", path: "i.csv")
        #expect(
            errorText { _ = try merge(NetworkData(people: [me]), [interactions]) }
                == "i.csv:2:12: no person matches 'Nobody Here'")
    }

    @Test func tieResolvingToTheSamePersonIsAnError() throws {
        let people = try parse("id,first_name,last_name,email\np1,Ann,Lee,ann@x.example\n", path: "people.csv")
        let ties = try parse("person_a,person_b,kind\np1,ann@x.example,friend\n", path: "ties.csv")
        #expect(
            errorText { _ = try merge(NetworkData(people: [me]), [people, ties]) }
                == "ties.csv:2:4: person_b names the same person as the other side")
    }

    @Test func rowsWithTheirOwnIDsSharingAnEmailStayTwoPeople() throws {
        let people = try parse(
            "id,first_name,last_name,email\np1,Ann,Lee,info@firm.example\np2,Bo,Lin,info@firm.example\n",
            path: "people.csv")
        let outcome = try merge(NetworkData(people: [me]), [people])
        #expect(outcome.data.people.map(\.id) == ["me", "p1", "p2"])
        // A later contact export with that address still finds the first holder.
        let again = try merge(
            outcome.data,
            [
                try parse(
                    "First Name,Last Name,Email Address,Company,Position,Connected On\nAnn,Lee,info@firm.example,,,\n",
                    path: "li.csv")
            ])
        #expect(again.report.merges.map(\.intoID) == ["p1"])
    }

    @Test func interactionBuiltInCodeResolvesLikeAFileRow() throws {
        let existing = NetworkData(people: [me, Person(id: "p1", firstName: "Maria", lastName: "Chen")])
        var file = ParsedFile(path: "rapport log", format: .interactions)
        let at = SourceLocation(path: "rapport log", line: 1, column: 1)
        file.interactions = [
            InteractionRecord(
                date: try #require(Day(iso: "2026-06-01")),
                person: PersonReference("maria chen", column: "PERSON", at: at),
                kind: .coffee, rapport: 4, location: at)
        ]
        let outcome = try merge(existing, [file])
        #expect(
            outcome.changes.newInteractions == [
                // The key's digest is FNV-1a 64 of the fields, computed with Python (struct + a loop).
                Interaction(
                    date: try #require(Day(iso: "2026-06-01")), personID: "p1", kind: .coffee, rapport: 4,
                    sourceKey: "native:baee7ce91cc81c6d#1")
            ])
    }

    /// Issue 13 item 5: identical rows of one file used to become one interaction.
    @Test func sameDayInteractionsAreAllKeptAndReimportingAddsNone() throws {
        let existing = NetworkData(people: [me, Person(id: "p1", firstName: "Ann")])
        let text =
            "date,person,kind,minutes,rapport,initiated_by\n"
            + "2026-09-29,p1,informational_interview,23,4,them\n"
            + "2026-09-29,p1,informational_interview,31,2,me\n"
            + "2026-09-29,p1,informational_interview,31,2,me\n"
        let outcome = try merge(existing, [try parse(text, path: "i.csv")])
        #expect(outcome.data.interactions.map(\.minutes) == [23, 31, 31])
        #expect(outcome.report.interactionsNew == 3 && outcome.report.rowsUnchanged == 0)
        let keys = outcome.data.interactions.compactMap(\.sourceKey)
        #expect(keys.map { $0.hasSuffix("#1") } == [true, true, false])
        #expect(keys[1].dropLast() == keys[2].dropLast() && keys[2].hasSuffix("#2"))
        let again = try merge(outcome.data, [try parse(text, path: "i.csv")])
        #expect(again.report.interactionsNew == 0 && again.report.rowsUnchanged == 3)
    }

    @Test func meRowFillsInTheUser() throws {
        let people = try parse("id,first_name,last_name,school\nme,Jordan,Park,Berkeley Law\n", path: "people.csv")
        let outcome = try merge(NetworkData(people: [Person(id: "me", firstName: "Jordan")]), [people])
        #expect(
            outcome.data.people == [Person(id: "me", firstName: "Jordan", lastName: "Park", schools: ["Berkeley Law"])])
        #expect(outcome.report.peopleUpdated == 1 && outcome.report.peopleNew == 0)
    }

    @Test func introductionStatusUpdatesInPlace() throws {
        let people = try parse("id,first_name,last_name\np1,Ann,Lee\np2,Bo,Lin\n", path: "people.csv")
        let first = try merge(
            NetworkData(people: [me]),
            [people, try parse("introducer,person,status\np1,p2,requested\n", path: "a.csv")])
        let second = try merge(
            first.data, [try parse("introducer,person,status,date\np1,p2,made,2026-05-01\n", path: "b.csv")])
        #expect(second.report.introductionsUpdated == 1 && second.report.introductionsNew == 0)
        #expect(
            second.data.introductions == [
                Introduction(date: Day(iso: "2026-05-01"), introducerID: "p1", personID: "p2", status: .made)
            ])
    }

    @Test func generatedIDsAreCollisionSafe() throws {
        let file = try parse(
            "First Name,Last Name,Company,Position,Connected On\nAna,Ruiz,Acme,A,\nAna,Ruiz,Acme Corp.,B,\nAna,Ruiz,Beta,C,\n",
            path: "li.csv")
        let existing = NetworkData(people: [me, Person(id: "ana-ruiz-beta", firstName: "Other", lastName: "Person")])
        let outcome = try merge(existing, [file])
        #expect(outcome.data.people.map(\.id) == ["me", "ana-ruiz-beta", "ana-ruiz-acme", "ana-ruiz-beta-2"])
    }

    @Test func mergedResultBuildsASnapshot() throws {
        let outcome = try merge(
            NetworkData(people: [me]), [try parseFixture("linkedin-notes.csv"), try parseFixture("contacts-v4.vcf")])
        let snapshot = try NetworkSnapshot(outcome.data)
        #expect(snapshot.people.count == 6)
    }
}
