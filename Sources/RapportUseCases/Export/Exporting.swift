import Foundation
import Rapport
import RapportCSV

/// `rapport export`: the whole network with tie strengths as of the analysis' day.
public enum Exporting {
    public enum Format: String, CaseIterable, Sendable { case json, csv, graphml }

    /// The network as one document, every tie with its strength.
    public static func document(_ a: Analysis) throws -> NetworkDocument {
        NetworkDocument(data: try a.session.data(), asOf: a.asOf) { tie in
            guard let i = a.snapshot.index(ofID: tie.personA), let j = a.snapshot.index(ofID: tie.personB),
                let edge = a.snapshot.tie(between: i, and: j)
            else { return nil }
            return a.strengths[edge]
        }
    }

    /// The JSON (`import` reads it back) or GraphML bytes of `document`.
    public static func bytes(_ document: NetworkDocument, format: Format) throws -> [UInt8] {
        switch format {
        case .json: try NetworkJSON.encode(document)
        case .graphml: Array(GraphMLWriter.write(document).utf8)
        case .csv: throw UseCaseError.badInput("--format csv writes two files; use writeNeo4j")
        }
    }

    /// `people.csv` and `ties.csv` for Neo4j's bulk importer in `folder` (created owner-only when missing).
    public static func writeNeo4j(_ document: NetworkDocument, folder: String, neutralizeFormulas: Bool) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw UseCaseError.badInput("\(folder): --format csv writes two files; -o must name a folder")
            }
        } else {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw UseCaseError.failure("\(folder): cannot create the folder")
            }
        }
        try OutputFile.write(Neo4jCSV.people(document, neutralizeFormulas: neutralizeFormulas), to: folder + "/people.csv")
        try OutputFile.write(Neo4jCSV.ties(document, neutralizeFormulas: neutralizeFormulas), to: folder + "/ties.csv")
    }
}
