import Foundation
import GRDB
import Rapport
import RapportTestSupport
import Testing
@testable import RapportStore

/// Search, lookups and did-you-mean through the workspace's full-text index, on a generated
/// directory with accents, apostrophes, emails and titles; expected matches from Python's
/// unicodedata (an independent fold), rankings and lookups by hand.
@Suite struct PeopleSearchTests {
    static func temporaryPath() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-search-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent("rapport.db").path
    }

    static let firstNames = ["Zoë", "José", "François", "Ana", "Noël", "Björn", "Chloé", "Gary", "Maria", "Jean-Luc"]
    static let lastNames = ["Müller", "O'Neil", "García", "Nguyễn", "Smith", "Dubois", "Kovačević", "Riley", "Chen"]
    static let organizations = [
        "Wilson & Okafor LLP", "Müller GmbH", "Café Rouge Inc.", "J.P. Holt & Co.", "Sullivan and Miller", "Nguyễn Legal",
    ]
    static let titles = ["Associate", "Senior Associate", "Partner", "Patent Agent", "Directeur Général", "Of Counsel"]

    /// `count` people drawn with a seeded generator; emails are "first.last@domain" as typed.
    static func directory(count: Int, seed: UInt64) -> [Person] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { i in
            let first = firstNames.randomElement(using: &random) ?? ""
            let last = lastNames.randomElement(using: &random) ?? ""
            let organization = organizations.randomElement(using: &random) ?? ""
            let domain = organization.lowercased().filter { $0.isLetter }.prefix(12)
            return Person(
                id: String(format: "p%05d", i), firstName: first, lastName: last,
                emails: ["\(first).\(last)\(i)@\(domain).example".lowercased()], organization: organization,
                title: titles.randomElement(using: &random), sectors: i % 3 == 0 ? ["intellectual property"] : ["litigation"])
        }
    }

    static func workspace(_ people: [Person]) throws -> Workspace {
        let (store, _) = try Workspace.create(at: temporaryPath())
        try store.apply(people: people, ties: [], interactions: [], introductions: [])
        return store
    }

    struct Expected: Decodable {
        var ids: [String]
        var exactNames: [String]
    }

    /// The Python oracle's matches for each query.
    static func oracle(_ people: [Person], queries: [String]) throws -> [String: Expected] {
        let input: [String: Any] = [
            "people": people.map { p -> [String: Any] in
                [
                    "id": p.id, "first": p.firstName, "last": p.lastName, "organization": p.organization ?? "",
                    "title": p.title ?? "", "emails": p.emails,
                ]
            },
            "queries": queries,
        ]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("search-oracle-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: input).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let (status, output) = try Python.run(["-c", oracleScript, file.path])
        try #require(status == 0)
        return try JSONDecoder().decode([String: Expected].self, from: output)
    }

    static let oracleScript = #"""
"""Independent oracle for Workspace.searchPeople: which people hold every query word (each query
word a word of theirs or the start of one), ignoring case and diacritics.

Reads {"people": [...], "queries": [...]} as JSON on argv[1]; prints {query: {"ids": [...],
"exactNames": [...]}} where ids are the matching people in input order and exactNames those whose
"first last" folds to the query's words.
"""
import json
import sys
import unicodedata


def fold(text):
    text = text.replace("'", "").replace("\u2019", "").replace(".", "")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text):
    out, current = [], ""
    for c in fold(text):
        if c.isalnum():
            current += c
        elif current:
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


def main():
    data = json.load(open(sys.argv[1]))
    result = {}
    for query in data["queries"]:
        q = words(query)
        ids, exact = [], []
        for p in data["people"]:
            fields = [p["id"], p["first"], p["last"], p["organization"], p["title"]] + p["emails"]
            have = [w for f in fields for w in words(f)]
            if q and all(any(h.startswith(w) for h in have) for w in q):
                ids.append(p["id"])
                if words(p["first"] + " " + p["last"]) == q:
                    exact.append(p["id"])
        result[query] = {"ids": ids, "exactNames": exact}
    print(json.dumps(result))


