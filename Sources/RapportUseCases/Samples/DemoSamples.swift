import Foundation
import RapportSamples

/// The sample network of `rapport demo` (Samples/ in the repository, bundled with the binary).
public enum DemoSamples {
    /// The user of the sample network.
    public static let me = "Avery Lindqvist"
    /// The demo's goal, as suggest flags.
    public static let goal = ["--sector", "intellectual property"]
    /// The sample contact whose strength comes from the evidence alone (Samples/README.md).
    public static let evidenceContact = "Zachary Bishop"

    /// Copies the bundled samples into `folder` (created when missing) and returns what a demo
    /// imports there, in import order (the archive folder and the six files), each with how many
    /// files it holds.
    /// - Throws: `UseCaseError.failure` when a folder or file cannot be written or a bundled file is missing.
    /// - Complexity: O(total bytes of the samples).
    public static func write(to folder: String) throws -> [(entry: String, files: Int)] {
        var written: [(entry: String, files: Int)] = []
        for entry in SampleFiles.importOrder {
            let missing = UseCaseError.failure("the bundled sample \(entry) is missing beside the binary; rebuild rapport")
            let source: URL
            do { source = try SampleFiles.url(entry) } catch { throw missing }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory) else { throw missing }
            let files = isDirectory.boolValue
                ? try FileManager.default.contentsOfDirectory(atPath: source.path).sorted().map { entry + "/" + $0 }
                : [entry]
            for name in files {
                let target = folder + "/" + name
                let parent = URL(fileURLWithPath: target).deletingLastPathComponent().path
                do {
                    try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
                } catch {
                    throw UseCaseError.failure("\(parent): cannot create the folder")
                }
                let from = isDirectory.boolValue ? source.appendingPathComponent(String(name.dropFirst(entry.count + 1))) : source
                guard let bytes = FileManager.default.contents(atPath: from.path) else {
                    throw UseCaseError.failure("the bundled sample \(name) cannot be read; rebuild rapport")
                }
                try OutputFile.write([UInt8](bytes), to: target)
            }
            written.append((entry, files.count))
        }
        return written
    }

    /// The demo's commands in order, as argument lists, on the workspace `folder/rapport.db` with
    /// the samples imported from `samples` (paths) and "today" being `asOf`.
    public static func steps(folder: String, samples: [String], asOf: String) -> [[String]] {
        let db = folder + "/rapport.db"
        let scored = ["--db", db, "--as-of", asOf]
        return [
            ["init", "--db", db, "--me", me],
            // One import: the archive folder, the native files, the calendar (recurrences expanded
            // up to the demo's day) and the mailbox.
            ["import"] + scored + samples,
            ["ties"] + scored + ["--explain", "--top", "3"],
            // A connection with no history but one-on-one messages, meetings and mail in the exports.
            ["path"] + scored + [evidenceContact],
            ["reach"] + scored + ["--top", "8"],
            ["suggest"] + scored + goal + ["--top", "10", "--explain"],
            ["path"] + scored + ["Helen Agarwal"],
            ["suggest"] + scored + ["--keep-warm", "--top", "5"],
            ["render", "ego"] + scored + ["-o", folder + "/ego.svg"],
            ["render", "suggestions"] + scored + goal + ["-o", folder + "/suggestions.png"],
            ["report"] + scored + goal + ["-o", folder + "/report.html"],
            // Follow-through: ask for the introduction, prepare, meet, and see what is due.
            ["draft"] + scored + ["Helen Agarwal"],
            ["intro", "--db", db, "Eleanor Achterberg", "Helen Agarwal", "--status", "requested", "--date", "2026-11-12"],
            ["status", "--db", db, "Helen Agarwal", "scheduled", "--date", "2026-11-16", "--note", "Coffee near the office, Thursday 8:30"],
            ["prep"] + scored + ["Helen Agarwal"],
            ["log", "--db", db, "informational_interview", "Helen Agarwal", "--date", "2026-11-19", "--minutes", "35", "--rapport", "5",
             "--note", "Start with the patent bar; ask about the PTAB rotation"],
            ["pipeline"] + scored,
            ["due"] + scored + ["--ics", folder + "/follow-ups.ics"],
        ]
    }

    /// What to try next on the demo workspace: the evidence behind the ties, a re-import that adds
    /// nothing, and the same import on the user's own exports.
    public static func furtherSteps(folder: String, asOf: String) -> [String] {
        let db = folder + "/rapport.db"
        return [
            "rapport ties --db \(db) --as-of \(asOf) --explain --top 0 | grep -A4 '\(evidenceContact)'",
            "rapport people --db \(db) --search Okwuosa",
            "rapport import --db \(db) --dry-run \(folder)/samples/LinkedInDataExport \(folder)/samples/mail.mbox",
            "rapport import Basic_LinkedInDataExport_MM-DD-YYYY.zip calendar.ics mail.mbox   # your own exports",
        ]
    }

    /// A new folder under `TMPDIR` (else /tmp) for a demo.
    public static func temporaryFolder() throws -> String {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/rapport-demo.XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw UseCaseError.failure("\(base): cannot create a temporary folder: \(String(cString: strerror(errno)))")
        }
        return String(cString: made)
    }
}
