import Foundation

/// Per-call state of `SuggestionEngine.suggest`: the search from the ego, the ego's ties, the
/// exclusions and the memo tables. Its per-node arrays are lent by a `SuggestionScratch` for the
/// call (`init`) and given back by `giveBack(to:)`.
struct ScoringContext {
    let engine: SuggestionEngine
    let ego: Int32
    let paths: MostReliablePaths
    var matcher: GoalMatcher
    /// The strengths of the ego's ties at each organization that has some, strongest first.
    let organizationTies: [Int32: [Double]]
    /// Quality gain of a candidate the ego has no tie with, per organization (memo).
    private var newTieGain: [Int32: Double] = [:]
    /// The ego's schools (name keys) and sectors (match form), for cold-outreach sentences.
    let egoSchools: Set<String>
    let egoSectors: Set<MatchText>
    /// Shared history, for the ranking: the organizations the ego used to work at (not the current
    /// one), and the school codes of `snapshot.people.schools` that match one of the ego's schools.
    let egoFormerOrganizations: Set<Int32>
    /// Per distinct school of `snapshot.people.schools`, whether it is one of the ego's (empty when
    /// the ego has none), and that column's rows, so the check reads two arrays per candidate.
    let egoSchoolMask: [Bool]
    private let schoolOffsets: FixedArray<UInt32>
    private let schoolCodes: FixedArray<Int32>
    let excluded: Set<Int32>
    let unanswered: Set<Int32>
    /// −ln s(ego, v) for the ego's neighbours, +∞ for everyone else.
    let egoLength: [Double]
    /// The score of each candidate scored so far (set by `suggest`, read only for those).
    var scores: [Double]
    /// The nodes whose memo entries (`introducersOf`, `warmthOf`) this call set, for
    /// `SuggestionScratch.clear`.
    var memoTouched: [Int32]
    /// The strength of the ego's tie to each node (0 for none; `egoLength` tells which nodes are
    /// neighbours).
    let egoStrength: [Double]
    /// The ego's contacts in the order of its half-edges (a contact's slot: `NearNode.contactSlot`),
    /// and the strength and length of the tie to each, for the warmth walk.
    let contacts: [Int32]
    let egoStrengthBySlot: [Double]
    let egoLengthBySlot: [Double]
    /// Each contact's attention, by slot, once `prepareAttention` has counted them all.
    var contactAttention: [Double] = []
    var attentionReady = false
    /// The marks of the warmth walks made one candidate at a time (see `SuggestionEngine+Warmth.swift`).
    var walk: WarmthWalk
    /// `introducerCount(for:)` of each candidate whose warmth was gathered (−1 until then): the
    /// warmth walk counts the usable introducers of the same half-edges, with marks of its own.
    var introducersOf: [Int32]
    /// Each candidate's warmth (−1 until computed).
    var warmthOf: [Double]
    /// 1 / the largest warmth among the candidates (set by `suggest`), for the relative warmth.
    var warmthScale = 0.0
    /// Flat copies of what the introducer count reads for every reached candidate.
    private let offsets: [Int]
    private let organizationIndex: [Int32]
    private let neighbors: FixedArray<Int32>
    private let incidentEdges: FixedArray<Int32>
    private let distance: [Double]
    private let hops: [Int32]
    private let firstHop: [Int32]
    /// A path is usable when Σ ℓ ≤ −ln(redundancyThreshold).
    let usableLength: Double
    /// Scratch for counting distinct introducers (and for warmth's best term per introducer):
    /// `stamp[z] == generation` once z was seen in the current count; each count takes a new
    /// generation, so the two never mistake each other's marks.
    var stamp: [Int32]
    var coldMark: [Int32]
    var generation: Int32
    /// Per node, `contactRole` when the ego has a tie with it and `withinLimitRole` when its best
    /// path has 1 ≤ hops < the hop limit (it can be the last step before a candidate); 0 otherwise.
    var role: [UInt8]
    var roleTouched: [Int32]
    /// What the warmth walk reads of each node with a role (see `SuggestionScratch.near`), and the
    /// object that owns that memory, held so that it outlives every read.
    let near: UnsafeMutableBufferPointer<NearNode>
    private let nearOwner: NearNodes
    static let contactRole: UInt8 = 1
    static let withinLimitRole: UInt8 = 2

