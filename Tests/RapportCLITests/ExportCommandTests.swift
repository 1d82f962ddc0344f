import Foundation
import Rapport
import RapportTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `rapport export` as a command: where files land, flags, exit codes and messages. What the
/// formats hold is tested in-process in RapportUseCasesTests' ExportingTests.
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

    /// The command's wiring: each format lands where -o says, owner-only, and the flags reach the
    /// use case. What each format holds is tested in-process (RapportUseCasesTests' ExportingTests).
    @Test func eachFormatIsWrittenWhereOSaysOwnerOnly() throws {
        let cli = try Self.hostile()
        for (format, out) in [("json", "n.json"), ("graphml", "n.graphml"), ("csv", "neo4j")] {
            let result = try cli.run("export", "--format", format, "-o", out, "--as-of", Self.asOf)
            #expect(result.status == 0, "\(result.stderr)")
        }
        for file in ["n.json", "n.graphml", "neo4j/people.csv", "neo4j/ties.csv"] {
            let path = cli.directory.appendingPathComponent(file).path
            #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600, "\(file)")
        }
        let again = try cli.run("import", "n.json")
        #expect(again.status == 0 && again.stdout.hasPrefix("0 new, 0 updated"), "\(again.stdout)\(again.stderr)")
        let exact = try cli.run("export", "--format", "csv", "--exact-cells", "-o", "exact", "--as-of", Self.asOf)
        #expect(exact.status == 0, "\(exact.stderr)")
        let exactPeople = try CSVTable(String(decoding: try cli.contents("exact/people.csv"), as: UTF8.self))
        #expect(exactPeople.rows.first { $0[0] == "a" }?[2] == "=HYPERLINK(\"http://x\")")
        #expect(try cli.run("export", "--format", "json", "--exact-cells").status == 2)
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
