import Foundation

/// Ranks the best next informational interviews for a user, with the warm path to each, and lists
/// strong ties that are fading.
///
/// Inputs are a frozen `NetworkSnapshot`, one tie strength in (0, 1] per edge of its graph (from the
/// strength model), the configuration and "today". Each `suggest` call runs one hop-limited
/// most-reliable-path search from the user (`MostReliablePaths`), scores the people it reaches, and
/// scores the others only while their ego-independent bound can still enter the top
/// (`ColdCandidateOrder`); its per-node arrays are reused across calls (`SuggestionScratch`), so a
/// call costs what it visits, not O(V).
///
/// Candidates are everyone but the user who is not excluded (an informational interview within
/// `cooldownDays`, a pending or declined introduction to them); those without a warm path within
/// the hop limit are cold-outreach candidates. The score is described on `SuggestionConfiguration`;
/// components:
/// - relevance: `GoalMatcher` (1 with no goal);
/// - reliability r(v) = max over paths of Π strengths (Dijkstra on −ln s);
/// - redundancy: distinct introducers z (first hops) whose path to v reaches `redundancyThreshold`,
///   found from the best paths to v's neighbours (exact for two-hop paths, a lower bound beyond);
/// - warmth: the noisy-OR of the best paths through those distinct introducers, each shared among
///   the contacts its intermediaries have that the user does not know (`SuggestionEngine+Warmth`);
///   the score weighs it relative to the warmest candidate;
/// - quality gain: with reach(o) = `ReachFormula` over the user's ties at organization o (DESIGN §5),
///   (reach after a tie of strength h = `hypotheticalTieStrength` to v − reach before) / h: 1 where
///   the user has no tie there, small where one strong tie exists;
/// - insight: `seniorityShare` · `TitleSeniority.score(title)` + (1 − share) · ln(1 + deg v) / ln(1 + max deg).
///
/// Granovetter 1973 (https://doi.org/10.1086/225469) for why weak-tie paths matter.
public struct SuggestionEngine: Sendable {
    public let snapshot: NetworkSnapshot
    /// Every tie's strength and length, as the path search reads them (`TieStrengths.weights()`:
    /// a palette, 2 bytes a tie).
    public let weights: EdgeWeights
    public let configuration: SuggestionConfiguration
    public let asOf: Day
    public let synonyms: SynonymTable
    let logMaxDegree: Double
    let textIndex: PersonTextIndex
    /// The bound on a cold candidate's score, and the people in decreasing order of it (see
    /// `ColdCandidateOrder`, built on the second call), so `suggest` scores exactly only those that
    /// could still enter the top.
    let coldBound: ColdBound
    let coldOrder = LazyColdOrder()
    /// `NameKey.organization` of each distinct school (`snapshot.people.schools.values`), to find
    /// the ego's schools without normalizing every school's name on each call.
    let schoolNameKeys: [String]
    /// The per-node working memory of `suggest` calls, one per concurrent call.
    let scratchPool: SuggestionScratchPool
    /// Goal matchers that rated every distinct value once, by goal (`learnedMatcher(for:)`).
    let learnedGoals = LearnedGoals()

    /// Prepares an engine on strengths given one per edge (tests; `rapport` hands the model's
    /// palette to `init(snapshot:weights:…)`).
    /// - Parameters:
    ///   - snapshot: the network.
    ///   - strengths: one strength in (0, 1] per edge of `snapshot.graph`.
    ///   - configuration: weights and defaults.
    ///   - asOf: "today", for cooldowns and keep-warm.
    ///   - synonyms: the synonym table used to match goals.
    /// - Throws: `SuggestionError.invalidStrengths`.
    /// - Complexity: O(V + E): the logarithms of the strengths, then as `init(snapshot:weights:…)`.
    public init(
        snapshot: NetworkSnapshot, strengths: [Double], configuration: SuggestionConfiguration = .default, asOf: Day,
        synonyms: SynonymTable = .default
    ) throws(SuggestionError) {
        let weights: EdgeWeights
        do {
            weights = try EdgeWeights(strengths: strengths, for: snapshot.graph)
        } catch {
            throw .invalidStrengths(error)
        }
        try self.init(
            snapshot: snapshot, weights: weights, configuration: configuration, asOf: asOf, synonyms: synonyms)
    }

