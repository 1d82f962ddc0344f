import ArgumentParser
import Foundation
import Rapport
import RapportUseCases

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the whole network with tie strengths: JSON, Neo4j CSV or GraphML.",
        discussion: """
            json: one document (schema in Docs/JSON.md) that `rapport import` reads back: ids, every attribute and every tie's origin survive, and re-importing it changes nothing.

            csv: people.csv and ties.csv in the layout Neo4j's bulk importer reads; -o names a folder (created when missing), default the current one. A cell a spreadsheet would run as a formula gets a leading ' unless --exact-cells. Neo4j loads them with:
              neo4j-admin database import full --nodes=people.csv --relationships=ties.csv neo4j

            graphml: GraphML with keys for every attribute; opens in Gephi, yEd, Cytoscape and NetworkX.

            Strengths are computed as of --as-of. Files are written whole or not at all, readable only by you. Without -o, json and graphml go to standard output.

            Examples:
              rapport export --format json -o network.json
              rapport export --format csv -o neo4j-import
              rapport export --format graphml -o network.graphml
            """)

    @OptionGroup var analysis: AnalysisOptions

    @Option(name: .long, help: ArgumentHelp("json, csv or graphml.", valueName: "format"))
    var format: String = "json"

    @Option(
        name: [.short, .long],
        help: ArgumentHelp("The file (json, graphml) or folder (csv) to write.", valueName: "path"))
    var output: String?

    @Flag(
        name: .long,
        help: "With csv: write cells exactly, even those a spreadsheet would run as formulas (for Neo4j only).")
    var exactCells = false

    func validate() throws {
        guard Exporting.Format(rawValue: format) != nil else {
            throw ValidationError("--format must be json, csv or graphml, not '\(format)'")
        }
        if format == "csv", let output, output.lowercased().hasSuffix(".csv"),
            !FileManager.default.fileExists(atPath: output)
        {
            throw ValidationError(
                "--format csv writes people.csv and ties.csv into a folder; give -o a folder, not '\(output)'")
        }
        if exactCells && format != "csv" { throw ValidationError("--exact-cells applies to --format csv only") }
    }

    func run() throws {
        let document = try Exporting.document(try analysis.analysis())
        guard let format = Exporting.Format(rawValue: format) else { return }
        if format == .csv {
            let folder = output ?? "."
            try Exporting.writeNeo4j(document, folder: folder, neutralizeFormulas: !exactCells)
            print(
                "Wrote \(folder)/people.csv (\(document.people.count) people) and \(folder)/ties.csv (\(document.ties.count) ties)."
            )
            return
        }
        let bytes = try Exporting.bytes(document, format: format)
        guard let output else { return FileHandle.standardOutput.write(Data(bytes)) }
        try OutputFile.write(bytes, to: output)
        print(
            "Wrote \(output): \(document.people.count) people, \(document.ties.count) ties, \(document.interactions.count) interactions, \(document.introductions.count) introductions."
        )
    }
}
