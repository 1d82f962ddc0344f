import ArgumentParser
import Foundation
import Rapport
import RapportGraphviz
import RapportReport

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained HTML page to open in a browser and print.",
        discussion: """
            The page holds a summary (people, organizations, ties by strength tier), your reach by organization as a bar chart with the ties that carry it, the ranked suggestions with their explanations and warm paths, the keep-warm list, and the ego and suggestions diagrams as inline SVG. It needs no network and loads nothing: CSS and pictures are inside the file. It prints one section per page and stays readable on a phone. Takes suggest's goal flags.

            Examples:
              rapport report -o report.html
              rapport report --sector "intellectual property" --top 8 -o ip-report.html
              rapport report --for p042 --as-of 2026-11-01 -o p042.html
            """)

    @OptionGroup var analysis: AnalysisOptions
    @OptionGroup var goal: GoalOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Where to write the page.", valueName: "file"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("How many suggestions to list and draw.", valueName: "k"))
    var top = 10

    @Option(name: .long, help: ArgumentHelp("How many fading ties to list.", valueName: "n"))
    var keepWarm = 10

    @Option(name: .long, help: ArgumentHelp("How many organizations the reach chart shows.", valueName: "n"))
    var orgs = 15

    @Flag(name: .long, help: "Leave out the diagrams (no Graphviz layout).")
    var noDiagrams = false

    @Option(name: .long, help: ArgumentHelp("Stop a layout that takes longer than this.", valueName: "seconds"))
    var timeout = 120

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
        if keepWarm < 0 { throw ValidationError("--keep-warm cannot be negative") }
        if orgs < 1 { throw ValidationError("--orgs must be at least 1") }
        if timeout < 1 { throw ValidationError("--timeout must be at least 1 second") }
        try goal.validateLimits()
    }

    func run() throws {
        let a = try Analysis(analysis)
        let planner = try Planner(a, options: goal)
        let ego = try planner.ego(goal)
        a.warnIfPlaceholderName(ego)
        let target = try goal.goal()
        let suggestions = try planner.suggest(goal: target, top: top, options: goal)
        let fading = Array(try planner.keepWarm(days: nil, options: goal).prefix(keepWarm))
        var diagrams: [ReportDiagram] = []
        if !noDiagrams {
            let renderer = Renderer(location: .executable(CommandLine.selfPath, arguments: ["__render-worker"]))
            diagrams = try ReportDiagrams.render(
                snapshot: a.snapshot, strengths: a.strengths.values, ego: ego, suggestions: suggestions,
                renderer: renderer, timeout: .seconds(timeout))
        }
        let content = try ReportContent(
            snapshot: a.snapshot, strengths: a.strengths, ego: ego, goal: target, suggestions: suggestions,
            keepWarm: fading, diagrams: diagrams, reachLimit: orgs)
        try OutputFile.write(try ReportPage.html(content), to: output)
        print(
            "Wrote \(output): \(content.suggestions.count) suggestions, \(content.reach.count) organizations, "
                + "\(content.keepWarm.count) fading ties, \(content.diagrams.count) diagrams.")
    }
}
