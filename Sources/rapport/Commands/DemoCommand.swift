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
        let steps = DemoSamples.steps(folder: folder, samples: samples, asOf: asOf)
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
        for line in DemoSamples.furtherSteps(folder: folder, asOf: asOf) { print("  " + line) }
        print("Or open the same workspace in your browser (a private app on this computer; Ctrl-C stops it):")
        print("  rapport serve --db \(db) --as-of \(asOf) --open")
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
