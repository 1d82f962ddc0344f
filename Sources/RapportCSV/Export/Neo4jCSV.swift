import Rapport

/// The network as the two CSV files `neo4j-admin database import` reads: `people.csv` (nodes) and
/// `ties.csv` (relationships), in Neo4j's header syntax.
///
///     neo4j-admin database import full --nodes=people.csv --relationships=ties.csv neo4j
///
/// Lists (`emails:string[]`, …) are joined with `;`, Neo4j's default array delimiter. Cells are
/// quoted as RFC 4180 requires. By default a cell a spreadsheet would run as a formula (`=`, `+`,
/// `-`, `@`, tab, CR first) gets a leading `'`, as in every CSV Rapport writes (DESIGN §11); pass
/// `neutralizeFormulas: false` for files that only Neo4j will read and whose every value must
/// survive byte for byte.
public enum Neo4jCSV {
    public static let peopleHeader = [
        "id:ID", "name", "firstName", "lastName", "emails:string[]", "profileURL", "organization", "title",
        "sectors:string[]", "schools:string[]", "location", "tags:string[]", "notes:string[]", ":LABEL",
    ]
    public static let tiesHeader = [":START_ID", ":END_ID", "strength:double", "kind", "origin", "since:date", ":TYPE"]

    /// Neo4j's default array delimiter.
    public static let arrayDelimiter = ";"
    /// The relationship type of every tie.
    public static let relationshipType = "KNOWS"

    /// `people.csv`: every person labelled `Person`, the user also `Me`.
    /// - Complexity: O(size of the people).
    public static func people(_ document: NetworkDocument, neutralizeFormulas: Bool = true) -> String {
        let writer = CSVWriter(neutralizeFormulas: neutralizeFormulas)
        let rows = document.people.map { p in
            [
                p.id, p.displayName, p.firstName, p.lastName, p.emails.joined(separator: arrayDelimiter),
                p.profileURL ?? "", p.organization ?? "", p.title ?? "", p.sectors.joined(separator: arrayDelimiter),
                p.schools.joined(separator: arrayDelimiter), p.location ?? "", p.tags.joined(separator: arrayDelimiter),
                p.notes.joined(separator: arrayDelimiter), p.isSelf ? "Person;Me" : "Person",
            ]
        }
        return writer.document(header: peopleHeader, rows: rows)
    }

    /// `ties.csv`: one `KNOWS` relationship per tie (Neo4j stores it directed; read it undirected).
    /// - Complexity: O(number of ties).
    public static func ties(_ document: NetworkDocument, neutralizeFormulas: Bool = true) -> String {
        let writer = CSVWriter(neutralizeFormulas: neutralizeFormulas)
        let rows = document.ties.map { t in
            [
                t.personA, t.personB, t.strength.map { String($0) } ?? "", t.kind.rawValue, t.origin.rawValue,
                t.since?.iso ?? "", relationshipType,
            ]
        }
        return writer.document(header: tiesHeader, rows: rows)
    }
}
