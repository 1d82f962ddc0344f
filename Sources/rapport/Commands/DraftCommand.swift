import ArgumentParser
import Foundation
import Rapport
import RapportUseCases

struct DraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Draft the messages that ask for an introduction and for an informational interview.",
        discussion: """
            Writes two plain-text messages personalized from your network: one to the introducer (the first person on your warmest path, or --via), and one to the person, asking for a 20–30 minute conversation — advice, not a job. For someone you know directly, or have no path to, only the direct message is written, saying what you share.

            The templates are Mustache files you can edit: templates/intro-request.mustache and templates/interview-request.mustache beside the workspace replace the defaults. Placeholders: \(DraftContext.placeholderNames.joined(separator: ", ")).

            Examples:
              rapport draft "Helen Agarwal"
              rapport draft "Helen Agarwal" --via "Kenji Ferreira" --goal "patent litigation" --out helen.txt
            """)

    @OptionGroup var analysis: AnalysisOptions

    @Argument(help: "The person you want to talk to (id, email, profile URL or full name).")
    var person: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Who should introduce you (default: the first hop of your warmest path).", valueName: "person"))
    var via: String?

    @Option(name: .long, help: ArgumentHelp("What you are exploring (default: your sectors).", valueName: "text"))
    var goal: String?

    @Option(
        name: .long, help: ArgumentHelp("Write the drafts to this file instead of the terminal.", valueName: "file"))
    var out: String?

    func run() throws {
        let a = try analysis.analysis()
        a.warnIfPlaceholderName(try a.ego())
        let drafts = try Writing.drafts(a, person: person, via: via, goal: goal)
        if let out {
            try OutputFile.write(drafts.text, to: out)
            print("Wrote \(drafts.toIntroducer == nil ? "1 draft" : "2 drafts") to \(OutputPolicy.terminal(out)).")
        } else {
            print(OutputPolicy.terminal(drafts.text), terminator: "")
        }
    }
}
