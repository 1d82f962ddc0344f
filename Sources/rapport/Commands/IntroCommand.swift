import ArgumentParser
import Rapport

struct IntroCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intro",
        abstract: "Record an introduction: requested, made, met or declined.",
        discussion: """
            INTRODUCER introduces PERSON to you (or to --to). Recording the same pair again updates its status.

            Examples:
              rapport intro "Maria Chen" "Dana Lee" --status requested
              rapport intro "Maria Chen" "Dana Lee" --status made --date 2026-11-10
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "Who makes the introduction.")
    var introducer: String

    @Argument(help: "Who is introduced.")
    var person: String

    @Option(name: .long, help: ArgumentHelp("To whom (default: you).", valueName: "person"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("requested, made, met or declined.", valueName: "status"))
    var status: String = IntroductionStatus.requested.rawValue

    @Option(name: .long, help: ArgumentHelp("When (default: today, or --as-of).", valueName: "YYYY-MM-DD"))
    var date: String?

    @OptionGroup var asOf: AsOfOption

    func validate() throws {
        guard IntroductionStatus(rawValue: status.lowercased()) != nil else {
            throw ValidationError("--status must be one of: \(IntroductionStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let date, Day(iso: date) == nil { throw ValidationError("--date must be a date as YYYY-MM-DD, not '\(date)'") }
    }

    func run() throws {
        let session = try Session(workspace)
        let snapshot = try session.snapshot()
        let from = try session.resolve(introducer, in: snapshot, role: "introducer")
        let target = try session.resolve(person, in: snapshot)
        let recipient = try to.map { try session.resolve($0, in: snapshot) } ?? snapshot.selfIndex
        guard let recipient else { throw CommandError.badInput("the workspace has no 'me'; run `rapport init --me NAME`") }
        guard from != target, target != recipient, from != recipient else {
            throw CommandError.badInput("an introduction needs three different people")
        }
        guard let status = IntroductionStatus(rawValue: status.lowercased()) else { return }
        let day = try date.flatMap { Day(iso: $0) } ?? asOf.day
        let ids = [from, target, recipient].map { snapshot.people[Int($0)].id }
        let intro = Introduction(date: day, introducerID: ids[0], personID: ids[1], toID: ids[2], status: status)
        try session.workspace.apply(people: [], ties: [], interactions: [], introductions: [intro])
        let names = [from, target, recipient].map { Terminal.inert(snapshot.people[Int($0)].displayName) }
        print("Introduction of \(names[1]) to \(names[2]) by \(names[0]): \(status.rawValue) (\(day.iso)).")
        if recipient == snapshot.selfIndex {
            try PipelineHook.advance(
                session.workspace, personID: ids[1], name: snapshot.people[Int(target)].displayName,
                to: PipelineStage.implied(by: status), on: day, source: .introduction)
        }
    }
}
