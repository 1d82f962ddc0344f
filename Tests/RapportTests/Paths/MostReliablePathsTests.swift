import Foundation
import PropertyBased
import Testing

@testable import Rapport

@Suite("Most reliable paths")
struct MostReliablePathsTests {
    /// Builds a graph from (a, b, strength) triples.
    static func graph(_ nodes: Int, _ edges: [(Int32, Int32, Double)]) throws -> (Graph, [Double]) {
        let graph = try Graph(nodeCount: nodes, endpoints: edges.flatMap { [$0.0, $0.1] })
        return (graph, edges.map(\.2))
    }

    @Test func hopLimitFindsTheLongerButShorterInHopsRoute() throws {
        // S=0, A=1, B=2, C=3, T=4, D=5. C is best reached S–A–B–C (0.729, 3 hops), but within 3 hops
        // T is only reachable via S–D–C–T (0.5 · 0.5 · 0.9 = 0.225).
        let (graph, strengths) = try Self.graph(
            6,
            [
                (0, 1, 0.9), (1, 2, 0.9), (2, 3, 0.9), (3, 4, 0.9), (0, 5, 0.5), (5, 3, 0.5),
            ])
        let paths = try MostReliablePaths(graph: graph, strengths: strengths, source: 0, maxHops: 3)
        #expect(abs(paths.reliability(of: 3) - 0.729) < 1e-12)
        #expect(paths.path(to: 3).map(\.node) == [1, 2, 3])
        #expect(abs(paths.reliability(of: 4) - 0.225) < 1e-12)
        #expect(paths.path(to: 4).map(\.node) == [5, 3, 4])
        #expect(paths.hops[4] == 3)
        #expect(paths.firstHop[4] == 5)
        let unlimited = try MostReliablePaths(graph: graph, strengths: strengths, source: 0)
        #expect(abs(unlimited.reliability(of: 4) - 0.6561) < 1e-12)
        #expect(unlimited.path(to: 4).map(\.node) == [1, 2, 3, 4])
    }

    @Test func equalReliabilityPrefersFewerHops() throws {
        // S–T 0.5 directly, or S–A (1.0) then A–T (0.5): both exactly −ln 0.5 long.
        let (graph, strengths) = try Self.graph(3, [(0, 2, 1.0), (2, 1, 0.5), (0, 1, 0.5)])
        for limit in [nil, 3] as [Int?] {
            let paths = try MostReliablePaths(graph: graph, strengths: strengths, source: 0, maxHops: limit)
            #expect(paths.path(to: 1).map(\.node) == [1])
            #expect(paths.hops[1] == 1)
        }
    }

    @Test func equalPathsPreferTheSmallerPredecessor() throws {
        // S=0 reaches T=1 via 3 or via 2, both 0.5 · 1.0; the edge to 3 comes first in the input.
        let (graph, strengths) = try Self.graph(4, [(0, 3, 0.5), (0, 2, 0.5), (3, 1, 1.0), (2, 1, 1.0)])
        for limit in [nil, 2] as [Int?] {
            let paths = try MostReliablePaths(graph: graph, strengths: strengths, source: 0, maxHops: limit)
            #expect(paths.predecessorNode[1] == 2)
            #expect(paths.path(to: 1).map(\.node) == [2, 1])
        }
    }

