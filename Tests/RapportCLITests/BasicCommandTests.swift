import Foundation
import Testing

@Suite struct BasicCommandTests {
    @Test func initCreatesAPrivateWorkspaceAndIsSafeToRepeat() throws {
        let cli = try CLI()
        let first = try cli.run("init", "--me", "Alex Rivera")
        #expect(first.status == 0)
        #expect(first.stdout == "Created workspace rapport.db for Alex Rivera.\n")
        let mode = try FileManager.default.attributesOfItem(atPath: cli.directory.appendingPathComponent("rapport.db").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let again = try cli.run("init")
        #expect(again.status == 0)
        #expect(again.stdout.contains("already exists (1 people); you are Alex Rivera"))
    }

    @Test func commandsWithoutAWorkspaceSayHowToMakeOne() throws {
        let cli = try CLI()
        let result = try cli.run("people")
        #expect(result.status == 2)
        #expect(result.stderr == "error: no workspace at rapport.db — run `rapport init` or pass --db\n")
    }

    @Test func usageErrorsExitTwo() throws {
        let cli = try CLI()
        try cli.run("init")
        let result = try cli.run("log", "lunch", "me")
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown kind 'lunch'"))
        let badRating = try cli.run("log", "coffee", "me", "--rapport", "7")
        #expect(badRating.status == 2)
        #expect(badRating.stderr.contains("--rapport must be 1 to 5, not 7"))
    }

    @Test func helpHasAnExampleForEveryCommand() throws {
        let cli = try CLI()
        for command in ["init", "people", "log", "intro"] {
            let help = try cli.run(command, "--help")
            #expect(help.status == 0)
            #expect(help.stdout.contains("rapport \(command)"), "\(command) --help shows no example")
        }
    }

    @Test func dbFlagAndEnvironmentChooseTheFile() throws {
        var cli = try CLI()
        #expect(try cli.run("init", "--db", "other.db").status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("other.db").path))
        cli.environment["RAPPORT_DB"] = "env.db"
        #expect(try cli.run("init").status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("env.db").path))
    }
}
