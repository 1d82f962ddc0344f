import GRDB
import Rapport

/// The few columns of a person that search, lookups and did-you-mean check, read for the rows the
/// index proposes (never for every person).
struct SearchCandidate {
    var seq: Int64
    var id: String
    var firstName: String
    var lastName: String
    var organization: String?
    var title: String?
    /// `person.emails` as stored (a JSON array); decoded only when a query needs it.
    var emailsText: String
    var profileURL: String?

    var displayName: String {
        switch (firstName.isEmpty, lastName.isEmpty) {
        case (true, true): return id
        case (false, true): return firstName
        case (true, false): return lastName
        case (false, false): return firstName + " " + lastName
        }
    }

    func emails() throws -> [String] { try Coding.list(emailsText) }

    /// The rows of `person` the index matches with `match`, in workspace order (`seq`), handed to
    /// `body` one at a time until it returns false.
    /// - Complexity: O(log n) per row (one probe of `person_seq`), plus the index's own work.
    static func scan(_ db: Database, match: String, _ body: (SearchCandidate) throws -> Bool) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT p.seq, p.id, p.first_name, p.last_name, p.organization, p.title, p.emails, p.profile_url
                FROM \(SearchIndex.table) s CROSS JOIN person p ON p.seq = s.rowid
                WHERE \(SearchIndex.table) MATCH ? ORDER BY s.rowid
                """, arguments: [match])
        while let row = try rows.next() {
            let candidate = SearchCandidate(
                seq: row[0], id: row[1], firstName: row[2], lastName: row[3], organization: row[4], title: row[5],
                emailsText: row[6], profileURL: row[7])
            guard try body(candidate) else { return }
        }
    }

    /// How many people the index matches with `match`.
    /// - Complexity: O(matches), inside SQLite.
    static func count(_ db: Database, match: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM \(SearchIndex.table) WHERE \(SearchIndex.table) MATCH ?", arguments: [match]) ?? 0
    }

    /// Whole people, by `seq`, in the order given.
    /// - Complexity: O(k log n).
    static func people(_ db: Database, seqs: [Int64]) throws -> [Person] {
        let statement = try db.makeStatement(sql: """
            SELECT id, first_name, last_name, emails, profile_url, organization, title, sectors, schools,
                   location, tags, notes, past_organizations FROM person WHERE seq = ?
            """)
        return try seqs.compactMap { seq in
            try Row.fetchOne(statement, arguments: [seq]).map { row in
                Person(
                    id: row[0], firstName: row[1], lastName: row[2], emails: try Coding.list(row[3]),
                    profileURL: row[4], organization: row[5], title: row[6], sectors: try Coding.list(row[7]),
                    schools: try Coding.list(row[8]), location: row[9], tags: try Coding.list(row[10]),
                    notes: try Coding.list(row[11]), pastOrganizations: try Coding.list(row[12]))
            }
        }
    }
}
