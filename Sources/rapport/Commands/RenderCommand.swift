import ArgumentParser
import Foundation
import Rapport
import RapportGraphviz

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the network with Graphviz: DOT, SVG, PNG or PDF.",
        discussion: """
            VIEW is one of:
              ego          you and everyone within --radius ties (default 1)
              network      everyone, clustered by organization (above --node-limit: the orgs view)
              org NAME     one organization and how you reach into it
              path PERSON  the warm paths to one person
              suggestions  your top suggested targets and their warm paths
              orgs         one node per organization, coloured by your reach

            The suggestions view takes suggest's goal flags; the orgs view shows the whole picture at any size. Edge width and colour follow strength; weak ties (< 0.3) are dashed. The format comes from the file extension unless --format is given. Above --node-limit people Rapport refuses and suggests the orgs view or a filter, unless --force; the network view draws the orgs view instead, and the orgs view draws the organizations you reach most (then the largest) one by one and the rest as one node.

            Examples:
              rapport render ego -o me.svg
              rapport render suggestions --sector "intellectual property" -o next.png
              rapport render org "Wilson & Okafor" --min-strength 0.2 -o wilson.pdf
            """)

    @OptionGroup var analysis: AnalysisOptions

    @Argument(help: "ego, network, org, path, suggestions or orgs.")
    var view: String

    @Argument(help: "The organization (org) or person (path).")
    var subject: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Where to write the picture.", valueName: "file"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("dot, svg, png or pdf (default: from the file extension).", valueName: "format"))
    var format: String?

    @Option(name: .long, help: ArgumentHelp("dot, neato, fdp, sfdp, circo or twopi (default: by size).", valueName: "engine"))
    var engine: String?

    @Option(name: .long, help: ArgumentHelp("For ego: how many ties out.", valueName: "r"))
    var radius = 1

    @Option(name: .long, help: ArgumentHelp("Leave out ties weaker than this.", valueName: "s"))
    var minStrength = 0.0

    @Option(name: .long, help: ArgumentHelp("Keep only the top N people, targets, paths or organizations.", valueName: "n"))
    var top: Int?

    @Option(name: .long, help: ArgumentHelp("Draw past this many people only with --force.", valueName: "n"))
    var nodeLimit = DiagramOptions.defaultNodeLimit

    @Flag(name: .long, help: "Draw even above --node-limit (Graphviz may take minutes).")
    var force = false

    @Option(name: .long, help: ArgumentHelp("Stop a layout that takes longer than this.", valueName: "seconds"))
    var timeout = 120

    @OptionGroup var goal: GoalOptions

    func validate() throws {
        guard ["ego", "network", "org", "path", "suggestions", "orgs"].contains(view) else {
            throw ValidationError("unknown view '\(view)'; use ego, network, org, path, suggestions or orgs")
        }
        if (view == "org" || view == "path") && subject == nil {
            throw ValidationError("the \(view) view needs \(view == "org" ? "an organization" : "a person"): rapport render \(view) NAME -o FILE")
        }
        if let format, DiagramFormat(name: format) == nil { throw ValidationError("--format must be dot, svg, png or pdf") }
        if format == nil, DiagramFormat(path: output) == nil {
            throw ValidationError("cannot tell the format from '\(output)'; use a .dot, .svg, .png or .pdf name or pass --format")
        }
        if let engine, GraphvizEngine(name: engine) == nil { throw ValidationError("--engine must be dot, neato, fdp, sfdp, circo or twopi") }
        if !(0...1).contains(minStrength) { throw ValidationError("--min-strength must be between 0 and 1") }
        if radius < 1 { throw ValidationError("--radius must be at least 1") }
        if timeout < 1 { throw ValidationError("--timeout must be at least 1 second") }
    }

    func run() throws {
        let start = DispatchTime.now()
        let progress = Progress("loading the network", steps: 2)
        defer { progress.finish() }
        let a = try Analysis(analysis)
        var diagram: DiagramView
        switch view {
        case "ego": diagram = .ego(radius: radius)
        case "network": diagram = .network
        case "org": diagram = .organization(subject ?? "")
        case "orgs": diagram = .organizations
        case "path":
            let planner = try Planner(a, options: goal)
            let ego = try planner.ego(goal)
            let target = try a.session.resolve(subject ?? "", in: a.snapshot)
            diagram = .path(target: target, paths: try planner.warmPaths(to: target, top: top ?? 3, options: goal).map { $0.nodes(from: ego) })
        default:
            let planner = try Planner(a, options: goal)
            let ego = try planner.ego(goal)
            let suggestions = try planner.suggest(goal: try goal.goal(), top: top ?? 10, options: goal)
            diagram = .suggestions(suggestions.map { s in
                DiagramTarget(node: s.node, paths: s.path.isEmpty ? [] : [[ego] + s.path.map(\.node)])
            })
        }
        var options = DiagramOptions(minStrength: minStrength, top: view == "suggestions" || view == "path" ? nil : top, sector: nil, nodeLimit: nodeLimit, force: force)
        if view != "suggestions" { options.sector = goal.sector.first }
        // Above --node-limit the whole network becomes the orgs view; the library says so.
        let fitted = try diagram.fitted(of: a.snapshot, strengths: a.strengths.values, options: options)
        if let note = fitted.note { Terminal.standardError("note: " + note) }
        diagram = fitted.view
        let graph = fitted.graph
        let chosenFormat = format.flatMap(DiagramFormat.init(name:)) ?? DiagramFormat(path: output) ?? .svg
        let chosenEngine = engine.flatMap(GraphvizEngine.init(name:)) ?? diagram.recommendedEngine(nodeCount: graph.nodeCount)
        progress.advance("laying out \(graph.nodeCount) nodes with \(chosenEngine.rawValue)")
        let renderer = Renderer(location: .executable(CommandLine.selfPath, arguments: ["__render-worker"]))
        let bytes = try renderer.render(dot: graph.dotText, engine: chosenEngine, format: chosenFormat, timeout: .seconds(timeout))
        try OutputFile.write(bytes, to: output)
        progress.finish()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        var line = "Wrote \(output): \(diagram.name) view, \(graph.nodeCount) nodes, \(chosenEngine.rawValue) layout"
        if seconds >= 1 { line += String(format: ", %.1f s", seconds) }
        print(line + ".")
    }
}

extension CommandLine {
    /// This executable's path, for re-invoking it as a worker.
    static var selfPath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
