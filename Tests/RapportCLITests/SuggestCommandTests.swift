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
        // The goal summary, the header, its rule and ten suggestions.
        #expect(rows.count == 13)
        #expect(rows.first == "173 of 459 people match 'intellectual property'")
        #expect(result.stdout.contains("    warmth "))
        for row in rows { #expect(row.count <= 80, "too wide: \(row)") }
        #expect(result.stdout.contains("→ Ask "))
        #expect(result.stdout.contains("path: You → "))
    }

    /// A LinkedIn export: `--keyword engineering` finds the engineer, the VP of Engineering and
    /// "Engineer, Software", never the paralegal, and says how many matched.
    @Test func keywordEngineeringFindsTheEngineersOfALinkedInExport() throws {
        let cli = try CLI()
        try cli.run("init", "--me", "Ada Lovelace")
        try cli.write("Connections.csv", """
            Notes:
            "When exporting your connection data, you may notice that some of the email addresses are missing."

            First Name,Last Name,URL,Email Address,Company,Position,Connected On
            Sam,Ellis,https://www.linkedin.com/in/sam-ellis,,Cinderpath Software LLC,Software Engineer,22 Oct 2026
            Vera,Park,https://www.linkedin.com/in/vera-park,,Northwind Bio Inc.,VP of Engineering,19 Oct 2026
            Eli,Stone,https://www.linkedin.com/in/eli-stone,,Lumenfold Inc.,"Engineer, Software",14 Oct 2026
            Pat,Lowe,https://www.linkedin.com/in/pat-lowe,,Wilson & Okafor LLP,Senior Paralegal,10 Jul 2026

            """)
        let imported = try cli.run("import", "Connections.csv")
        #expect(imported.status == 0, "\(imported.stderr)")
        let result = try cli.run("suggest", "--keyword", "engineering", "--as-of", "2026-11-20")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "3 of 4 people match 'engineering'")
        for name in ["Sam Ellis", "Vera Park", "Eli Stone"] { #expect(result.stdout.contains(name), "\(name)") }
        #expect(!result.stdout.contains("Pat Lowe"))
        let none = try cli.run("suggest", "--keyword", "engneering", "--as-of", "2026-11-20")
        #expect(none.status == 0)
        #expect(none.stdout.hasPrefix("Nobody of 4 people matches 'engneering'; closest terms in your network: engineering"))
        let phrase = try cli.run("suggest", "--keyword", "software engineer", "--as-of", "2026-11-20", "--json")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(phrase.stdout.utf8)) as? [[String: Any]])
        let relevance = Dictionary(uniqueKeysWithValues: entries.compactMap { entry -> (String, Double)? in
            guard let name = entry["name"] as? String, let c = entry["components"] as? [String: Any],
                let r = c["relevance"] as? Double ?? (c["relevance"] as? Int).map(Double.init) else { return nil }
            return (name, r)
        })
        // Every word in any order: 1; one of two words ("VP of Engineering"): 0.5 · ½.
        #expect(relevance["Sam Ellis"] == 1 && relevance["Eli Stone"] == 1)
        #expect(abs((relevance["Vera Park"] ?? 0) - 0.25) < 1e-6)
        #expect(relevance["Pat Lowe"] == nil)
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
        #expect(
            aggregated.stderr
                == "note: 460 people is more than --node-limit 50, so this draws the orgs view instead: 33 organizations, one node each. Pass --force to draw every person.\n")
        #expect(aggregated.stdout.contains("orgs view"))
    }
}
