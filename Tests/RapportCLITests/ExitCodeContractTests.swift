import Foundation
import Rapport
import Testing

/// Exit codes by contract (Docs/Limits.md, "Exit codes"): every documented bad input, fed to the
/// real `rapport`, exits 2 with one message that names the place, and leaves the workspace — the
/// database and its snapshot cache — byte for byte as it was.
@Suite struct ExitCodeContractTests {
    /// One bad input: files to write into the workspace folder, the command, and what the message
    /// must contain (the place, and the point).
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var files: [String: String] = [:]
        var arguments: [String]
        var message: [String]
        var description: String { name }
    }

    static let peopleHeader = "id,first_name,last_name,email,organization,title,sectors,school,location\n"
    static let outlookHeader = "\"First Name\",\"Last Name\",\"Company\",\"Job Title\",\"E-mail Address\",\"Notes\"\n"
    static let googleHeader = "Given Name,Family Name,E-mail 1 - Value,Organization 1 - Name,Notes\n"

    static let cases: [Case] = [
        Case(
            name: "people: stray quote swallowing the next record",
            files: ["bad.csv": peopleHeader + "x1,\"Broken,Name,b@x.example,Org,Title,,,\nx2,Next,Row,n@x.example,Org,Title,,,\nx3,\"Closer\",A,c@x.example,Org,Title,,,\n"],
            arguments: ["import", "bad.csv"], message: ["bad.csv:2:4:", "swallows line 3"]),
        Case(
            name: "people: quote that never closes",
            files: ["bad.csv": peopleHeader + "x1,Ann,\"Lee\n"], arguments: ["import", "bad.csv"],
            message: ["bad.csv:2:8: quoted field opened here is never closed"]),
        Case(
            name: "ties: unknown person",
            files: ["bad.csv": "person_a,person_b,kind,since\nme,p404-nobody,friend,2024-01-01\n"],
            arguments: ["import", "bad.csv"], message: ["bad.csv:2:4: no person matches"]),
        Case(
            name: "interactions: impossible date",
            files: ["bad.csv": "date,person,kind,one_on_one,minutes,rapport,initiated_by,notes\n2026-02-31,p001,coffee,true,30,4,me,\n"],
            arguments: ["import", "bad.csv"], message: ["bad.csv:2:1: unreadable date '2026-02-31'"]),
        Case(
            name: "interactions: rapport out of range",
            files: ["bad.csv": "date,person,kind,one_on_one,minutes,rapport,initiated_by,notes\n2026-01-05,p001,coffee,true,30,7,me,\n"],
            arguments: ["import", "bad.csv"], message: ["bad.csv:2:", "rapport: '7' is not a rating from 1 to 5"]),
        Case(
            name: "introductions: self-introduction",
            files: ["bad.csv": "date,introducer,person,status\n2026-01-05,p001,p001,made\n"],
            arguments: ["import", "bad.csv"], message: ["bad.csv:2:", "an introduction needs three different people"]),
        Case(
            name: "LinkedIn connections: unreadable Connected On",
            files: ["Connections.csv": "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nAnn,Lee,https://www.linkedin.com/in/ann-lee-x,,Acme,Associate,31 Foo 2024\n"],
            arguments: ["import", "Connections.csv"], message: ["Connections.csv:5:", "unreadable date"]),
        Case(
            name: "Outlook: a quote that never closes",
            files: ["contacts.csv": outlookHeader + "\"Ann\",\"Lee\",\"Acme\",\"Associate\",\"ann@x.example\",\"Met at the mixer\n"],
            arguments: ["import", "contacts.csv"], message: ["contacts.csv:2:", "never closed"]),
        Case(
            name: "Google: binary data",
            files: ["google.csv": googleHeader + "Ann,Lee,ann@x.example,Acme,\u{0}\n"],
            arguments: ["import", "google.csv"], message: ["google.csv:2:", "binary data"]),
        Case(
            name: "vCard: a card with no END",
            files: ["cards.vcf": "BEGIN:VCARD\nVERSION:3.0\nFN:Ann Lee\n"],
            arguments: ["import", "cards.vcf"], message: ["cards.vcf:1:1:", "vCard"]),
        Case(
            name: "--map: a mapped column missing from the file",
            files: ["alumni.csv": "Given,Family,Employer\nAnn,Lee,Acme\n"],
            arguments: ["import", "alumni.csv", "--map", "first_name=Given,last_name=Surname"],
            message: ["alumni.csv:", "Surname"]),
        Case(
            name: "rapport.toml: syntax error",
            files: ["rapport.toml": "[strength]\nhalf_life_days = = 3\n"], arguments: ["reach", "--as-of", "2026-11-20"],
            message: ["rapport.toml:2:"]),
        Case(
            name: "rapport.toml: unknown [strength] key",
            files: ["rapport.toml": "[strength]\nhalf_lif_days = 30\n"], arguments: ["reach", "--as-of", "2026-11-20"],
            message: ["rapport.toml:2:1: unknown key 'half_lif_days' in [strength]"]),
        Case(
            name: "rapport.toml: unknown [suggest] key",
            files: ["rapport.toml": "[suggest]\n\nmax_hop = 2\n"], arguments: ["suggest", "--as-of", "2026-11-20"],
            message: ["rapport.toml:3:1: unknown key 'max_hop' in [suggest]"]),
        Case(
            name: "rapport.toml: [suggest] value out of range",
            files: ["rapport.toml": "[suggest]\nmax_hops = 0\n"], arguments: ["suggest", "--as-of", "2026-11-20"],
            message: ["rapport.toml:2:1:", "max_hops"]),
        Case(
            name: "goal file (JSON): wrong type",
            files: ["goal.json": "{\"sectors\": \"ip\"}"],
            arguments: ["suggest", "--goal-file", "goal.json", "--as-of", "2026-11-20"], message: ["goal.json:", "sectors"]),
        Case(
            name: "goal file (TOML): syntax error",
            files: ["goal.toml": "sectors = [\"ip\"\n"],
            arguments: ["suggest", "--goal-file", "goal.toml", "--as-of", "2026-11-20"], message: ["goal.toml:2:1:"]),
        Case(
            name: "--batch: an unknown person",
            files: ["egos.csv": "id\nme\nnobody-404\n"],
            arguments: ["suggest", "--batch", "egos.csv", "--out", "out", "--as-of", "2026-11-20"],
            message: ["egos.csv:3:", "nobody-404"]),
        Case(
            name: "--batch: a stray quote",
            files: ["egos.csv": "id,note\n\"me,x\np001,y\np002,\"z\"\n"],
            arguments: ["suggest", "--batch", "egos.csv", "--out", "out", "--as-of", "2026-11-20"],
            message: ["egos.csv:2:1:", "swallows line 3"]),
        Case(
            name: "unknown person", arguments: ["path", "Nobody Atall", "--as-of", "2026-11-20"],
            message: ["no person matches 'Nobody Atall'"]),
        Case(
            name: "unknown organization", arguments: ["render", "org", "No Such Firm LLP", "-o", "x.svg", "--as-of", "2026-11-20"],
            message: ["No Such Firm LLP"]),
        Case(
            name: "unknown view", arguments: ["render", "galaxy", "-o", "x.svg"], message: ["galaxy"]),
    ]

    /// Every file of the workspace (the database, its journal files and the snapshot cache) with its bytes.
    static func workspaceState(_ cli: CLI) throws -> [String: Data] {
        var state: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: cli.directory.path)
        where name.hasPrefix("rapport.db") {
            state[name] = try Data(contentsOf: cli.directory.appendingPathComponent(name))
        }
        return state
    }

    /// One workspace of the samples with its cache warmed, built once; each case gets a copy.
    static let template: Result<CLI, any Error> = Result {
        let cli = try SuggestCommandTests.samplesWorkspace()
        _ = try cli.run(SnapshotCacheTests.tiesCommand)
        return cli
    }

    /// A fresh folder holding a copy of the template workspace.
    static func copyOfTemplate() throws -> CLI {
        let source = try template.get()
        let cli = try CLI()
        for (name, data) in try workspaceState(source) {
            try data.write(to: cli.directory.appendingPathComponent(name))
        }
        return cli
    }

    @Test(arguments: cases) func badInputExitsTwoNamesThePlaceAndWritesNothing(_ input: Case) throws {
        // A copy per case: the cases then run in parallel without sharing a folder.
        let cli = try Self.copyOfTemplate()
        for (name, text) in input.files {
            try Data(text.utf8).write(to: cli.directory.appendingPathComponent(name))
        }
        let before = try Self.workspaceState(cli)
        #expect(before["rapport.db-snapshot"] != nil)
        let result = try cli.run(input.arguments)
        #expect(result.status == 2, "\(input.name): exit \(result.status): \(result.stderr)")
        for part in input.message {
            #expect(result.stderr.contains(part), "\(input.name): \(result.stderr)")
        }
        // One line `error: …` (`Error: …` and the usage from ArgumentParser, for arguments).
        #expect(
            result.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") || $0.hasPrefix("Error:") }.count == 1,
            "\(result.stderr)")
        #expect(try Self.workspaceState(cli) == before, "\(input.name) changed the workspace")
    }
}
