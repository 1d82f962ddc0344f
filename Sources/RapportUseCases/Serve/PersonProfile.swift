import Rapport

extension Planner {
    /// The same planner with another goal: the suggestion engine (indexes over the whole network)
    /// is shared, not rebuilt, so that a front can answer many goals over one loaded network.
    /// - Complexity: O(1).
    public func with(goal: Goal) -> Planner {
        var request = self.request
        request.goal = goal
        return Planner(analysis: analysis, engine: engine, request: request)
    }

    private init(analysis: Analysis, engine: SuggestionEngine, request: SuggestRequest) {
        self.analysis = analysis
        self.engine = engine
        self.request = request
    }
}

extension Goal {
    /// A goal from comma-separated lists, as a form or a command line gives them: empty items are
    /// dropped, spaces around each item trimmed.
    public init(sectors: String, keywords: String, organizations: String, locations: String) {
        func items(_ text: String) -> [String] {
            text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        self.init(
            sectors: items(sectors), keywords: items(keywords), organizations: items(organizations),
            locations: items(locations))
    }
}

/// What a person page shows about one person: who they are, the user's tie to them with its
/// explanation and evidence, the warm paths to them, and where they stand in the pipeline.
///
/// The pieces are those of `rapport ties --person --explain`, `rapport path` and `rapport pipeline`,
/// gathered in one place so that every front shows the same thing.
public struct PersonProfile {
    public var node: Int32
    public var person: Person
    public var organization: String?
    /// The user's tie to them, when there is one.
    public var tie: Int32?
    public var strength: Double?
    public var explanation: StrengthExplanation?
    /// The interactions on the user's tie, newest first.
    public var timeline: [Interaction]
    public var paths: [WarmPath]
    public var stage: PipelineEntry?

    /// - Parameters:
    ///   - reference: an id, email, profile URL or full name.
    ///   - top: how many warm paths to find (0: none, for a caller that finds them itself).
    /// - Throws: `UseCaseError.badInput` for an unknown or ambiguous reference, or the user.
    /// - Complexity: one warm-path search from the user, plus O(k) for k interactions on the tie.
    public init(_ planner: Planner, reference: String, paths top: Int = 3) throws {
        let a = planner.analysis
        let ego = try a.ego()
        node = try a.resolve(reference)
        guard node != ego else { throw UseCaseError.badInput("this is you: pick someone else") }
        person = a.snapshot.people[Int(node)]
        organization = a.snapshot.organization(of: node)?.name ?? person.organization
        tie = a.snapshot.tie(between: ego, and: node)
        if let tie {
            strength = a.strengths.values[Int(tie)]
            explanation = a.strengths.explain(edge: tie)
            timeline = Array(a.snapshot.interactions(onTie: tie).reversed())
        } else {
            timeline = []
        }
        paths = top > 0 ? try planner.warmPaths(to: node, top: top) : []
        stage = try a.session.workspace.pipelineEntry(personID: person.id)
    }

    /// The factors that add up to the strength, largest first, without those too small to show.
    public var additiveFactors: [StrengthFactor] {
        (explanation?.factors ?? []).filter { $0.isAdditive && abs($0.contribution) >= 0.005 }
            .sorted { abs($0.contribution) > abs($1.contribution) }
    }
}
