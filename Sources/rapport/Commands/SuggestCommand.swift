import ArgumentParser
import Foundation
import Rapport
import RapportStore
import RapportUseCases

struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Whom to talk to next, who can introduce you, and why.",
        discussion: """
            Ranks people by relevance to your goal, the reliability of the warm path to them (the product of tie strengths along it), its warmth (the independent paths through distinct introducers together), how many introducers could help, how much one deep relationship with them would add at their organization, and their seniority. With a goal, only people who match it are suggested, and the first line says how many do. At most --per-org suggestions come from one organization. Without a goal the ranking rests on the warm path, the quality gain and insight.

            Examples:
              rapport suggest --sector "intellectual property" --top 10 --explain
              rapport suggest --keyword "tech transactions" --org "Wilson & Okafor" --json
              rapport suggest --keep-warm
              rapport suggest --for p042 --csv > p042.csv
            """)

    @OptionGroup var analysis: AnalysisOptions
    @OptionGroup var goal: GoalOptions

    @Option(name: .long, help: ArgumentHelp("How many suggestions; 0 lists every candidate.", valueName: "k"))
    var top = 10

    @Flag(name: .long, help: "Show each suggestion's path, score breakdown and other introducers.")
    var explain = false

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @Flag(name: .long, help: "Print CSV (cells a spreadsheet would run as a formula are neutralized).")
    var csv = false

    @Flag(name: .long, help: "Instead, list strong ties that are fading and worth a check-in.")
    var keepWarm = false

    @Option(name: .long, help: ArgumentHelp("With --keep-warm: no contact in this many days counts as fading (default 120).", valueName: "days"))
    var days: Int?

    @Option(name: .long, help: ArgumentHelp("Suggest for every person listed in this CSV (column 'id', or the first column), sharing one loaded network across all cores.", valueName: "egos.csv"))
    var batch: String?

    @Option(name: .long, help: ArgumentHelp("With --batch: the folder for one CSV per person.", valueName: "dir"))
    var out: String?

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 (all) or more") }
        if json && csv { throw ValidationError("--json and --csv cannot be combined") }
        if let days, days < 0 { throw ValidationError("--days cannot be negative") }
        if (batch == nil) != (out == nil) { throw ValidationError("--batch and --out go together: --batch egos.csv --out DIR") }
        if batch != nil && (keepWarm || json || goal.for != nil) { throw ValidationError("--batch cannot be combined with --keep-warm, --json or --for") }
        try goal.validateLimits()
    }

    func run() throws {
        let progress = Progress("loading the network", steps: 2)
        defer { progress.finish() }
        let a = try analysis.analysis(preparingSuggestions: !keepWarm)
        progress.advance("ranking")
        var clock = PhaseTimer()
        let planner = try Planner(a, request: try goal.request())
        clock.mark("suggestion index")
        if keepWarm {
            progress.finish()
            return try printKeepWarm(planner)
        }
        if let batch, let out {
            let summary = try BatchSuggestions.run(planner, egosFile: batch, folder: out, top: top) { done, total in
                progress.update("suggesting for \(done) of \(total) people")
            }
            progress.finish()
            let resumed = summary.resumed > 0 ? " (\(summary.resumed) already written by an interrupted run, kept)" : ""
            print(String(format: "Wrote suggestions for %d people to %@ in %.2f s (%.1f people/s)", summary.people, out, summary.seconds, summary.perSecond) + resumed + ".")
            return
        }
        let ego = try planner.ego()
        let suggestions = try planner.suggest(top: top)
        clock.mark("suggest")
        defer { clock.mark("summary, output") }
        progress.finish()
        if !json, !csv, let summary = try planner.goalSummary() {
            print(OutputPolicy.terminalLine(SuggestionText.summary(summary, goal: planner.request.goal)))
            if summary.matched == 0 { return }
        }
        if json { return print(try JSONOutput.string(SuggestionJSON.list(suggestions))) }
        if csv { return print(SuggestionCSV.document(suggestions, ego: ego, planner: planner), terminator: "") }
        guard !suggestions.isEmpty else {
            print("No candidates: nobody is reachable within \(planner.engine.configuration.maxHops) hops and no prospect is imported.")
            return
        }
        print(SuggestionTable.render(suggestions, from: ego, planner: planner, explain: explain, boldHeaders: Terminal.colorEnabled))
    }

    private func printKeepWarm(_ planner: Planner) throws {
        let all = try planner.keepWarm(days: days)
        let list = top > 0 ? Array(all.prefix(top)) : all
        if json {
            print(try JSONOutput.string(list.map(KeepWarmJSON.init)))
            return
        }
        guard !list.isEmpty else {
            print("No strong tie is fading: nothing to re-engage right now.")
            return
        }
        print(SuggestionTable.render(keepWarm: list, boldHeaders: Terminal.colorEnabled))
        if list.count < all.count { print("\(list.count) of \(all.count) fading ties (--top 0 lists all)") }
    }
}
