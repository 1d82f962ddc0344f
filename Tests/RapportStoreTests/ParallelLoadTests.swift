import Foundation
import RapportTestSupport
import Testing

@testable import Rapport
@testable import RapportStore

/// `Workspace.loadSnapshot` reads the tie table in two key ranges on connections of their own
/// from 50,000 people up; below, on one. Both must give the network `NetworkBuilder` makes from
/// `loadNetwork()`'s plain rows, edge for edge.
@Suite struct ParallelLoadTests {
    /// 3,000 people with ids of mixed shapes (so the split key falls between unlike ids), 9,000
    /// random ties in both orientations, a few interactions and introductions.
    static func workspace(seed: UInt64) throws -> Workspace {
        var random = SplitMix64(seed: seed)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parallel-\(UUID().uuidString).db")
            .path
        let (store, _) = try Workspace.create(at: path)
        let prefixes = ["p", "alum-", "Zoë", "x", "10"]
        let people = (0..<3_000).map { i in
            Person(
                id: i == 0 ? Person.selfID : "\(prefixes[i % prefixes.count])\(i)", firstName: "F\(i)",
                organization: "Org \(i % 40)")
        }
        var pairs = Set<[Int]>()
        var ties: [Tie] = []
        while ties.count < 9_000 {
            let a = Int(random.next() % 3_000), b = Int(random.next() % 3_000)
            guard a != b, pairs.insert([min(a, b), max(a, b)]).inserted else { continue }
            ties.append(
                Tie(
                    people[a].id, people[b].id, kind: TieKind.allCases[Int(random.next() % 7)],
                    since: random.next() % 2 == 0 ? nil : Day(ordinal: Int32(19_000 + random.next() % 900))))
        }
        let interactions = (1..<40).map { i in
            Interaction(
                date: Day(ordinal: Int32(20_000 + i)), personID: people[i * 7].id, kind: .coffee, notes: "n\(i)")
        }
        let introductions = (1..<10).map { i in
            Introduction(date: nil, introducerID: people[i].id, personID: people[i + 100].id, status: .requested)
        }
        try store.apply(people: people, ties: ties, interactions: interactions, introductions: introductions)
        return store
    }

    @Test(arguments: [1, 2] as [UInt64])
    func twoConnectionsReadTheNetworkOneReads(seed: UInt64) throws {
        let store = try Self.workspace(seed: seed)
        let parallel = try store.loadSnapshot(parallelFrom: 1)
        let serial = try store.loadSnapshot(parallelFrom: .max)
        let plain = try NetworkSnapshot(try store.loadNetwork())
        #expect(parallel.key == serial.key && parallel.key != nil)
        for expected in [serial.snapshot, plain] {
            SnapshotFileTests.expectEqual(parallel.snapshot, expected)
            #expect(parallel.snapshot.ties.sinceOrdinals == expected.ties.sinceOrdinals)
            #expect(parallel.snapshot.ties.kindCodes == expected.ties.kindCodes)
        }
        // The stored ties come first, then ties implied by interactions and the inferred colleagues.
        #expect(try store.loadNetwork().ties.count == 9_000 && parallel.snapshot.graph.edgeCount > 9_000)
        // The split really cut the table in two non-empty ranges.
        let split = try #require(try store.read { db in try Workspace.tieSplit(db, personCount: 3_000) })
        let below = (0..<9_000).filter { e in
            let t = parallel.snapshot.ties[e]
            return TiePair(t.personA, t.personB).low.utf8.lexicographicallyPrecedes(split.utf8)
        }.count
        #expect(below > 1_000 && below < 8_000, "\(below) of 9,000 ties below the split")
    }

    /// `loadNetwork` reads the people in ranges and the ties in two halves on connections of their
    /// own from 50,000 people up: the same rows in the same order as one connection's.
    @Test(arguments: [1, 2] as [UInt64])
    func theNetworkReadInPartsIsTheNetworkReadAtOnce(seed: UInt64) throws {
        let store = try Self.workspace(seed: seed)
        let parallel = try store.loadNetwork(parallelFrom: 1)
        let serial = try store.loadNetwork(parallelFrom: .max)
        #expect(parallel.people.count == 3_000 && parallel.ties.count == 9_000)
        #expect(parallel.people == serial.people)
        #expect(parallel.ties == serial.ties)
        #expect(parallel.interactions == serial.interactions)
        #expect(parallel.introductions == serial.introductions)
    }

    /// Without the ties, both ways read the same people, interactions and introductions, and no tie.
    @Test func theNetworkWithoutTiesIsTheNetworkLessItsTies() throws {
        let store = try Self.workspace(seed: 3)
        let whole = try store.loadNetwork(parallelFrom: .max)
        #expect(whole.ties.count == 9_000)
        for parallelFrom in [1, Int.max] {
            let read = try store.loadNetwork(parallelFrom: parallelFrom, ties: false)
            #expect(read.ties.isEmpty)
            #expect(read.people == whole.people)
            #expect(read.interactions == whole.interactions)
            #expect(read.introductions == whole.introductions)
        }
    }
}