main()
"""#

    @Test func searchFindsWhatPythonsFoldFindsIgnoringCaseAndAccents() throws {
        let people = Self.directory(count: 3_000, seed: 16)
        let store = try Self.workspace(people)
        let queries = [
            "zoe", "ZOË", "müller", "muller", "o'neil", "oneil", "nguyen", "associate", "senior assoc", "jose garcia",
            "wilson okafor", "cafe", "p0001", "jp holt", "jean-luc", "kovacevic", "counsel", "zoë.müller", "général",
        ]
        let expected = try Self.oracle(people, queries: queries)
        for query in queries {
            let want = try #require(expected[query])
            let found = try #require(try store.searchPeople(query))
            #expect(found.total == want.ids.count, "\(query)")
            #expect(Set(found.people.map(\.id)) == Set(want.ids), "\(query)")
            #expect(!want.ids.isEmpty, "\(query) should match someone")
            // People whose whole name is the query come first, in workspace order.
            if !want.exactNames.isEmpty {
                #expect(Array(found.people.prefix(want.exactNames.count).map(\.id)) == want.exactNames, "\(query)")
            }
        }
    }

    @Test func aLimitKeepsTheBestAndCountsTheRest() throws {
        let people = Self.directory(count: 3_000, seed: 16)
        let store = try Self.workspace(people)
        let all = try #require(try store.searchPeople("associate"))
        let first = try #require(try store.searchPeople("associate", limit: 10))
        #expect(first.total == all.total)
        #expect(first.people == Array(all.people.prefix(10)))
        #expect(first.isFullyRanked)
    }

    /// Ranking by hand: exact (name, title, organization, email, id), then whole words, then prefixes.
    @Test func exactMatchesComeFirstThenWholeWordsThenPrefixes() throws {
        let store = try Self.workspace([
            Person(id: "a", firstName: "Chris", lastName: "Partner", title: "Senior Partner"),
            Person(id: "b", firstName: "Ana", lastName: "Lee", title: "Partnership Lead"),
            Person(id: "c", firstName: "Ana", lastName: "Ruiz", title: "Partner"),
            Person(id: "d", firstName: "Partner", lastName: ""),
            Person(id: "e", firstName: "Zoë", lastName: "Ng", emails: ["Zoe.Ng@Example.com"], organization: "Partner LLP"),
        ])
        // c's title and d's name are "partner"; e's organization is "Partner LLP" (key "partner");
        // a holds the word; b only a word starting with it.
        #expect(try store.searchPeople("partner")?.people.map(\.id) == ["c", "d", "e", "a", "b"])
        #expect(try store.searchPeople("zoe.ng@example.com")?.people.map(\.id) == ["e"])
        #expect(try store.searchPeople("ZOE ng")?.people.map(\.id) == ["e"])
        #expect(try store.searchPeople("part", limit: 2)?.people.map(\.id) == ["a", "b"])
        #expect(try store.searchPeople("—")?.total == 0)
    }

    @Test func organizationsMatchByNormalizedName() throws {
        let store = try Self.workspace([
            Person(id: "a", firstName: "A", organization: "Wilson & Okafor LLP"),
            Person(id: "b", firstName: "B", organization: "wilson and okafor"),
            Person(id: "c", firstName: "C", organization: "Wilson Okafor Partners"),
            Person(id: "d", firstName: "Wilson", lastName: "Okafor"),
            Person(id: "e", firstName: "E", organization: "O'Neil, P.C."),
        ])
        #expect(try store.people(atOrganization: "Wilson and Okafor, L.L.P.")?.map(\.id) == ["a", "b"])
        #expect(try store.people(atOrganization: "ONeil")?.map(\.id) == ["e"])
        #expect(try store.people(atOrganization: "Okafor") == nil)
        #expect(try store.searchPeople("wilson", organization: "Wilson & Okafor")?.people.map(\.id) == ["a", "b"])
        #expect(try store.searchPeople("x", organization: "Nobody Inc") == nil)
    }

    @Test func lookUpResolvesIdEmailProfileAndNameAndProposesTheClosestName() throws {
        let store = try Self.workspace([
            Person(id: "me", firstName: "Avery", lastName: "Lind"),
            Person(id: "k1", firstName: "Kenji", lastName: "Ferreira", emails: ["kenji@greaves.example"]),
            Person(id: "m1", firstName: "Maria", lastName: "Chen", profileURL: "https://www.linkedin.com/in/maria-chen/"),
            Person(id: "m2", firstName: "María", lastName: "Chen"),
            Person(id: "z1", firstName: "Zoë", lastName: "O'Neil"),
            Person(id: "j1", firstName: "James", lastName: "Smith"),
        ])
        #expect(try store.lookUpPerson("k1") == .found("k1"))
        #expect(try store.lookUpPerson("KENJI@greaves.example") == .found("k1"))
        #expect(try store.lookUpPerson("linkedin.com/in/maria-chen") == .found("m1"))
        #expect(try store.lookUpPerson("zoe oneil") == .found("z1"))
        #expect(try store.lookUpPerson("maria chen") == .ambiguous(["m1", "m2"]))
        // Fereira → Ferreira is one insertion; Kenj → Kenji one; both words misspelt in their first
        // two letters ("Xenji Verreira") is out of reach of the index's candidates.
        #expect(try store.lookUpPerson("Kenji Fereira") == .notFound(closestName: "Kenji Ferreira"))
        #expect(try store.lookUpPerson("Kenj Ferreira") == .notFound(closestName: "Kenji Ferreira"))
        #expect(try store.lookUpPerson("Zoe ONiel") == .notFound(closestName: "Zoë O'Neil"))
        #expect(try store.lookUpPerson("Xenji Verreira") == .notFound(closestName: nil))
        // Jmes → James one insertion, Smiht → Smith two substitutions: 3 ≤ max(2, ⌊10 / 3⌋).
        #expect(try store.lookUpPerson("Jmes Smiht") == .notFound(closestName: "James Smith"))
        #expect(try store.lookUpPerson("Somebody Else") == .notFound(closestName: nil))
    }

    @Test func writesKeepTheIndexCurrent() throws {
        let store = try Self.workspace([Person(id: "a", firstName: "Noël", lastName: "Smith", title: "Associate")])
        #expect(try store.searchPeople("noel")?.total == 1)
        try store.apply(
            people: [Person(id: "a", firstName: "Björn", lastName: "Smith", title: "Associate")], ties: [],
            interactions: [], introductions: [])
        #expect(try store.searchPeople("noel")?.total == 0)
        #expect(try store.searchPeople("bjorn")?.people.map(\.id) == ["a"])
        // Re-writing the same person changes nothing, and the index stays consistent.
        try store.apply(
            people: [Person(id: "a", firstName: "Björn", lastName: "Smith", title: "Associate")], ties: [],
            interactions: [], introductions: [])
        #expect(try store.searchPeople("smith")?.total == 1)
        try store.write(changesNetwork: false) { db in
            try db.execute(sql: "INSERT INTO person_search(person_search, rank) VALUES ('integrity-check', 1)")
        }
    }

    /// A bulk write fills the index in one statement after its rows, with the insert trigger
    /// dropped for its transaction: people written in bulk, one by one afterwards, renamed, or in
    /// a bulk write that both adds and updates are all found, and a failed bulk write leaves the
    /// trigger in place.
    @Test func bulkWritesAndSingleWritesAreBothFound() throws {
        let bulk = Workspace.bulkIndexThreshold + 200
        func person(_ i: Int, first: String) -> Person {
            Person(id: String(format: "b%05d", i), firstName: first, lastName: "Bulkley\(i)", organization: "Acme LLP")
        }
        let store = try Self.workspace((0..<bulk).map { person($0, first: "Ingrid") })
        #expect(try store.searchPeople("ingrid")?.total == bulk)
        #expect(try store.searchPeople("bulkley1199")?.people.map(\.id) == ["b01199"])
        // One by one afterwards, through the trigger.
        try store.apply(people: [Person(id: "solo", firstName: "Zoë", lastName: "Quist")], ties: [], interactions: [], introductions: [])
        #expect(try store.searchPeople("zoe quist")?.people.map(\.id) == ["solo"])
        // A rename of a person written in bulk is reflected.
        try store.apply(people: [person(17, first: "Solveig")], ties: [], interactions: [], introductions: [])
        #expect(try store.searchPeople("solveig")?.people.map(\.id) == ["b00017"])
        #expect(try store.searchPeople("ingrid")?.total == bulk - 1)
        // A bulk write that renames everyone already stored and adds as many again.
        let mixed = (0..<2 * bulk).map { person($0, first: "Astrid") }
        try store.apply(people: mixed, ties: [], interactions: [], introductions: [])
        #expect(try store.searchPeople("astrid")?.total == 2 * bulk)
        #expect(try store.searchPeople("ingrid")?.total == 0)
        #expect(try store.searchPeople("solveig")?.total == 0)
        #expect(try store.searchPeople("bulkley2399")?.people.map(\.id) == [String(format: "b%05d", 2399)])
        // A bulk write naming one new id twice (the second row updates the first) indexes the last.
        var twice = (0..<bulk).map { Person(id: "t\($0)", firstName: "Tove", lastName: "Twice\($0)") }
        twice.append(Person(id: "t5", firstName: "Greta", lastName: "Twice5"))
        try store.apply(people: twice, ties: [], interactions: [], introductions: [])
        #expect(try store.searchPeople("greta")?.people.map(\.id) == ["t5"])
        #expect(try store.searchPeople("tove")?.total == bulk - 1)
        try store.write(changesNetwork: false) { db in
            try db.execute(sql: "INSERT INTO person_search(person_search, rank) VALUES ('integrity-check', 1)")
        }
        // A bulk write that fails (a tie to nobody) writes nothing and keeps the trigger.
        #expect(throws: StoreError.self) {
            try store.apply(
                people: (0..<bulk).map { Person(id: "x\($0)", firstName: "Hedda") },
                ties: [Tie("x1", "nobody", kind: .friend)], interactions: [], introductions: [])
        }
        #expect(try store.searchPeople("hedda")?.total == 0)
        try store.apply(people: [Person(id: "late", firstName: "Hedda", lastName: "Late")], ties: [], interactions: [], introductions: [])
        #expect(try store.searchPeople("hedda")?.people.map(\.id) == ["late"])
        try store.write(changesNetwork: false) { db in
            #expect(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
                == ["person_search_delete", "person_search_insert", "person_search_update"])
            try db.execute(sql: "INSERT INTO person_search(person_search, rank) VALUES ('integrity-check', 1)")
        }
    }

    @Test func theMigrationIndexesPeopleWrittenBeforeIt() throws {
        let path = Self.temporaryPath()
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v3-evidence")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO person (id, first_name, last_name, title, seq) VALUES ('old', 'Chloé', 'Dubois', 'Partner', 1)")
        }
        let store = try Workspace.open(at: path)
        #expect(try store.searchPeople("chloe dubois")?.people.map(\.id) == ["old"])
    }

    /// `v5-search-merge` sets FTS5's `automerge` to 16 in the index's configuration (the default,
    /// 4, has no row there), in a workspace made before it and in a new one; the index still
    /// answers and passes FTS5's own check.
    @Test func theIndexMergesSixteenSegmentsALevel() throws {
        let path = Self.temporaryPath()
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v4-search")
        let automerge = "SELECT v FROM person_search_config WHERE k = 'automerge'"
        try queue.write { db in
            #expect(try Int.fetchOne(db, sql: automerge) == nil)
            try db.execute(
                sql: "INSERT INTO person (id, first_name, last_name, title, seq) VALUES ('old', 'Chloé', 'Dubois', 'Partner', 1)")
        }
        try queue.close()
        for store in [try Workspace.open(at: path), try Workspace.create(at: Self.temporaryPath()).0] {
            try store.write(changesNetwork: false) { db in
                #expect(try Int.fetchOne(db, sql: automerge) == 16)
                try db.execute(sql: "INSERT INTO person_search(person_search, rank) VALUES ('integrity-check', 1)")
            }
        }
        #expect(try Workspace.open(at: path).searchPeople("chloe dubois")?.people.map(\.id) == ["old"])
    }
}

/// `ASCIIKey` must say what comparing the built keys says; cases by hand.
@Suite struct ASCIIKeyTests {
    @Test func comparesLikeTheBuiltKey() {
        func key(_ s: String) -> [UInt8] { Array(s.utf8) }
        #expect(ASCIIKey.compare("Gary  Riley", to: key("gary riley")) == .equal)
        #expect(ASCIIKey.compare("O'Neil, P.C.", to: key("oneil pc")) == .equal)
        #expect(ASCIIKey.compare("Sullivan & Miller LLP", to: key("sullivan and miller")) == .extends)
        #expect(ASCIIKey.compare("Sullivan&Miller", to: key("sullivan and miller")) == .equal)
        #expect(ASCIIKey.compare("Gary Rileyson", to: key("gary riley")) == .differs)
        #expect(ASCIIKey.compare("Gary", to: key("gary riley")) == .differs)
        #expect(ASCIIKey.compare("Mary Riley", to: key("gary riley")) == .differs)
        #expect(ASCIIKey.compare("Zoë Ng", to: key("zoe ng")) == .notASCII)
        #expect(ASCIIKey.compare("Gary Riley Zoë", to: key("gary")) == .notASCII)
        #expect(ASCIIKey.compare("--", to: key("")) == .equal)
    }
}
