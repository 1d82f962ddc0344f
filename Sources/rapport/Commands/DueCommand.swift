import ArgumentParser
import Foundation
import Rapport
import RapportUseCases

struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "What to do next: thank-you notes, follow-ups, check-ins and introduction nudges.",
        discussion: """
            A thank-you is due within a day of an informational interview; a follow-up with news 4–6 weeks later; a check-in with people you have spoken with every 30, 90 or 180 days for strong, medium and weak ties; and a gentle nudge when an introduction you asked for has gone unanswered for a week. Overdue items are listed first; reminders more than 90 days overdue give way to the check-in cadence.

            Examples:
              rapport due
              rapport due --within 30 --ics follow-ups.ics
              rapport due --as-of 2026-12-01 --json
            """)

    @OptionGroup var analysis: AnalysisOptions

    @Option(name: .long, help: ArgumentHelp("Look this many days ahead (default 14).", valueName: "days"))
    var within = 14

    @Option(
        name: .long,
        help: ArgumentHelp("Also write the items as an RFC 5545 calendar (all-day events).", valueName: "file"))
    var ics: String?

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func validate() throws {
        if within < 0 { throw ValidationError("--within cannot be negative") }
    }

    func run() throws {
        let a = try analysis.analysis()
        let items = try FollowUp.due(a, within: within)
        if let ics { try OutputFile.write(FollowUp.calendar(items, in: a), to: ics) }
        if json { return print(try JSONOutput.string(items.map { DueJSON($0, in: a) })) }
        if items.isEmpty {
            print("Nothing due in the next \(within) days.")
        } else {
            var table = TextTable(["Due", "When", "Reason", "Person", "Next action"], boldHeaders: Terminal.colorEnabled)
            table.maxWidths = [3: 28]
            for item in items {
                let days = item.daysUntilDue(from: a.asOf)
                let when = days < 0 ? "\(-days)d overdue" : days == 0 ? "today" : "in \(days)d"
                table.add([item.due.iso, when, FollowUp.reasonLabel(item.reason), a.name(item.node), item.action])
            }
            print(table.render())
        }
        if let ics { print("Wrote \(items.count) event\(items.count == 1 ? "" : "s") to \(OutputPolicy.terminal(ics)).") }
    }
}
