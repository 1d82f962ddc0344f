import ArgumentParser
import Foundation
import Rapport
import RapportCSV

struct ImportCommand: ParsableCommand {
    /// One file as read: a CSV or vCard file, or an exported JSON document.
    private enum Input: Sendable {
        case file(ParsedFile)
        case document(NetworkDocument)
    }

    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import contact exports, network files and evidence (LinkedIn archive, calendar, mailbox).",
        discussion: """
            Reads LinkedIn Connections.csv, Google and Outlook contact CSVs, vCard files, and the native people / ties / interactions / introductions files, and `rapport export --format json` documents (merged by id); the format is detected from the header.

            Evidence of how well you know people: the LinkedIn data archive (the .zip LinkedIn sends, or the folder it unzips to: Connections.csv, messages, invitations, recommendations, endorsements, and your own positions, schools and addresses), a calendar export (.ics) and a mailbox export (.mbox, headers only). No message content, subject or body is kept: only who, when, which way, one-on-one or group, and length. Each message, meeting or mail attaches to a person by profile URL, then e-mail, then a full name that fits one person only; someone unknown becomes a new person (tagged found-in:mail, found-in:calendar or found-in:linkedin) only when the exchange went both ways. Recurring events are expanded up to --as-of. The mailbox and calendar need your own address: the workspace's, the archive's, or --my-email.

            Files given together import as one unit (people first, whatever the order): on any error nothing is written. Importing the same file, archive, calendar or mailbox again changes nothing; a newer export adds only what is new.

            Examples:
              rapport import Connections.csv
              rapport import people.csv ties.csv interactions.csv introductions.csv
              rapport import alumni.csv --map first_name=Given,last_name=Family,organization=Employer
              rapport import network.json
              rapport import Basic_LinkedInDataExport_01-02-2025.zip
              rapport import Basic_LinkedInDataExport_01-02-2025/ calendar.ics mail.mbox --dry-run
              rapport import mail.mbox --my-email avery@example.com --my-email avery.quinn@work.example
              rapport import calendar.ics --as-of 2026-11-20
              rapport import export.dat --format ics
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The files to import.")
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("auto, or one of: \(ImportCommand.formatNames.joined(separator: ", ")).", valueName: "format"))
    var format: String = "auto"

    @Option(name: .customLong("my-email"), help: ArgumentHelp("Your own e-mail address, for a mailbox or calendar when the workspace has none; stored on you (repeatable).", valueName: "address"))
    var myEmails: [String] = []

    @OptionGroup var asOf: AsOfOption

    @Option(name: .long, help: ArgumentHelp("Column mapping for any other CSV: field=Column,… (fields: \(ContactField.allCases.map(\.rawValue).joined(separator: ", "))).", valueName: "mapping"))
    var map: String?

    @Flag(name: .long, help: "Check and report what would change — who each piece of evidence matches, by which key, and who would be created — but write nothing.")
    var dryRun = false

    static let formatNames = ImportFormat.allCases.map(\.rawValue) + EvidenceFormat.allCases.map(\.rawValue)

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file to import") }
        if format != "auto", !ImportCommand.formatNames.contains(format) {
            throw ValidationError("unknown format '\(format)'; use auto or one of: \(ImportCommand.formatNames.joined(separator: ", "))")
        }
        for address in myEmails where !address.contains("@") || address.contains(where: \.isWhitespace) {
            throw ValidationError("--my-email must be an e-mail address, not '\(address)'")
        }
    }

    func run() throws {
        var clock = PhaseTimer()
        let progress = Progress("reading \(files.count) file\(files.count == 1 ? "" : "s")", steps: 3)
        defer { progress.finish() }
        let store = try workspace.open()
        let mapping = try map.map { try ColumnMapping(parsing: $0) }
        // Files parse independently, so they parse side by side (a 150 MB people file next to a
        // 360 MB ties file); errors are then reported in argument order, as if read one by one.
        let format = self.format, json = format == "auto" && map == nil
        // Archives, calendars and mailboxes go to the evidence readers; everything else as before.
        let (evidenceInputs, others) = try EvidenceSources.classify(
            files, forced: EvidenceFormat(rawValue: format), readers: .standard)
        let inputs = Parallel.map(others) { path throws -> Input in
            // Mapped rather than read: the parser makes its own copy of the bytes anyway.
            guard let contents = try? Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe) else {
                throw CommandError.badInput("\(path): cannot read the file (missing or not readable)")
            }
            let bytes = [UInt8](contents)
            // `rapport export --format json` documents merge by id, keeping tie origins (NetworkJSON).
            if json, NetworkJSON.looksLikeDocument(bytes) { return .document(try NetworkJSON.decode(bytes, path: path)) }
            return .file(
                try ContactFile.parse(path: path, data: bytes, format: ImportFormat(rawValue: format), mapping: mapping))
        }
        var parsed: [ParsedFile] = []
        var documents: [(path: String, document: NetworkDocument)] = []
        for (path, input) in zip(others, inputs) {
            switch try input.get() {
            case .file(let file): parsed.append(file)
            case .document(let document): documents.append((path, document))
            }
        }
        clock.mark("parse")
        progress.advance("merging people and relationships")
        var existing = try store.loadNetwork()
        clock.mark("read workspace")
        let reading = try EvidenceSources.read(
            evidenceInputs, existing: existing, myEmails: myEmails, asOf: try asOf.day, readers: .standard)
        parsed += reading.contactFiles
        clock.mark("read evidence")
        var outcome = documents.isEmpty
            ? try Importer.merge(existing: existing, files: parsed, evidence: reading.evidence)
            : try NetworkJSON.merge(existing: existing, documents: documents, files: parsed, evidence: reading.evidence)
        // Only the changes are written: let the parsed rows (two gigabytes for ten million ties)
        // and the merged whole go before the write allocates its own. Freeing ten million records
        // takes a second or so: a thread of its own does it while the write runs.
        Thread.detachNewThread { [parsed] in _ = parsed.count }
        parsed = []
        documents = []
        existing = NetworkData()
        outcome.data = NetworkData()
        clock.mark("merge")
        if dryRun { progress.finish() }
        // `ImportWarning.description` is already `path:line:column: warning: message`.
        for warning in outcome.warnings.prefix(20) { Terminal.standardError(Terminal.inert(warning.description)) }
        if outcome.warnings.count > 20 { Terminal.standardError("warning: … and \(outcome.warnings.count - 20) more warnings") }
        if !dryRun {
            progress.advance("writing the workspace")
            let changes = outcome.changes
            try store.apply(
                people: changes.upsertPeople, ties: changes.upsertTies, interactions: changes.newInteractions,
                introductions: changes.upsertIntroductions, log: (files, outcome.report.summary))
            clock.mark("write")
            progress.finish()
        }
        print((dryRun ? "Dry run, nothing written. " : "") + Terminal.inert(outcome.report.summary))
        if workspace.verbose {
            for merge in outcome.report.merges { print("  " + Terminal.inert(merge.description)) }
        }
        for report in outcome.evidence {
            print(Terminal.inert(report.summary))
            // Who matched whom: ids and keys only, unless --verbose asks for names and addresses.
            guard dryRun || workspace.verbose else { continue }
            for note in report.notes {
                print("  " + Terminal.inert(workspace.verbose ? note.contactDescription : note.description))
            }
        }
        if !outcome.ignoredFiles.isEmpty {
            print("Found and not read: " + Terminal.inert(outcome.ignoredFiles.joined(separator: ", ")))
        }
    }
}
