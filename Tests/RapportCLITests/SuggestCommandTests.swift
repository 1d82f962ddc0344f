import Foundation
import Testing

@Suite struct SuggestCommandTests {
    static func samplesWorkspace() throws -> CLI {
        let cli = try CLI()
        try cli.run("init", "--me", "Avery Lindqvist")
        let imported = try cli.run(["import"] + ImportCommandTests.samples)
        #expect(imported.status == 0, "\(imported.stderr)")
        return cli
    }

    @Test func suggestionsFitAnEightyColumnTerminalAndExplainThemselves() throws {
        let cli = try Self.samplesWorkspace()
        let result = try cli.run("suggest", "--sector", "intellectual property", "--top", "10", "--as-of", "2026-11-20", "--explain")
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").filter { !$0.hasPrefix("    ") }
        #expect(rows.count == 12)
        for row in rows { #expect(row.count <= 80, "too wide: \(row)") }
        #expect(result.stdout.contains("→ Ask "))
        #expect(result.stdout.contains("path: You → "))
    }

    @Test func jsonEntriesCarryTheDocumentedFields() throws {
        let cli = try Self.samplesWorkspace()
        let result = try cli.run("suggest", "--top", "5", "--as-of", "2026-11-20", "--json")
        #expect(result.status == 0)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count == 5)
        for key in ["id", "name", "organization", "score", "components", "path", "action"] {
            #expect(entries[0][key] != nil, "missing \(key)")
        }
        let hops = try #require(entries[0]["path"] as? [[String: Any]])
        #expect(hops.allSatisfy { $0["id"] != nil && $0["name"] != nil && $0["strength"] != nil })
    }

    @Test func csvOutputNeutralizesFormulas() throws {
        let cli = try CLI()
        try cli.run("init")
        try cli.write("people.csv", """
            id,first_name,last_name,email,organization,title,sectors,school,location
            p1,=HYPERLINK(""http://x""),Evil,,+cmd Corp,@SUM(1),intellectual property,,
            p2,Ann,Friend,,Friendly LLP,Partner,,,
            """)
        try cli.write("ties.csv", "person_a,person_b,kind,since\nme,p2,friend,\np2,p1,colleague,\n")
        #expect(try cli.run("import", "people.csv", "ties.csv").status == 0)
        let result = try cli.run("suggest", "--csv", "--as-of", "2026-11-20")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("'=HYPERLINK"))
        #expect(result.stdout.contains("'+cmd Corp"))
        #expect(result.stdout.contains("'@SUM(1)"))
    }

    @Test func batchWritesOnePrivateFilePerPerson() throws {
        let cli = try Self.samplesWorkspace()
        try cli.write("egos.csv", "id\nme\np001\np002\n")
        let result = try cli.run("suggest", "--batch", "egos.csv", "--out", "out", "--top", "3", "--as-of", "2026-11-20")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Wrote suggestions for 3 people to out"))
        for id in ["me", "p001", "p002"] {
            let path = cli.directory.appendingPathComponent("out/\(id).csv").path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.hasPrefix("rank,id,name,organization,title,score,introducer,path,action\n"))
            #expect(text.split(separator: "\n").count == 4)
            #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        }
    }

    @Test func keepWarmListsFadingStrongTies() throws {
        let cli = try Self.samplesWorkspace()
        let result = try cli.run("suggest", "--keep-warm", "--top", "3", "--as-of", "2026-11-20")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Re-engage "))
    }

    @Test func renderWritesRealPictures() throws {
        let cli = try Self.samplesWorkspace()
        let svg = try cli.run("render", "ego", "-o", "me.svg", "--as-of", "2026-11-20")
        #expect(svg.status == 0, "\(svg.stderr)")
        let head = String(decoding: try cli.contents("me.svg").prefix(400), as: UTF8.self)
        #expect(head.contains("<svg") || head.contains("<?xml"))
        let png = try cli.run("render", "suggestions", "--sector", "intellectual property", "-o", "next.png", "--as-of", "2026-11-20")
        #expect(png.status == 0, "\(png.stderr)")
        #expect(Array(try cli.contents("next.png").prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let refused = try cli.run("render", "ego", "--radius", "2", "-o", "big.svg", "--node-limit", "50", "--as-of", "2026-11-20")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("orgs"))
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("big.svg").path))
        let aggregated = try cli.run("render", "network", "-o", "all.svg", "--node-limit", "50", "--as-of", "2026-11-20")
        #expect(aggregated.status == 0, "\(aggregated.stderr)")
        #expect(aggregated.stderr.contains("drawing the orgs view"))
        #expect(aggregated.stdout.contains("orgs view"))
    }
}
