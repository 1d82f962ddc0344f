import Foundation
import Testing

/// `rapport demo` runs from the binary alone; completions are generated.
@Suite struct DemoCommandTests {
    @Test func demoRunsFromTheBinaryAloneInAnEmptyFolder() throws {
        var cli = try CLI()
        let alone = cli.directory.appendingPathComponent("rapport")
        try FileManager.default.copyItem(at: CLI.binary, to: alone)
        cli.environment["TMPDIR"] = cli.directory.path
        cli.environment["PATH"] = "/usr/bin:/bin"
        let process = Process()
        process.executableURL = alone
        process.arguments = ["demo", "-o", "out"]
        process.currentDirectoryURL = cli.directory
        process.environment = cli.environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        for step in [
            "$ rapport init", "$ rapport import", "$ rapport ties", "$ rapport reach", "$ rapport suggest",
            "$ rapport path",
            "$ rapport render ego", "$ rapport render suggestions", "$ rapport report",
        ] {
            #expect(text.contains(step), "the demo skipped \(step)")
        }
        #expect(text.contains("people 459 new/1 updated"))
        for file in ["out/rapport.db", "out/ego.svg", "out/suggestions.png", "out/report.html"] {
            let size =
                (try? FileManager.default.attributesOfItem(atPath: cli.directory.appendingPathComponent(file).path)[
                    .size] as? Int) ?? 0
            #expect(size > 1000, "\(file) missing or empty")
        }
        let png = try cli.contents("out/suggestions.png")
        #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
    }

    @Test func demoRefusesAFolderThatHoldsAWorkspace() throws {
        let cli = try CLI()
        #expect(try cli.run("demo", "-o", "d").status == 0)
        let again = try cli.run("demo", "-o", "d")
        #expect(again.status == 2)
        #expect(again.stderr.contains("exists already"))
    }

    @Test func bundledSamplesAreByteIdenticalToSamplesFolder() throws {
        let cli = try CLI()
        let result = try cli.run("demo", "--write-samples", "s")
        #expect(result.status == 0, "\(result.stderr)")
        for path in ImportCommandTests.samples {
            let name = URL(fileURLWithPath: path).lastPathComponent
            #expect(
                try cli.contents("s/" + name) == Data(contentsOf: URL(fileURLWithPath: path)),
                "\(name) differs from Samples/: run `make samples` and rebuild")
        }
    }

    @Test(arguments: ["report", "export", "demo"])
    func helpShowsARealExample(_ command: String) throws {
        let help = try CLI().run(command, "--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("Examples:"))
        #expect(help.stdout.contains("  rapport \(command) "), "\(command) --help shows no example")
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptIsGenerated(_ shell: String) throws {
        let cli = try CLI()
        let result = try cli.run("--generate-completion-script", shell)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.count > 1000)
        for command in ["report", "export", "demo", "suggest"] { #expect(result.stdout.contains(command)) }
    }
}