    /// The engine on weights made for `snapshot`'s graph (`TieStrengths.weights()`), checked when
    /// they were made.
    /// - Parameter scratch: the working memory of the calls: a new pool, or one of engines on the
    ///   same snapshot (`prepare(for:)` may have started a scratch in it already).
    /// - Throws: `SuggestionError.invalidStrengths` for weights of another graph.
    /// - Complexity: O(V): the largest degree, and the people's text fields by code
    ///   (`PersonTextIndex`), so each `suggest` call matches every distinct value once.
    public init(
        snapshot: NetworkSnapshot, weights: EdgeWeights, configuration: SuggestionConfiguration = .default, asOf: Day,
        synonyms: SynonymTable = .default, scratch: SuggestionScratchPool = SuggestionScratchPool()
    ) throws(SuggestionError) {
        guard weights.edgeCount == snapshot.graph.edgeCount else {
            throw .invalidStrengths(.edgeCountMismatch(expected: snapshot.graph.edgeCount, actual: weights.edgeCount))
        }
        scratchPool = scratch
        self.weights = weights
        self.snapshot = snapshot
        self.configuration = configuration
        self.asOf = asOf
        self.synonyms = synonyms
        var maxDegree = 0
        let offsets = snapshot.graph.offsets
        for u in 0..<snapshot.graph.nodeCount { maxDegree = max(maxDegree, offsets[u + 1] - offsets[u]) }
        logMaxDegree = Foundation.log(1 + Double(maxDegree))
        textIndex = PersonTextIndex(people: snapshot.people, organizations: snapshot.organizations, synonyms: synonyms)
        coldBound = ColdBound(configuration: configuration, maxDegree: maxDegree, logMaxDegree: logMaxDegree)
        let schools = snapshot.people.schools.values
        schoolNameKeys = (0..<schools.count).map { NameKey.organization(schools[$0]) }
    }

    /// Every tie's strength, one per tie (made from `weights` on each call).
    public var strengths: [Double] { weights.perEdgeStrengths }

    /// The best next informational interviews for `ego`, best first, with the configured hop limit
    /// and per-organization cap.
    public func suggest(for ego: Int32, goal: Goal = Goal(), top: Int = 10) throws(SuggestionError) -> [Suggestion] {
        try suggest(
            for: ego, goal: goal, top: top, maxHops: configuration.maxHops,
            perOrganization: configuration.perOrganization)
    }

    /// The best next informational interviews for `ego`, best first.
    ///
    /// - Parameters:
    ///   - ego: the user's node.
    ///   - goal: what the user looks for; an empty goal is neutral.
    ///   - top: how many suggestions; 0 returns every candidate (no per-organization cap).
    ///   - maxHops: the longest warm path, in ties (≥ 1).
    ///   - perOrganization: the most suggestions per organization (0 = no cap). People without an
    ///     organization are never capped.
    /// - Returns: suggestions ordered by score descending, then id ascending (byte-wise); with a
    ///   goal, only people of relevance above 0.
    /// - Throws: `SuggestionError.unknownPerson` for an ego outside the snapshot, `.invalidLimit`.
    /// - Complexity: one hop-limited search, O(h · E_h + V), then O(V + Σ deg over reached people)
    ///   to score and O(V log M) to select, M being a small multiple of `top`.
    public func suggest(for ego: Int32, goal: Goal, top: Int, maxHops: Int, perOrganization: Int)
        throws(SuggestionError) -> [Suggestion]
    {
        guard ego >= 0, Int(ego) < snapshot.personCount else { throw .unknownPerson(ego) }
        guard top >= 0 else { throw .invalidLimit(name: "top", value: top) }
        guard maxHops >= 1 else { throw .invalidLimit(name: "maxHops", value: maxHops) }
        guard perOrganization >= 0 else { throw .invalidLimit(name: "perOrganization", value: perOrganization) }
        return scratchPool.withScratch(for: snapshot.graph) { scratch in
            suggest(
                for: ego, goal: goal, top: top, maxHops: maxHops, perOrganization: perOrganization, scratch: scratch)
        }
    }

