import Foundation
import Rapport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `rapport export`: JSON that imports back exactly, Neo4j CSV, GraphML.
@Suite struct ExportCommandTests {
    static let asOf = "2026-11-20"

    /// A workspace holding the Samples network.
    static func samples() throws -> CLI {
        let cli = try CLI()
        try cli.run("init", "--me", "Avery Lindqvist")
        let imported = try cli.run(["import"] + ImportCommandTests.samples)
        #expect(imported.status == 0, "\(imported.stderr)")
        return cli
    }

    static func json(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The records of one list as canonical JSON strings, sorted: order-free comparison.
    static func canonical(_ document: [String: Any], _ key: String, dropping: Set<String> = []) throws -> [String] {
        let items = try #require(document[key] as? [[String: Any]])
        return try items.map { item in
            let kept = item.filter { !dropping.contains($0.key) }
            return String(
                decoding: try JSONSerialization.data(withJSONObject: kept, options: [.sortedKeys]), as: UTF8.self)
        }.sorted()
    }

    @Test func jsonExportImportsIntoAnEmptyWorkspaceUnchangedAndReimportChangesNothing() throws {
        let cli = try Self.samples()
        let export = try cli.run("export", "--format", "json", "-o", "network.json", "--as-of", Self.asOf)
        #expect(export.status == 0, "\(export.stderr)")
        let original = try Self.json(try cli.contents("network.json"))
        #expect(original["format"] as? String == "rapport-network")
        #expect(original["version"] as? Int == 1)
        #expect((original["people"] as? [Any])?.count == 460)
        #expect(
            (original["ties"] as? [[String: Any]])?.allSatisfy {
                ($0["strength"] as? Double).map { (0...1).contains($0) } ?? false
            } == true)

        // Into the workspace it came from: nothing changes.
        let again = try cli.run("import", "network.json")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasPrefix("0 new, 0 updated"), "\(again.stdout)")

