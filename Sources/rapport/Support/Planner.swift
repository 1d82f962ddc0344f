import ArgumentParser
import Foundation
import Rapport

/// Goal flags shared by `suggest` and `render suggestions`.
struct GoalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A sector or practice area to aim at (repeatable).", valueName: "sector"))
    var sector: [String] = []

    @Option(name: .long, help: ArgumentHelp("A word to look for in titles and organizations (repeatable).", valueName: "word"))
    var keyword: [String] = []

    @Option(name: .long, help: ArgumentHelp("An organization to aim at (repeatable).", valueName: "name"))
    var org: [String] = []

    @Option(name: .long, help: ArgumentHelp("A location to prefer (repeatable).", valueName: "place"))
    var location: [String] = []

    @Option(name: .long, help: ArgumentHelp("A seniority to prefer, e.g. partner, counsel, senior (repeatable).", valueName: "level"))
    var seniority: [String] = []

    @Option(name: .long, help: ArgumentHelp("A goal file (JSON or TOML) with sectors, keywords, organizations, locations, seniority and weights.", valueName: "file"))
    var goalFile: String?

    @Option(name: .long, help: ArgumentHelp("Suggest for this person instead of you (advisers, career offices).", valueName: "person"))
    var `for`: String?

    @Option(name: .long, help: ArgumentHelp("Longest introduction chain to consider (default 3).", valueName: "n"))
    var maxHops: Int?

    @Option(name: .long, help: ArgumentHelp("At most this many suggestions per organization (default 2).", valueName: "n"))
    var perOrg: Int?

    @Option(name: .long, help: ArgumentHelp("Skip people you had an informational interview with in the last N days (default 90).", valueName: "days"))
    var cooldown: Int?

    /// The goal: the file's fields plus the flags.
    func goal() throws -> Goal {
        var goal = Goal()
        if let goalFile {
            guard let data = FileManager.default.contents(atPath: goalFile) else {
                throw CommandError.badInput("\(goalFile): cannot read the goal file")
            }
            goal = try GoalFile.parse(data, path: goalFile)
        }
        goal.sectors += sector
        goal.keywords += keyword
        goal.organizations += org
        goal.locations += location
        goal.seniority += seniority
        return goal
    }

    func validateLimits() throws {
        if let maxHops, !(1...6).contains(maxHops) { throw ValidationError("--max-hops must be 1 to 6") }
        if let perOrg, perOrg < 1 { throw ValidationError("--per-org must be at least 1") }
        if let cooldown, cooldown < 0 { throw ValidationError("--cooldown cannot be negative") }
    }
}

/// Goal files: JSON (`{"sectors": [...], ...}`) or TOML (`sectors = [...]`, `[weights]`).
enum GoalFile {
    static func parse(_ data: Data, path: String) throws -> Goal {
        if path.lowercased().hasSuffix(".toml") {
            let document: TOMLDocument
            do { document = try TOMLParser.parse(String(decoding: data, as: UTF8.self)) } catch {
                throw CommandError.badInput("\(path):\(error.description)")
            }
            var json: [String: Any] = [:]
            for (key, entry) in document.table("") { json[key] = plain(entry.value) }
            if !document.table("weights").isEmpty { json["weights"] = document.table("weights").mapValues { plain($0.value) } }
            return try decode(try JSONSerialization.data(withJSONObject: json), path: path)
        }
        return try decode(data, path: path)
    }

    private static func plain(_ value: TOMLValue) -> Any {
        if let a = value.arrayValue { return a.map(plain) }
        if let s = value.stringValue { return s }
        if let d = value.doubleValue { return d }
        if let b = value.boolValue { return b }
        return value.description
    }

    private static func decode(_ data: Data, path: String) throws -> Goal {
        do { return try JSONDecoder().decode(Goal.self, from: data) } catch let error as DecodingError {
            switch error {
            case .dataCorrupted(let c), .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c):
                let where_ = c.codingPath.map(\.stringValue).joined(separator: ".")
                throw CommandError.badInput("\(path): \(where_.isEmpty ? "" : where_ + ": ")\(c.debugDescription)")
            @unknown default:
                throw CommandError.badInput("\(path): not a valid goal file")
            }
        }
    }
}

/// Suggestions and warm paths over an `Analysis`, with the workspace's `[suggest]` settings and
/// synonym table.
struct Planner {
    let analysis: Analysis
    let engine: SuggestionEngine