    @Test func invalidInputThrows() throws {
        let (graph, strengths) = try Self.graph(2, [(0, 1, 0.5)])
        #expect(throws: PathError.unknownNode(2)) {
            try MostReliablePaths(graph: graph, strengths: strengths, source: 2)
        }
        #expect(throws: PathError.invalidHopLimit(0)) {
            try MostReliablePaths(graph: graph, strengths: strengths, source: 0, maxHops: 0)
        }
        #expect(throws: PathError.edgeCountMismatch(expected: 1, actual: 0)) {
            try MostReliablePaths(graph: graph, strengths: [], source: 0)
        }
        #expect(throws: PathError.invalidStrength(edge: 0, value: 0)) {
            try MostReliablePaths(graph: graph, strengths: [0], source: 0)
        }
        #expect(throws: PathError.self) { try MostReliablePaths(graph: graph, strengths: [.nan], source: 0) }
        #expect(throws: PathError.invalidStrength(edge: 0, value: 1.5)) {
            try graph.weightedAdamicAdar(from: 0, strengths: [1.5])
        }
        #expect(PathError.invalidHopLimit(0).description == "the hop limit must be at least 1, got 0")
    }

    /// Large strength arrays are checked in parts on the worker pool, beside their logarithms:
    /// the error still names the first bad edge of the whole array, whichever part finds it.
    @Test func aLargeStrengthArrayReportsItsFirstBadEdge() throws {
        let n = (1 << 18) + 10
        let graph = try Graph(nodeCount: n + 1, endpoints: (0..<Int32(n)).flatMap { [$0, $0 + 1] })
        var strengths = [Double](repeating: 0.5, count: n)
        #expect(try EdgeStrengths.lengths(from: strengths, for: graph).allSatisfy { $0 == -Foundation.log(0.5) })
        strengths[n - 3] = 2
        strengths[n / 2 + 7] = .nan
        strengths[n / 3] = -1
        strengths[40_000] = 0
        #expect(throws: PathError.invalidStrength(edge: 40_000, value: 0)) {
            try EdgeStrengths.lengths(from: strengths, for: graph)
        }
        strengths[40_000] = 0.3
        strengths[n / 3] = 0.3
        strengths[n / 2 + 7] = 0.3
        #expect(throws: PathError.invalidStrength(edge: n - 3, value: 2)) {
            try EdgeStrengths.lengths(from: strengths, for: graph)
        }
    }

    /// Brute force: enumerate every simple path of at most `limit` edges from 0.
    static func bruteForceBest(_ graph: Graph, _ strengths: [Double], limit: Int) -> [Double] {
        var best = [Double](repeating: 0, count: graph.nodeCount)
        best[0] = 1
        var onPath = [Bool](repeating: false, count: graph.nodeCount)
        func walk(_ u: Int32, _ r: Double, _ depth: Int) {
            guard depth < limit else { return }
            onPath[Int(u)] = true
            for h in graph.halfEdges(of: u) {
                let v = graph.neighbors[h]
                guard !onPath[Int(v)] else { continue }
                let rv = r * strengths[Int(graph.incidentEdges[h])]
                best[Int(v)] = max(best[Int(v)], rv)
                walk(v, rv, depth + 1)
            }
            onPath[Int(u)] = false
        }
        walk(0, 1, 0)
        return best
    }

    /// A random graph of 2–9 nodes from a seed, strengths from a small set so ties happen.
    static func randomGraph(seed: Int) throws -> (Graph, [Double]) {
        var state = UInt64(truncatingIfNeeded: seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let n = 2 + Int(next() % 8)
        let levels = [0.1, 0.25, 0.5, 0.7, 0.9, 1.0]
        var edges: [(Int32, Int32, Double)] = []
        for a in 0..<n {
            for b in (a + 1)..<n where next() % 3 == 0 {
                edges.append((Int32(a), Int32(b), levels[Int(next() % UInt64(levels.count))]))
            }
        }
        return try graph(n, edges)
    }

    @Test func hopLimitedReliabilityEqualsBruteForce() async throws {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000), Gen.int(in: 1...4)) { seed, limit in
            guard let (graph, strengths) = try? Self.randomGraph(seed: seed),
                let paths = try? MostReliablePaths(graph: graph, strengths: strengths, source: 0, maxHops: limit)
            else {
                Issue.record("could not build graph \(seed)")
                return
            }
            let expected = Self.bruteForceBest(graph, strengths, limit: limit)
            for v in 0..<Int32(graph.nodeCount) {
                #expect(abs(paths.reliability(of: v) - expected[Int(v)]) < 1e-12)
                let hops = paths.path(to: v)
                #expect(hops.count <= limit)
                if v != 0, paths.isReached(v) {
                    let product = hops.reduce(1.0) { $0 * $1.strength }
                    #expect(abs(product - expected[Int(v)]) < 1e-12)
                    #expect(hops.last?.node == v)
                }
            }
        }
    }

    @Test func unlimitedReliabilityEqualsBruteForce() async throws {
        await propertyCheck(count: 200, input: Gen.int(in: 0...1_000_000)) { seed in
            guard let (graph, strengths) = try? Self.randomGraph(seed: seed),
                let paths = try? MostReliablePaths(graph: graph, strengths: strengths, source: 0)
            else {
                Issue.record("could not build graph \(seed)")
                return
            }
            let expected = Self.bruteForceBest(graph, strengths, limit: graph.nodeCount)
            for v in 0..<Int32(graph.nodeCount) {
                #expect(abs(paths.reliability(of: v) - expected[Int(v)]) < 1e-12)
                let product = paths.path(to: v).reduce(1.0) { $0 * $1.strength }
                if paths.isReached(v) { #expect(abs(product - expected[Int(v)]) < 1e-12) }
            }
        }
    }

    @Test func addingAStrongTieNeverLowersReliability() async throws {
        await propertyCheck(count: 200, input: Gen.int(in: 0...1_000_000), Gen.int(in: 1...4)) { seed, limit in
            guard let (graph, strengths) = try? Self.randomGraph(seed: seed), graph.nodeCount >= 3,
                let before = try? MostReliablePaths(graph: graph, strengths: strengths, source: 0, maxHops: limit)
            else { return }
            // Strengthen every tie of node 1 (an introducer) to 0.95 where it was weaker.
            var stronger = strengths
            for h in graph.halfEdges(of: 1) {
                let e = Int(graph.incidentEdges[h])
                stronger[e] = max(stronger[e], 0.95)
            }
            guard let after = try? MostReliablePaths(graph: graph, strengths: stronger, source: 0, maxHops: limit)
            else {
                Issue.record("search failed")
                return
            }
            for v in 0..<Int32(graph.nodeCount) {
                #expect(after.reliability(of: v) >= before.reliability(of: v) - 1e-15)
            }
        }
    }
}
