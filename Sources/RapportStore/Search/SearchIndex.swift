import GRDB

/// The full-text index over people: `person_search`, an SQLite FTS5 table kept current by triggers
/// on `person`, so that every write — the bulk import, `log`, `init --me`, a migration — maintains
/// it without a code path of its own.
///
/// One contentless row per person (its rowid is `person.seq`, which VACUUM never renumbers), whose
/// text is the person's id, first and last name, organization, title, emails and profile URL. The `unicode61` tokenizer folds case and strips diacritics ("Zoë" is found as "zoe"); with
/// `L* N* Co M*` as token characters a word in a script with combining marks (Devanagari vowel
/// signs) stays one word. Apostrophes and periods are removed before tokenizing, the way
/// `NameKey` joins them (O'Neil → oneil, P.C. → pc, gary.riley@x.com → garyriley, xcom), so a query
/// folded the same way (`SearchTerms`) meets the same words. `detail=none` keeps the index small
/// and quick to write: queries only ask which rows hold all of some words or word prefixes, and
/// every answer is checked against the person's row.
///
/// Letters without a Unicode decomposition (ł, ø, ß) are not folded by the tokenizer: "Łukasz" is
/// found as "łukasz", not as "lukasz".
enum SearchIndex {
    static let table = "person_search"

    /// The indexed text of a person row (`new` or `old` in a trigger), with `'`, `’` and `.` removed.
    /// The columns are joined first and the characters removed once: three `replace` calls a row
    /// instead of three a column, which were half the index's cost in a million-person import.
    static func text(_ row: String) -> String {
        let joined = ["id", "first_name", "last_name", "organization", "title", "emails", "profile_url"]
            .map { "coalesce(\(row).\($0), '')" }.joined(separator: " || ' ' || ")
        return "replace(replace(replace(\(joined), '''', ''), '.', ''), '’', '')"
    }

    /// The trigger that indexes each person inserted one by one. A bulk write drops it for the
    /// length of its transaction and indexes its new rows in one statement instead
    /// (`withBulkInsert`).
    static let insertTrigger = """
        CREATE TRIGGER person_search_insert AFTER INSERT ON person BEGIN
            INSERT INTO \(table)(rowid, text) VALUES (new.seq, \(text("new")));
        END
        """

    /// Creates the table and its triggers and indexes every person already stored (migration
    /// `v4-search`).
    /// - Complexity: O(people · words per person).
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE \(table) USING fts5(
                text, content = '', detail = none, columnsize = 0,
                tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'");
            \(insertTrigger);
            CREATE TRIGGER person_search_delete AFTER DELETE ON person BEGIN
                INSERT INTO \(table)(\(table), rowid, text) VALUES ('delete', old.seq, \(text("old")));
            END;
            CREATE TRIGGER person_search_update
            AFTER UPDATE OF id, first_name, last_name, organization, title, emails, profile_url, seq ON person
            WHEN old.seq IS NOT new.seq OR \(text("old")) IS NOT \(text("new")) BEGIN
                INSERT INTO \(table)(\(table), rowid, text) VALUES ('delete', old.seq, \(text("old")));
                INSERT INTO \(table)(rowid, text) VALUES (new.seq, \(text("new")));
            END;
            INSERT INTO \(table)(rowid, text) SELECT seq, \(text("person")) FROM person;
            """)
    }

    /// Lets the index's segments pile up 16 to a level before FTS5 merges them, instead of its
    /// default 4 (the `automerge` option, kept in the index's own configuration). A million-person
    /// import filled the index 0.6 s sooner (people write 9.6–9.8 s against 10.2–10.5 s); a search
    /// reads at most 16 segments a level, and answered `p0009` in 0.03 s as before (migration
    /// `v5-search-merge`).
    static func mergeLessOften(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO \(table)(\(table), rank) VALUES ('automerge', 16)")
    }

    /// Runs `insert`, which adds people whose `seq` is above `seqAbove` (and may update others),
    /// with the insert trigger dropped, then indexes those new people in one `INSERT … SELECT`
    /// and puts the trigger back. Inside the caller's transaction, so the index and the rows
    /// land together or not at all; updates still go through `person_search_update`.
    ///
    /// A trigger program per row cost about 10 s of CPU in a million-person import, against
    /// about 6 s for the same index filled in one statement.
    /// - Complexity: O(new people · words per person).
    static func withBulkInsert(_ db: Database, seqAbove: Int, _ insert: () throws -> Void) throws {
        try db.execute(sql: "DROP TRIGGER person_search_insert")
        try insert()
        try db.execute(
            sql: "INSERT INTO \(table)(rowid, text) SELECT seq, \(text("person")) FROM person WHERE seq > ?",
            arguments: [seqAbove])
        try db.execute(sql: insertTrigger)
    }
}
