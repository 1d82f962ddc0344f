import ArgumentParser
import Foundation
import Rapport

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
        let a = try Analysis(analysis)
        let graph = a.snapshot.graph
        var rows: [(edge: Int32, from: Int32, to: Int32)] = []
        if all {
            for e in 0..<Int32(graph.edgeCount) { rows.append((e, graph.endpoints[2 * Int(e)], graph.endpoints[2 * Int(e) + 1])) }
        } else {
            let center = try person.map { try a.session.resolve($0, in: a.snapshot) } ?? a.ego()
            for h in graph.halfEdges(of: center) { rows.append((graph.incidentEdges[h], center, graph.neighbors[h])) }
        }
        rows.sort { x, y in
            let sx = a.strengths.values[Int(x.edge)], sy = a.strengths.values[Int(y.edge)]
            if sx != sy { return sx > sy }
            return (a.snapshot.people[Int(x.to)].id, a.snapshot.people[Int(x.from)].id) < (a.snapshot.people[Int(y.to)].id, a.snapshot.people[Int(y.from)].id)
        }
        let total = rows.count
        if top > 0 { rows = Array(rows.prefix(top)) }

        if json {
            let entries = rows.map { row -> TieJSON in
                let explanation = a.strengths.explain(edge: row.edge)
                let p = a.snapshot.people[Int(row.to)]
                return TieJSON(
                    id: p.id, name: p.displayName, organization: p.organization, title: p.title,
                    kind: a.snapshot.ties[Int(row.edge)].kind.rawValue, origin: a.snapshot.ties[Int(row.edge)].origin.rawValue,
                    strength: explanation.strength,
                    factors: explanation.factors.map { FactorJSON(name: $0.name, input: $0.input, detail: $0.detail, contribution: $0.contribution, additive: $0.isAdditive) },
                    explanation: explanation.sentence,
                    from: all || person != nil ? PersonRef(id: a.snapshot.people[Int(row.from)].id, name: a.name(row.from)) : nil)
            }
            print(try JSONOutput.string(entries))
            return
        }
        var table = TextTable(all ? ["FROM", "TO", "KIND", "STRENGTH"] : ["PERSON", "ORGANIZATION", "KIND", "STRENGTH"])
        table.rightAligned = [3]
        table.maxWidths = [0: 24, 1: 28, 2: 16]
        for row in rows {
            let tie = a.snapshot.ties[Int(row.edge)]
            let kind = tie.kind.rawValue.replacingOccurrences(of: "_", with: " ") + (tie.isInferred ? " (inferred)" : "")
            let s = format2(a.strengths.values[Int(row.edge)])
            table.add(all ? [a.name(row.from), a.name(row.to), kind, s] : [a.name(row.to), a.organizationName(row.to), kind, s])
        }
        if explain {
            // One block per tie: the table row, then its factors in words.
            print(table.render { i in
                let explanation = a.strengths.explain(edge: rows[i].edge)
                return ["    " + Terminal.cell(explanation.sentence)]
                    + explanation.factors.filter { $0.isAdditive && abs($0.contribution) >= 0.005 }.map { f in
                        "      \(f.contribution >= 0 ? "+" : "")\(format2(f.contribution))  \(f.name): \(Terminal.cell(f.detail))"
                    }
                    // The terms of imported evidence, as parts of the lines above.
                    + explanation.factors.filter { StrengthFactor.evidenceTerms.contains($0.name) && abs($0.contribution) >= 0.005 }.map { f in
                        "        \(f.contribution >= 0 ? "+" : "")\(format2(f.contribution))  \(f.name): \(Terminal.cell(f.detail))"
                    }
            })
        } else {
            print(table.render())
        }
        if rows.count < total { print("\(rows.count) of \(total) ties (--top 0 lists all)") }
    }
}

struct PersonRef: Encodable {
    var id: String
    var name: String
}

struct FactorJSON: Encodable {
    var name: String
    var input: Double
    var detail: String
    var contribution: Double
    var additive: Bool
}

/// The `--json` shape of one tie.
struct TieJSON: Encodable {
    var id: String
    var name: String
    var organization: String?
    var title: String?
    var kind: String
    var origin: String
    var strength: Double
    var factors: [FactorJSON]
    var explanation: String
    /// The other end, for `--all` and `--person`.
    var from: PersonRef?
}
