import Foundation
import GRDB
import Rapport
import Testing
@testable import RapportStore

@Suite struct WorkspaceTests {
    func temporaryPath() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-store-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent("rapport.db").path
    }

    func sampleData() -> NetworkData {
        let me = Person(id: "me", firstName: "Alex", lastName: "Rivera")
        let odd = Person(
            id: "p1", firstName: "Robert \"Bobby\"", lastName: "O'Neil\\", emails: ["bobby@example.com"],
            organization: "Baker, Lowe & Finch LLP", title: "<b>Partner</b>", sectors: ["intellectual property", "a,b;c"],
            schools: ["Halvorsen Law"], location: "New York, NY", tags: ["\u{1B}[31mred"], notes: ["line one\nline two", "emoji 👩‍⚖️ \u{202E}rtl"])
        let tie = Tie("p1", "me", kind: .mentor, since: Day(iso: "2024-05-01"))
        let interaction = Interaction(
            date: Day(iso: "2026-10-01")!, personID: "p1", kind: .coffee, minutes: 45, rapport: 5, initiatedBy: .them,
            notes: "Said \"call me\", then left", sourceKey: "native:test#1")
        let intro = Introduction(date: Day(iso: "2026-10-02"), introducerID: "p1", personID: "me", toID: "me", status: .made)
        return NetworkData(people: [me, odd], ties: [tie], interactions: [interaction], introductions: [intro])
    }

    @Test func createsTheFileReadableByItsOwnerOnly() throws {
        let path = temporaryPath()
        let (_, created) = try Workspace.create(at: path)
        #expect(created)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func roundTripsEveryFieldUnharmed() throws {
        let path = temporaryPath()
        let (store, _) = try Workspace.create(at: path)
        var data = sampleData()
        data.introductions = []
        try store.apply(people: data.people, ties: data.ties, interactions: data.interactions, introductions: [])
        let loaded = try store.loadNetwork()
        #expect(loaded.people == data.people)
        #expect(loaded.ties == data.ties)
        #expect(loaded.interactions == data.interactions)
    }

    @Test func theSameInteractionTwiceIsStoredOnce() throws {
        let (store, _) = try Workspace.create(at: temporaryPath())
        let data = sampleData()
        try store.apply(people: data.people, ties: [], interactions: data.interactions, introductions: [])
        let again = try store.apply(people: [], ties: [], interactions: data.interactions, introductions: [])
        #expect(again.interactions == 0)
        #expect(try store.counts().interactions == 1)
    }

    @Test func aFailedWriteLeavesTheFileByteIdentical() throws {
        let path = temporaryPath()
        let (store, _) = try Workspace.create(at: path)
        let data = sampleData()
        try store.apply(people: data.people, ties: data.ties, interactions: [], introductions: [])
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let generation = try store.generation()
        // The last tie names a person who does not exist: the foreign key fails at commit.
        let bad = [Tie("me", "p1", kind: .friend), Tie("me", "ghost", kind: .friend)]
        #expect(throws: StoreError.self) {
            try store.apply(people: [Person(id: "p9")], ties: bad, interactions: [], introductions: [])
        }
        #expect(try store.loadNetwork().people.count == 2)
        #expect(try store.generation() == generation)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func refusesAWorkspaceFromANewerRapportAndLeavesItAlone() throws {
        let path = temporaryPath()
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue)
            try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')") }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect {
            _ = try Workspace.open(at: path)
        } throws: { error in
            guard case StoreError.schemaTooNew(_, let unknown) = error else { return false }
            return unknown == ["v9-future"] && "\(error)".contains("newer version of Rapport")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aMissingWorkspaceSaysHowToCreateOne() {
        #expect {
            _ = try Workspace.open(at: "/nonexistent/rapport.db")
        } throws: { error in
            "\(error)" == "no workspace at /nonexistent/rapport.db — run `rapport init` or pass --db"
        }
    }

    @Test func aFileThatIsNotSQLiteIsRefused() throws {
        let path = temporaryPath()
        try Data("id,name\n1,x\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { _ = try Workspace.open(at: path) }
    }

    /// `apply` checks references itself (SQLite's per-row foreign key checks are off during it):
    /// ids already stored resolve, unknown ones in any table fail the whole write.
    @Test func referencesResolveToStoredPeopleAndUnknownOnesFailEveryTable() throws {
        let path = temporaryPath()
        let (store, _) = try Workspace.create(at: path)
        try store.apply(people: [Person(id: "me"), Person(id: "p1")], ties: [], interactions: [], introductions: [])
        // p1 is stored, p2 comes in this write.
        try store.apply(people: [Person(id: "p2")], ties: [Tie("p2", "p1", kind: .friend)], interactions: [], introductions: [])
        let day = Day(iso: "2026-01-02")!
        let writes: [() throws -> Void] = [
            { try store.apply(people: [], ties: [Tie("me", "ghost", kind: .friend)], interactions: [], introductions: []) },
            { try store.apply(people: [], ties: [], interactions: [Interaction(date: day, personID: "ghost", kind: .coffee)], introductions: []) },
            { try store.apply(people: [], ties: [], interactions: [], introductions: [Introduction(date: nil, introducerID: "p1", personID: "ghost", toID: "me", status: .made)]) },
        ]
        for write in writes {
            #expect(throws: StoreError.self) { try write() }
        }
        #expect(try store.counts().ties == 1)
        #expect(try store.counts().interactions == 0)
        // Enforcement is back on for other writes on the connection.
        let enforced = try store.queue.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") }
        #expect(enforced == 1)
    }

    /// Ties are written in key order computed from interned ids: the stored low/high sides follow
    /// SQLite's byte order (also outside ASCII), and a pair given twice keeps the last one.
    @Test func tieKeysFollowByteOrderAndTheLastDuplicateWins() throws {
        let (store, _) = try Workspace.create(at: temporaryPath())
        let ids = ["me", "Zoë", "zoe", "élan", "陈静", "a", ""]
        try store.apply(people: ids.map { Person(id: $0) }, ties: [], interactions: [], introductions: [])
        var ties: [Tie] = []
        for a in ids { for b in ids where a != b && !b.isEmpty && !a.isEmpty { ties.append(Tie(a, b, kind: .friend)) } }
        ties.append(Tie("zoe", "a", kind: .mentor, since: Day(iso: "2020-02-29")))
        try store.apply(people: [], ties: ties, interactions: [], introductions: [])
        let stored = try store.loadNetwork().ties
        #expect(stored.count == 15)
        let last = stored.first { $0.pair == TiePair("a", "zoe") }
        #expect(last?.kind == .mentor)
        #expect(last?.since == Day(iso: "2020-02-29"))
        #expect(last?.personA == "zoe")
        let rows = try store.queue.read { db in try Row.fetchAll(db, sql: "SELECT person_low, person_high FROM tie") }
        for row in rows {
            let (low, high): (String, String) = (row[0], row[1])
            #expect(low.utf8.lexicographicallyPrecedes(high.utf8))
        }
    }

    /// Text is bound from a per-row scratch buffer; a row larger than it falls back to SQLite's
    /// own copies, and both kinds of binding round-trip.
    @Test func rowsLargerThanTheBindScratchRoundTrip() throws {
        let (store, _) = try Workspace.create(at: temporaryPath())
        let big = String(repeating: "é and ✓ ", count: 20_000)
        let people = [
            Person(id: "me", firstName: "Alex"),
            Person(id: "p1", firstName: "Big", notes: [big, "after"]),
            Person(id: "p2", firstName: "Small", lastName: "Row", notes: ["short"]),
        ]
        try store.apply(people: people, ties: [Tie("p1", "p2", kind: .friend, since: Day(iso: "2021-03-04"))], interactions: [], introductions: [])
        let loaded = try store.loadNetwork()
        #expect(loaded.people == people)
        #expect(loaded.ties.first?.since == Day(iso: "2021-03-04"))
    }

    @Test func listColumnsSurviveEscapes() throws {
        let lists = [
            [], ["plain"], ["a\"b", "c\\d", "e\nf", "\u{1}", "é 陈静 👩‍⚖️"],
            // The fast path for lists without escapes: empty items, commas, brackets and
            // the separator's look-alikes inside items.
            [""], ["", ""], ["a,b", "[c]", "d\",\"e"], ["x", "", "y"], ["🎓", "陈静"],
        ]
        for list in lists {
            #expect(try Coding.list(Coding.text(list)) == list)
        }
        #expect(try Coding.list(#"["a","b"]"#) == ["a", "b"])
        #expect(throws: StoreError.self) { try Coding.list(#"["a""b"]"#) }
        #expect(throws: StoreError.self) { try Coding.list(#"["a","#) }
    }
}
