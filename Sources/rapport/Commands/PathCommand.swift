import ArgumentParser
import Rapport
import RapportUseCases

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "The warm paths to one person: who can introduce you, and how reliable each chain is.",
        discussion: """
            A path's reliability is the product of the tie strengths along it; the best path through each different first introducer is listed.

            Examples:
              rapport path "Dana Lee"
              rapport path dana.lee@wilson.example --top 5 --json
            """)

    @OptionGroup var analysis: AnalysisOptions

    @Argument(help: "The person to reach (id, email, profile URL or full name).")
    var person: String

    @Option(name: .long, help: ArgumentHelp("How many paths.", valueName: "n"))
    var top = 3

    @Option(name: .long, help: ArgumentHelp("From this person instead of you.", valueName: "person"))
    var from: String?

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        let a = try analysis.analysis()
        let planner = try Planner(a, request: SuggestRequest(forPerson: from))
        let ego = try planner.ego()
        let target = try a.resolve(person)
        let paths = try planner.warmPaths(to: target, top: top)
        if json { return print(try JSONOutput.string(paths.map { PathJSON($0, in: a) })) }
        guard !paths.isEmpty else {
            print("No warm path to \(OutputPolicy.terminal(a.name(target))) within \(planner.engine.configuration.maxHops) hops: consider cold outreach.")
            return
        }
        for (i, p) in paths.enumerated() {
            print("\(i + 1). \(NumberFormat.twoDecimals(p.reliability))  " + OutputPolicy.terminalLine(planner.describe(p.hops, from: ego)))
        }
    }
}
