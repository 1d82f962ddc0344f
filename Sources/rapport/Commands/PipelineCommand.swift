import ArgumentParser
import Foundation
import Rapport
import RapportUseCases

struct PipelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Your outreach board: everyone in the pipeline, grouped by stage, with days in stage.",
        discussion: """
            Stages run identified → intro_requested → intro_made → scheduled → interviewed → thanked → following_up, or closed. Within a stage, whoever has waited longest comes first.

            Examples:
              rapport pipeline
              rapport pipeline --as-of 2026-12-01 --json
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @Flag(name: .long, help: "Include closed targets.")
    var all = false

    @OptionGroup var asOf: AsOfOption

    func run() throws {
        let board = try FollowUp.board(try Session(workspace.location), asOf: try asOf.day, includeClosed: all)
        if json { return print(try JSONOutput.string(board)) }
        guard !board.isEmpty else {
            print(
                "The pipeline is empty: `rapport status PERSON identified` adds someone; `rapport log` and `rapport intro` move people along."
            )
            return
        }
        for (i, column) in board.enumerated() {
            if i > 0 { print("") }
            let label = PipelineStage(rawValue: column.stage)?.label ?? column.stage
            print("\(label.uppercased()) (\(column.people.count))")
            var table = TextTable(["Person", "Organization", "Days", "Since", "Note"], boldHeaders: Terminal.colorEnabled)
            table.rightAligned = [2]
            table.maxWidths = [1: 32, 4: 40]
            for r in column.people { table.add([r.name, r.organization ?? "", String(r.days), r.since.iso, r.note]) }
            print(table.render())
        }
    }
}
