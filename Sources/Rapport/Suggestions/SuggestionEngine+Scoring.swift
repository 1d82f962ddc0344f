import Foundation

/// Per-call state of `SuggestionEngine.suggest`: the search from the ego, the ego's ties, the
/// exclusions and the memo tables.
struct ScoringContext {
    let engine: SuggestionEngine
    let ego: Int32
    let paths: MostReliablePaths
    var matcher: GoalMatcher
    /// The strength of the ego's tie to each neighbour.
    let egoTie: [Int32: Double]
    /// Π(1 − sᵢ) over the ego's ties at each organization (1 where there are none).
    let noReach: [Double]
    let excluded: Set<Int32>
    let unanswered: Set<Int32>
    /// Scratch for counting distinct introducers: `stamp[z] == generation` once z was counted in
    /// the current count.
    private var stamp: [Int32]
    private var generation: Int32 = 0

    init(engine: SuggestionEngine, ego: Int32, paths: MostReliablePaths, goal: Goal) {
        self.engine = engine
        self.ego = ego
        self.paths = paths
        matcher = GoalMatcher(goal: goal, synonyms: engine.synonyms)
        let snapshot = engine.snapshot
        var egoTie: [Int32: Double] = [:]
        var noReach = [Double](repeating: 1, count: snapshot.organizations.count)
        for h in snapshot.graph.halfEdges(of: ego) {
            let v = snapshot.graph.neighbors[h]
            let s = engine.strengths[Int(snapshot.graph.incidentEdges[h])]
            egoTie[v] = s
            let o = snapshot.organizationIndex[Int(v)]
            if o >= 0 { noReach[Int(o)] *= 1 - s }
        }
        self.egoTie = egoTie
        self.noReach = noReach
        let fresh = engine.freshness(for: ego)
        excluded = fresh.excluded
        unanswered = fresh.unanswered
        stamp = [Int32](repeating: -1, count: snapshot.personCount)
    }

    func isExcluded(_ v: Int32) -> Bool { !excluded.isEmpty && excluded.contains(v) }

    /// Introducer options for `v`: the best reliability through each first hop z, from the best
    /// paths to v's neighbours u (path → u → v), plus each neighbour the ego is tied to directly
    /// (ego → u → v).
    /// - Complexity: O(deg v).
    func introducerOptions(for v: Int32) -> [Int32: Double] {
        var options: [Int32: Double] = [:]
        forEachIntroducer(of: v) { z, r in options[z] = max(options[z] ?? 0, r) }
        return options
    }

    private func forEachIntroducer(of v: Int32, _ body: (Int32, Double) -> Void) {
        let graph = engine.snapshot.graph
        let limit = Int32(clamping: paths.maxHops ?? Int(Int32.max))
        for h in graph.halfEdges(of: v) {
            let u = graph.neighbors[h]
            guard u != ego else { continue }
            let s = engine.strengths[Int(graph.incidentEdges[h])]
            if limit >= 2, let direct = egoTie[u] { body(u, direct * s) }
            let hu = paths.hops[Int(u)]
            guard hu >= 1, hu < limit else { continue }
            let z = paths.firstHop[Int(u)]
            if z != v { body(z, paths.reliability(of: u) * s) }
        }
    }

    /// The number of distinct introducers whose path to `v` reaches the redundancy threshold.
    /// - Complexity: O(deg v), no allocation.
    mutating func introducerCount(for v: Int32) -> Int {
        let threshold = engine.configuration.redundancyThreshold
        var count = 0
        generation &+= 1
        let current = generation
        var stamp = self.stamp
        self.stamp = []
        forEachIntroducer(of: v) { z, r in
            if r >= threshold, stamp[Int(z)] != current {
                stamp[Int(z)] = current
                count += 1
            }
        }
        self.stamp = stamp
        return count
    }

    /// The score components of candidate `v`.
    mutating func components(of v: Int32) -> ScoreComponents {
        let snapshot = engine.snapshot
        let config = engine.configuration
        let organization = snapshot.organizationIndex[Int(v)]
        let relevance = matcher.relevance(of: v, index: engine.textIndex, in: snapshot)

        let reliability = paths.isReached(v) ? paths.reliability(of: v) : 0
        let introducers = reliability > 0 ? introducerCount(for: v) : 0
        let redundancy = min(1, Double(introducers) / config.redundancySaturation)

        let h = config.hypotheticalTieStrength
        let own = egoTie.isEmpty ? 0 : egoTie[v] ?? 0
        var others = organization >= 0 ? noReach[Int(organization)] : 1
        if own > 0, organization >= 0 {
            if 1 - own > 1e-9 {
                others /= 1 - own
            } else {
                others = 1
                for (u, s) in egoTie where u != v && snapshot.organizationIndex[Int(u)] == organization { others *= 1 - s }
            }
        }
        let qualityGain = min(1, max(0, others * max(0, h - own) / h))

        let seniority = engine.textIndex.seniority(of: v)
        let degree = Double(snapshot.graph.degree(of: v))
        let connectedness = engine.logMaxDegree > 0 ? Foundation.log(1 + degree) / engine.logMaxDegree : 0
        let insight = config.seniorityShare * seniority + (1 - config.seniorityShare) * connectedness

        let freshness = !unanswered.isEmpty && unanswered.contains(v) ? 1 - config.unansweredRequestPenalty : 1
        return ScoreComponents(
            relevance: relevance, reliability: reliability, redundancy: redundancy, qualityGain: qualityGain,
            insight: insight, freshness: freshness, introducerCount: introducers)
    }

    /// score = gate(relevance) · weighted mean of the other components · freshness.
    static func score(_ c: ScoreComponents, _ config: SuggestionConfiguration) -> Double {
        let gate = config.relevanceFloor + (1 - config.relevanceFloor) * c.relevance
        let base =
            (config.reliabilityWeight * c.reliability + config.redundancyWeight * c.redundancy
                + config.qualityGainWeight * c.qualityGain + config.insightWeight * c.insight)
            / max(config.componentWeightSum, .leastNonzeroMagnitude)
        return gate * base * c.freshness
    }

    mutating func score(_ v: Int32) -> Double { Self.score(components(of: v), engine.configuration) }
}
