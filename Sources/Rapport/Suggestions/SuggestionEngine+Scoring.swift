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
    /// Π(1 − sᵢ) over the ego's ties at each organization.
    let noReach: [Int32: Double]
    let excluded: Set<Int32>
    let unanswered: Set<Int32>
    var seniorityMemo: [String: Double] = [:]

    init(engine: SuggestionEngine, ego: Int32, paths: MostReliablePaths, goal: Goal) {
        self.engine = engine
        self.ego = ego
        self.paths = paths
        matcher = GoalMatcher(goal: goal, synonyms: engine.synonyms)
        let snapshot = engine.snapshot
        var egoTie: [Int32: Double] = [:]
        var noReach: [Int32: Double] = [:]
        for h in snapshot.graph.halfEdges(of: ego) {
            let v = snapshot.graph.neighbors[h]
            let s = engine.strengths[Int(snapshot.graph.incidentEdges[h])]
            egoTie[v] = s
            let o = snapshot.organizationIndex[Int(v)]
            if o >= 0 { noReach[o, default: 1] *= 1 - s }
        }
        self.egoTie = egoTie
        self.noReach = noReach
        let fresh = engine.freshness(for: ego)
        excluded = fresh.excluded
        unanswered = fresh.unanswered
    }

    /// Introducer options for `v`: the best reliability through each first hop, from the best paths
    /// to v's neighbours (and each neighbour the ego is tied to, as a two-hop introducer).
    /// - Complexity: O(deg v).
    func introducerOptions(for v: Int32) -> [Int32: Double] {
        let graph = engine.snapshot.graph
        let limit = Int32(paths.maxHops ?? Int(Int32.max))
        var options: [Int32: Double] = [:]
        for h in graph.halfEdges(of: v) {
            let u = graph.neighbors[h]
            guard u != ego else { continue }
            let s = engine.strengths[Int(graph.incidentEdges[h])]
            if let direct = egoTie[u], limit >= 2 { options[u] = max(options[u] ?? 0, direct * s) }
            let hu = paths.hops[Int(u)]
            guard hu >= 1, hu < limit else { continue }
            let z = paths.firstHop[Int(u)]
            guard z != v else { continue }
            options[z] = max(options[z] ?? 0, paths.reliability(of: u) * s)
        }
        return options
    }

    /// The score components of candidate `v`.
    mutating func components(of v: Int32) -> ScoreComponents {
        let snapshot = engine.snapshot
        let config = engine.configuration
        let person = snapshot.people[Int(v)]
        let organization = snapshot.organizationIndex[Int(v)]
        let relevance = matcher.relevance(of: person, organizationIndex: organization, in: snapshot)

        let reliability = paths.isReached(v) ? paths.reliability(of: v) : 0
        var introducers = 0
        if reliability > 0 {
            for (_, r) in introducerOptions(for: v) where r >= config.redundancyThreshold { introducers += 1 }
        }
        let redundancy = min(1, Double(introducers) / config.redundancySaturation)

        let h = config.hypotheticalTieStrength
        let own = egoTie[v] ?? 0
        var others = organization >= 0 ? noReach[organization] ?? 1 : 1
        if own > 0, organization >= 0 {
            if 1 - own > 1e-9 {
                others /= 1 - own
            } else {
                others = 1
                for (u, s) in egoTie where u != v && snapshot.organizationIndex[Int(u)] == organization { others *= 1 - s }
            }
        }
        let qualityGain = min(1, max(0, others * max(0, h - own) / h))

        let seniority: Double
        if let title = person.title {
            if let cached = seniorityMemo[title] {
                seniority = cached
            } else {
                seniority = TitleSeniority.score(title)
                seniorityMemo[title] = seniority
            }
        } else {
            seniority = TitleSeniority.score(nil)
        }
        let degree = Double(snapshot.graph.degree(of: v))
        let connectedness = engine.logMaxDegree > 0 ? Foundation.log(1 + degree) / engine.logMaxDegree : 0
        let insight = config.seniorityShare * seniority + (1 - config.seniorityShare) * connectedness

        let freshness = unanswered.contains(v) ? 1 - config.unansweredRequestPenalty : 1
        return ScoreComponents(
            relevance: relevance, reliability: reliability, redundancy: redundancy, qualityGain: qualityGain,
            insight: insight, freshness: freshness, introducerCount: introducers)
    }

    /// score = gate(relevance) · weighted mean of the other components · freshness.
    static func score(_ c: ScoreComponents, _ config: SuggestionConfiguration) -> Double {
        let gate = config.relevanceFloor + (1 - config.relevanceFloor) * c.relevance
        let base =
            (config.reliabilityWeight * c.reliability + config.redundancyWeight * c.redundancy
                + config.qualityGainWeight * c.qualityGain + config.insightWeight * c.insight) / max(config.componentWeightSum, .leastNonzeroMagnitude)
        return gate * base * c.freshness
    }

    mutating func score(_ v: Int32) -> Double { Self.score(components(of: v), engine.configuration) }
}
