import Rapport

extension ReportContent {
    /// The report of a scored network for `ego`.
    ///
    /// - Parameters:
    ///   - snapshot: the network; `strengths` must be computed on it.
    ///   - ego: the person the report is for (usually the user).
    ///   - goal: the goal the suggestions were ranked for; described in words on the page.
    ///   - suggestions: ranked suggestions, best first (from `SuggestionEngine.suggest`).
    ///   - keepWarm: fading ties (from `SuggestionEngine.keepWarm`).
    ///   - diagrams: rendered diagrams (see `ReportDiagrams`).
    ///   - reachLimit: how many organizations the reach chart shows.
    /// - Throws: `ReportError.unknownEgo` or `.scoring`.
    /// - Complexity: O(V + E) for the counts, plus reach over the ego's ties, O(d log d).
    public init(
        snapshot: NetworkSnapshot, strengths: TieStrengths, ego: Int32, goal: Goal = Goal(), suggestions: [Suggestion],
        keepWarm: [KeepWarmSuggestion], diagrams: [ReportDiagram] = [], reachLimit: Int = 15
    ) throws(ReportError) {
        guard ego >= 0, Int(ego) < snapshot.personCount else { throw ReportError.unknownEgo(ego) }
        let name = snapshot.people.displayName(ego)
        let entries: [ReachEntry]
        do {
            entries = try ReachCalculator(ego: ego, strengths: strengths).reach(by: .organization)
        } catch {
            throw ReportError.scoring(error)
        }
        func person(_ i: Int32) -> String { snapshot.people.displayName(i) }
        self.init(
            title: "Rapport — \(name)", asOf: strengths.asOf, egoName: name, goal: ReportContent.describe(goal),
            summary: ReportSummary(snapshot: snapshot, strengths: strengths.values, ego: ego),
            reach: entries.prefix(max(0, reachLimit)).map { entry in
                ReportReachRow(
                    organization: entry.name, reach: entry.reach,
                    ties: entry.ties.map { ReportPerson(name: person($0.person), strength: $0.strength) })
            },
            suggestions: suggestions.enumerated().map { ReportSuggestion($1, rank: $0 + 1) },
            keepWarm: keepWarm.map(ReportKeepWarm.init),
            diagrams: diagrams)
    }

    /// The goal in words: "sectors: intellectual property; organizations: Wilson & Okafor", or "".
    public static func describe(_ goal: Goal) -> String {
        let parts: [(String, [String])] = [
            ("sectors", goal.sectors), ("keywords", goal.keywords), ("organizations", goal.organizations),
            ("locations", goal.locations), ("seniority", goal.seniority),
        ]
        return parts.filter { !$0.1.isEmpty }.map { "\($0.0): \($0.1.joined(separator: ", "))" }
            .joined(separator: "; ")
    }
}

extension ReportSummary {
    /// People, organizations and ties by tier, over the whole network and around `ego`.
    /// - Complexity: O(V + E).
    public init(snapshot: NetworkSnapshot, strengths: [Double], ego: Int32?) {
        var all: [StrengthTier: Int] = [:]
        for s in strengths { all[StrengthTier(strength: s), default: 0] += 1 }
        var own: [StrengthTier: Int] = [:]
        if let ego, ego >= 0, Int(ego) < snapshot.personCount {
            let graph = snapshot.graph
            for h in graph.halfEdges(of: ego) {
                let edge = Int(graph.incidentEdges[h])
                if edge < strengths.count { own[StrengthTier(strength: strengths[edge]), default: 0] += 1 }
            }
        }
        self.init(people: snapshot.personCount, organizations: snapshot.organizations.count, ties: all, egoTies: own)
    }
}

extension ReportSuggestion {
    init(_ s: Suggestion, rank: Int) {
        self.init(
            rank: rank, name: s.name, organization: s.organization ?? "", title: s.title ?? "", score: s.score,
            components: s.components, kind: s.kind,
            path: s.path.map { ReportPerson(name: $0.name ?? $0.id ?? "", strength: $0.strength) },
            alternatives: s.alternatives.map { ReportPerson(name: $0.name, strength: $0.reliability) },
            shared: s.shared, action: s.action)
    }
}

extension ReportKeepWarm {
    init(_ k: KeepWarmSuggestion) {
        self.init(
            name: k.name, organization: k.organization ?? "", strength: k.strength, peakStrength: k.peakStrength,
            lastContact: k.lastInteraction, daysSinceContact: k.daysSinceContact, action: k.action)
    }
}
