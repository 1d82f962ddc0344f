import ArgumentParser
import Foundation
import Rapport
import RapportGraphviz
import RapportUseCases

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

    /// The drawing these options ask for.
    var request: Drawing.Request {
        get throws {
            var request = try Drawing.Request(view: view, subject: subject, output: output, format: format, engine: engine)
            (request.radius, request.minStrength, request.top) = (radius, minStrength, top)
            (request.nodeLimit, request.force, request.timeout) = (nodeLimit, force, timeout)
            try request.validate()
            return request
        }
    }

    func validate() throws {
        do { _ = try request } catch let error as UseCaseError { throw ValidationError(error.description) }
    }

    func run() throws {
        let start = DispatchTime.now()
        let progress = Progress("loading the network", steps: 2)
        defer { progress.finish() }
        let planner = try Planner(try analysis.analysis(), request: try goal.request())
        progress.advance("laying out")
        let picture = try Drawing.draw(try request, planner: planner, renderer: Drawing.renderer(executable: CommandLine.selfPath))
        if let note = picture.note { Terminal.standardError(note) }
        try OutputFile.write(picture.bytes, to: output)
        progress.finish()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        var line = "Wrote \(output): \(picture.viewName) view, \(picture.nodeCount) nodes, \(picture.engine.rawValue) layout"
        if seconds >= 1 { line += String(format: ", %.1f s", seconds) }
        print(line + ".")
    }
}

extension CommandLine {
    /// This executable, which is also the Graphviz worker (`__render-worker`).
    static var selfPath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
