import Testing

@testable import Rapport

/// The warmth walk counts each candidate's usable introducers on the way (`introducersOf`); the
/// count must be the one `introducerCount(for:)` gives on its own, for every reached candidate.
@Suite struct WarmthWalkTests {
    /// `people` people and the user, tied by `draws` random pairs (repeats dropped) of strength
    /// 0.02–0.98.
    static func network(seed: UInt64, people: Int, draws: Int) throws -> (SuggestionEngine, Int32) {
        var net = SuggestionTestNetwork()
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let ids = (0..<people).map { "p\($0)" }
        for id in ids { net.person(id, "Person \(id)") }
        var pairs: Set<String> = []
        for _ in 0..<draws {
            let a = next(people + 1), b = next(people + 1)
            let x = a == people ? "me" : ids[a], y = b == people ? "me" : ids[b]
            guard x != y, pairs.insert(min(x, y) + "|" + max(x, y)).inserted else { continue }
            net.tie(x, y, 0.02 + Double(next(97)) / 100)
        }
        return try net.engine()
    }

    @Test(arguments: [1, 2, 3])
    func theWarmthWalkCountsIntroducersAsTheIntroducerCountDoes(seed: UInt64) throws {
        let (engine, ego) = try Self.network(seed: seed, people: 60, draws: 240)
        let paths = MostReliablePaths(
            checkedGraph: engine.snapshot.graph,
            weights: engine.weights, source: ego, maxHops: 3)
        var context = ScoringContext(
            engine: engine, ego: ego, paths: paths, goal: Goal(),
            scratch: SuggestionScratch(nodeCount: engine.snapshot.personCount))
        var checked = 0
        for v in 0..<Int32(engine.snapshot.personCount) where v != ego && paths.distance[Int(v)].isFinite {
            _ = context.warmth(of: v)
            #expect(Int(context.introducersOf[Int(v)]) == context.introducerCount(for: v))
            checked += 1
        }
        #expect(checked > 30)
    }

    /// The warmth of every reached candidate three ways: one at a time (`warmth(of:)`), in parts
    /// on the worker pool (`computeWarmth`, as `suggest` does at scale), and from the formula of
    /// `SuggestionEngine+Warmth.swift` computed here from the graph alone: r_z = max over paths
    /// ego → z → … → u → v of Π s · a(u) · a(z) (a(z) once when u = z), a(w) = 1 / (1 + |N(w) ∖
    /// N(ego) ∖ {ego}|), warmth = 1 − (1 − s(ego, v)) · Π_z (1 − r_z).
    @Test(arguments: [4, 5, 6])
    func warmthInPartsEqualsWarmthOneAtATimeAndTheFormula(seed: UInt64) throws {
        let (engine, ego) = try Self.network(seed: seed, people: 120, draws: 420)
        let graph = engine.snapshot.graph
        for maxHops in [1, 2, 3] {
            let paths = MostReliablePaths(checkedGraph: graph, weights: engine.weights, source: ego, maxHops: maxHops)
            func context() -> ScoringContext {
                ScoringContext(
                    engine: engine, ego: ego, paths: paths, goal: Goal(),
                    scratch: SuggestionScratch(nodeCount: engine.snapshot.personCount))
            }
            let candidates = paths.reached.filter { $0 != ego }
            var single = context(), parted = context()
            let warmest = parted.computeWarmth(of: candidates, parts: 3)
            // The formula, from the graph.
            let egoNeighbours = Set(graph.halfEdges(of: ego).map { graph.neighbors[$0] })
            func attention(_ w: Int32) -> Double {
                let unknown = graph.halfEdges(of: w).map { graph.neighbors[$0] }
                    .filter { $0 != ego && !egoNeighbours.contains($0) }
                return 1 / (1 + Double(unknown.count))
            }
            func strength(_ a: Int32, _ b: Int32) -> Double? {
                engine.snapshot.tie(between: a, and: b).map { engine.weights.strength(ofEdge: $0) }
            }
            var largest = 0.0
            for v in candidates {
                var best: [Int32: Double] = [:]
                single.forEachIntroducer(of: v) { z, u, r in
                    let c = r * attention(u) * (z == u ? 1 : attention(z))
                    best[z] = max(best[z] ?? 0, c)
                }
                var miss = 1 - (strength(ego, v) ?? 0)
                for (_, c) in best { miss *= 1 - c }
                let expected = min(1, max(0, 1 - miss))
                let one = single.warmth(of: v)
                #expect(abs(one - expected) < 1e-12, "maxHops \(maxHops), v \(v): \(one) against \(expected)")
                #expect(parted.warmthOf[Int(v)] == one, "maxHops \(maxHops), v \(v)")
                #expect(parted.introducersOf[Int(v)] == single.introducersOf[Int(v)])
                #expect(Int(parted.introducersOf[Int(v)]) == single.introducerCount(for: v))
                largest = max(largest, one)
            }
            #expect(warmest == largest)
            #expect(Set(parted.memoTouched) == Set(candidates))
            #expect(candidates.count > 20 || maxHops == 1)
        }
    }
}
