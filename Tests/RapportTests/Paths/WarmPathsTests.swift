import Foundation
import PropertyBased
import Testing

@testable import Rapport

@Suite("Warm paths by first hop")
struct WarmPathsTests {
    /// Brute force: for each first hop z of node 0, the best product of strengths over simple paths
    /// 0 → z → … → target of at most `limit` edges.
    static func bruteForce(_ graph: Graph, _ strengths: [Double], target: Int32, limit: Int) -> [Int32: Double] {
        var best: [Int32: Double] = [:]
        var onPath = [Bool](repeating: false, count: graph.nodeCount)
        onPath[0] = true
        func walk(_ u: Int32, _ first: Int32, _ r: Double, _ depth: Int) {
            if u == target {
                best[first] = max(best[first] ?? 0, r)
                return
            }
            guard depth < limit else { return }
            onPath[Int(u)] = true
            for h in graph.halfEdges(of: u) where !onPath[Int(graph.neighbors[h])] {
                walk(graph.neighbors[h], first, r * strengths[Int(graph.incidentEdges[h])], depth + 1)
            }
            onPath[Int(u)] = false
        }
        for h in graph.halfEdges(of: 0) {
            let z = graph.neighbors[h]
            walk(z, z, strengths[Int(graph.incidentEdges[h])], 1)
        }
        return best
    }

    @Test func eachFirstHopGetsItsBestSimplePath() async throws {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000), Gen.int(in: 1...4)) { seed, limit in
            guard let (graph, strengths) = try? MostReliablePathsTests.randomGraph(seed: seed), graph.nodeCount >= 2
            else {
                return
            }
            let target = Int32(graph.nodeCount - 1)
            guard
                let found = try? WarmPaths.bestPathsByFirstHop(
                    graph: graph, strengths: strengths, from: 0, to: target, maxHops: limit, top: 0)
            else {
                Issue.record("search failed for seed \(seed)")
                return
            }
            let expected = Self.bruteForce(graph, strengths, target: target, limit: limit)
            #expect(found.count == expected.count)
            for path in found {
                let first = path.hops[0].node
                #expect(abs(path.reliability - (expected[first] ?? -1)) < 1e-12)
                #expect(path.hops.count <= limit)
                #expect(path.hops.last?.node == target)
                #expect(Set(path.hops.map(\.node)).count == path.hops.count)
                #expect(!path.hops.contains { $0.node == 0 })
            }
            #expect(zip(found, found.dropFirst()).allSatisfy { $0.reliability >= $1.reliability })
        }
    }

    @Test func invalidArgumentsThrow() throws {
        let graph = try Graph(nodeCount: 2, endpoints: [0, 1])
        #expect(throws: PathError.unknownNode(5)) {
            try WarmPaths.bestPathsByFirstHop(graph: graph, strengths: [0.5], from: 0, to: 5, maxHops: 3, top: 1)
        }
        #expect(throws: PathError.invalidCount(-1)) {
            try WarmPaths.bestPathsByFirstHop(graph: graph, strengths: [0.5], from: 0, to: 1, maxHops: 3, top: -1)
        }
        #expect(
            try WarmPaths.bestPathsByFirstHop(graph: graph, strengths: [0.5], from: 0, to: 0, maxHops: 3, top: 1)
                .isEmpty)
    }
}
