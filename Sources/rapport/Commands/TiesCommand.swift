import ArgumentParser
import Foundation
import Rapport
import RapportUseCases

struct TiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ties",
        abstract: "List relationships by strength, and explain each one.",
        discussion: """
            Strength is a number in (0, 1] built from how deep, recent, reciprocal and long-standing a relationship is (see Docs/Scoring.md). By default lists your own ties, strongest first.

            Examples:
              rapport ties --explain --top 5
              rapport ties --person "Maria Chen" --json
              rapport ties --all --top 0
            """)

    @OptionGroup var analysis: AnalysisOptions

    @Option(name: .long, help: ArgumentHelp("List this person's ties instead of yours.", valueName: "person"))
    var person: String?

    @Flag(name: .long, help: "List every tie in the network.")
    var all = false

    @Option(name: .long, help: ArgumentHelp("How many to list; 0 lists all.", valueName: "n"))
    var top = 20

    @Flag(name: .long, help: "Show every factor's contribution in plain words.")
    var explain = false

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 (all) or more") }
        if all && person != nil { throw ValidationError("--all and --person cannot be combined") }
    }

    func run() throws {
        let a = try analysis.analysis()
        var rows = try a.tieRows(of: try person.map { try a.resolve($0) }, all: all)
        let total = rows.count
        if top > 0 { rows = Array(rows.prefix(top)) }
        if json {
            return print(try JSONOutput.string(rows.map { TieJSON($0, in: a, namingFrom: all || person != nil) }))
        }
        var table = TextTable(all ? ["FROM", "TO", "KIND", "STRENGTH"] : ["PERSON", "ORGANIZATION", "KIND", "STRENGTH"], boldHeaders: Terminal.colorEnabled)
        table.rightAligned = [3]
        table.maxWidths = [0: 24, 1: 28, 2: 16]
        for row in rows {
            let tie = a.snapshot.ties[Int(row.edge)]
            let kind = tie.kind.rawValue.replacingOccurrences(of: "_", with: " ") + (tie.isInferred ? " (inferred)" : "")
            let s = NumberFormat.twoDecimals(a.strengths.values[Int(row.edge)])
            table.add(all ? [a.name(row.from), a.name(row.to), kind, s] : [a.name(row.to), a.organizationName(row.to), kind, s])
        }
        if explain {
            // One block per tie: the table row, then its factors in words.
            print(table.render { i in
                let explanation = a.strengths.explain(edge: rows[i].edge)
                return ["    " + OutputPolicy.terminalLine(explanation.sentence)] + explanation.factorLines().map { "      " + OutputPolicy.terminalLine($0) }
            })
        } else {
            print(table.render())
        }
        if rows.count < total { print("\(rows.count) of \(total) ties (--top 0 lists all)") }
    }
}
