import ArgumentParser
import Foundation
import Rapport
import RapportCSV

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
        guard ["json", "csv", "graphml"].contains(format) else {
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
        let a = try Analysis(analysis)
        let document = ExportCommand.document(a, data: try a.session.data())
        switch format {
        case "csv":
            let folder = output ?? "."
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else {
                    throw CommandError.badInput("\(folder): --format csv writes two files; -o must name a folder")
                }
            } else {
                do {
                    try FileManager.default.createDirectory(
                        atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                } catch {
                    throw CommandError.failure("\(folder): cannot create the folder")
                }
            }
            try OutputFile.write(Neo4jCSV.people(document, neutralizeFormulas: !exactCells), to: folder + "/people.csv")
            try OutputFile.write(Neo4jCSV.ties(document, neutralizeFormulas: !exactCells), to: folder + "/ties.csv")
            print(
                "Wrote \(folder)/people.csv (\(document.people.count) people) and \(folder)/ties.csv (\(document.ties.count) ties)."
            )
        default:
            let bytes = format == "json" ? try NetworkJSON.encode(document) : Array(GraphMLWriter.write(document).utf8)
            guard let output else {
                FileHandle.standardOutput.write(Data(bytes))
                return
            }
            try OutputFile.write(bytes, to: output)
            print(
                "Wrote \(output): \(document.people.count) people, \(document.ties.count) ties, \(document.interactions.count) interactions, \(document.introductions.count) introductions."
            )
        }
    }

    /// The workspace's records, each tie with its strength in the scored snapshot.
    static func document(_ a: Analysis, data: NetworkData) -> NetworkDocument {
        NetworkDocument(data: data, asOf: a.asOf) { tie in
            guard let i = a.snapshot.index(ofID: tie.personA), let j = a.snapshot.index(ofID: tie.personB),
                let edge = a.snapshot.tie(between: i, and: j)
            else { return nil }
            return a.strengths[edge]
        }
    }
}
