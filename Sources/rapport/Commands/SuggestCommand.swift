import ArgumentParser
import Foundation
import Rapport
import RapportCSV

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
        let a = try Analysis(analysis)
        progress.advance("ranking")
        var clock = PhaseTimer()
        let planner = try Planner(a, options: goal)
        clock.mark("suggestion index")
        if keepWarm {
            progress.finish()
            return try printKeepWarm(planner)
        }
        if let batch, let out { return try runBatch(planner, egos: batch, folder: out) }
        let ego = try planner.ego(goal)
        let target = try goal.goal()
        let suggestions = try planner.suggest(goal: target, top: top, options: goal)
        clock.mark("suggest")
        progress.finish()
        let summary = target.isEmpty ? nil : try planner.engine.summary(of: target, for: ego)
        if !json, !csv, let summary {
            print(Self.summaryLine(summary, goal: target))
            if summary.matched == 0 { return }
        }
        if json {
            print(try JSONOutput.string(suggestions.enumerated().map { SuggestionJSON($1, rank: $0 + 1) }))
            return
        }
        if csv {
            let writer = CSVWriter(neutralizeFormulas: true)
            let header = ["rank", "id", "name", "organization", "title", "score", "relevance", "reliability", "redundancy",
                          "quality_gain", "insight", "freshness", "introducer", "path", "action"]
            let rows = suggestions.enumerated().map { i, s in
                [String(i + 1), s.id, s.name, s.organization ?? "", s.title ?? "", format3(s.score), format3(s.components.relevance),
                 format3(s.components.reliability), format3(s.components.redundancy), format3(s.components.qualityGain),
                 format3(s.components.insight), format3(s.components.freshness), s.introducer?.name ?? "",
                 s.path.isEmpty ? "" : planner.describe(s.path, from: ego), s.action]
            }
            print(writer.document(header: header, rows: rows), terminator: "")
            return
        }
        guard !suggestions.isEmpty else {
            print("No candidates: nobody is reachable within \(planner.engine.configuration.maxHops) hops and no prospect is imported.")
            return
        }
        var table = TextTable(["#", "PERSON", "ORGANIZATION", "SCORE", "VIA"])
        table.rightAligned = [0, 3]
        table.maxWidths = [1: 20, 2: 20, 4: 24]
        for (i, s) in suggestions.enumerated() {
            let via: String
            switch s.kind {
            case .introduction: via = s.introducer.map { "\($0.name) \(format2($0.strength))" } ?? ""
            case .direct: via = "direct"
            default: via = "cold"
            }
            table.add([String(i + 1), s.name, s.organization ?? "", format2(s.score), via])
        }
        guard explain else {
            print(table.render())
            return
        }
        print(table.render { i in
            let s = suggestions[i]
            let c = s.components
            var lines = ["    → " + Terminal.cell(s.action)]
            if !s.path.isEmpty { lines.append("    path: " + Terminal.cell(planner.describe(s.path, from: ego))) }
            lines.append("    score \(format2(s.score)): relevance \(format2(c.relevance)), path \(format2(c.reliability)), redundancy \(format2(c.redundancy)) (\(c.introducerCount) introducer\(c.introducerCount == 1 ? "" : "s")), quality gain \(format2(c.qualityGain)), insight \(format2(c.insight))\(c.freshness < 1 ? ", freshness ×\(format2(c.freshness))" : "")")
            if !s.warmthTerms.isEmpty {
                lines.append("    " + Terminal.cell(Self.warmthLine(c.warmth, s.warmthTerms)))
            }
            if !s.sharedHistory.isEmpty {
                lines.append("    shared history: " + Terminal.cell(s.sharedHistory.joined(separator: ", ")))
            }
            if !s.alternatives.isEmpty {
                lines.append("    also via: " + Terminal.cell(s.alternatives.prefix(3).map { "\($0.name) (\(format2($0.reliability)))" }.joined(separator: ", ")))
            }
            return lines
        })
    }


    /// "7 of 2,311 people match 'engineering'", or, when nobody does, the closest terms that occur.
    static func summaryLine(_ summary: GoalSummary, goal: Goal) -> String {
        let values = goal.sectors + goal.keywords + goal.organizations + goal.locations + goal.seniority
        let quoted = Terminal.cell(values.map { "'\($0)'" }.joined(separator: ", "))
        let total = summary.total.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
        guard summary.matched == 0 else {
            let matched = summary.matched.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
            let verb = summary.matched == 1 ? "matches" : "match"
            return "\(matched) of \(total) \(summary.total == 1 ? "person" : "people") \(verb) \(quoted)"
        }
        let closest =
            summary.closestTerms.isEmpty
            ? "" : "; closest terms in your network: " + Terminal.cell(summary.closestTerms.joined(separator: ", "))
        return "Nobody of \(total) \(summary.total == 1 ? "person" : "people") matches \(quoted)\(closest)"
    }

    /// "warmth 0.031 from 3 introducers: Maria Chen 0.020 (path 0.32), …" (a direct tie reads "direct").
    static func warmthLine(_ warmth: Double, _ terms: [WarmthTerm]) -> String {
        let parts = terms.prefix(3).map { "\($0.name) \(format3($0.contribution)) (path \(format2($0.reliability)))" }
        let count = terms.count >= 5 ? "5+" : String(terms.count)
        return "warmth \(format3(warmth)) from \(count) independent path\(terms.count == 1 ? "" : "s"): "
            + parts.joined(separator: ", ")
    }

    /// One CSV of suggestions per ego, computed in parallel on the shared snapshot.
    private func runBatch(_ planner: Planner, egos path: String, folder: String) throws {
        let references = try BatchResults.references(in: path)
        guard !references.isEmpty else { throw CommandError.badInput("\(path): no people listed") }
        let a = planner.analysis
        // An unknown person is bad input at its line of the file.
        let egos = try references.map { reference in
            do { return try a.session.resolve(reference.text, in: a.snapshot) } catch let error as CommandError {
                throw CommandError(description: "\(path):\(reference.line): \(error.description)", code: error.code)
            }
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let target = try goal.goal()
        let start = DispatchTime.now()
        let engine = planner.engine
        let results = BatchResults(count: egos.count)
        let top = self.top
        DispatchQueue.concurrentPerform(iterations: egos.count) { i in
            results.set(i, Result { try engine.suggest(for: egos[i], goal: target, top: top) })
        }
        let writer = CSVWriter(neutralizeFormulas: true)
        for (i, ego) in egos.enumerated() {
            let suggestions = try results.get(i)
            var rows: [[String]] = []
            for (rank, s) in suggestions.enumerated() {
                let path = s.path.isEmpty ? "" : planner.describe(s.path, from: ego)
                let row: [String] = [String(rank + 1), s.id, s.name, s.organization ?? "", s.title ?? "", format3(s.score)]
                rows.append(row + [s.introducer?.name ?? "", path, s.action])
            }
            let file = folder + "/" + BatchResults.fileName(for: a.snapshot.people[Int(ego)].id)
            try OutputFile.write(writer.document(header: ["rank", "id", "name", "organization", "title", "score", "introducer", "path", "action"], rows: rows), to: file)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        print(String(format: "Wrote suggestions for %d people to %@ in %.2f s (%.1f people/s).", egos.count, folder, seconds, Double(egos.count) / max(seconds, 1e-9)))
    }

    private func printKeepWarm(_ planner: Planner) throws {
        let all = try planner.keepWarm(days: days, options: goal)
        let list = top > 0 ? Array(all.prefix(top)) : all
        if json {
            print(try JSONOutput.string(list.map(KeepWarmJSON.init)))
            return
        }
        guard !list.isEmpty else {
            print("No strong tie is fading: nothing to re-engage right now.")
            return
        }
        var table = TextTable(["PERSON", "ORGANIZATION", "NOW", "PEAK", "LAST CONTACT"])
        table.rightAligned = [2, 3]
        table.maxWidths = [0: 22, 1: 24]
        for k in list {
            let last = k.lastInteraction.map { "\($0.iso) (\(k.daysSinceContact ?? 0) d)" } ?? "never"
            table.add([k.name, k.organization ?? "", format2(k.strength), format2(k.peakStrength), last])
        }
        print(table.render { i in ["    → " + Terminal.cell(list[i].action)] })
        if list.count < all.count { print("\(list.count) of \(all.count) fading ties (--top 0 lists all)") }
    }
}

func format3(_ value: Double) -> String { String(format: "%.3f", value) }

/// A person and a tie strength in `--json` output: a path hop, an introducer, a tie carrying reach.
struct HopJSON: Encodable {
    var id: String
    var name: String
    var strength: Double
}

/// One independent warm path in `warmth`: the introducer (the person themself for a direct tie).
struct WarmthJSON: Encodable {
    var id: String
    var name: String
    var reliability: Double
    var contribution: Double
}

/// The `--json` shape of one suggestion (documented in Docs/CLI.md).
struct SuggestionJSON: Encodable {
    var rank: Int
    var id: String
    var name: String
    var organization: String?
    var title: String?
    var score: Double
    var components: ScoreComponents
    var kind: String
    var path: [HopJSON]
    var introducer: HopJSON?
    var alternatives: [HopJSON]
    /// The independent paths behind `components.warmth`, largest contribution first.
    var warmth: [WarmthJSON]
    var shared: [String]
    /// Schools and former employers in common with the user ("studied at X", "worked at Y").
    var sharedHistory: [String]
    var action: String

    init(_ s: Suggestion, rank: Int) {
        self.rank = rank
        id = s.id
        name = s.name
        organization = s.organization
        title = s.title
        score = s.score
        components = s.components
        kind = s.kind.rawValue
        path = s.path.map { HopJSON(id: $0.id ?? "", name: $0.name ?? "", strength: $0.strength) }
        introducer = s.introducer.map { HopJSON(id: $0.id, name: $0.name, strength: $0.strength) }
        alternatives = s.alternatives.map { HopJSON(id: $0.id, name: $0.name, strength: $0.strength) }
        warmth = s.warmthTerms.map {
            WarmthJSON(id: $0.id, name: $0.name, reliability: $0.reliability, contribution: $0.contribution)
        }
        shared = s.shared
        sharedHistory = s.sharedHistory
        action = s.action
    }
}

struct KeepWarmJSON: Encodable {
    var id: String
    var name: String
    var organization: String?
    var strength: Double
    var peakStrength: Double
    var lastInteraction: String?
    var lastInteractionKind: String?
    var daysSinceContact: Int?
    var reasons: [String]
    var action: String

    init(_ k: KeepWarmSuggestion) {
        id = k.id
        name = k.name
        organization = k.organization
        strength = k.strength
        peakStrength = k.peakStrength
        lastInteraction = k.lastInteraction?.iso
        lastInteractionKind = k.lastInteractionKind?.rawValue
        daysSinceContact = k.daysSinceContact
        reasons = k.reasons.map(\.rawValue)
        action = k.action
    }
}

/// Per-ego results filled in from several threads.
final class BatchResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<[Suggestion], any Error>?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ result: Result<[Suggestion], any Error>) { lock.withLock { results[i] = result } }

    func get(_ i: Int) throws -> [Suggestion] {
        guard let result = lock.withLock({ results[i] }) else { return [] }
        return try result.get()
    }

    /// The person references of a CSV with their lines: its `id` (else `person`, `email`, `name`)
    /// column, or its first column when there is no such header; blank rows skipped.
    /// - Throws: `CommandError.badInput` (exit 2) for a file that cannot be opened or read as CSV.
    static func references(in path: String) throws -> [(text: String, line: Int)] {
        let stream: RecordStream
        do { stream = try RecordStream(path: path) } catch { throw CommandError.badInput(error.description) }
        var column = -1
        var references: [(text: String, line: Int)] = []
        do {
            try readReferences(stream, column: &column, into: &references)
        } catch let error as BulkError {
            throw CommandError.badInput(error.description)
        }
        return references
    }

    private static func readReferences(
        _ stream: RecordStream, column: inout Int, into references: inout [(text: String, line: Int)]
    ) throws {
        try stream.forEachRecord { record in
            if column < 0 {
                column = 0
                var header: [String] = []
                for i in 0..<record.count { header.append(record.string(i).trimmingCharacters(in: .whitespaces).lowercased()) }
                // A header row names the column; without one, the first column holds the people.
                for name in ["id", "person", "email", "name"] {
                    if let i = header.firstIndex(of: name) { column = i; return true }
                }
            }
            let value = record.string(column).trimmingCharacters(in: .whitespaces)
            if !value.isEmpty { references.append((value, record.line)) }
            return true
        }
    }

    /// A file name from an id: letters, digits, `-`, `_` and `.` kept, anything else as `_`.
    static func fileName(for id: String) -> String {
        let safe = String(id.unicodeScalars.map { c -> Character in
            c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_" || c == "." ? Character(c) : "_"
        })
        return (safe.isEmpty || safe.hasPrefix(".") ? "_" + safe : safe) + ".csv"
    }
}
