import Foundation
import Testing

/// `rapport demo` runs from the binary alone on the Samples, evidence included; completions are generated.
@Suite struct DemoCommandTests {
    /// Every data file of Samples/ (paths below it), found on disk: the generator's scripts and docs
    /// are not samples.
    static func sampleFiles() throws -> [String] {
        let root = CLI.packageRoot.appendingPathComponent("Samples")
        let names = try #require(FileManager.default.subpaths(atPath: root.path))
        return names.filter { name in
            var folder: ObjCBool = false
            FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path, isDirectory: &folder)
            return !folder.boolValue && ["csv", "ics", "mbox"].contains(URL(fileURLWithPath: name).pathExtension)
        }.sorted()
    }

    /// The one import of the demo: the LinkedIn archive as a folder, the native files, the calendar and the mailbox.
    static let evidenceImport = [
        "LinkedInDataExport", "people.csv", "ties.csv", "interactions.csv", "introductions.csv", "calendar.ics",
        "mail.mbox",
    ].map { CLI.packageRoot.appendingPathComponent("Samples/\($0)").path }

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
        #expect(text.contains("samples/LinkedInDataExport $DEMO/samples/people.csv"), "the archive is not imported as a folder")
        #expect(text.contains("samples/calendar.ics $DEMO/samples/mail.mbox"), "the calendar and mailbox are not imported")
        #expect(text.contains("Look further"))
        for file in [
            "out/rapport.db", "out/ego.svg", "out/suggestions.png", "out/report.html",
            "out/samples/LinkedInDataExport/messages.csv", "out/samples/mail.mbox",
        ] {
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
        let onDisk = try Self.sampleFiles()
        #expect(onDisk.count == 17, "\(onDisk)")
        let written = try #require(FileManager.default.subpaths(atPath: cli.directory.appendingPathComponent("s").path))
        #expect(Set(written.filter { $0.contains(".") }) == Set(onDisk), "rebuild: Samples/ is bundled as resources")
        for name in onDisk {
            #expect(
                try cli.contents("s/" + name)
                    == Data(contentsOf: CLI.packageRoot.appendingPathComponent("Samples/" + name)),
                "\(name) differs from Samples/: rebuild")
        }
    }

    /// The thesis on the Samples' evidence (issue 13, item 8), by hand from Docs/Scoring.md's evidence
    /// model (unrated evidence ρ = 0.6, calendar σ = 0.9, group factor 0.5, group writing ω = 0.3):
    /// Zachary Bishop was only a LinkedIn connection (0.10, an acquaintance) until 11 one-on-one
    /// messages with replies, 4 one-on-one meetings and 2 e-mails each way. His latest coffee alone
    /// (2026-11-05, 15 days before the day) has depth 1 · 1 · 0.6 · 0.9 · 2^(−15/180) ≈ 0.51, so
    /// s ≥ 1 − 0.9 · (1 − 0.51 · (1 − e^(−1/1.5))) ≈ 0.32. Oscar Santos has 11 weekly one-on-one
    /// meetings, the same bound at least. People Avery met only in the 40-person group chat or at the
    /// 30-guest open house stay near the contact level: group writing has depth at most
    /// 0.6 · 0.5 · 0.6 · 0.9 · ω < 0.05 and s_int ≤ 1.5 times that, so s_core ≤ 1 − 0.9 · 0.93 ≈ 0.17 and,
    /// with at most 0.05 · (1 − s_core) of embeddedness, s ≤ 0.21; the open house is skipped (more
    /// than 20 attendees). The two ranges do not meet: the crowd below 0.25, Zachary above 0.3.
    @Test func samplesEvidenceMakesOneOnOneContactsStrongAndTheCrowdWeak() throws {
        let cli = try CLI()
        try cli.run("init", "--me", "Avery Lindqvist")
        let imported = try cli.run(["import", "--as-of", "2026-11-20"] + Self.evidenceImport)
        #expect(imported.status == 0, "\(imported.stderr)")
        let ties = try cli.run("ties", "--as-of", "2026-11-20", "--top", "0", "--json")
        #expect(ties.status == 0, "\(ties.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(ties.stdout.utf8)) as? [[String: Any]])
        var strength: [String: Double] = [:]
        for row in rows {
            if let name = row["name"] as? String, let s = row["strength"] as? Double { strength[name] = s }
        }
        let zachary = try #require(strength["Zachary Bishop"])
        let oscar = try #require(strength["Oscar Santos"])
        #expect(zachary > 0.3, "Zachary Bishop: \(zachary)")
        #expect(oscar > 0.3, "Oscar Santos: \(oscar)")
        // No other evidence (no row in interactions.csv): three who wrote in the group chat, one who
        // only read it, one open-house guest.
        for name in ["Hiroshi Collins", "Adaeze Santos", "Bianca Soto", "Tamar Johansson", "Darius Ellison"] {
            let s = try #require(strength[name], "\(name) is missing")
            #expect(s < 0.25, "\(name): \(s)")
        }
        // The stranger who answered twice by mail becomes a person; the one nobody answered does not.
        #expect(try cli.run("people", "--search", "Okwuosa").stdout.contains("Marguerite Okwuosa"))
        #expect(!(try cli.run("people", "--search", "Pruitt").stdout.contains("Dale Pruitt")))
        let again = try cli.run(["import", "--as-of", "2026-11-20"] + Self.evidenceImport)
        #expect(again.status == 0 && again.stdout.hasPrefix("0 new, 0 updated"), "\(again.stdout)")
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
