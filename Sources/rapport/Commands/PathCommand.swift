import ArgumentParser
import Rapport

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
        let a = try Analysis(analysis)
        var options = try GoalOptions.parse([])
        options.for = from
        let planner = try Planner(a, options: options)
        let ego = try planner.ego(options)
        let target = try a.session.resolve(person, in: a.snapshot)
        let paths = try planner.warmPaths(to: target, top: top, options: options)
        if json {
            print(try JSONOutput.string(paths.map { p in
                PathJSON(reliability: p.reliability, hops: p.hops.map { HopJSON(id: a.snapshot.people[Int($0.node)].id, name: a.name($0.node), strength: $0.strength) })
            }))
            return
        }
        guard !paths.isEmpty else {
            print("No warm path to \(Terminal.inert(a.name(target))) within \(planner.engine.configuration.maxHops) hops: consider cold outreach.")
            return
        }
        for (i, p) in paths.enumerated() {
            print("\(i + 1). \(format2(p.reliability))  " + Terminal.cell(planner.describe(p.hops, from: ego)))
        }
    }
}

struct PathJSON: Encodable {
    var reliability: Double
    var hops: [HopJSON]
}
