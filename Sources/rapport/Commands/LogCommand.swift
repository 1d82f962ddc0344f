import ArgumentParser
import Rapport
import RapportUseCases

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Record a conversation or contact with someone.",
        discussion: """
            KIND is one of: \(InteractionKind.allCases.map(\.rawValue).joined(separator: ", ")). PERSON is an id, an email, a profile URL or a full name.

            Example:
              rapport log coffee "Maria Chen" --date 2026-11-02 --minutes 45 --rapport 5 --note "Talked about patent clerkships"
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "What kind of contact it was.")
    var kind: String

    @Argument(help: "Who it was with.")
    var person: String

    @Option(name: .long, help: ArgumentHelp("When it happened (default: today, or --as-of).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("How long it lasted.", valueName: "minutes"))
    var minutes: Int?

    @Option(name: .long, help: ArgumentHelp("How well it went, 1 (poorly) to 5 (excellent).", valueName: "1-5"))
    var rapport: Int?

    @Flag(name: .long, help: "It was a group setting (an event, a panel), not one-on-one.")
    var group = false

    @Option(name: .long, help: ArgumentHelp("Who reached out: me or them.", valueName: "me|them"))
    var initiatedBy: String?

    @Option(name: .long, help: ArgumentHelp("A note to remember it by.", valueName: "text"))
    var note: String = ""

    @OptionGroup var asOf: AsOfOption

    func validate() throws {
        guard InteractionKind(text: kind) != nil else {
            throw ValidationError("unknown kind '\(kind)'; use one of: \(InteractionKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let rapport, !(1...5).contains(rapport) { throw ValidationError("--rapport must be 1 to 5, not \(rapport)") }
        if let minutes, minutes < 0 { throw ValidationError("--minutes cannot be negative") }
        if let initiatedBy, Initiator(rawValue: initiatedBy.lowercased()) == nil {
            throw ValidationError("--initiated-by must be 'me' or 'them', not '\(initiatedBy)'")
        }
        if let date, Day(iso: date) == nil { throw ValidationError("--date must be a date as YYYY-MM-DD, not '\(date)'") }
    }

    func run() throws {
        guard let kind = InteractionKind(text: kind) else { return }
        let logged = try Recording.log(
            workspace.location, person: person, kind: kind, day: try date.flatMap { Day(iso: $0) } ?? asOf.day,
            isOneOnOne: !group, minutes: minutes, rapport: rapport,
            initiatedBy: initiatedBy.flatMap { Initiator(rawValue: $0.lowercased()) }, note: note)
        print("Logged \(kind.rawValue.replacingOccurrences(of: "_", with: " ")) with \(OutputPolicy.terminal(logged.name)) on \(logged.day.iso).")
        PipelineLine.print(logged.name, logged.pipeline)
    }
}
