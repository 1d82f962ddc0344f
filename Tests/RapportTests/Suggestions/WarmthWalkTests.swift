import Testing

@testable import Rapport

/// The warmth walk counts each candidate's usable introducers on the way (`introducersOf`); the
/// count must be the one `introducerCount(for:)` gives on its own, for every reached candidate.
@Suite struct WarmthWalkTests {
    @Test(arguments: [1, 2, 3])
    func theWarmthWalkCountsIntroducersAsTheIntroducerCountDoes(seed: UInt64) throws {
        var net = SuggestionTestNetwork()
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let ids = (0..<60).map { "p\($0)" }
        for id in ids { net.person(id, "Person \(id)") }
        var pairs: Set<String> = []
        for _ in 0..<240 {
            let a = next(61), b = next(61)
            let x = a == 60 ? "me" : ids[a], y = b == 60 ? "me" : ids[b]
            guard x != y, pairs.insert(min(x, y) + "|" + max(x, y)).inserted else { continue }
            net.tie(x, y, 0.02 + Double(next(97)) / 100)
        }
        let (engine, ego) = try net.engine()
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
}
