import Foundation
import RapportTestSupport
import Testing

/// Issue 17 item 5: SIGKILL at a random point of `import`, `log` or the snapshot write, then every
/// command answers exactly what a workspace rebuilt from scratch answers — the database holds the
/// whole write or none of it, and the snapshot cache beside it is either right or rebuilt.
///
/// `RAPPORT_DURABILITY_RUNS` sets the number of kills (default 20, a third for each operation);
/// the answers compared are `ties --all --json`, `suggest --json` and `reach`, with the references
/// computed with the cache off (`RAPPORT_SNAPSHOT_CACHE=off`) on clean workspaces.
@Suite(.tags(.durability), .serialized) struct CrashConsistencyTests {
    static var runs: Int { ProcessInfo.processInfo.environment["RAPPORT_DURABILITY_RUNS"].flatMap(Int.init) ?? 20 }

    static let asOf = ["--as-of", "2026-11-20"]
    static let questions: [[String]] = [
        ["ties", "--all", "--json"] + asOf, ["suggest", "--json", "--top", "0"] + asOf, ["reach", "--top", "50"] + asOf,
    ]
    static let logCommand = ["log", "informational_interview", "Helen Agarwal", "--date", "2026-11-18", "--rapport", "5"]

    /// The answers to every question in `cli`'s workspace, each command run once (with the cache
    /// as configured in `cli.environment`).
    static func answers(_ cli: CLI) throws -> [String] {
        try questions.map { arguments in
            let result = try cli.run(arguments)
            return "exit \(result.status)\n\(result.stdout)\(result.stderr)"
        }
    }

    static func uncached(_ cli: CLI) -> CLI {
        var plain = cli
        plain.environment["RAPPORT_SNAPSHOT_CACHE"] = "off"
        return plain
    }

    /// The workspace files (`rapport.db*`) of `cli`, by name.
    static func files(_ cli: CLI) throws -> [String: Data] {
        try ExitCodeContractTests.workspaceState(cli)
    }

    /// Replaces `cli`'s workspace files by `files`.
    static func restore(_ cli: CLI, _ files: [String: Data]) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: cli.directory.path) where name.hasPrefix("rapport.db") {
            try FileManager.default.removeItem(at: cli.directory.appendingPathComponent(name))
        }
        for (name, data) in files { try data.write(to: cli.directory.appendingPathComponent(name)) }
    }

    /// How long `arguments` takes once, run to completion.
    static func timed(_ cli: CLI, _ arguments: [String]) throws -> Duration {
        let started = ContinuousClock.now
        let result = try cli.run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return ContinuousClock.now - started
    }

    @Test(.timeLimit(.minutes(30))) func sigkillDuringImportLogOrSnapshotWriteNeverChangesAnAnswer() throws {
        // The three starting points and, for each operation, the clean answers before and after it.
        let empty = try CLI()
        try empty.run("init", "--me", "Avery Lindqvist")
        for sample in ImportCommandTests.samples {
            try Data(contentsOf: URL(fileURLWithPath: sample)).write(
                to: empty.directory.appendingPathComponent(URL(fileURLWithPath: sample).lastPathComponent))
        }
        let importArguments = ["import"] + ImportCommandTests.samples.map { URL(fileURLWithPath: $0).lastPathComponent }
        let emptyFiles = try Self.files(empty)
        let emptyAnswers = try Self.answers(Self.uncached(empty))
        let importTime = try Self.timed(empty, importArguments)
        let importedFiles = try Self.files(empty).filter { $0.key != "rapport.db-snapshot" }
        let importedAnswers = try Self.answers(Self.uncached(empty))
        let logTime = try Self.timed(empty, Self.logCommand)
        let loggedAnswers = try Self.answers(Self.uncached(empty))
        #expect(Set([emptyAnswers, importedAnswers, loggedAnswers]).count == 3, "each operation changes an answer")
        try Self.restore(empty, importedFiles)
        let snapshotTime = try Self.timed(empty, Self.questions[0])

        struct Operation {
            var name: String
            var start: [String: Data]
            var arguments: [String]
            var duration: Duration
            var outcomes: [[String]]
        }
        let operations = [
            Operation(name: "import", start: emptyFiles, arguments: importArguments, duration: importTime, outcomes: [emptyAnswers, importedAnswers]),
            Operation(name: "log", start: importedFiles, arguments: Self.logCommand, duration: logTime, outcomes: [importedAnswers, loggedAnswers]),
            // The snapshot write: `ties` on a workspace without a cache builds and saves one.
            Operation(name: "snapshot write", start: importedFiles, arguments: Self.questions[0], duration: snapshotTime, outcomes: [importedAnswers]),
        ]

        var rng = SplitMix64(seed: 17)
        var tally: [String: [Int]] = [:]
        for round in 0..<Self.runs {
            let operation = operations[round % operations.count]
            try Self.restore(empty, operation.start)
            let process = try DurabilityTests.start(empty, operation.arguments)
            let delay = operation.duration * Double.random(in: 0...1.2, using: &rng)
            Thread.sleep(forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // With the cache on, as a user runs them: the first question reads the cache the kill
            // left (or rebuilds it), the next two read the cache the first one left.
            let answers = try Self.answers(empty)
            let outcome = operation.outcomes.firstIndex(of: answers)
            #expect(outcome != nil, "round \(round): \(operation.name) killed after \(delay) answers differently")
            tally[operation.name, default: Array(repeating: 0, count: operation.outcomes.count)][outcome ?? 0] += 1
        }
        print("crash consistency: \(Self.runs) kills; outcomes (before, after) per operation: \(tally)")
    }

    /// A bulk import (more people than a write patches into the snapshot file) writes its people
    /// while it merges its ties (`StagedWrite`): SIGKILL at any point of it leaves the workspace
    /// empty or fully imported, never the people without their ties.
    @Test(.timeLimit(.minutes(10))) func sigkillDuringABulkImportLeavesAllOrNothing() throws {
        let cli = try CLI()
        try cli.run("init", "--me", "Avery Lindqvist")
        var people = "id,first_name,last_name,email,organization\n"
        var ties = "person_a,person_b,kind\n"
        var rng = SplitMix64(seed: 16)
        for i in 1...10_200 {
            people += "p\(i),First \(i),\"Last, \(i % 97)\",p\(i)@x.example,Org \(i % 300)\n"
            ties += "me,p\(i),acquaintance\n"
            for _ in 0..<2 { ties += "p\(i),p\(1 + Int(rng.next() % 10_200) % 10_200),friend\n" }
        }
        // A tie of someone to themselves is an error: drop those rows.
        ties = ties.split(separator: "\n").filter { line in
            let cells = line.split(separator: ","); return cells.count < 2 || cells[0] != cells[1]
        }.joined(separator: "\n") + "\n"
        try Data(people.utf8).write(to: cli.directory.appendingPathComponent("people.csv"))
        try Data(ties.utf8).write(to: cli.directory.appendingPathComponent("ties.csv"))
        let questions = [["reach", "--top", "20"] + Self.asOf, ["people", "--search", "Last, 42"]]
        func answers(_ cli: CLI) throws -> [String] {
            try questions.map { let r = try cli.run($0); return "exit \(r.status)\n\(r.stdout)\(r.stderr)" }
        }
        let empty = try Self.files(cli)
        let before = try answers(Self.uncached(cli))
        let importTime = try Self.timed(cli, ["import", "people.csv", "ties.csv"])
        let after = try answers(Self.uncached(cli))
        #expect(before != after)
        var outcomes = [0, 0]
        for round in 0..<max(4, Self.runs / 3) {
            try Self.restore(cli, empty)
            let process = try DurabilityTests.start(cli, ["import", "people.csv", "ties.csv"])
            let delay = importTime * Double.random(in: 0...1.1, using: &rng)
            Thread.sleep(forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let seen = try answers(cli)
            let outcome = [before, after].firstIndex(of: seen)
            #expect(outcome != nil, "round \(round): the bulk import killed after \(delay) answers differently")
            outcomes[outcome ?? 0] += 1
        }
        print("crash consistency, bulk import: (before, after) = \(outcomes)")
    }
}
