import Foundation
import Rapport
import Testing

@Suite struct FollowThroughCommandTests {
    /// A workspace with the Samples imported, "today" fixed at 2026-11-20.
    func samples() throws -> CLI {
        var cli = try CLI()
        cli.environment["RAPPORT_AS_OF"] = "2026-11-20"
        try cli.run("init", "--me", "Avery Lindqvist")
        let imported = try cli.run(["import"] + ImportCommandTests.samples)
        #expect(imported.status == 0, "\(imported.stderr)")
        return cli
    }

    @Test func helpHasAnExampleForEveryFollowThroughCommand() throws {
        let cli = try CLI()
        for command in ["status", "pipeline", "draft", "prep", "due"] {
            let help = try cli.run(command, "--help")
            #expect(help.status == 0)
            #expect(help.stdout.contains("Examples:"))
            #expect(help.stdout.contains("rapport \(command) "), "\(command) --help shows no example")
        }
    }

    @Test func introLogAndStatusMoveATargetThroughThePipeline() throws {
        let cli = try samples()
        let added = try cli.run("status", "Helen Agarwal", "identified", "--date", "2026-11-01")
        #expect(added.stdout == "Helen Agarwal: identified since 2026-11-01.\n")
        let intro = try cli.run(
            "intro", "Eleanor Achterberg", "Helen Agarwal", "--status", "requested", "--date", "2026-11-10")
        #expect(intro.stdout.hasSuffix("Pipeline: Helen Agarwal → intro requested.\n"))
        let met = try cli.run(
            "log", "informational_interview", "Helen Agarwal", "--date", "2026-11-18", "--rapport", "5")
        #expect(
            met.stdout
                == "Logged informational interview with Helen Agarwal on 2026-11-18.\nPipeline: Helen Agarwal → interviewed.\n"
        )
        // Re-recording the request later does not move her back.
        let again = try cli.run(
            "intro", "Eleanor Achterberg", "Helen Agarwal", "--status", "made", "--date", "2026-11-19")
        #expect(!again.stdout.contains("Pipeline:"))
        let board = try cli.run("pipeline")
        #expect(board.status == 0)
        #expect(
            board.stdout.hasPrefix("INTERVIEWED (1)\nPerson         Organization              Days  Since       Note\n")
        )
        #expect(board.stdout.contains("Helen Agarwal  Ravenscroft Patent Group     2  2026-11-18"))
        let json = try cli.run("pipeline", "--json", "--as-of", "2026-11-28")
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(decoded?.first?["stage"] as? String == "interviewed")
        let person = (decoded?.first?["people"] as? [[String: Any]])?.first
        #expect(person?["days"] as? Int == 10)
        #expect(person?["since"] as? String == "2026-11-18")
        let back = try cli.run("status", "Helen Agarwal", "scheduled", "--note", "moved to Tuesday")
        #expect(back.stdout == "Helen Agarwal: scheduled since 2026-11-20 (was interviewed).\n")
    }

    @Test func anUnknownStageIsRejectedWithTheListOfStages() throws {
        let cli = try samples()
        let result = try cli.run("status", "Helen Agarwal", "met")
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: unknown stage 'met'; use one of: identified, intro_requested, intro_made, scheduled, interviewed, thanked, following_up, closed\n"
        )
        let empty = try cli.run("pipeline")
        #expect(empty.stdout.hasPrefix("The pipeline is empty"))
    }

    @Test func dueListsTheThankYouUntilItIsLoggedAndWritesACalendar() throws {
        let cli = try samples()
        try cli.run("log", "informational_interview", "Helen Agarwal", "--date", "2026-11-18")
        let due = try cli.run("due", "--ics", "due.ics")
        #expect(due.status == 0, "\(due.stderr)")
        #expect(due.stdout.hasPrefix("Due         When          Reason       Person"))
        #expect(due.stdout.contains("2026-11-19  1d overdue    thank-you    Helen Agarwal"))
        #expect(due.stdout.contains("intro nudge  Cecilia Patel"))
        let ics = String(decoding: try cli.contents("due.ics"), as: UTF8.self)
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        #expect(ics.contains("SUMMARY:Thank Helen Agarwal\r\n"))
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let mode =
            try FileManager.default.attributesOfItem(atPath: cli.directory.appendingPathComponent("due.ics").path)[
                .posixPermissions] as? Int
        #expect(mode == 0o600)
        let thanked = try cli.run("log", "thank_you", "Helen Agarwal", "--date", "2026-11-19")
        #expect(thanked.stdout.hasSuffix("Pipeline: Helen Agarwal → thanked.\n"))
        let after = try cli.run("due", "--json")
        let items = try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [[String: Any]]
        #expect(
            items?.contains { $0["name"] as? String == "Helen Agarwal" && $0["reason"] as? String == "thank_you" }
                == false)
        #expect(items?.contains { $0["reason"] as? String == "intro_nudge" } == true)
    }

    /// The command's wiring: the drafts on stdout, `--goal` and `--out` reach the use case, and a
    /// bad workspace template is exit 2. What the drafts say is tested in-process
    /// (RapportUseCasesTests' WritingTests).
    @Test func draftPrintsOrWritesTheDraftsAndRefusesABadTemplate() throws {
        let cli = try samples()
        let result = try cli.run("draft", "Helen Agarwal")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("--- To Eleanor Achterberg (introducer) ---\n\nSubject: Would you introduce me to Helen Agarwal?\n"))
        #expect(result.stdout.contains("\n--- To Helen Agarwal ---\n"))
        let out = try cli.run("draft", "Helen Agarwal", "--goal", "patent litigation", "--out", "helen.txt")
        #expect(out.stdout == "Wrote 2 drafts to helen.txt.\n")
        #expect(
            String(decoding: try cli.contents("helen.txt"), as: UTF8.self).contains("I am exploring patent litigation"))
        try FileManager.default.createDirectory(
            at: cli.directory.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try cli.write("templates/interview-request.mustache", "Hello {{first_name}}\n")
        let bad = try cli.run("draft", "Rafael D'Angelo")
        #expect(bad.status == 2)
        #expect(
            bad.stderr.contains(
                "templates/interview-request.mustache: unknown placeholder '{{first_name}}'; available: me_name"))
    }

    @Test func prepWritesABriefInMarkdownOrHTML() throws {
        let cli = try samples()
        let md = try cli.run("prep", "Helen Agarwal")
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.hasPrefix("# Interview brief: Helen Agarwal\n\n_Prepared 2026-11-20_\n"))
        #expect(md.stdout.contains("- **Role:** Partner, Ravenscroft Patent Group\n"))
        #expect(md.stdout.contains("You → Eleanor Achterberg ("))
        let numbered = md.stdout.split(separator: "\n").filter { $0.first?.isNumber == true && $0.contains(". ") }
        #expect((8...12).contains(numbered.count))
        let html = try cli.run("prep", "Helen Agarwal", "--format", "html", "--out", "helen.html")
        #expect(html.stdout == "Wrote the brief for Helen Agarwal to helen.html.\n")
        #expect(String(decoding: try cli.contents("helen.html"), as: UTF8.self).hasPrefix("<!DOCTYPE html>"))
        try cli.write("questions.txt", "Why law?\n")
        let bad = try cli.run("prep", "Helen Agarwal")
        #expect(bad.status == 2)
        #expect(bad.stderr.hasSuffix("questions.txt: question bank:1: a question before any heading\n"))
    }
}
