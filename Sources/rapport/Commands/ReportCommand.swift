import ArgumentParser
import Foundation
import Rapport
import RapportGraphviz
import RapportReport
import RapportUseCases

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
        let planner = try Planner(try analysis.analysis(preparingSuggestions: true), request: try goal.request())
        planner.analysis.warnIfPlaceholderName(try planner.ego())
        let request = Reporting.Request(top: top, keepWarm: keepWarm, organizations: orgs, diagrams: !noDiagrams, timeout: timeout)
        let content = try Reporting.content(request, planner: planner, renderer: Drawing.renderer(executable: CommandLine.selfPath))
        try OutputFile.write(try Reporting.html(content), to: output)
        print(
            "Wrote \(output): \(content.suggestions.count) suggestions, \(content.reach.count) organizations, "
                + "\(content.keepWarm.count) fading ties, \(content.diagrams.count) diagrams.")
    }
}
