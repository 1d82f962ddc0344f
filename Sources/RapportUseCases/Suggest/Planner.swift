import Rapport

/// Suggestions and warm paths over an `Analysis`, with the workspace's `[suggest]` settings, the
/// request's limits and the synonym table.
public struct Planner {
    public let analysis: Analysis
    public let engine: SuggestionEngine
    public let request: SuggestRequest

    public init(_ analysis: Analysis, request: SuggestRequest = SuggestRequest()) throws {
        self.analysis = analysis
        self.request = request
        var configuration = try Planner.suggestConfiguration(analysis.configuration, path: analysis.configurationPath)
        if let maxHops = request.maxHops { configuration.maxHops = maxHops }
        if let perOrg = request.perOrganization { configuration.perOrganization = perOrg }
        if let cooldown = request.cooldownDays { configuration.cooldownDays = cooldown }
        engine = try SuggestionEngine(
            snapshot: analysis.snapshot, weights: try analysis.strengths.weights(), configuration: configuration,
            asOf: analysis.asOf, synonyms: try analysis.session.location.synonyms(), scratch: analysis.suggestionScratch
        )
    }

    /// The `[suggest]` section of the configuration file at `path`, every problem at its
    /// `path:line:column` (exit 2): a key that is not a setting, a value that is not a number or
    /// is out of range.
    public static func suggestConfiguration(_ file: RapportConfiguration, path: String) throws
        -> SuggestionConfiguration
    {
        let entries = file.entries(of: "suggest")
        var values: [String: Double] = [:]
        // In file order, so the first problem reported is the first in the file.
        for (key, entry) in entries.sorted(by: { ($0.value.location.line, $0.key) < ($1.value.location.line, $1.key) })
        {
            guard SuggestionConfiguration.keys.contains(key) else {
                throw UseCaseError.badInput(
                    "\(path):\(entry.location): unknown key '\(key)' in [suggest]; known keys: \(SuggestionConfiguration.keys.sorted().joined(separator: ", "))"
                )
            }
            guard let number = entry.value.doubleValue else {
                throw UseCaseError.badInput("\(path):\(entry.location): '\(key)' in [suggest] must be a number")
            }
            values[key] = number
        }
        do {
            return try SuggestionConfiguration(values: values)
        } catch {
            // Name the line of the key at fault (a cross-key rule names one of its keys).
            let key: String? = if case .invalidConfigurationValue(let key, _, _) = error { key } else { nil }
            let place = key.flatMap { entries[$0] }.map { "\(path):\($0.location)" } ?? path
            throw UseCaseError.badInput("\(place): \(error.description)")
        }
    }

    /// The ego: the request's person, else the user.
    public func ego() throws -> Int32 {
        if let who = request.forPerson { return try analysis.resolve(who) }
        return try analysis.ego()
    }

    /// The top `top` suggestions for the ego and the request's goal (0: every candidate).
    public func suggest(top: Int) throws -> [Suggestion] {
        try engine.suggest(for: try ego(), goal: request.goal, top: top)
    }

    /// How many people match the request's goal, or nil without a goal.
    public func goalSummary() throws -> GoalSummary? {
        request.goal.isEmpty ? nil : try engine.summary(of: request.goal, for: try ego())
    }

    public func warmPaths(to target: Int32, top: Int) throws -> [WarmPath] {
        try engine.paths(to: target, from: try ego(), top: top)
    }

    /// Strong ties of the ego that are fading, each judged against its peak strength.
    public func keepWarm(days: Int?) throws -> [KeepWarmSuggestion] {
        let ego = try ego()
        var peaks = analysis.strengths.values
        let graph = analysis.snapshot.graph
        for h in graph.halfEdges(of: ego) {
            let e = graph.incidentEdges[h]
            peaks[Int(e)] = analysis.strengths.peakStrength(edge: e)
        }
        return try engine.keepWarm(for: ego, peakStrengths: peaks, noContactDays: days)
    }

    /// "You → Maria Chen 0.82 → Dana Lee 0.61".
    public func describe(_ hops: [PathHop], from ego: Int32) -> String {
        let start = ego == analysis.snapshot.selfIndex ? "You" : analysis.name(ego)
        return ([start] + hops.map { "\(analysis.name($0.node)) \(NumberFormat.twoDecimals($0.strength))" }).joined(
            separator: " → ")
    }
}

extension WarmPath {
    /// The path as nodes from the ego to the target (for diagrams).
    public func nodes(from ego: Int32) -> [Int32] { [ego] + hops.map(\.node) }
}
