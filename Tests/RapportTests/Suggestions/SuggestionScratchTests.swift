import Testing

@testable import Rapport
import RapportTestSupport

/// `suggest` reuses one `SuggestionScratch` per concurrent call and scores a cold candidate only
/// while its bound can beat the selection's worst kept score (by a scan on an engine's first call,
/// through `ColdCandidateOrder` after). All must be invisible: the same suggestions as with fresh
/// arrays for every call, and the same as ranking every candidate exactly (`top: 0`, no pruning)
/// and then applying the per-organization cap by hand.
@Suite struct SuggestionScratchTests {
    /// 300 people at 12 organizations, titles from intern to partner, a few sectors and schools, and
    /// about 450 random ties: most people are more than two hops from any ego, so most candidates
    /// are cold and the pruning has work to do.
    static func network(seed: UInt64) throws -> (SuggestionEngine, [Int32]) {
        var random = SplitMix64(seed: seed)
        var net = SuggestionTestNetwork()
        let titles = ["Intern", "Associate", "Senior Associate", "Counsel", "Partner", "Managing Partner", "Paralegal"]
        let sectors = ["intellectual property", "tax", "litigation", "technology transactions"]
        let schools = ["Georgetown Law", "Howard Law", "GW Law"]
        let ids = (0..<300).map { "p\($0)" }
        for id in ids {
            let org = Int.random(in: 0..<14, using: &random)
            net.person(
                id, "Person \(id)", org: org < 12 ? "Firm \(org)" : nil,
                title: titles[Int.random(in: 0..<titles.count, using: &random)],
                sectors: [sectors[Int.random(in: 0..<sectors.count, using: &random)]],
                schools: Int.random(in: 0..<4, using: &random) == 0
                    ? [schools[Int.random(in: 0..<3, using: &random)]] : [])
        }
        var pairs: Set<String> = []
        for _ in 0..<450 {
            let a = Int.random(in: 0...300, using: &random), b = Int.random(in: 0...300, using: &random)
            let x = a == 300 ? "me" : ids[a], y = b == 300 ? "me" : ids[b]
            guard x != y, pairs.insert(min(x, y) + "|" + max(x, y)).inserted else { continue }
            net.tie(x, y, 0.03 + Double(Int.random(in: 0..<95, using: &random)) / 100)
        }
        // Exclusions and penalties for the user: an interview last month, a pending introduction.
        net.interactions.append(
            Interaction(
                date: SuggestionTestNetwork.today.adding(days: -30), personID: "p1", kind: .informationalInterview))
        net.introductions.append(
            Introduction(
                date: SuggestionTestNetwork.today.adding(days: -5), introducerID: "p3", personID: "p2",
                status: .requested))
        let (engine, me) = try net.engine()
        var egos: [Int32] = [me, me]
        for _ in 0..<40 { egos.append(Int32(Int.random(in: 0..<engine.snapshot.personCount, using: &random))) }
        return (engine, egos)
    }

    static let goals = [Goal(), Goal(sectors: ["intellectual property"]), Goal(keywords: ["partner"])]

