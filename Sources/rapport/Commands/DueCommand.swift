import ArgumentParser
import Foundation
import Rapport

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
        let a = try Analysis(analysis)
        let ego = try a.ego()
        let calculator = try DueCalculator(snapshot: a.snapshot, strengths: a.strengths.values)
        let items = calculator.items(
            for: ego, pipeline: try a.session.workspace.loadPipeline(), asOf: a.asOf, horizonDays: within)
        if let ics {
            let events = items.map { ICSCalendar.Event($0, summary: DueCommand.summary($0, a), notBefore: a.asOf) }
            try OutputFile.write(ICSCalendar(events: events, stamp: a.asOf).render(), to: ics)
        }
        if json {
            print(
                try JSONOutput.string(
                    items.map { item in
                        DueJSON(
                            due: item.due, windowEnd: item.windowEnd, daysUntilDue: item.daysUntilDue(from: a.asOf),
                            reason: item.reason.rawValue, id: item.personID, name: a.name(item.node),
                            about: item.aboutNode.map { a.name($0) }, detail: item.detail, action: item.action)
                    }))
            return
        }
        if items.isEmpty {
            print("Nothing due in the next \(within) days.")
        } else {
            var table = TextTable(["Due", "When", "Reason", "Person", "Next action"])
            table.maxWidths = [3: 28]
            for item in items {
                let days = item.daysUntilDue(from: a.asOf)
                let when = days < 0 ? "\(-days)d overdue" : days == 0 ? "today" : "in \(days)d"
                table.add([item.due.iso, when, DueCommand.reasonLabel(item.reason), a.name(item.node), item.action])
            }
            print(table.render())
        }
        if let ics { print("Wrote \(items.count) event\(items.count == 1 ? "" : "s") to \(Terminal.inert(ics)).") }
    }

    static func reasonLabel(_ reason: DueReason) -> String {
        switch reason {
        case .thankYou: return "thank-you"
        case .followUp: return "follow-up"
        case .keepWarm: return "check-in"
        case .introNudge: return "intro nudge"
        }
    }

    static func summary(_ item: DueItem, _ a: Analysis) -> String {
        switch item.reason {
        case .thankYou: return "Thank \(a.name(item.node))"
        case .followUp: return "Follow up with \(a.name(item.node))"
        case .keepWarm: return "Check in with \(a.name(item.node))"
        case .introNudge: return "Nudge \(a.name(item.node)) about an introduction"
        }
    }
}

struct DueJSON: Encodable {
    var due: Day
    var windowEnd: Day
    var daysUntilDue: Int
    var reason: String
    var id: String
    var name: String
    var about: String?
    var detail: String
    var action: String
}
