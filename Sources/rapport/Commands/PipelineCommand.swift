import ArgumentParser
import Foundation
import Rapport
import RapportStore

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
        let session = try Session(workspace)
        let snapshot = try session.snapshot()
        let today = try asOf.day
        let entries = try session.workspace.loadPipeline().filter { all || $0.stage != .closed }
        let board = Pipeline.board(entries)
        func row(_ e: PipelineEntry) -> PipelineRowJSON {
            let node = snapshot.index(ofID: e.personID)
            let person = node.map { snapshot.people[Int($0)] }
            return PipelineRowJSON(
                id: e.personID, name: person?.displayName ?? e.personID,
                organization: node.flatMap { snapshot.organization(of: $0)?.name } ?? person?.organization,
                since: e.since, days: e.daysInStage(asOf: today), note: e.note)
        }
        if json {
            print(
                try JSONOutput.string(
                    board.map { PipelineStageJSON(stage: $0.stage.rawValue, people: $0.entries.map(row)) }))
            return
        }
        guard !board.isEmpty else {
            print(
                "The pipeline is empty: `rapport status PERSON identified` adds someone; `rapport log` and `rapport intro` move people along."
            )
            return
        }
        var first = true
        for column in board {
            if !first { print("") }
            first = false
            print("\(column.stage.label.uppercased()) (\(column.entries.count))")
            var table = TextTable(["Person", "Organization", "Days", "Since", "Note"])
            table.rightAligned = [2]
            table.maxWidths = [1: 32, 4: 40]
            for e in column.entries {
                let r = row(e)
                table.add([r.name, r.organization ?? "", String(r.days), r.since.iso, r.note])
            }
            print(table.render())
        }
    }
}

struct PipelineStageJSON: Encodable {
    var stage: String
    var people: [PipelineRowJSON]
}

struct PipelineRowJSON: Encodable {
    var id: String
    var name: String
    var organization: String?
    var since: Day
    var days: Int
    var note: String
}