    @Test(arguments: [UInt64(1), 2, 3])
    func reusedScratchAndPruningGiveTheSuggestionsOfAFullRanking(seed: UInt64) throws {
        let (engine, egos) = try Self.network(seed: seed)
        var compared = 0
        for (i, ego) in egos.enumerated() {
            let goal = Self.goals[i % Self.goals.count]
            let top = [1, 5, 10, 40][i % 4]
            let cap = [0, 1, 2][i % 3]
            let maxHops = [2, 3][i % 2]
            // The engine's pooled scratch, reused from the previous ego.
            let reused = try engine.suggest(for: ego, goal: goal, top: top, maxHops: maxHops, perOrganization: cap)
            // Fresh arrays for this call only.
            let fresh = engine.suggest(
                for: ego, goal: goal, top: top, maxHops: maxHops, perOrganization: cap,
                scratch: SuggestionScratch(nodeCount: engine.snapshot.personCount))
            #expect(reused == fresh, "ego \(ego), goal \(i % Self.goals.count)")
            // Every candidate scored and sorted, then the cap walked by hand.
            let all = try engine.suggest(for: ego, goal: goal, top: 0, maxHops: maxHops, perOrganization: 0)
            var perOrganization: [String: Int] = [:]
            var expected: [Suggestion] = []
            for s in all where expected.count < top {
                if cap > 0, let o = s.organization {
                    if perOrganization[o, default: 0] >= cap { continue }
                    perOrganization[o, default: 0] += 1
                }
                expected.append(s)
            }
            #expect(reused == expected, "ego \(ego), goal \(i % Self.goals.count), top \(top), cap \(cap)")
            // With the heap as small as the request allows, the pruning alone decides who is kept.
            let tight = engine.suggest(
                for: ego, goal: goal, top: top, maxHops: maxHops, perOrganization: cap,
                scratch: SuggestionScratch(nodeCount: engine.snapshot.personCount), smallestM: 1)
            #expect(
                tight == expected, "smallest heap: ego \(ego), goal \(i % Self.goals.count), top \(top), cap \(cap)")
            // A new engine's first call scans everyone with the bound instead of the order.
            let single = try SuggestionEngine(
                snapshot: engine.snapshot, strengths: engine.strengths, configuration: engine.configuration,
                asOf: engine.asOf, synonyms: engine.synonyms)
            let scanned = single.suggest(
                for: ego, goal: goal, top: top, maxHops: maxHops, perOrganization: cap,
                scratch: SuggestionScratch(nodeCount: engine.snapshot.personCount), smallestM: 1)
            #expect(scanned == expected, "first call: ego \(ego), goal \(i % Self.goals.count), top \(top), cap \(cap)")
            compared += reused.count
        }
        #expect(compared > 300)
    }

    /// A pool whose first scratch was made ahead on the worker pool (`prepare(for:)`, as
    /// `rapport suggest` starts it while the ties are scored), shared by two engines on one
    /// snapshot, gives every call the suggestions of a fresh scratch; preparing again while
    /// scratches are free makes none.
    @Test func aPreparedPoolSharedByTwoEnginesGivesTheSuggestionsOfFreshScratch() throws {
        let (engine, egos) = try Self.network(seed: 4)
        let pool = SuggestionScratchPool()
        pool.prepare(for: engine.snapshot.graph)
        let engines = try (0..<2).map { _ in
            try SuggestionEngine(
                snapshot: engine.snapshot, weights: engine.weights, configuration: engine.configuration,
                asOf: engine.asOf, synonyms: engine.synonyms, scratch: pool)
        }
        for (i, ego) in egos.enumerated() {
            let goal = Self.goals[i % Self.goals.count]
            let pooled = try engines[i % 2].suggest(for: ego, goal: goal, top: 10, maxHops: 3, perOrganization: 2)
            let fresh = engine.suggest(
                for: ego, goal: goal, top: 10, maxHops: 3, perOrganization: 2,
                scratch: SuggestionScratch(nodeCount: engine.snapshot.personCount))
            #expect(pooled == fresh, "ego \(ego), engine \(i % 2)")
            #expect(!fresh.isEmpty)
            pool.prepare(for: engine.snapshot.graph)
        }
        #expect(pool.scratchCount == 1)
    }

    /// The hop-limited search on one reused `SearchResult` (cleared between sources) equals a fresh
    /// search from each source, array by array.
    @Test func aReusedSearchEqualsAFreshOne() throws {
        let (engine, egos) = try Self.network(seed: 7)
        let graph = engine.snapshot.graph
        let weights = engine.weights
        var scratch = SearchResult(nodeCount: graph.nodeCount)
        scratch.recordOfNode = [Int32](repeating: -1, count: graph.nodeCount)
        for (i, source) in egos.enumerated() {
            let hops = 1 + i % 4
            let fresh = MostReliablePaths(checkedGraph: graph, weights: weights, source: source, maxHops: hops)
            do {
                let reused = MostReliablePaths(
                    checkedGraph: graph, weights: weights, source: source, maxHops: hops, scratch: &scratch)
                #expect(reused.distance == fresh.distance)
                #expect(reused.hops == fresh.hops)
                #expect(reused.predecessorNode == fresh.predecessorNode)
                #expect(reused.predecessorEdge == fresh.predecessorEdge)
                #expect(reused.firstHop == fresh.firstHop)
                #expect(reused.reached == fresh.reached)
                for v in reused.reached { #expect(reused.path(to: v) == fresh.path(to: v)) }
            }
            scratch.clear()
            #expect(scratch.distance.allSatisfy { $0 == .infinity })
            #expect(scratch.recordOfNode.allSatisfy { $0 == -1 } && scratch.firstHop.allSatisfy { $0 == -1 })
        }
    }
}