    init(_ analysis: Analysis, options: GoalOptions? = nil) throws {
        self.analysis = analysis
        var configuration = try Planner.suggestConfiguration(analysis.configuration, path: analysis.configurationPath)
        if let maxHops = options?.maxHops { configuration.maxHops = maxHops }
        if let perOrg = options?.perOrg { configuration.perOrganization = perOrg }
        if let cooldown = options?.cooldown { configuration.cooldownDays = cooldown }
        engine = try SuggestionEngine(
            snapshot: analysis.snapshot, strengths: analysis.strengths.values, configuration: configuration,
            asOf: analysis.asOf, synonyms: try Planner.synonyms(beside: analysis.session.options.path))
    }

    /// The `[suggest]` section of the configuration file at `path`, every problem at its
    /// `path:line:column` (exit 2): a key that is not a setting, a value that is not a number or
    /// is out of range.
    static func suggestConfiguration(_ file: RapportConfiguration, path: String) throws -> SuggestionConfiguration {
        let entries = file.entries(of: "suggest")
        var values: [String: Double] = [:]
        // In file order, so the first problem reported is the first in the file.
        for (key, entry) in entries.sorted(by: { ($0.value.location.line, $0.key) < ($1.value.location.line, $1.key) }) {
            guard SuggestionConfiguration.keys.contains(key) else {
                throw CommandError.badInput(
                    "\(path):\(entry.location): unknown key '\(key)' in [suggest]; known keys: \(SuggestionConfiguration.keys.sorted().joined(separator: ", "))")
            }
            guard let number = entry.value.doubleValue else {
                throw CommandError.badInput("\(path):\(entry.location): '\(key)' in [suggest] must be a number")
            }
            values[key] = number
        }
        do {
            return try SuggestionConfiguration(values: values)
        } catch {
            // Name the line of the key at fault (a cross-key rule names one of its keys).
            let key: String? = if case .invalidConfigurationValue(let key, _, _) = error { key } else { nil }
            let place = key.flatMap { entries[$0] }.map { "\(path):\($0.location)" } ?? path
            throw CommandError.badInput("\(place): \(error.description)")
        }
    }

    /// The default synonyms plus `synonyms.txt` beside the workspace, when present.
    static func synonyms(beside workspace: String) throws -> SynonymTable {
        let folder = URL(fileURLWithPath: workspace).deletingLastPathComponent().path
        let path = (folder.isEmpty ? "." : folder) + "/synonyms.txt"
        guard let data = FileManager.default.contents(atPath: path) else { return .default }
        do { return SynonymTable.default.merging(try SynonymTable(parsing: String(decoding: data, as: UTF8.self))) } catch {
            throw CommandError.badInput("\(path): \(error.description)")
        }
    }

    /// The ego: `--for PERSON`, else the user.
    func ego(_ options: GoalOptions?) throws -> Int32 {
        if let who = options?.for { return try analysis.session.resolve(who, in: analysis.snapshot) }
        return try analysis.ego()
    }

    func suggest(goal: Goal, top: Int, options: GoalOptions?) throws -> [Suggestion] {
        try engine.suggest(for: try ego(options), goal: goal, top: top)
    }

    func warmPaths(to target: Int32, top: Int, options: GoalOptions? = nil) throws -> [WarmPath] {
        try engine.paths(to: target, from: try ego(options), top: top)
    }

    func keepWarm(days: Int?, options: GoalOptions?) throws -> [KeepWarmSuggestion] {
        let ego = try ego(options)
        var peaks = analysis.strengths.values
        let graph = analysis.snapshot.graph
        for h in graph.halfEdges(of: ego) {
            let e = graph.incidentEdges[h]
            peaks[Int(e)] = analysis.strengths.peakStrength(edge: e)
        }
        return try engine.keepWarm(for: ego, peakStrengths: peaks, noContactDays: days)
    }

    /// "You → Maria Chen 0.82 → Dana Lee 0.61".
    func describe(_ hops: [PathHop], from ego: Int32) -> String {
        let start = ego == analysis.snapshot.selfIndex ? "You" : analysis.name(ego)
        return ([start] + hops.map { "\(analysis.name($0.node)) \(format2($0.strength))" }).joined(separator: " → ")
    }
}

extension WarmPath {
    /// The path as nodes from the ego to the target (for diagrams).
    func nodes(from ego: Int32) -> [Int32] { [ego] + hops.map(\.node) }
}
