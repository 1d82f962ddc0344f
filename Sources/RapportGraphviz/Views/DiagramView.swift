import Rapport

/// A target of the suggestions view: a person and their warm paths from the user, best first, each
/// path a node sequence that starts at the user and ends at the target.
public struct DiagramTarget: Sendable, Hashable {
    public var node: Int32
    public var paths: [[Int32]]

    public init(node: Int32, paths: [[Int32]]) {
        self.node = node
        self.paths = paths
    }
}

/// The pictures Rapport draws. Each turns plain inputs (a snapshot, one strength per edge, paths as
/// node sequences) into a `DOTGraph`; none depends on how the strengths or paths were computed.
public enum DiagramView: Sendable, Hashable {
    /// Everyone, clustered by organization.
    case network
    /// The user and everyone within `radius` ties.
    case ego(radius: Int)
    /// One organization (by name or normalized key), and how the user reaches into it: direct ties
    /// and the user's contacts who know someone there.
    case organization(String)
    /// The warm paths to one target, best first.
    case path(target: Int32, paths: [[Int32]])
    /// The top targets and their warm paths, in rank order.
    case suggestions([DiagramTarget])
    /// One node per organization, sized by its people and coloured by the user's reach into it:
    /// `ReachFormula` over the user's ties there (the strongest counts whole). The only sane whole picture of a large
    /// network.
    case organizations

    /// The view's name on the command line.
    public var name: String {
        switch self {
        case .network: return "network"
        case .ego: return "ego"
        case .organization: return "org"
        case .path: return "path"
        case .suggestions: return "suggestions"
        case .organizations: return "orgs"
        }
    }

    /// The engine for this view at this size: `twopi` for a small `orgs` star, else `dot` up to
    /// `GraphvizEngine.layeredNodeLimit` nodes and `sfdp` above.
    public func recommendedEngine(nodeCount: Int) -> GraphvizEngine {
        if case .organizations = self, nodeCount <= GraphvizEngine.layeredNodeLimit { return .twopi }
        return GraphvizEngine.recommended(forNodeCount: nodeCount)
    }

    /// Builds the diagram.
    ///
    /// - Parameters:
    ///   - snapshot: the network.
    ///   - strengths: one strength in [0, 1] per edge of `snapshot.graph`.
    ///   - options: filters, the node limit and the legend.
    /// - Throws: `RenderError.invalidStrengths`, `.noUser` (views around the user),
    ///   `.unknownOrganization`, `.nodeOutOfRange`, `.notTied`, `.invalidPath`, `.invalidOption`,
    ///   or `.tooManyNodes` when the picture would pass `options.nodeLimit` without `options.force`.
    /// - Complexity: O(V + E) for `network`, `orgs` and `org`; O(size of the ball) for `ego`;
    ///   O(total path length) for `path` and `suggestions`; plus sorting the output.
    public func graph(of snapshot: NetworkSnapshot, strengths: [Double], options: DiagramOptions = DiagramOptions())
        throws(RenderError) -> DOTGraph
    {
        let context = try DiagramContext(snapshot: snapshot, strengths: strengths, options: options, view: name)
        switch self {
        case .network: return try context.networkView()
        case .ego(let radius): return try context.egoView(radius: radius)
        case .organization(let name): return try context.organizationView(named: name)
        case .path(let target, let paths): return try context.pathView(target: target, paths: paths)
        case .suggestions(let targets): return try context.suggestionsView(targets)
        case .organizations: return try context.organizationsView()
        }
    }

    /// `graph(of:strengths:options:)`, except that the whole network above the node limit without
    /// `force` becomes the `orgs` view, with a note that says what is drawn instead of what.
    /// - Throws: as `graph(of:strengths:options:)`.
    /// - Complexity: as `graph(of:strengths:options:)`, plus the `orgs` view when it stands in.
    public func fitted(of snapshot: NetworkSnapshot, strengths: [Double], options: DiagramOptions = DiagramOptions())
        throws(RenderError) -> FittedDiagram
    {
        do {
            return FittedDiagram(view: self, graph: try graph(of: snapshot, strengths: strengths, options: options), note: nil)
        } catch {
            guard case .network = self, case .tooManyNodes(let count, let limit, _) = error else { throw error }
            var orgs = options
            orgs.top = nil
            let context = try DiagramContext(snapshot: snapshot, strengths: strengths, options: orgs, view: Self.organizations.name)
            let selection = context.organizationSelection()
            let graph = try context.organizationsView(selection)
            return FittedDiagram(
                view: .organizations, graph: graph,
                note: "\(count) people is more than --node-limit \(limit), so this draws the orgs view instead: \(selection.summary). Pass --force to draw every person.")
        }
    }

    /// The diagram as DOT text; see `graph(of:strengths:options:)`.
    public func dot(of snapshot: NetworkSnapshot, strengths: [Double], options: DiagramOptions = DiagramOptions())
        throws(RenderError) -> String
    {
        try graph(of: snapshot, strengths: strengths, options: options).dotText
    }
}

/// A diagram ready for layout: the view drawn, its graph, and, when the view is not the one asked
/// for, a sentence for the user saying so.
public struct FittedDiagram: Sendable {
    public var view: DiagramView
    public var graph: DOTGraph
    public var note: String?
}

/// Filters and limits shared by every view.
public struct DiagramOptions: Sendable, Hashable {
    /// Ties weaker than this are left out (and, in the person views, people they alone connected).
    public var minStrength: Double
    /// Keep only the strongest-connected people (`network`, `ego`, `org`), the first targets
    /// (`suggestions`), the first paths (`path`) or the organizations with the most reach (`orgs`).
    public var top: Int?
    /// Keep only people (or organizations) in this sector or practice area (case-insensitive
    /// substring). The user, targets and path members always stay.
    public var sector: String?
    /// The largest picture drawn without `force`.
    public var nodeLimit: Int
    /// The most organizations the `orgs` view draws one by one without `top` or `force`; the rest
    /// become one "other organizations" node, so that a directory of 23,000 firms draws in seconds.
    public var organizationLimit: Int
    /// Draw past `nodeLimit`.
    public var force: Bool
    /// Add the legend.
    public var showLegend: Bool
    /// A title drawn above the picture; each view has its own default.
    public var title: String?

    public static let defaultNodeLimit = 2_000
    public static let defaultOrganizationLimit = 100

    public init(
        minStrength: Double = 0, top: Int? = nil, sector: String? = nil,
        nodeLimit: Int = DiagramOptions.defaultNodeLimit,
        force: Bool = false, showLegend: Bool = true, title: String? = nil,
        organizationLimit: Int = DiagramOptions.defaultOrganizationLimit
    ) {
        self.minStrength = minStrength
        self.top = top
        self.sector = sector
        self.nodeLimit = nodeLimit
        self.force = force
        self.showLegend = showLegend
        self.title = title
        self.organizationLimit = organizationLimit
    }
}
