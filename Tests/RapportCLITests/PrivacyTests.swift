import Foundation
import Testing

/// Issue 7 item 5: private files, quiet error messages, no network.
@Suite struct PrivacyTests {
    static let people = """
        id,first_name,last_name,email,organization,title,sectors
        me,Me,Self,me@self.example,,,
        s1,Sam,Lee,sam.one@secret.example,Hidden Partners LLP,Partner,law
        s2,Sam,Lee,sam.two@secret.example,Quiet Capital,Analyst,law
        f1,Fay,Wu,fay@friend.example,Open Firm,Counsel,law

        """
    static let ties = "person_a,person_b,kind\nme,f1,colleague\nf1,s1,colleague\nf1,s2,friend\n"

    static func workspace() throws -> CLI {
        let cli = try CLI()
        try cli.run("init", "--me", "Me Self")
        try cli.write("people.csv", people)
        try cli.write("ties.csv", ties)
        let imported = try cli.run("import", "people.csv", "ties.csv")
        #expect(imported.status == 0, "\(imported.stderr)")
        return cli
    }

    static func mode(_ cli: CLI, _ name: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(
            atPath: cli.directory.appendingPathComponent(name).path)
        return (attributes[.posixPermissions] as? Int ?? -1) & 0o777
    }

    // MARK: Files

    @Test func workspaceAndItsCompanionFilesAre0600() throws {
        let cli = try Self.workspace()
        for name in ["rapport.db", "rapport.db-wal", "rapport.db-shm"]
        where FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent(name).path) {
            #expect(try Self.mode(cli, name) == 0o600, "\(name)")
        }
    }

    @Test(arguments: ["net.dot", "net.svg", "net.png"])
    func renderedFilesAre0600EvenOverAnOpenFile(name: String) throws {
        let cli = try Self.workspace()
        // An existing world-readable file is replaced, not written through.
        try cli.write(name, "old")
        chmod(cli.directory.appendingPathComponent(name).path, 0o644)
        let result = try cli.run("render", "network", "-o", name, "--as-of", "2026-11-01")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.mode(cli, name) == 0o600)
        // No temporary file is left beside it.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter {
            $0.hasSuffix(".tmp")
        }
        #expect(leftovers.isEmpty)
    }

    // MARK: Messages

    /// The ambiguous-reference message used to list every match's name and organization.
    @Test func ambiguousReferenceListsIdsOnlyUnlessVerbose() throws {
        let cli = try Self.workspace()
        let quiet = try cli.run("path", "Sam Lee", "--as-of", "2026-11-01")
        #expect(quiet.status == 2)
        #expect(
            quiet.stderr
                == "error: 'Sam Lee' matches 2 people: s1; s2; use an id or email (--verbose shows who they are)\n")
        let verbose = try cli.run("path", "Sam Lee", "--as-of", "2026-11-01", "--verbose")
        #expect(verbose.status == 2)
        #expect(verbose.stderr.contains("s1 (Sam Lee, Hidden Partners LLP)"), "\(verbose.stderr)")
        #expect(!verbose.stderr.contains("secret.example"))
    }

    @Test func importErrorsNameTheBadCellButNoOtherContactData() throws {
        let cli = try Self.workspace()
        try cli.write(
            "interactions.csv",
            "date,person,kind,minutes,rapport,notes\n2026-01-10,sam.one@secret.example,coffee,30,7,salary talk\n")
        let result = try cli.run("import", "interactions.csv")
        #expect(result.status == 2)
        // "2026-01-10,sam.one@secret.example,coffee,30," is 44 characters: rapport is at column 45.
        #expect(result.stderr == "error: interactions.csv:2:45: rapport: '7' is not a rating from 1 to 5\n")
    }

    @Test func unknownReferenceNamesOnlyWhatTheUserTyped() throws {
        let cli = try Self.workspace()
        let result = try cli.run("path", "nobody@nowhere.example", "--as-of", "2026-11-01")
        #expect(result.status == 2)
        #expect(!result.stderr.contains("secret.example") && !result.stderr.contains("friend.example"))
        #expect(result.stderr.hasPrefix("error: no person matches 'nobody@nowhere.example'"))
    }

    // MARK: Network

    static let strace = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Whether strace is installed and may trace here: a container without the ptrace capability
    /// makes it fail, and the network tests are then reported as skipped, never as passed.
    static let canTrace: Bool = {
        guard let strace else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: strace)
        process.arguments = ["-f", "-qq", "-e", "trace=network", "-o", "/dev/null", "/bin/true"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// Every system call that opens a socket, from an strace log of the whole process tree.
    static func socketCalls(_ trace: String) -> [Substring] {
        trace.split(separator: "\n").filter { $0.contains("socket(") || $0.contains("connect(") }
    }

    @Test(.enabled(if: canTrace, "strace is not installed (.ci/install-deps installs it) or cannot ptrace here"))
    func noInternetSocketIsEverOpened() throws {
        let cli = try Self.workspace()
        let strace = try #require(Self.strace)
        let commands: [[String]] = [
            ["import", "people.csv", "ties.csv"],
            ["suggest", "--sector", "law", "--as-of", "2026-11-01", "--json"],
            ["path", "s1", "--as-of", "2026-11-01"],
            ["render", "network", "-o", "net.svg", "--as-of", "2026-11-01"],
            ["people", "--json"],
        ]
        for (i, arguments) in commands.enumerated() {
            let log = "trace\(i).txt"
            let result = try cli.runProgram(
                strace, ["-f", "-qq", "-e", "trace=network", "-o", log, CLI.binary.path] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            let trace = String(decoding: try cli.contents(log), as: UTF8.self)
            let internet = Self.socketCalls(trace).filter { $0.contains("AF_INET") || $0.contains("AF_NETLINK") }
            #expect(internet.isEmpty, "\(arguments): \(internet.prefix(3))")
        }
    }
}

extension CLI {
    /// Runs another program (strace) in the working folder with the CLI's environment.
    func runProgram(_ path: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        return try CLI.collect(process, stdin: nil)
    }
}
