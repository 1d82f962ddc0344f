import Foundation
import Rapport
import Testing

@Suite struct ImportCommandTests {
    static let samples = [
        "LinkedInDataExport/Connections.csv", "people.csv", "ties.csv", "interactions.csv", "introductions.csv",
    ]
        .map { CLI.packageRoot.appendingPathComponent("Samples/\($0)").path }

    @Test func importsTheSamplesAndReimportingChangesNothing() throws {
        let cli = try CLI()
        try cli.run("init", "--me", "Avery Lindqvist")
        // Relationship files first on the command line: people still import before them.
        let first = try cli.run(["import"] + Self.samples.reversed())
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("people 459 new/1 updated"))
        #expect(first.stdout.contains("40 merged by identity"))
        let again = try cli.run(["import"] + Self.samples)
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("0 new, 0 updated"))
    }

    @Test func anUnbalancedQuoteAtLine57StopsTheImportAndLeavesTheWorkspaceUntouched() throws {
        let cli = try CLI()
        try cli.run("init")
        var lines = ["id,first_name,last_name,email,organization,title,sectors,school,location"]
        for i in 2...80 {
            lines.append(i == 57 ? "p\(i),\"Unclosed,Name,,Firm,,,," : "p\(i),First\(i),Last,,Firm,,,,")
        }
        try cli.write("people.csv", lines.joined(separator: "\n") + "\n")
        let before = try cli.contents("rapport.db")
        let result = try cli.run("import", "people.csv")
        #expect(result.status == 2)
        #expect(result.stderr.contains("people.csv:57:"), "\(result.stderr)")
        #expect(try cli.contents("rapport.db") == before)
    }

    @Test func aBadRowAtLine900LeavesTheWorkspaceByteIdentical() throws {
        let cli = try CLI()
        try cli.run("init")
        var people = ["id,first_name,last_name,email,organization,title,sectors,school,location"]
        for i in 1...1000 { people.append("p\(i),Person,Number\(i),,Org \(i % 7),,,,") }
        try cli.write("people.csv", people.joined(separator: "\n") + "\n")
        var interactions = ["date,person,kind,one_on_one,minutes,rapport,initiated_by,notes"]
        for i in 2...1000 { interactions.append("2026-01-\(String(format: "%02d", i % 28 + 1)),p\(i),coffee,true,30,\(i == 900 ? 7 : 4),me,") }
        try cli.write("interactions.csv", interactions.joined(separator: "\n") + "\n")
        let before = try cli.contents("rapport.db")
        let result = try cli.run("import", "people.csv", "interactions.csv")
        #expect(result.status == 2)
        #expect(result.stderr.contains("interactions.csv:900:"), "\(result.stderr)")
        #expect(try cli.contents("rapport.db") == before)
        #expect(try cli.run("people").stdout.contains("1 of 1 people"))
    }

    @Test func anUnknownFormatShowsTheHeaderAndTheKnownFormats() throws {
        let cli = try CLI()
        try cli.run("init")
        try cli.write("odd.csv", "Foo,Bar\n1,2\n")
        let result = try cli.run("import", "odd.csv")
        #expect(result.status == 2)
        #expect(result.stderr.contains("odd.csv:1:"))
        #expect(result.stderr.contains("Foo"))
        #expect(result.stderr.contains("linkedin"))
    }

    @Test func dryRunWritesNothing() throws {
        let cli = try CLI()
        try cli.run("init")
        let before = try cli.contents("rapport.db")
        let result = try cli.run(["import", "--dry-run"] + Self.samples)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Dry run, nothing written."))
        #expect(try cli.contents("rapport.db") == before)
    }

    @Test func logAndIntroResolveNamesAndSuggestFixes() throws {
        let cli = try CLI()
        try cli.run("init")
        try cli.run(["import"] + Self.samples)
        let logged = try cli.run("log", "coffee", "Kenji Ferreira", "--date", "2026-11-02", "--rapport", "5", "--minutes", "40")
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(logged.stdout == "Logged coffee with Kenji Ferreira on 2026-11-02.\n")
        let typo = try cli.run("log", "coffee", "Kenji Fereira")
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean 'Kenji Ferreira'?"))
        let intro = try cli.run("intro", "Kenji Ferreira", "p002", "--status", "requested", "--date", "2026-11-03")
        #expect(intro.status == 0, "\(intro.stderr)")
        #expect(intro.stdout.contains("Introduction of Amir Edwards to"))
    }
}
