import GRDB
import Rapport

/// The workspace schema: named migrations, only ever appended.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-network") { db in
            try db.execute(sql: """
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
                """)
        }
        migrator.registerMigration("v2-pipeline") { db in
            // Each target's current stage, and every change with its source (issue 9).
            try db.execute(sql: """
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
                """)
        }
        migrator.registerMigration("v3-evidence") { db in
            try Schema.migrateToEvidence(db)
        }
        migrator.registerMigration("v4-search") { db in
            // The full-text index over people, kept by triggers (issue 16).
            try SearchIndex.create(db)
        }
        migrator.registerMigration("v5-search-merge") { db in
            try SearchIndex.mergeLessOften(db)
        }
        return migrator
    }

    /// `v3-evidence` (issue 13): interactions carry their source, a dedupe key from that source and
    /// a word count; people carry their former employers.
    ///
    /// SQLite cannot drop a table constraint, so the interaction table is rebuilt without
    /// `UNIQUE (date, person, with_id, kind, notes)` — two messages to one person on one day are two
    /// interactions — and with `UNIQUE (source, source_key)` instead (NULL keys never collide). Ids
    /// are kept. Every existing row becomes `native` with the key an import of the same row would
    /// give it (`Interaction.nativeSourceKey`, ordinal among identical rows in id order), so that
    /// re-importing an old `interactions.csv` into a migrated workspace still adds nothing.
    /// - Complexity: O(interactions).
    static func migrateToEvidence(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE person ADD COLUMN past_organizations TEXT NOT NULL DEFAULT '[]';
            CREATE TABLE interaction_v3 (
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
                source TEXT NOT NULL DEFAULT 'native',
                source_key TEXT,
                words INTEGER,
                UNIQUE (source, source_key)
            );
            INSERT INTO interaction_v3 (id, date, person, with_id, kind, one_on_one, minutes, rapport, initiated_by, notes)
                SELECT id, date, person, with_id, kind, one_on_one, minutes, rapport, initiated_by, notes FROM interaction;
            DROP TABLE interaction;
            ALTER TABLE interaction_v3 RENAME TO interaction;
            """)
        var ordinals: [UInt64: Int] = [:]
        var keys: [(id: Int64, key: String)] = []
        for (id, interaction) in try Workspace.loadInteractionRows(db) {
            let ordinal = (ordinals[interaction.fieldDigest] ?? 0) + 1
            ordinals[interaction.fieldDigest] = ordinal
            keys.append((id, interaction.nativeSourceKey(ordinal: ordinal)))
        }
        let update = try db.makeStatement(sql: "UPDATE interaction SET source_key = ? WHERE id = ?")
        for (id, key) in keys { try update.execute(arguments: [key, id]) }
    }
}