    /// The context of a call for `ego`, with the arrays of `scratch`, which must be clear (see
    /// `SuggestionScratch`); until `giveBack(to:)`, `scratch` holds none of them.
    /// - Complexity: O(deg ego + the ego's interactions and introductions + schools), nothing of size V.
    init(engine: SuggestionEngine, ego: Int32, paths: MostReliablePaths, goal: Goal, scratch: SuggestionScratch) {
        self.engine = engine
        self.ego = ego
        self.paths = paths
        matcher = GoalMatcher(goal: goal, synonyms: engine.synonyms)
        let snapshot = engine.snapshot
        var egoStrength = scratch.egoStrength
        var egoLength = scratch.egoLength
        scratch.egoStrength = []
        scratch.egoLength = []
        scratch.ego = ego
        var role = scratch.role
        var roleTouched = scratch.roleTouched
        (scratch.role, scratch.roleTouched) = ([], [])
        nearOwner = scratch.near
        let near = scratch.near.nodes
        var organizationTies: [Int32: [Double]] = [:]
        var contacts: [Int32] = [], egoStrengthBySlot: [Double] = [], egoLengthBySlot: [Double] = []
        for h in snapshot.graph.halfEdges(of: ego) {
            let v = snapshot.graph.neighbors[h]
            let s = engine.weights.strength(ofEdge: snapshot.graph.incidentEdges[h])
            let l = engine.weights.length(ofEdge: snapshot.graph.incidentEdges[h])
            egoStrength[Int(v)] = s
            egoLength[Int(v)] = l
            let o = snapshot.organizationIndex[Int(v)]
            if o >= 0 { organizationTies[o, default: []].append(s) }
            if role[Int(v)] == 0 {
                roleTouched.append(v)
                near[Int(v)] = .empty
            }
            role[Int(v)] |= Self.contactRole
            near[Int(v)].contactSlot = Int32(contacts.count)
            contacts.append(v)
            egoStrengthBySlot.append(s)
            egoLengthBySlot.append(l)
        }
        self.egoStrength = egoStrength
        (self.contacts, self.egoStrengthBySlot, self.egoLengthBySlot) = (contacts, egoStrengthBySlot, egoLengthBySlot)
        walk = WarmthWalk(contactCount: contacts.count)
        (introducersOf, scratch.introducersOf) = (scratch.introducersOf, [])
        self.organizationTies = organizationTies.mapValues { $0.sorted(by: >) }
        let fresh = engine.freshness(for: ego)
        excluded = fresh.excluded
        unanswered = fresh.unanswered
        (stamp, scratch.stamp) = (scratch.stamp, [])
        (coldMark, scratch.coldMark) = (scratch.coldMark, [])
        generation = scratch.generation
        (warmthOf, scratch.warmthOf) = (scratch.warmthOf, [])
        (scores, scratch.scores) = (scratch.scores, [])
        (memoTouched, scratch.memoTouched) = (scratch.memoTouched, [])
        let me = snapshot.people[Int(ego)]
        egoSchools = Set(me.schools.map(NameKey.person).filter { !$0.isEmpty })
        egoSectors = Set(me.sectors.map { MatchText($0, synonyms: engine.synonyms) }.filter { !$0.tokens.isEmpty })
        let current = snapshot.organizationIndex[Int(ego)]
        egoFormerOrganizations = Set(
            me.pastOrganizations.compactMap { snapshot.organization(named: $0) }.filter { $0 != current })
        let schoolKeys = Set(me.schools.map(NameKey.organization).filter { !$0.isEmpty })
        egoSchoolMask = schoolKeys.isEmpty ? [] : engine.schoolNameKeys.map { schoolKeys.contains($0) }
        schoolOffsets = snapshot.people.schools.offsets
        schoolCodes = snapshot.people.schools.codes
        self.egoLength = egoLength
        let limit = Int32(clamping: paths.maxHops ?? Int(Int32.max))
        for node in paths.reached {
            let v = Int(node)
            let hv = paths.hops[v]
            guard hv >= 1, hv < limit else { continue }
            if role[v] == 0 {
                roleTouched.append(node)
                near[v] = .empty
            }
            role[v] |= Self.withinLimitRole
            near[v].reliability = paths.reliability(of: node)
            near[v].distance = paths.distance[v]
            // The first hop is a contact: its entry was written above.
            near[v].firstHopSlot = near[Int(paths.firstHop[v])].contactSlot
        }
        self.near = near
        self.role = role
        self.roleTouched = roleTouched
        offsets = snapshot.graph.offsets
        organizationIndex = snapshot.organizationIndex
        neighbors = snapshot.graph.neighbors
        incidentEdges = snapshot.graph.incidentEdges
        distance = paths.distance
        hops = paths.hops
        firstHop = paths.firstHop
        let threshold = engine.configuration.redundancyThreshold
        usableLength = threshold > 0 ? -Foundation.log(threshold) : .infinity
    }

