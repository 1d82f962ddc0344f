import ArgumentParser
import Foundation
import Rapport
import RapportReport
import RapportUseCases

struct PrepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prep",
        abstract: "A one-page brief for an informational interview.",
        discussion: """
            Who they are, how you are connected (each hop's strength), what you share, your notes and past conversations, and 8–12 questions chosen by their sector and seniority from the question bank. Edit questions.txt beside the workspace to use your own bank ([general], [sector: NAME] and [seniority: early|mid|senior] headings, one question a line).

            Examples:
              rapport prep "Helen Agarwal"
              rapport prep "Helen Agarwal" --format html --out helen.html
            """)

    @OptionGroup var analysis: AnalysisOptions

    @Argument(help: "The person you will meet (id, email, profile URL or full name).")
    var person: String

    @Option(name: .long, help: ArgumentHelp("md (Markdown) or html.", valueName: "format"))
    var format = "md"

    @Option(name: .long, help: ArgumentHelp("Write the brief to this file instead of the terminal.", valueName: "file"))
    var out: String?

    func validate() throws {
        guard ["md", "markdown", "html"].contains(format.lowercased()) else {
            throw ValidationError("--format must be md or html, not '\(format)'")
        }
    }

    func run() throws {
        let a = try analysis.analysis()
        a.warnIfPlaceholderName(try a.ego())
        let brief = try Writing.brief(a, person: person)
        let text = format.lowercased() == "html" ? brief.html() : brief.markdown()
        if let out {
            try OutputFile.write(text, to: out)
            print("Wrote the brief for \(OutputPolicy.terminal(brief.name)) to \(OutputPolicy.terminal(out)).")
        } else {
            print(OutputPolicy.terminal(text), terminator: "")
        }
    }
}
