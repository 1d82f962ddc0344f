import Foundation
import Rapport
import RapportGraphviz

/// `rapport render`: one view of the network laid out by Graphviz in an isolated worker process.
public enum Drawing {
    /// The views a person may ask for by name.
    public static let viewNames = ["ego", "network", "org", "path", "suggestions", "orgs"]

    /// What to draw and how.
    public struct Request: Sendable {
        /// One of `viewNames`.
        public var view: String
        /// The organization (org) or person (path).
        public var subject: String?
        public var format: DiagramFormat
        public var engine: GraphvizEngine?
        public var radius = 1
        public var minStrength = 0.0
        public var top: Int?
        public var nodeLimit = DiagramOptions.defaultNodeLimit
        public var force = false
        public var timeout = 120

        public init(view: String, subject: String? = nil, format: DiagramFormat) {
            self.view = view
            self.subject = subject
            self.format = format
        }

        /// A request for `output` in the format its extension names, unless `format` names one.
        /// - Throws: `UseCaseError.badInput` for an unknown format or engine, or a name without a format.
        public init(view: String, subject: String?, output: String, format: String?, engine: String?) throws {
            if let format, DiagramFormat(name: format) == nil { throw UseCaseError.badInput("--format must be dot, svg, png or pdf") }
            guard let chosen = format.flatMap(DiagramFormat.init(name:)) ?? DiagramFormat(path: output) else {
                throw UseCaseError.badInput(
                    "cannot tell the format from '\(output)'; use a .dot, .svg, .png or .pdf name or pass --format")
            }
            if let engine, GraphvizEngine(name: engine) == nil {
                throw UseCaseError.badInput("--engine must be dot, neato, fdp, sfdp, circo or twopi")
            }
            self.init(view: view, subject: subject, format: chosen)
            self.engine = engine.flatMap(GraphvizEngine.init(name:))
        }

        /// - Throws: `UseCaseError.badInput` for an unknown view, a missing subject or a limit out of range.
        public func validate() throws {
            guard Drawing.viewNames.contains(view) else {
                throw UseCaseError.badInput("unknown view '\(view)'; use ego, network, org, path, suggestions or orgs")
            }
            if (view == "org" || view == "path") && subject == nil {
                throw UseCaseError.badInput(
                    "the \(view) view needs \(view == "org" ? "an organization" : "a person"): rapport render \(view) NAME -o FILE")
            }
            if !(0...1).contains(minStrength) { throw UseCaseError.badInput("--min-strength must be between 0 and 1") }
            if radius < 1 { throw UseCaseError.badInput("--radius must be at least 1") }
            if timeout < 1 { throw UseCaseError.badInput("--timeout must be at least 1 second") }
        }
    }

    /// A drawn picture.
    public struct Picture: Sendable {
        public var bytes: [UInt8]
        /// The view drawn (the orgs view when the network was too large to draw).
        public var viewName: String
        public var nodeCount: Int
        public var engine: GraphvizEngine
        /// Said to the user when the drawing differs from what was asked.
        public var note: String?
    }

    /// The worker that runs libgvc: this very executable, with the hidden `__render-worker` command.
    public static func renderer(executable: String) -> Renderer {
        Renderer(location: .executable(executable, arguments: ["__render-worker"]))
    }

    /// Draws `request.view` of the planner's network; suggestions and paths follow the planner's request.
    public static func draw(_ request: Request, planner: Planner, renderer: Renderer) throws -> Picture {
        let a = planner.analysis
        var diagram: DiagramView
        switch request.view {
        case "ego": diagram = .ego(radius: request.radius)
        case "network": diagram = .network
        case "org": diagram = .organization(request.subject ?? "")
        case "orgs": diagram = .organizations
        case "path":
            let ego = try planner.ego()
            let target = try a.resolve(request.subject ?? "")
            diagram = .path(target: target, paths: try planner.warmPaths(to: target, top: request.top ?? 3).map { $0.nodes(from: ego) })
        case "suggestions":
            let ego = try planner.ego()
            diagram = .suggestions(try planner.suggest(top: request.top ?? 10).map { s in
                DiagramTarget(node: s.node, paths: s.path.isEmpty ? [] : [[ego] + s.path.map(\.node)])
            })
        default:
            throw UseCaseError.badInput("unknown view '\(request.view)'; use \(viewNames.joined(separator: ", "))")
        }
        let listsPeople = request.view == "suggestions" || request.view == "path"
        var options = DiagramOptions(
            minStrength: request.minStrength, top: listsPeople ? nil : request.top, sector: nil,
            nodeLimit: request.nodeLimit, force: request.force)
        if request.view != "suggestions" { options.sector = planner.request.goal.sectors.first }
        // Above --node-limit the whole network becomes the orgs view, with a note saying what is drawn.
        let fitted = try diagram.fitted(of: a.snapshot, strengths: a.strengths.values, options: options)
        let (graph, note) = (fitted.graph, fitted.note.map { "note: " + $0 })
        diagram = fitted.view
        let engine = request.engine ?? diagram.recommendedEngine(nodeCount: graph.nodeCount)
        let bytes = try renderer.render(dot: graph.dotText, engine: engine, format: request.format, timeout: .seconds(request.timeout))
        return Picture(bytes: bytes, viewName: diagram.name, nodeCount: graph.nodeCount, engine: engine, note: note)
    }
}