    /// Returns the lent arrays to `scratch`, with what this call wrote in them (which
    /// `SuggestionScratch.clear` resets before the scratch serves another call).
    mutating func giveBack(to scratch: SuggestionScratch) {
        scratch.egoStrength = egoStrength
        scratch.egoLength = egoLength
        (scratch.introducersOf, introducersOf) = (introducersOf, [])
        (scratch.stamp, stamp) = (stamp, [])
        (scratch.coldMark, coldMark) = (coldMark, [])
        scratch.generation = generation
        (scratch.role, role) = (role, [])
        (scratch.roleTouched, roleTouched) = (roleTouched, [])
        (scratch.warmthOf, warmthOf) = (warmthOf, [])
        (scratch.scores, scores) = (scores, [])
        (scratch.memoTouched, memoTouched) = (memoTouched, [])
    }

    func isExcluded(_ v: Int32) -> Bool { !excluded.isEmpty && excluded.contains(v) }

    /// The goal relevance of `v` (memoized per distinct text by the matcher).
    mutating func relevance(of v: Int32) -> Double {
        matcher.relevance(of: v, index: engine.textIndex, organizationIndex: organizationIndex)
    }

    /// Introducer options for `v`: the best reliability through each first hop z, from the best
    /// paths to v's neighbours u (path → u → v), plus each neighbour the ego is tied to directly
    /// (ego → u → v).
    /// - Complexity: O(deg v).
    func introducerOptions(for v: Int32) -> [Int32: Double] {
        var options: [Int32: Double] = [:]
        forEachIntroducer(of: v) { z, _, r in options[z] = max(options[z] ?? 0, r) }
        return options
    }

    /// Calls `body(z, u, r)` for each path ego → z → … → u → v found from the best path to a
    /// neighbour u of v (or the direct tie ego → u), r being its reliability.
    /// - Complexity: O(deg v).
    func forEachIntroducer(of v: Int32, _ body: (Int32, Int32, Double) -> Void) {
        let graph = engine.snapshot.graph
        let limit = Int32(clamping: paths.maxHops ?? Int(Int32.max))
        for h in graph.halfEdges(of: v) {
            let u = graph.neighbors[h]
            guard u != ego else { continue }
            let s = engine.weights.strength(ofEdge: graph.incidentEdges[h])
            if limit >= 2, egoLength[Int(u)].isFinite { body(u, u, egoStrength[Int(u)] * s) }
            let hu = paths.hops[Int(u)]
            guard hu >= 1, hu < limit else { continue }
            let z = paths.firstHop[Int(u)]
            if z != v { body(z, u, paths.reliability(of: u) * s) }
        }
    }

