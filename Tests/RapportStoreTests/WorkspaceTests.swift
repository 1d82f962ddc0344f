import Foundation
import GRDB
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
            notes: "Said \"call me\", then left")
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