        // Into an empty workspace: every person, tie (origin included), interaction and introduction.
        // (`init` names the user; a merge fills empty fields only, so name them as the source did.)
        let fresh = try CLI()
        try fresh.run("init", "--me", "Avery Lindqvist")
        try FileManager.default.copyItem(
            at: cli.directory.appendingPathComponent("network.json"),
            to: fresh.directory.appendingPathComponent("network.json"))
        let imported = try fresh.run("import", "network.json")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try fresh.run("export", "--format", "json", "-o", "back.json", "--as-of", Self.asOf).status == 0)
        let back = try Self.json(try fresh.contents("back.json"))
        for key in ["people", "ties", "interactions", "introductions"] {
            #expect(
                try Self.canonical(back, key) == Self.canonical(original, key), "\(key) differ after the round trip")
        }
        #expect(try fresh.run("import", "back.json").stdout.hasPrefix("0 new, 0 updated"))
    }

    @Test func jsonWithAnUnknownIdStopsTheImportNamingIt() throws {
        let cli = try CLI()
        try cli.run("init")
        try cli.write(
            "bad.json",
            #"{"format": "rapport-network", "version": 1, "people": [], "ties": [{"personA": "me", "personB": "ghost", "kind": "friend", "origin": "declared"}], "interactions": [], "introductions": []}"#
        )
        let before = try cli.contents("rapport.db")
        let result = try cli.run("import", "bad.json")
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.json:1:1: no person matches 'ghost'"), "\(result.stderr)")
        #expect(try cli.contents("rapport.db") == before)
    }

    @Test func jsonWithAMissingFieldNamesItsPath() throws {
        let cli = try CLI()
        try cli.run("init")
        try cli.write(
            "bad.json",
            #"{"format": "rapport-network", "version": 1, "people": [{"id": "x"}], "ties": [], "interactions": [], "introductions": []}"#
        )
        let result = try cli.run("import", "bad.json")
        #expect(result.status == 2)
        #expect(result.stderr.contains("people.0.firstName"), "\(result.stderr)")
    }

    @Test func csvExportIsTheNeo4jBulkImportLayoutWithEveryPersonAndTie() throws {
        let cli = try Self.samples()
        #expect(try cli.run("export", "--format", "json", "-o", "network.json", "--as-of", Self.asOf).status == 0)
        let result = try cli.run("export", "--format", "csv", "-o", "neo4j", "--as-of", Self.asOf)
        #expect(result.status == 0, "\(result.stderr)")
        let people = try CSVTable(String(decoding: try cli.contents("neo4j/people.csv"), as: UTF8.self))
        let ties = try CSVTable(String(decoding: try cli.contents("neo4j/ties.csv"), as: UTF8.self))
        #expect(
            people.header == [
                "id:ID", "name", "firstName", "lastName", "emails:string[]", "profileURL", "organization", "title",
                "sectors:string[]", "schools:string[]", "location", "tags:string[]", "notes:string[]", ":LABEL",
            ])
        #expect(ties.header == [":START_ID", ":END_ID", "strength:double", "kind", "origin", "since:date", ":TYPE"])
        let json = try Self.json(try cli.contents("network.json"))
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
    }

    /// OWASP "CSV injection": a cell starting with = + - @ tab or CR gets a leading '.
    static func neutralized(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else {
            return cell
        }
        return "'" + cell
    }

    /// A workspace whose people carry formulas, markup and control characters in their names.
    static func hostile() throws -> CLI {
        let cli = try CLI()
        try cli.run("init", "--me", "Ana User")
        try cli.write(
            "people.csv",
            """
            id,first_name,last_name,email,organization,title,sectors,school,location
            a,=HYPERLINK(\"http://x\"),X,,"<b>Firm</b> & Co",@SUM(A1),,,
            b,+1-555,Y,,"]]></data><node id=""x""/>",Partner,,,

            """)
        try cli.write("ties.csv", "person_a,person_b,kind,since\nme,a,friend,2020-01-01\na,b,colleague,2021-01-01\n")
        let imported = try cli.run("import", "people.csv", "ties.csv")
        #expect(imported.status == 0, "\(imported.stderr)")
        return cli
    }

    @Test func csvCellsThatLookLikeFormulasAreNeutralizedUnlessExactCells() throws {
        let cli = try Self.hostile()
        #expect(try cli.run("export", "--format", "csv", "-o", "safe", "--as-of", Self.asOf).status == 0)
        let safe = try CSVTable(String(decoding: try cli.contents("safe/people.csv"), as: UTF8.self))
        let a = try #require(safe.rows.first { $0[0] == "a" })
        #expect(a[2] == "'=HYPERLINK(\"http://x\")")
        #expect(a[7] == "'@SUM(A1)")
        #expect(try #require(safe.rows.first { $0[0] == "b" })[2] == "'+1-555")
        #expect(
            try cli.run("export", "--format", "csv", "--exact-cells", "-o", "exact", "--as-of", Self.asOf).status == 0)
        let exact = try CSVTable(String(decoding: try cli.contents("exact/people.csv"), as: UTF8.self))
        #expect(try #require(exact.rows.first { $0[0] == "a" })[2] == "=HYPERLINK(\"http://x\")")
        #expect(try cli.run("export", "--format", "json", "--exact-cells").status == 2)
    }

    @Test func graphMLKeepsMarkupInNamesAsText() throws {
        let cli = try Self.hostile()
        #expect(try cli.run("export", "--format", "graphml", "-o", "h.graphml", "--as-of", Self.asOf).status == 0)
        let parsed = GraphMLSummary()
        let parser = XMLParser(data: try cli.contents("h.graphml"))
        parser.delegate = parsed
        #expect(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
        #expect(parsed.nodes == 3)
        #expect(parsed.edges == 2)
        #expect(parsed.values["a"]?["n_organization"] == "<b>Firm</b> & Co")
        #expect(parsed.values["b"]?["n_organization"] == #"]]></data><node id="x"/>"#)
    }

    @Test func graphMLIsValidXMLWithAKeyForEveryAttribute() throws {
        let cli = try Self.samples()
        let result = try cli.run("export", "--format", "graphml", "-o", "network.graphml", "--as-of", Self.asOf)
        #expect(result.status == 0, "\(result.stderr)")
        let parsed = GraphMLSummary()
        let parser = XMLParser(data: try cli.contents("network.graphml"))
        parser.delegate = parsed
        #expect(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
        #expect(parsed.nodes == 460)
        let json = try Self.json(
            try { () -> Data in
                #expect(try cli.run("export", "--format", "json", "-o", "n.json", "--as-of", Self.asOf).status == 0)
                return try cli.contents("n.json")
            }())
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

    @Test func csvOutputMustBeAFolder() throws {
        let cli = try CLI()
        try cli.run("init")
        let result = try cli.run("export", "--format", "csv", "-o", "people.csv")
        #expect(result.status == 2)
        #expect(result.stderr.contains("give -o a folder"), "\(result.stderr)")
        try cli.write("file", "x")
        let onFile = try cli.run("export", "--format", "csv", "-o", "file")
        #expect(onFile.status == 2)
        #expect(
            onFile.stderr.contains("file: --format csv writes two files; -o must name a folder"), "\(onFile.stderr)")
    }

    @Test func unknownFormatIsAUsageError() throws {
        let cli = try CLI()
        try cli.run("init")
        let result = try cli.run("export", "--format", "xlsx")
        #expect(result.status == 2)
        #expect(result.stderr.contains("json, csv or graphml"))
    }
}

/// Counts and collects what a GraphML document holds.
final class GraphMLSummary: NSObject, XMLParserDelegate {
    var nodes = 0
    var edges = 0
    var declared: Set<String> = []
    var undeclaredKeys: Set<String> = []
    var edgeDefault = ""
    var values: [String: [String: String]] = [:]
    private var node: String?
    private var key: String?
    private var text = ""

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "key": declared.insert(attributes["id"] ?? "")
        case "graph": edgeDefault = attributes["edgedefault"] ?? ""
        case "node": nodes += 1; node = attributes["id"]
        case "edge": edges += 1; node = nil
        case "data":
            key = attributes["key"]
            text = ""
            if let key, !declared.contains(key) { undeclaredKeys.insert(key) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if key != nil { text += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "data", let key, let node { values[node, default: [:]][key] = text }
        if name == "data" { key = nil }
    }
}

/// A minimal RFC 4180 reader for checking exports (quoted cells, doubled quotes, newlines in quotes).
struct CSVTable {
    var header: [String]
    var rows: [[String]]

    init(_ text: String) throws {
        var records: [[String]] = []
        var record: [String] = []
        var cell = ""
        var quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { cell.append("\""); chars = chars.dropFirst() } else { quoted = false }
                } else {
                    cell.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(cell); cell = ""
            } else if c == "\n" {
                record.append(cell); cell = ""
                records.append(record); record = []
            } else {
                cell.append(c)
            }
        }
        if !cell.isEmpty || !record.isEmpty { record.append(cell); records.append(record) }
        guard let first = records.first else { throw CSVTableError() }
        header = first
        rows = Array(records.dropFirst())
    }
}

struct CSVTableError: Error {}