    /// The number of distinct introducers whose path to `v` reaches the redundancy threshold: the
    /// same first hops as `introducerOptions(for:)`, compared in the log domain
    /// (r(u) · s(u, v) ≥ t ⟺ dist(u) + ℓ(u, v) ≤ −ln t).
    /// - Complexity: O(deg v), no allocation.
    mutating func introducerCount(for v: Int32) -> Int {
        generation &+= 1
        let current = generation
        let limit = Int32(clamping: paths.maxHops ?? Int(Int32.max))
        let usable = usableLength
        let ego = self.ego
        var count = 0
        offsets.withUnsafeBufferPointer { off in
            neighbors.withUnsafeBufferPointer { nbr in
                incidentEdges.withUnsafeBufferPointer { inc in
                    engine.weights.withReaders { _, len in
                        distance.withUnsafeBufferPointer { dist in
                            hops.withUnsafeBufferPointer { hop in
                                firstHop.withUnsafeBufferPointer { first in
                                    egoLength.withUnsafeBufferPointer { egoLen in
                                        stamp.withUnsafeMutableBufferPointer { mark in
                                            for h in off[Int(v)]..<off[Int(v) + 1] {
                                                let u = nbr[h]
                                                guard u != ego else { continue }
                                                let ui = Int(u)
                                                let l = len(Int(inc[h]))
                                                if limit >= 2, egoLen[ui] + l <= usable, mark[ui] != current {
                                                    mark[ui] = current
                                                    count += 1
                                                }
                                                let hu = hop[ui]
                                                guard hu >= 1, hu < limit, dist[ui] + l <= usable else { continue }
                                                let z = first[ui]
                                                if z != v, mark[Int(z)] != current {
                                                    mark[Int(z)] = current
                                                    count += 1
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return count
    }

    /// The score components of candidate `v`.
    mutating func components(of v: Int32) -> ScoreComponents {
        let config = engine.configuration
        let organization = organizationIndex[Int(v)]
        let relevance = matcher.relevance(of: v, index: engine.textIndex, organizationIndex: organizationIndex)

        let reliability = distance[Int(v)].isFinite && v != ego ? Foundation.exp(-distance[Int(v)]) : 0
        let memo = introducersOf[Int(v)]
        let introducers = reliability > 0 ? (memo >= 0 ? Int(memo) : introducerCount(for: v)) : 0
        let warmth = reliability > 0 ? warmth(of: v) : 0
        let redundancy = min(1, Double(introducers) / config.redundancySaturation)

        let own = egoLength[Int(v)].isFinite ? egoStrength[Int(v)] : 0
        let qualityGain = qualityGain(organization: organization, own: own)

        let seniority = engine.textIndex.seniority(of: v)
        let degree = Double(offsets[Int(v) + 1] - offsets[Int(v)])
        let connectedness = engine.logMaxDegree > 0 ? Foundation.log(1 + degree) / engine.logMaxDegree : 0
        let insight = config.seniorityShare * seniority + (1 - config.seniorityShare) * connectedness

        let freshness = !unanswered.isEmpty && unanswered.contains(v) ? 1 - config.unansweredRequestPenalty : 1
        return ScoreComponents(
            relevance: relevance, reliability: reliability, redundancy: redundancy, qualityGain: qualityGain,
            insight: insight, freshness: freshness, introducerCount: introducers, warmth: warmth,
            relativeWarmth: min(1, warmth * warmthScale), sharedHistory: sharedHistory(of: v))
    }

    /// 1 when `v` went to one of the ego's schools or is at one of the ego's former employers, else 0.
    /// - Complexity: O(schools of v), no allocation.
    func sharedHistory(of v: Int32) -> Double {
        let o = organizationIndex[Int(v)]
        if o >= 0, !egoFormerOrganizations.isEmpty, egoFormerOrganizations.contains(o) { return 1 }
        guard !egoSchoolMask.isEmpty else { return 0 }
        for k in Int(schoolOffsets[Int(v)])..<Int(schoolOffsets[Int(v) + 1]) {
            let code = Int(schoolCodes[k])
            if code >= 0, code < egoSchoolMask.count, egoSchoolMask[code] { return 1 }
        }
        return 0
    }

    /// (reach(o) after a tie of strength h = `hypotheticalTieStrength` to the candidate − reach(o)
    /// before) / h, with `ReachFormula` over the ego's ties at the candidate's organization o: 1 where
    /// the ego has no tie there, small where one strong tie exists. `own` is the ego's current tie to
    /// the candidate (0 for none); a stronger existing tie is kept.
    /// - Complexity: O(t) for the t ego ties at o; memoized per organization for candidates without a tie.
    mutating func qualityGain(organization: Int32, own: Double) -> Double {
        let h = engine.configuration.hypotheticalTieStrength
        guard organization >= 0, let ties = organizationTies[organization] else { return max(0, h - own) / h }
        if own == 0, let memo = newTieGain[organization] { return memo }
        var others = ties
        if own > 0, let i = others.firstIndex(of: own) { others.remove(at: i) }
        let before = ReachFormula.reach(sortedOthers: others, adding: own)
        let after = ReachFormula.reach(sortedOthers: others, adding: max(h, own))
        let gain = min(1, max(0, (after - before) / h))
        if own == 0 { newTieGain[organization] = gain }
        return gain
    }

    /// score = min(1, gate(relevance) · weighted mean of the other components · freshness ·
    /// (1 + w_h · sharedHistory)).
    static func score(_ c: ScoreComponents, _ config: SuggestionConfiguration) -> Double {
        let gate = config.relevanceFloor + (1 - config.relevanceFloor) * c.relevance
        let base =
            (config.reliabilityWeight * c.reliability + config.redundancyWeight * c.redundancy
                + config.warmthWeight * c.relativeWarmth
                + config.qualityGainWeight * c.qualityGain + config.insightWeight * c.insight)
            / max(config.componentWeightSum, .leastNonzeroMagnitude)
        return min(1, gate * base * c.freshness * (1 + config.sharedHistoryWeight * c.sharedHistory))
    }

    mutating func score(_ v: Int32) -> Double { Self.score(components(of: v), engine.configuration) }
}
