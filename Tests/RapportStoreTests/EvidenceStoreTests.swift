import Foundation
import GRDB
import Testing

@testable import RapportCSV
@testable import RapportStore

/// Issue 13: interactions keyed by source, and the `v3-evidence` migration of older workspaces.
@Suite struct EvidenceStoreTests {
    func temporaryPath() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-store-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent("rapport.db").path
    }

    /// The schema as `v1-network` and `v2-pipeline` wrote it (copied from the source before
    /// `v3-evidence`), with GRDB's record of both migrations.
    static let v2Schema = """
        CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
        CREATE TABLE person (
            id TEXT PRIMARY KEY NOT NULL,
            first_name TEXT NOT NULL DEFAULT '',
            last_name TEXT NOT NULL DEFAULT '',
            emails TEXT NOT NULL DEFAULT '[]',
            profile_url TEXT,
            organization TEXT,
            title TEXT,
            sectors TEXT NOT NULL DEFAULT '[]',
            schools TEXT NOT NULL DEFAULT '[]',
            location TEXT,
            tags TEXT NOT NULL DEFAULT '[]',
            notes TEXT NOT NULL DEFAULT '[]',
            seq INTEGER NOT NULL
        );
        CREATE INDEX person_seq ON person(seq);
        CREATE TABLE tie (
            person_low TEXT NOT NULL REFERENCES person(id),
            person_high TEXT NOT NULL REFERENCES person(id),
            person_a TEXT NOT NULL,
            kind TEXT NOT NULL,
            since TEXT,
            origin TEXT NOT NULL,
            seq INTEGER NOT NULL,
            PRIMARY KEY (person_low, person_high),
            CHECK (person_low < person_high)
        ) WITHOUT ROWID;
        CREATE TABLE interaction (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL,
            person TEXT NOT NULL REFERENCES person(id),
            with_id TEXT NOT NULL REFERENCES person(id),
            kind TEXT NOT NULL,
            one_on_one INTEGER NOT NULL,
            minutes INTEGER,
            rapport INTEGER CHECK (rapport BETWEEN 1 AND 5),
            initiated_by TEXT,
            notes TEXT NOT NULL DEFAULT '',
            UNIQUE (date, person, with_id, kind, notes)
        );
        CREATE TABLE introduction (
            introducer TEXT NOT NULL REFERENCES person(id),
            person TEXT NOT NULL REFERENCES person(id),
            to_id TEXT NOT NULL REFERENCES person(id),
            date TEXT,
            status TEXT NOT NULL,
            seq INTEGER NOT NULL,
            PRIMARY KEY (introducer, person, to_id)
        ) WITHOUT ROWID;
        CREATE TABLE import_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            files TEXT NOT NULL,
            summary TEXT NOT NULL
        );
        CREATE TABLE pipeline (
            person TEXT PRIMARY KEY NOT NULL REFERENCES person(id),
            stage TEXT NOT NULL,
            since TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        ) WITHOUT ROWID;
        CREATE TABLE pipeline_history (
            id INTEGER PRIMARY KEY,
            person TEXT NOT NULL REFERENCES person(id),
            from_stage TEXT,
            to_stage TEXT NOT NULL,
            date TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL
        );
        CREATE INDEX pipeline_history_person ON pipeline_history(person, id);
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        INSERT INTO grdb_migrations VALUES ('v1-network'), ('v2-pipeline');
        """

    /// A v2 workspace with two people and two interactions (ids 7 and 9).
    func v2Workspace() throws -> String {
        let path = temporaryPath()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: Self.v2Schema)
            try db.execute(sql: """
                INSERT INTO person (id, first_name, last_name, seq) VALUES ('me', 'Avery', 'Quinn', 1), ('p1', 'Zoë', 'Lefèvre', 2);
                INSERT INTO interaction (id, date, person, with_id, kind, one_on_one, minutes, rapport, initiated_by, notes)
                VALUES (7, '2024-03-05', 'p1', 'me', 'coffee', 1, 30, 4, 'them', 'met at "the café"'),
                       (9, '2024-03-06', 'p1', 'me', 'call', 0, NULL, NULL, NULL, '');
                """)
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
        let migrations = try store.queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
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
            Interaction(date: day, personID: "p1", kind: .email, isOneOnOne: true, source: source, sourceKey: key, words: nil)
        }
        // Two mails to one person on one day: two interactions.
        let first = try store.apply(people: [], ties: [], interactions: [message("<a@x>"), message("<b@x>")], introductions: [])
        #expect(first.interactions == 2)
        // The same key again adds nothing; the same key from another source is another interaction.
        let again = try store.apply(people: [], ties: [], interactions: [message("<a@x>"), message("<a@x>", .calendar)], introductions: [])
        #expect(again.interactions == 1)
        // No key never collides.
        let keyless = try store.apply(people: [], ties: [], interactions: [message(nil), message(nil)], introductions: [])
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
}
