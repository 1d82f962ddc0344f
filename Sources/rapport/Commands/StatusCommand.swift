import ArgumentParser
import Foundation
import Rapport
import RapportUseCases

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Set where someone stands in your outreach pipeline.",
        discussion: """
            STAGE is one of: \(PipelineStage.names). `rapport log` and `rapport intro` move people forward on their own (an informational interview → interviewed, a thank-you → thanked, an introduction requested or made → intro_requested or intro_made); `status` sets any stage, backwards included.

            Examples:
              rapport status "Dana Lee" scheduled --date 2026-11-24 --note "Zoom, Tuesday 3pm"
              rapport status dana.lee@wilson.example closed
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The person (id, email, profile URL or full name).")
    var person: String

    @Argument(help: "The stage.")
    var stage: String

    @Option(
        name: .long, help: ArgumentHelp("When the stage began (default: today, or --as-of).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("A note kept with the stage.", valueName: "text"))
    var note: String = ""

    @OptionGroup var asOf: AsOfOption

    func validate() throws {
        if let date, Day(iso: date) == nil {
            throw ValidationError("--date must be a date as YYYY-MM-DD, not '\(date)'")
        }
    }

    func run() throws {
        guard let target = PipelineStage(text: stage) else { throw FollowThroughError.unknownStage(stage) }
        let day = try date.flatMap { Day(iso: $0) } ?? asOf.day
        let staged = try Recording.setStage(workspace.location, person: person, stage: target, day: day, note: note)
        let name = OutputPolicy.terminal(staged.name)
        if let change = staged.change {
            let was = change.from.map { $0 == target ? " (note updated)" : " (was \($0.label))" } ?? ""
            print("\(name): \(target.label) since \(day.iso)\(was).")
        } else {
            print("\(name) is already \(target.label).")
        }
    }
}

/// "Pipeline: NAME → STAGE." after `log` or `intro` moved someone forward.
enum PipelineLine {
    static func print(_ name: String, _ change: PipelineTransition?) {
        guard let change else { return }
        Swift.print("Pipeline: \(OutputPolicy.terminal(name)) → \(change.to.label).")
    }
}
