import ArgumentParser
import Rapport
import RapportUseCases

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
        guard let status = IntroductionStatus(rawValue: status.lowercased()) else { return }
        let day = try date.flatMap { Day(iso: $0) } ?? asOf.day
        let done = try Recording.introduce(
            workspace.location, introducer: introducer, person: person, to: to, status: status, day: day)
        let (by, who, to) = (OutputPolicy.terminal(done.introducer), OutputPolicy.terminal(done.person), OutputPolicy.terminal(done.recipient))
        print("Introduction of \(who) to \(to) by \(by): \(status.rawValue) (\(day.iso)).")
        PipelineLine.print(done.person, done.pipeline)
    }
}
