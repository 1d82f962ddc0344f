import ArgumentParser
import Foundation
import RapportUseCases

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Try Rapport on the bundled sample network, in a throwaway workspace.",
        discussion: """
            Runs the whole flow on the Samples network built into this binary (a job seeker, Avery Lindqvist, aiming at intellectual-property law): init; one import of Avery's LinkedIn data archive (an unzipped folder), the native files, calendar.ics and mail.mbox; then ties, a tie made by that evidence alone, reach, suggest, a warm path, keep-warm, two diagrams, the HTML report and the follow-through. Nothing outside the demo folder is touched; the folder (a new temporary one unless -o is given) keeps the workspace, the samples, the diagrams and report.html to open in a browser. "Today" is 2026-11-20 unless --as-of says otherwise, so the output is the same on every run.

            Examples:
              rapport demo
              rapport demo -o rapport-demo
              rapport demo --write-samples samples
            """)

    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            "The folder for the workspace and outputs (default: a new temporary folder).", valueName: "folder"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The day that counts as today.", valueName: "YYYY-MM-DD"))
    var asOf = "2026-11-20"

    @Option(
        name: .long,
        help: ArgumentHelp("Only write the bundled sample files to this folder, and stop.", valueName: "folder"))
    var writeSamples: String?

    func validate() throws {
        _ = try AsOfOption.parse(asOf, option: "--as-of")
    }

    func run() throws {
        if let writeSamples {
            let written = try DemoSamples.write(to: writeSamples)
            let entries = written.map { $0.files > 1 ? "\($0.entry)/ (\($0.files) files)" : $0.entry }
            print("Wrote \(written.map(\.files).reduce(0, +)) sample files to \(writeSamples): \(entries.joined(separator: ", ")).")
            return
        }
        let folder = try output ?? DemoSamples.temporaryFolder()
        let db = folder + "/rapport.db"
        if FileManager.default.fileExists(atPath: db) {
            throw UseCaseError.badInput("\(db) exists already; give -o a new or empty folder")
        }
        let samples = try DemoSamples.write(to: folder + "/samples").map { folder + "/samples/" + $0.entry }
        let scored = ["--db", db, "--as-of", asOf]
        let steps: [[String]] = [
            ["init", "--db", db, "--me", DemoSamples.me],
            // One import: the archive folder, the native files, the calendar (recurrences expanded
            // up to the demo's day) and the mailbox.
            ["import"] + scored + samples,
            ["ties"] + scored + ["--explain", "--top", "3"],
            // A connection with no history but one-on-one messages, meetings and mail in the exports.
            ["path"] + scored + [DemoSamples.evidenceContact],
            ["reach"] + scored + ["--top", "8"],
            ["suggest"] + scored + DemoSamples.goal + ["--top", "10", "--explain"],
            ["path"] + scored + ["Helen Agarwal"],
            ["suggest"] + scored + ["--keep-warm", "--top", "5"],
            ["render", "ego"] + scored + ["-o", folder + "/ego.svg"],
            ["render", "suggestions"] + scored + DemoSamples.goal + ["-o", folder + "/suggestions.png"],
            ["report"] + scored + DemoSamples.goal + ["-o", folder + "/report.html"],
            // Follow-through: ask for the introduction, prepare, meet, and see what is due.
            ["draft"] + scored + ["Helen Agarwal"],
            ["intro", "--db", db, "Eleanor Achterberg", "Helen Agarwal", "--status", "requested", "--date", "2026-11-12"],
            ["status", "--db", db, "Helen Agarwal", "scheduled", "--date", "2026-11-16", "--note", "Coffee near the office, Thursday 8:30"],
            ["prep"] + scored + ["Helen Agarwal"],
            ["log", "--db", db, "informational_interview", "Helen Agarwal", "--date", "2026-11-19", "--minutes", "35", "--rapport", "5",
             "--note", "Start with the patent bar; ask about the PTAB rotation"],
            ["pipeline"] + scored,
            ["due"] + scored + ["--ics", folder + "/follow-ups.ics"],
        ]
        let bold = Terminal.colorEnabled ? "\u{1B}[1m" : ""
        let plain = Terminal.colorEnabled ? "\u{1B}[0m" : ""
        for arguments in steps {
            print("\n\(bold)$ rapport \(DemoCommand.shown(arguments, folder: folder))\(plain)")
            fflush(nil)
            var command = try RapportCommand.parseAsRoot(arguments)
            try command.run()
            fflush(nil)
        }
        print("\nThe demo workspace, diagrams, report and calendar are in \(folder)")
        print("Open \(folder)/report.html in a browser; print it for a paper copy.")
        print("Look further, on the same workspace:")
        for line in DemoCommand.furtherSteps(folder: folder, asOf: asOf) { print("  " + line) }
        print("Or open the same workspace in your browser (a private app on this computer; Ctrl-C stops it):")
        print("  rapport serve --db \(db) --as-of \(asOf) --open")
    }

    /// What to try next on the demo workspace: the evidence behind the ties, a re-import that adds
    /// nothing, and the same import on the user's own exports.
    static func furtherSteps(folder: String, asOf: String) -> [String] {
        let db = folder + "/rapport.db"
        return [
            "rapport ties --db \(db) --as-of \(asOf) --explain --top 0 | grep -A4 '\(DemoSamples.evidenceContact)'",
            "rapport people --db \(db) --search Okwuosa",
            "rapport import --db \(db) --dry-run \(folder)/samples/LinkedInDataExport \(folder)/samples/mail.mbox",
            "rapport import Basic_LinkedInDataExport_MM-DD-YYYY.zip calendar.ics mail.mbox   # your own exports",
        ]
    }

    /// The step as a user would type it: the demo folder shortened to `$DEMO`, options with spaces quoted.
    static func shown(_ arguments: [String], folder: String) -> String {
        arguments.map { argument in
            let short =
                argument == folder
                ? "$DEMO" : argument.hasPrefix(folder + "/") ? "$DEMO" + argument.dropFirst(folder.count) : argument
            return short.contains(" ") ? "\"\(short)\"" : short
        }.joined(separator: " ")
    }
}