    /// `suggest` on checked arguments, with the per-node arrays of `scratch` (clear on entry; what
    /// the call wrote is reset by `SuggestionScratch.clear` before the scratch serves again).
    ///
    /// Candidates with a warm path (reached by the search) are all scored: the largest warmth among
    /// them scales everyone's relative warmth. The others are visited in `coldOrder` and scored only
    /// while their bound can still beat the selection's worst kept score (`select`).
    /// - Complexity: O(h · E_h + Σ deg over reached people) for the warm candidates, then O(c log M)
    ///   for the c cold people whose bound reaches the worst kept score; nothing of size V. A goal
    ///   the engine has not seen also rates every distinct value once (`learnedMatcher(for:)`), on
    ///   the worker pool while the search runs.
    func suggest(
        for ego: Int32, goal: Goal, top: Int, maxHops: Int, perOrganization: Int, scratch: SuggestionScratch,
        smallestM: Int = 64
    ) -> [Suggestion] {
        // Every distinct value rated against the goal on the other core while this one searches.
        let learning = goal.isEmpty ? nil : WorkerPool.shared.async { [self] in learnedMatcher(for: goal) }
        // Strengths and lengths were checked in `init`.
        let paths = MostReliablePaths(
            checkedGraph: snapshot.graph, weights: weights,
            source: ego, maxHops: maxHops, scratch: &scratch.search)
        var context = ScoringContext(engine: self, ego: ego, paths: paths, goal: goal, scratch: scratch)
        defer { context.giveBack(to: scratch) }
        if let learning { context.matcher = learning.value() }
        var warm: [Int32] = []
        let hasGoal = !context.matcher.isNeutral
        for v in paths.reached where !context.isExcluded(v) {
            // With a goal, nobody of relevance 0 is suggested.
            if hasGoal, context.relevance(of: v) == 0 { continue }
            warm.append(v)
        }
        let warmest = context.computeWarmth(of: warm)
        context.warmthScale = warmest > 0 ? 1 / warmest : 0
        for v in warm { context.scores[Int(v)] = context.score(v) }
        let chosen = select(
            warm: warm, context: &context, top: top, perOrganization: perOrganization, smallestM: smallestM)
        return chosen.map { explain($0, context: &context) }
    }
}

extension SuggestionEngine {
    /// The warm paths from `ego` to `target`, one per distinct first hop, best first, each hop with
    /// the person's id and name (`rapport path PERSON --top 3`). See `WarmPaths.bestPathsByFirstHop`.
    ///
    /// - Parameters:
    ///   - target: the person to reach.
    ///   - ego: the user.
    ///   - top: how many paths; 0 returns all.
    ///   - maxHops: the longest path; `nil` uses the configuration's `maxHops`.
    /// - Throws: `SuggestionError.unknownPerson` for a node outside the snapshot, `.invalidLimit`.
    /// - Complexity: O(h · E_h + V) (see `WarmPaths`).
    public func paths(to target: Int32, from ego: Int32, top: Int, maxHops: Int? = nil) throws(SuggestionError)
        -> [WarmPath]
    {
        guard ego >= 0, Int(ego) < snapshot.personCount else { throw .unknownPerson(ego) }
        guard target >= 0, Int(target) < snapshot.personCount else { throw .unknownPerson(target) }
        guard top >= 0 else { throw .invalidLimit(name: "top", value: top) }
        let hops = maxHops ?? configuration.maxHops
        guard hops >= 1 else { throw .invalidLimit(name: "maxHops", value: hops) }
        // The engine's lengths were checked in `init`; the public `WarmPaths` entry would redo that.
        let found = WarmPaths.bestPathsByFirstHop(
            graph: snapshot.graph, weights: weights, from: ego,
            to: target, maxHops: hops, top: top)
        return found.map { path in
            var path = path
            path.hops = path.hops.map(named)
            return path
        }
    }
}

extension SuggestionEngine {
    /// The matcher of `goal` with every distinct value of the snapshot rated
    /// (`GoalMatcher.learnAll`), made once per goal: a suggestion, the goal summary after it and
    /// every ego of a batch share it.
    /// - Complexity: O(distinct values) the first time for a goal, then O(1).
    func learnedMatcher(for goal: Goal) -> GoalMatcher {
        learnedGoals.matcher(for: goal) {
            var matcher = GoalMatcher(goal: goal, synonyms: synonyms)
            matcher.learnAll(index: textIndex)
            return matcher
        }
    }
}

/// The goal matchers an engine has rated, by goal: at most `capacity` (a server asked for many
/// goals forgets them all when it holds that many, and rates again those asked next).
final class LearnedGoals: @unchecked Sendable {
    private let lock = NSLock()
    private var matchers: [Goal: GoalMatcher] = [:]
    static let capacity = 16

    /// The number of matchers kept.
    var count: Int { lock.withLock { matchers.count } }

    /// The matcher of `goal`, made by `learn` unless one is kept. Two threads asking for a new goal
    /// at once may both make it; either result is the same.
    func matcher(for goal: Goal, learn: () -> GoalMatcher) -> GoalMatcher {
        if let kept = lock.withLock({ matchers[goal] }) { return kept }
        let made = learn()
        lock.withLock {
            if matchers.count >= Self.capacity { matchers.removeAll() }
            matchers[goal] = made
        }
        return made
    }
}
