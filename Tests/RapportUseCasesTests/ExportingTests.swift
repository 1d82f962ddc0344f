import Foundation
import Rapport
import RapportTestSupport
import RapportUseCases
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `Exporting`, in-process: JSON that imports back exactly, Neo4j's bulk CSV layout, GraphML.
/// (The command's own flags, exit codes and messages are in RapportCLITests' ExportCommandTests.)
@Suite struct ExportingTests {
    static func json(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    /// The records of one list as canonical JSON strings, sorted: order-free comparison.
    static func canonical(_ document: [String: Any], _ key: String) throws -> [String] {
        let items = try #require(document[key] as? [[String: Any]])
        return try items.map {
            String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self)
        }.sorted()
    }

    static func export(_ folder: Folder, _ format: Exporting.Format) throws -> [UInt8] {
        try Exporting.bytes(try Exporting.document(try folder.analysis()), format: format)
    }

    /// Imports `file`: how many records it added or changed, and the report's summary line.
    @discardableResult
    static func importing(_ file: String, into folder: Folder) throws -> (changed: Int, summary: String) {
        let report = try Importing.run(Importing.Request(files: [file], asOf: Folder.day), in: folder.location).report
        return (report.totalNew + report.totalUpdated, report.summary)
    }

    @Test func jsonImportsIntoAnEmptyWorkspaceUnchangedAndReimportChangesNothing() throws {
        let samples = try Folder.samples()
        let bytes = try Self.export(samples, .json)
        let original = try Self.json(bytes)
        #expect(original["format"] as? String == "rapport-network")
        #expect(original["version"] as? Int == 1)
        // Every person of the workspace (the Samples' 460 and one the mailbox's evidence creates).
        #expect((original["people"] as? [Any])?.count == 461)
        #expect(
            (original["ties"] as? [[String: Any]])?.allSatisfy {
                ($0["strength"] as? Double).map { (0...1).contains($0) } ?? false
            } == true)
        let file = try samples.write("network.json", String(decoding: bytes, as: UTF8.self))

        // Into the workspace it came from: nothing changes.
        let again = try Self.importing(file, into: samples)
        #expect(again.changed == 0, "\(again.summary)")

