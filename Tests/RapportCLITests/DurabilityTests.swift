import Foundation
import RapportTestSupport
import Testing

extension Tag {
    /// Kills and races `rapport` processes; runs in CI within about a minute.
    @Tag static var durability: Self
}

/// Issue 7 item 4: a SIGKILL at any point of an import, two writers at once, and a workspace from
/// a newer Rapport never corrupt the workspace nor leave half an import in it.
///
/// The workspace is inspected with the `sqlite3` tool (not with Rapport's own code), so the check
/// is independent of the store under test.
@Suite(.tags(.durability), .serialized) struct DurabilityTests {
    static let sqlite3 = "/usr/bin/sqlite3"
    static var hasSQLite3: Bool { FileManager.default.isExecutableFile(atPath: sqlite3) }

    /// People in the generated import (six ties each). Debug builds read about 20k rows a second
    /// here, so the default (8,000 people, 48,000 ties) keeps 20 kills under a minute;
    /// RAPPORT_DURABILITY_PEOPLE=50000 gives the 50k people and 300k ties.
    static var peopleCount: Int {
        ProcessInfo.processInfo.environment["RAPPORT_DURABILITY_PEOPLE"].flatMap(Int.init) ?? 8_000
    }

    /// Writes people.csv and ties.csv (six distinct ties a person) into the CLI's folder.
    static func generateImport(in cli: CLI, people: Int, seed: UInt64) throws -> (people: Int, ties: Int) {
        var rng = SplitMix64(seed: seed)
        var peopleText = "id,first_name,last_name,email,organization,title\n"
        peopleText.reserveCapacity(people * 64)
        for i in 0..<people {
            peopleText += "p\(i),First\(i),Last\(i),p\(i)@example.com,Org \(i % 500),Title \(i % 37)\n"
        }
        var pairs = Set<Int>()
        var tiesText = "person_a,person_b,kind\n"
        tiesText.reserveCapacity(people * 6 * 24)
        while pairs.count < people * 6 {
            let a = Int.random(in: 0..<people, using: &rng), b = Int.random(in: 0..<people, using: &rng)
            guard a != b, pairs.insert(min(a, b) * people + max(a, b)).inserted else { continue }
            tiesText += "p\(a),p\(b),colleague\n"
        }
        try cli.write("people.csv", peopleText)
        try cli.write("ties.csv", tiesText)
        return (people, pairs.count)
    }

    /// Runs sqlite3 on `database` and returns its output lines.
    static func query(_ database: URL, _ sql: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sqlite3)
        process.arguments = [database.path, sql]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// `integrity_check`, people count, tie count.
    static func inspect(_ database: URL) throws -> (integrity: String, people: Int, ties: Int) {
        let lines = try query(
            database, "PRAGMA integrity_check; SELECT count(*) FROM person; SELECT count(*) FROM tie;")
        guard lines.count == 3 else { return (lines.joined(separator: " | "), -1, -1) }
        return (lines[0], Int(lines[1]) ?? -1, Int(lines[2]) ?? -1)
    }

    /// Starts `rapport` with `arguments` in `cli`'s folder, output discarded.
    static func start(_ cli: CLI, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = cli.directory
        process.environment = cli.environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test(.enabled(if: hasSQLite3, "needs the sqlite3 tool"), .timeLimit(.minutes(3)))
    func sigkillDuringALargeImportLeavesAllOrNothing() throws {
        let cli = try CLI()
        try cli.run("init", "--me", "Me Self")
        let generated = try Self.generateImport(in: cli, people: Self.peopleCount, seed: 7)
        let base = try cli.contents("rapport.db")
        let database = cli.directory.appendingPathComponent("rapport.db")
        let before = try Self.inspect(database)
        #expect(before == ("ok", 1, 0))

        // One complete import: how long it takes, how large its WAL grows, and what "all of it" looks like.
        let wal = database.path + "-wal"
        let started = ContinuousClock.now
        let full = try Self.start(cli, ["import", "people.csv", "ties.csv"])
        var walPeak = 0
        while full.isRunning {
            walPeak = max(walPeak, (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0)
            usleep(500)
        }
        full.waitUntilExit()
        let duration = ContinuousClock.now - started
        #expect(full.terminationStatus == 0)
        let after = try Self.inspect(database)
        #expect(after == ("ok", 1 + generated.people, generated.ties))
        // The import writes through the WAL, so a WAL-size threshold below its peak lies inside the write.
        try #require(walPeak > 0, "the import's WAL never grew; the late kills would not be inside the write")

        // 20 kills, seeded: half anywhere in the run (0 to 1.3 times its length), half inside the write
        // transaction (at a WAL size below the full import's peak); the write transaction is at the end.
        var rng = SplitMix64(seed: 2026)
        var outcomes: [String] = []
        for round in 0..<20 {
            try FileManager.default.removeItem(at: database)
            for suffix in ["-wal", "-shm"] {
                try? FileManager.default.removeItem(at: cli.directory.appendingPathComponent("rapport.db" + suffix))
            }
            try base.write(to: database)
            let process = try Self.start(cli, ["import", "people.csv", "ties.csv"])
            let description: String
            if round % 2 == 0 {
                // Anywhere in the run (reading, merging, writing, or just after it ended).
                let delay = duration * Double.random(in: 0...1.3, using: &rng)
                Thread.sleep(
                    forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18)
                description = "after \(delay)"
            } else {
                // Inside the write transaction: once the WAL has grown past a random size below its peak.
                let threshold = Int.random(in: 1...max(1, walPeak * 9 / 10), using: &rng)
                var reached = false
                while process.isRunning {
                    let size = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
                    if size >= threshold {
                        reached = true
                        break
                    }
                    usleep(500)
                }
                description = "at WAL size \(threshold) of \(walPeak)"
                #expect(reached, "round \(round): the import ended before its WAL reached \(threshold) bytes")
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let state = try Self.inspect(database)
            #expect(state.integrity == "ok", "round \(round) \(description): \(state.integrity)")
            let none = state.people == before.people && state.ties == before.ties
            let all = state.people == after.people && state.ties == after.ties
            #expect(none || all, "round \(round) \(description): \(state.people) people, \(state.ties) ties")
            outcomes.append(all ? "all" : "none")
            // Rapport itself opens it afterwards.
            let listed = try cli.run("people", "--search", "First1")
            #expect(listed.status == 0, "round \(round): \(listed.stderr)")
        }
        // Both outcomes occur, or the schedule tests nothing: some kills land before the commit
        // (nothing of the import is kept) and some after it (all of it is).
        let kept = outcomes.filter { $0 == "all" }.count
        print("durability: 20 kills, \(kept) after the commit (a full import took \(duration), WAL peak \(walPeak) B)")
        #expect(outcomes.contains("none"), "no kill landed before the commit: \(outcomes)")
        #expect(outcomes.contains("all"), "no kill landed after the commit: \(outcomes)")
    }

    @Test(.enabled(if: hasSQLite3, "needs the sqlite3 tool"), .timeLimit(.minutes(2)))
    func twoWritersAtOnceWaitOrReportBusyAndNeverCorrupt() throws {
        let cli = try CLI()
        try cli.run("init", "--me", "Me Self")
        let generated = try Self.generateImport(in: cli, people: Self.peopleCount, seed: 11)
        try cli.write("other.csv", "id,first_name,last_name\nq1,Quinn,Other\nq2,Rae,Other\n")
        // Both at once: the big import and a small one. Each finishes, or fails with "workspace busy".
        var processes: [(Process, Pipe)] = []
        for files in [["people.csv", "ties.csv"], ["other.csv"]] {
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["import"] + files
            process.currentDirectoryURL = cli.directory
            process.environment = cli.environment
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            processes.append((process, err))
        }
        var succeeded: [Bool] = []
        for (process, err) in processes {
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationStatus == 0 {
                succeeded.append(true)
            } else {
                #expect(process.terminationStatus == 1)
                #expect(message.hasPrefix("error: workspace busy: another rapport process is writing"), "\(message)")
                succeeded.append(false)
            }
        }
        let state = try Self.inspect(cli.directory.appendingPathComponent("rapport.db"))
        #expect(state.integrity == "ok")
        let expectedPeople = 1 + (succeeded[0] ? generated.people : 0) + (succeeded[1] ? 2 : 0)
        #expect(state.people == expectedPeople)
        #expect(state.ties == (succeeded[0] ? generated.ties : 0))
    }

    @Test(.enabled(if: hasSQLite3, "needs the sqlite3 tool"))
    func workspaceFromANewerRapportIsRefusedAndLeftByteIdentical() throws {
        let cli = try CLI()
        try cli.run("init", "--me", "Me Self")
        let database = cli.directory.appendingPathComponent("rapport.db")
        // A later Rapport would have recorded a migration this binary does not know; sqlite3 leaves
        // the file in rollback-journal form when it closes, so the bytes below are stable.
        _ = try Self.query(database, "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future');")
        try cli.write("people.csv", "id,first_name,last_name\np1,Ann,Lee\n")
        let before = try cli.contents("rapport.db")
        let filesBefore = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).sorted()
        for arguments in [["import", "people.csv"], ["people"], ["log", "coffee", "me", "--date", "2026-01-01"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(
                result.stderr
                    == "error: rapport.db was written by a newer version of Rapport (unknown migrations: v99-from-the-future); upgrade rapport to open it — the file was not modified\n"
            )
        }
        #expect(try cli.contents("rapport.db") == before)
        // The read-only schema probe may leave SQLite's WAL companions behind (a read-only connection
        // cannot remove them); nothing may be written to them, and no other file may appear.
        let filesAfter = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).sorted()
        #expect(filesAfter.filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") } == filesBefore)
        if filesAfter.contains("rapport.db-wal") {
            #expect(try cli.contents("rapport.db-wal").isEmpty)
        }
    }
}
