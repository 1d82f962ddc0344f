import ArgumentParser
import Rapport
import RapportUseCases

struct ReachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reach",
        abstract: "How well you reach into each organization, sector or school.",
        discussion: """
            reach = s₁ + (1 − s₁) · Σ sₖ / 2^(k−1) over your ties there, strongest first: one strong tie (0.8) gives more reach than any number of acquaintances (0.1 each: five give 0.18, forty 0.19).

            Examples:
              rapport reach --top 10
              rapport reach --by sector --json
            """)

    @OptionGroup var analysis: AnalysisOptions

    @Option(name: .long, help: ArgumentHelp("Group by org, sector or school.", valueName: "grouping"))
    var by: String = "org"

    @Option(name: .long, help: ArgumentHelp("How many groups to list; 0 lists all.", valueName: "n"))
    var top = 15

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func validate() throws {
        if ReachGrouping(text: by) == nil { throw ValidationError("--by must be org, sector or school, not '\(by)'") }
        if top < 0 { throw ValidationError("--top must be 0 (all) or more") }
    }

    func run() throws {
        let a = try analysis.analysis()
        guard let grouping = ReachGrouping(text: by) else { return }
        var entries = try a.reach(by: grouping)
        let total = entries.count
        if top > 0 { entries = Array(entries.prefix(top)) }
        if json {
            print(try JSONOutput.string(entries.map { ReachJSON($0, in: a) }))
            return
        }
        var table = TextTable([grouping == .organization ? "ORGANIZATION" : grouping.rawValue.uppercased(), "REACH", "", "CARRIED BY"], boldHeaders: Terminal.colorEnabled)
        table.rightAligned = [1]
        table.maxWidths = [0: 30, 3: 34]
        for e in entries {
            let bar = String(repeating: "█", count: Int((e.reach * 10).rounded())) + String(repeating: "·", count: 10 - Int((e.reach * 10).rounded()))
            let carriers = e.ties.prefix(3).map { "\(a.name($0.person)) \(NumberFormat.twoDecimals($0.strength))" }.joined(separator: ", ")
                + (e.ties.count > 3 ? " +\(e.ties.count - 3)" : "")
            table.add([e.name, NumberFormat.twoDecimals(e.reach), bar, carriers])
        }
        print(table.render())
        if entries.count < total { print("\(entries.count) of \(total) (--top 0 lists all)") }
    }
}