        // Into an empty workspace (the user named as the source did: a merge fills empty fields
        // only): every person, tie (origin included), interaction and introduction.
        let fresh = try Folder()
        _ = try Recording.initWorkspace(fresh.location, me: DemoSamples.me)
        try Self.importing(file, into: fresh)
        let backBytes = try Self.export(fresh, .json)
        let back = try Self.json(backBytes)
        for key in ["people", "ties", "interactions", "introductions"] {
            #expect(
                try Self.canonical(back, key) == Self.canonical(original, key), "\(key) differ after the round trip")
        }
        let backFile = try fresh.write("back.json", String(decoding: backBytes, as: UTF8.self))
        let twice = try Self.importing(backFile, into: fresh)
        #expect(twice.changed == 0, "\(twice.summary)")
    }

    @Test func csvIsTheNeo4jBulkImportLayoutWithEveryPersonAndTie() throws {
        let samples = try Folder.samples()
        let document = try Exporting.document(try samples.analysis())
        try Exporting.writeNeo4j(document, folder: samples.path + "/neo4j", neutralizeFormulas: true)
        let people = try CSVTable(try String(contentsOfFile: samples.path + "/neo4j/people.csv", encoding: .utf8))
        let ties = try CSVTable(try String(contentsOfFile: samples.path + "/neo4j/ties.csv", encoding: .utf8))
        #expect(
            people.header == [
                "id:ID", "name", "firstName", "lastName", "emails:string[]", "profileURL", "organization", "title",
                "sectors:string[]", "schools:string[]", "location", "tags:string[]", "notes:string[]", ":LABEL",
            ])
        #expect(ties.header == [":START_ID", ":END_ID", "strength:double", "kind", "origin", "since:date", ":TYPE"])
        let json = try Self.json(try Exporting.bytes(document, format: .json))
        let jsonPeople = try #require(json["people"] as? [[String: Any]])
        let jsonTies = try #require(json["ties"] as? [[String: Any]])
        #expect(people.rows.count == jsonPeople.count)
        #expect(ties.rows.count == jsonTies.count)
        // Every attribute of every person, lists joined with ';'.
        let byID = Dictionary(uniqueKeysWithValues: people.rows.map { ($0[0], $0) })
        for p in jsonPeople {
            let id = try #require(p["id"] as? String)
            let row = try #require(byID[id])
            func list(_ key: String) -> String { Self.neutralized((p[key] as? [String] ?? []).joined(separator: ";")) }
            func text(_ key: String) -> String { Self.neutralized(p[key] as? String ?? "") }
            #expect(row[2] == text("firstName"))
            #expect(row[3] == text("lastName"))
            #expect(row[4] == list("emails"))
            #expect(row[5] == text("profileURL"))
            #expect(row[6] == text("organization"))
            #expect(row[7] == text("title"))
            #expect(row[8] == list("sectors"))
            #expect(row[9] == list("schools"))
            #expect(row[10] == text("location"))
            #expect(row[11] == list("tags"))
            #expect(row[12] == list("notes"))
            #expect(row[13] == (id == "me" ? "Person;Me" : "Person"))
        }
        let tieKeys = Set(ties.rows.map { "\($0[0])|\($0[1])|\($0[3])|\($0[4])|\($0[5])|\($0[6])" })
        for t in jsonTies {
            let key =
                "\(t["personA"] as? String ?? "")|\(t["personB"] as? String ?? "")|\(t["kind"] as? String ?? "")|\(t["origin"] as? String ?? "")|\(t["since"] as? String ?? "")|KNOWS"
            #expect(tieKeys.contains(key), "missing tie \(key)")
        }
        #expect(ties.rows.allSatisfy { Double($0[2]).map { (0...1).contains($0) } ?? false })
        let mode = try FileManager.default.attributesOfItem(atPath: samples.path + "/neo4j")[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }

    /// OWASP "CSV injection": a cell starting with = + - @ tab or CR gets a leading '.
    static func neutralized(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else {
            return cell
        }
        return "'" + cell
    }

    /// A workspace whose people carry formulas, markup and control characters in their names.
    static func hostile() throws -> Folder {
        let folder = try Folder()
        _ = try Recording.initWorkspace(folder.location, me: "Ana User")
        let people = try folder.write(
            "people.csv",
            """
            id,first_name,last_name,email,organization,title,sectors,school,location
            a,=HYPERLINK(\"http://x\"),X,,"<b>Firm</b> & Co",@SUM(A1),,,
            b,+1-555,Y,,"]]></data><node id=""x""/>",Partner,,,

            """)
        let ties = try folder.write(
            "ties.csv", "person_a,person_b,kind,since\nme,a,friend,2020-01-01\na,b,colleague,2021-01-01\n")
        _ = try Importing.run(Importing.Request(files: [people, ties], asOf: Folder.day), in: folder.location)
        return folder
    }

    @Test func csvCellsThatLookLikeFormulasAreNeutralizedUnlessExactCells() throws {
        let folder = try Self.hostile()
        let document = try Exporting.document(try folder.analysis())
        try Exporting.writeNeo4j(document, folder: folder.path + "/safe", neutralizeFormulas: true)
        let safe = try CSVTable(try String(contentsOfFile: folder.path + "/safe/people.csv", encoding: .utf8))
        let a = try #require(safe.rows.first { $0[0] == "a" })
        #expect(a[2] == "'=HYPERLINK(\"http://x\")")
        #expect(a[7] == "'@SUM(A1)")
        #expect(try #require(safe.rows.first { $0[0] == "b" })[2] == "'+1-555")
        try Exporting.writeNeo4j(document, folder: folder.path + "/exact", neutralizeFormulas: false)
        let exact = try CSVTable(try String(contentsOfFile: folder.path + "/exact/people.csv", encoding: .utf8))
        #expect(try #require(exact.rows.first { $0[0] == "a" })[2] == "=HYPERLINK(\"http://x\")")
    }

    static func graphML(_ bytes: [UInt8]) throws -> GraphMLSummary {
        let parsed = GraphMLSummary()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = parsed
        #expect(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
        return parsed
    }

    @Test func graphMLKeepsMarkupInNamesAsText() throws {
        let parsed = try Self.graphML(try Self.export(try Self.hostile(), .graphml))
        #expect(parsed.nodes == 3)
        #expect(parsed.edges == 2)
        #expect(parsed.values["a"]?["n_organization"] == "<b>Firm</b> & Co")
        #expect(parsed.values["b"]?["n_organization"] == #"]]></data><node id="x"/>"#)
    }

    @Test func graphMLIsValidXMLWithAKeyForEveryAttribute() throws {
        let samples = try Folder.samples()
        let parsed = try Self.graphML(try Self.export(samples, .graphml))
        #expect(parsed.nodes == 461)
        let json = try Self.json(try Self.export(samples, .json))
        #expect(parsed.edges == (json["ties"] as? [Any])?.count)
        #expect(parsed.undeclaredKeys.isEmpty, "data without a <key>: \(parsed.undeclaredKeys)")
        #expect(
            parsed.declared.contains("n_label") && parsed.declared.contains("e_weight")
                && parsed.declared.contains("e_strength"))
        #expect(parsed.edgeDefault == "undirected")
        // The user's attributes come through as written.
        #expect(parsed.values["me"]?["n_label"] == "Avery Lindqvist")
        #expect(parsed.values["me"]?["n_isSelf"] == "true")
    }

    @Test func csvIsNotABytesFormat() throws {
        let document = try Exporting.document(try Self.hostile().analysis())
        #expect(throws: UseCaseError.self) { try Exporting.bytes(document, format: .csv) }
    }
}
