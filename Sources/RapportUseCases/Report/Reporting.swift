import Rapport
import RapportGraphviz
import RapportReport

/// `rapport report`: the self-contained HTML page of the planner's request.
public enum Reporting {
    /// How much the page shows.
    public struct Request: Sendable {
        public var top = 10
        public var keepWarm = 10
        public var organizations = 15
        public var diagrams = true
        public var timeout = 120

        public init(top: Int = 10, keepWarm: Int = 10, organizations: Int = 15, diagrams: Bool = true, timeout: Int = 120) {
            self.top = top
            self.keepWarm = keepWarm
            self.organizations = organizations
            self.diagrams = diagrams
            self.timeout = timeout
        }
    }

    /// The page's content: suggestions, keep-warm, reach and (unless left out) the diagrams.
    public static func content(_ request: Request, planner: Planner, renderer: Renderer) throws -> ReportContent {
        let a = planner.analysis
        let ego = try planner.ego()
        let suggestions = try planner.suggest(top: request.top)
        let fading = Array(try planner.keepWarm(days: nil).prefix(request.keepWarm))
        var diagrams: [ReportDiagram] = []
        if request.diagrams {
            diagrams = try ReportDiagrams.render(
                snapshot: a.snapshot, strengths: a.strengths.values, ego: ego, suggestions: suggestions,
                renderer: renderer, timeout: .seconds(request.timeout))
        }
        return try ReportContent(
            snapshot: a.snapshot, strengths: a.strengths, ego: ego, goal: planner.request.goal, suggestions: suggestions,
            keepWarm: fading, diagrams: diagrams, reachLimit: request.organizations)
    }

    /// The page for `content`.
    public static func html(_ content: ReportContent) throws -> String { try ReportPage.html(content) }
}
