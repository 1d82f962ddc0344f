import Foundation
import RapportStore
import RapportTestSupport
import Testing

@testable import Rapport

/// The snapshot file, written and read by the store: what goes in comes back, and a damaged, stale
/// or missing file is reported, never trusted.
@Suite struct SnapshotFileTests {
    /// A network with the strings that break serializers: quotes, commas, emoji, combining marks,
    /// HTML and DOT syntax, empty and missing fields, several emails and sectors, aliases.
    static func trickyNetwork() throws -> NetworkSnapshot {
        var b = NetworkBuilder()
        try b.add(Person(id: "me", firstName: "Avery", lastName: "Lindqvist", organization: "Halvorsen Law School", sectors: ["education"]))
        try b.add(Person(
            id: "p\"1", firstName: "Zoë", lastName: "O'Brien, \"Jr.\"", emails: ["Zoe@Example.com", "zob@home.org"],
            profileURL: "https://www.linkedin.com/in/zoe-obrien/", organization: "Wilson & Okafor LLP",
            title: "Partner <b>IP</b>", sectors: ["intellectual property", "litigation"], schools: ["Georgetown Law"],
            location: "Washington, DC", tags: ["alumni", "🎓"], notes: ["met at \"IP day\"", "line\nbreak"]))
        try b.add(Person(id: "p2", firstName: "", lastName: "", organization: "Wilson & Okafor, L.L.P.", title: ""))
        try b.add(Person(id: "日本-3", firstName: "Ренат", lastName: "digraph { a -> b }", emails: [""], organization: "  ", location: nil))
        try b.add(Person(id: "p4", firstName: "Sam", lastName: "Ito", organization: "Halvorsen Law School"))
        try b.add(Tie("me", "p\"1", kind: .mentor, since: Day(iso: "2019-03-04")))
        try b.add(Tie("p\"1", "p2", kind: .colleague))
        try b.add(Tie("日本-3", "p2", kind: .friend, since: Day(iso: "2001-01-01"), origin: .contact))
        try b.add(Interaction(date: Day(iso: "2026-10-01")!, personID: "p2", kind: .coffee, minutes: 45, rapport: 4, initiatedBy: .me, notes: "\"great\", <3"))
        try b.add(Interaction(date: Day(iso: "2026-09-01")!, personID: "p\"1", kind: .event, isOneOnOne: false))
        try b.add(Introduction(date: Day(iso: "2026-10-05"), introducerID: "p\"1", personID: "p2", status: .made))
        try b.add(Introduction(date: nil, introducerID: "p2", personID: "日本-3", status: .requested))
        return try b.freeze()
    }

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString)").path
    }

    static func expectEqual(_ a: NetworkSnapshot, _ b: NetworkSnapshot) {
        #expect(Array(a.people) == Array(b.people))
        #expect(a.people == b.people)
        #expect(Array(a.ties) == Array(b.ties))
        #expect(a.ties.endpoints == b.ties.endpoints)
        #expect(a.graph.offsets == b.graph.offsets)
        #expect(a.graph.neighbors == b.graph.neighbors)
        #expect(a.graph.incidentEdges == b.graph.incidentEdges)
        #expect(a.organizations == b.organizations)
        #expect(a.organizationIndex == b.organizationIndex)
        #expect(a.interactions == b.interactions)
        #expect(a.interactionIndex == b.interactionIndex)
        #expect(a.introductions == b.introductions)
        #expect(a.selfIndex == b.selfIndex)
    }

    @Test func everyFieldSurvivesTheRoundTrip() throws {
        let original = try Self.trickyNetwork()
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try original.write(toFile: path, key: "k/1")
        let read = try NetworkSnapshot(contentsOfFile: path, key: "k/1")
        Self.expectEqual(original, read)
        // Lookups work on the read copy as on the original.
        for reference in ["p\"1", "zoe@example.com", "linkedin.com/in/zoe-obrien", "Zoe O'Brien, \"Jr.\"", "日本-3", "p2"] {
            #expect((try? read.resolve(reference)) == (try? original.resolve(reference)), "\(reference)")
        }
        #expect(read.index(ofEmail: "ZOB@HOME.ORG") == read.index(ofID: "p\"1"))
        #expect(read.organization(named: "wilson & okafor") == original.organization(named: "wilson & okafor"))
        #expect(read.organizations.flatMap(\.aliases) == ["Wilson & Okafor, L.L.P."])
        // The strengths computed from it are the same, to the bit.
        let model = StrengthModel(configuration: .default)
        let day = Day(iso: "2026-11-01")!
        #expect(model.strengths(in: read, asOf: day).values == model.strengths(in: original, asOf: day).values)
    }

    @Test func theFileIsPrivateAndReplacedAtomically() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let snapshot = try Self.trickyNetwork()
        try snapshot.write(toFile: path, key: "a")
        try snapshot.write(toFile: path, key: "b")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
            $0.hasPrefix(URL(fileURLWithPath: path).lastPathComponent + ".tmp")
        }
        #expect(leftovers.isEmpty)
        #expect(throws: SnapshotFileError.stale) { try NetworkSnapshot(contentsOfFile: path, key: "a") }
        #expect((try? NetworkSnapshot(contentsOfFile: path, key: "b")) != nil)
    }

    @Test func aMissingFileOrFolderIsReported() throws {
        #expect(throws: SnapshotFileError.missing) { try NetworkSnapshot(contentsOfFile: Self.temporaryPath(), key: "k") }
        let snapshot = try Self.trickyNetwork()
        #expect(throws: SnapshotFileError.self) { try snapshot.write(toFile: "/nonexistent-folder/x", key: "k") }
    }

    @Test func everyTruncationIsReportedAsDamage() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.trickyNetwork().write(toFile: path, key: "k")
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        // Past the header (magic, version, key), any cut leaves a file that is short of something.
        for length in stride(from: 8 * 3 + 1, to: whole.count, by: 7) {
            try whole.prefix(length).write(to: URL(fileURLWithPath: path))
            do {
                _ = try NetworkSnapshot(contentsOfFile: path, key: "k")
                Issue.record("a file cut at \(length) of \(whole.count) bytes was accepted")
            } catch {
                guard case .corrupt = error else { Issue.record("cut at \(length): \(error)"); continue }
            }
        }
    }

    @Test func damagedBytesNeverCrashAndRarelyPass() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let original = try Self.trickyNetwork()
        try original.write(toFile: path, key: "k")
        let whole = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var generator = SplitMix64(seed: 42)
        var rejected = 0
        for _ in 0..<400 {
            var damaged = whole
            for _ in 0..<(1 + Int(generator.next() % 3)) {
                let at = 32 + Int(generator.next() % UInt64(damaged.count - 32))
                damaged[at] ^= UInt8(truncatingIfNeeded: generator.next() | 1)
            }
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            do {
                // Accepted damage can only have changed string contents or small values; reading
                // it must still give a snapshot whose every index is in range.
                let read = try NetworkSnapshot(contentsOfFile: path, key: "k")
                _ = Array(read.people)
                _ = Array(read.ties)
                _ = StrengthModel(configuration: .default).strengths(in: read, asOf: Day(iso: "2026-11-01")!)
            } catch {
                rejected += 1
            }
        }
        // Most flips hit a length, an offset or a code and are caught.
        #expect(rejected > 100)
    }
}
