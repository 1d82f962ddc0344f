import Foundation
import GRDB
import Rapport
import Testing

@testable import RapportCSV
@testable import RapportStore

/// Issue 13: interactions keyed by source, and the `v3-evidence` migration of older workspaces.
@Suite struct EvidenceStoreTests {
    func temporaryPath() -> String { WorkspaceTests().temporaryPath() }

    /// A v2 workspace with two people and two interactions (ids 7 and 9).
    func v2Workspace() throws -> String {
        let path = temporaryPath()
        let queue = try DatabaseQueue(path: path)
        // The migrations up to v2 are the schema as Rapport wrote it then: they are only ever appended.
        try Schema.migrator.migrate(queue, upTo: "v2-pipeline")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO person (id, first_name, last_name, seq) VALUES ('me', 'Avery', 'Quinn', 1), ('p1', 'Zoë', 'Lefèvre', 2);
                    INSERT INTO interaction (id, date, person, with_id, kind, one_on_one, minutes, rapport, initiated_by, notes)
                    VALUES (7, '2024-03-05', 'p1', 'me', 'coffee', 1, 30, 4, 'them', 'met at "the café"'),
                           (9, '2024-03-06', 'p1', 'me', 'call', 0, NULL, NULL, NULL, '');
                    """)
            // A v2 file indeed: no source column, and the old uniqueness.
            #expect(!(try db.columns(in: "interaction")).map(\.name).contains("source"))
            #expect(
                try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'interaction'")?
                    .contains("UNIQUE (date, person, with_id, kind, notes)") == true)
        }
        try queue.close()
        return path
    }

    @Test func migratingAVersion2WorkspaceKeepsIdsAndKeysEveryRowAsAnImportWould() throws {
        let path = try v2Workspace()
        let store = try Workspace.open(at: path)
        let rows = try store.queue.read { db in
            try Row.fetchAll(db, sql: "SELECT id, source, source_key, words FROM interaction ORDER BY id")
        }
        #expect(rows.map { $0[0] as Int64 } == [7, 9])
        #expect(rows.map { $0[1] as String } == ["native", "native"])
        // FNV-1a 64 of each row's fields, computed with Python (struct.pack + the FNV loop).
        #expect(rows.map { $0[2] as String } == ["native:b0b2c8d054b50445#1", "native:d2a0afe827cc599d#1"])
        #expect(rows.allSatisfy { ($0[3] as Int?) == nil })
        let people = try store.loadNetwork().people
        #expect(people.map(\.pastOrganizations) == [[], []])
        let migrations = try store.queue.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        #expect(migrations.contains("v3-evidence"))

        // Re-importing the file the old rows came from adds nothing.
        let file = try ContactFile.parse(
            path: "interactions.csv",
            data: Array(
                ("date,person,kind,one_on_one,minutes,rapport,initiated_by,notes\n"
                    + #"2024-03-05,p1,coffee,true,30,4,them,"met at ""the café""""# + "\n"
                    + "2024-03-06,p1,call,false,,,,\n").utf8))
        let outcome = try Importer.merge(existing: try store.loadNetwork(), files: [file])
        #expect(outcome.report.interactionsNew == 0)
        #expect(outcome.report.rowsUnchanged == 2)
    }

    @Test func theOldUniqueConstraintIsGoneAndSourceKeysAreUnique() throws {
        let store = try Workspace.open(at: try v2Workspace())
        let day = try #require(Day(iso: "2024-03-05"))
        func message(_ key: String?, _ source: InteractionSource = .mail) -> Interaction {
            Interaction(
                date: day, personID: "p1", kind: .email, isOneOnOne: true, source: source, sourceKey: key, words: nil)
        }
        // Two mails to one person on one day: two interactions.
        let first = try store.apply(
            people: [], ties: [], interactions: [message("<a@x>"), message("<b@x>")], introductions: [])
        #expect(first.interactions == 2)
        // The same key again adds nothing; the same key from another source is another interaction.
        let again = try store.apply(
            people: [], ties: [], interactions: [message("<a@x>"), message("<a@x>", .calendar)], introductions: [])
        #expect(again.interactions == 1)
        // No key never collides.
        let keyless = try store.apply(
            people: [], ties: [], interactions: [message(nil), message(nil)], introductions: [])
        #expect(keyless.interactions == 2)
        #expect(try store.counts().interactions == 2 + 2 + 1 + 2)
    }

    @Test func sourceKeyWordsAndPastOrganizationsRoundTrip() throws {
        let (store, _) = try Workspace.create(at: temporaryPath())
        let me = Person(id: "me", firstName: "Avery", pastOrganizations: ["Halvorsen LLP", "Quiet, \"Capital\""])
        let p1 = Person(id: "p1", firstName: "Zoë")
        let interaction = Interaction(
            date: try #require(Day(iso: "2023-06-11")), personID: "p1", kind: .message, isOneOnOne: false,
            initiatedBy: .them, source: .linkedin, sourceKey: "2-YmQ4@2023-06-11T15:33:58Z#1", words: 42)
        try store.apply(people: [me, p1], ties: [], interactions: [interaction], introductions: [])
        let loaded = try store.loadNetwork()
        #expect(loaded.people == [me, p1])
        #expect(loaded.interactions == [interaction])
        // The bulk snapshot path reads the same columns; the snapshot leaves the key out.
        let (snapshot, _) = try store.loadSnapshot()
        var unkeyed = interaction
        unkeyed.sourceKey = nil
        #expect(snapshot.interactions == [unkeyed])
        #expect(snapshot.people[0].pastOrganizations == me.pastOrganizations)
    }

    /// The whole path an import takes — merge against the loaded workspace, write the changes —
    /// twice with the same mailbox, then with a newer one.
    @Test func evidenceWrittenTwiceIsStoredOnceAndANewerExportAddsOnlyTheNew() throws {
        let (store, _) = try Workspace.create(at: temporaryPath())
        try store.apply(
            people: [Person(id: "me", firstName: "Avery", emails: ["avery@example.com"])], ties: [], interactions: [],
            introductions: [])
        func mail(_ id: String, _ day: String, reciprocated: Bool = true) throws -> EvidenceRecord {
            EvidenceRecord(
                source: .mail, key: id, date: try #require(Day(iso: day)), kind: .email,
                party: EvidenceParty(name: "Noor Haddad", email: "noor@haddad.example"), isOneOnOne: true,
                initiatedBy: .them, reciprocated: reciprocated,
                location: SourceLocation(path: "m.mbox", line: 1, column: 1))
        }
        func importing(_ records: [EvidenceRecord]) throws -> WriteCounts {
            let evidence = EvidenceInput(files: [EvidenceFile(path: "m.mbox", records: records)])
            let changes = try Importer.merge(existing: try store.loadNetwork(), files: [], evidence: evidence).changes
            return try store.apply(
                people: changes.upsertPeople, ties: changes.upsertTies, interactions: changes.newInteractions,
                introductions: changes.upsertIntroductions)
        }
        // Two mails on one day: two interactions, and Noor, who wrote back, is created.
        let old = [try mail("<1@h>", "2026-02-01"), try mail("<2@h>", "2026-02-01")]
        #expect(try importing(old).interactions == 2)
        #expect(try importing(old).interactions == 0)
        #expect(try store.counts().people == 2)
        #expect(try importing(old + [try mail("<3@h>", "2026-03-01", reciprocated: false)]).interactions == 1)
        let stored = try store.loadNetwork().interactions
        #expect(stored.map(\.sourceKey) == ["<1@h>", "<2@h>", "<3@h>"])
        #expect(stored.allSatisfy { $0.source == .mail && $0.personID == "noor-haddad" })
        #expect(try store.counts().interactions == 3)
    }
}
