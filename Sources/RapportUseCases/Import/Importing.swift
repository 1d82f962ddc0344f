import Foundation
import Rapport
import RapportCSV
import RapportStore

/// `rapport import`: contact exports, native files, `export --format json` documents and evidence
/// (LinkedIn archive, calendar, mailbox), merged into the workspace as one transaction.
public enum Importing {
    /// What an import asks.
    public struct Request: Sendable {
        public var files: [String]
        /// `auto`, or a name of `formatNames`.
        public var format = "auto"
        public var myEmails: [String] = []
        public var asOf: Day?
        /// `field=Column,…` for any other CSV.
        public var mapping: String?
        public var dryRun = false

        public init(files: [String], format: String = "auto", myEmails: [String] = [], asOf: Day? = nil, mapping: String? = nil, dryRun: Bool = false) {
            self.files = files
            self.format = format
            self.myEmails = myEmails
            self.asOf = asOf
            self.mapping = mapping
            self.dryRun = dryRun
        }

        /// - Throws: `UseCaseError.badInput` for no file, an unknown format or an address that is not one.
        public func validate() throws {
            if files.isEmpty { throw UseCaseError.badInput("give at least one file to import") }
            if format != "auto", !Importing.formatNames.contains(format) {
                throw UseCaseError.badInput("unknown format '\(format)'; use auto or one of: \(Importing.formatNames.joined(separator: ", "))")
            }
            for address in myEmails where !address.contains("@") || address.contains(where: \.isWhitespace) {
                throw UseCaseError.badInput("--my-email must be an e-mail address, not '\(address)'")
            }
        }
    }

    /// Every format a user may force.
    public static let formatNames = ImportFormat.allCases.map(\.rawValue) + EvidenceFormat.allCases.map(\.rawValue)

    /// The phases an import reports to a progress display: `writingPeople` when a bulk import's
    /// people go to the workspace while its relationships are still being merged.
    public enum Phase: Sendable { case merging, writingPeople, writing, snapshot }

    /// One file as read: a CSV or vCard file, or an exported JSON document.
    private enum Input: Sendable {
        case file(ParsedFile)
        case document(NetworkDocument)
    }

    /// Reads every file, merges them with the workspace and, unless a dry run, writes the changes
    /// in one transaction: on any error nothing is written. The rows written move into the write,
    /// so the outcome's `changes` are empty after it (a dry run keeps them); its report counts them.
    /// - Parameter phase: called as each phase starts (for a progress line).
    /// - Throws: `ImportError` (located), `UseCaseError`, `StoreError`.
    public static func run(
        _ request: Request, in location: WorkspaceLocation, phase: (Phase) -> Void = { _ in }
    ) throws -> ImportOutcome {
        try request.validate()
        var clock = PhaseTimer()
        let store = try location.open()
        let mapping = try request.mapping.map { try ColumnMapping(parsing: $0) }
        // Files parse independently, so they parse side by side (a 150 MB people file next to a
        // 360 MB ties file); errors are then reported in argument order, as if read one by one.
        let format = request.format, json = format == "auto" && mapping == nil
        // Archives, calendars and mailboxes go to the evidence readers; everything else as before.
        let (evidenceInputs, others) = try EvidenceSources.classify(
            request.files, forced: EvidenceFormat(rawValue: format), readers: .standard)
        let inputs = WorkerPool.shared.map(others) { path throws -> Input in
            // Mapped rather than read: the parser makes its own copy of the bytes anyway.
            guard let contents = try? Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe) else {
                throw UseCaseError.badInput("\(path): cannot read the file (missing or not readable)")
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
        phase(.merging)
        // A merge that can add no tie (no tie rows, no contact export, no document or evidence)
        // never reads the stored ones: they stay as they are.
        let addsTies =
            !documents.isEmpty || !evidenceInputs.isEmpty
            || parsed.contains { !$0.ties.isEmpty || $0.format.isContactExport }
        var existing = try addsTies ? store.loadNetwork() : store.loadNetworkWithoutTies()
        clock.mark("read workspace")
        let reading = try EvidenceSources.read(
            evidenceInputs, existing: existing, myEmails: request.myEmails, asOf: try Day.asOf(request.asOf),
            readers: .standard)
        parsed += reading.contactFiles
        clock.mark("read evidence")
        // A bulk import writes its people while it merges the ties (`StagedWrite`): at a million
        // people the two take 11 and 6 s, each on one core. Cancelled, and so rolled back, when the
        // merge fails; a small import keeps the path that patches the snapshot file.
        var staged: (session: Session, write: StagedWrite)?
        var outcome: ImportOutcome
        do {
            outcome =
                documents.isEmpty
                ? try Importer.merge(existing: existing, files: parsed, evidence: reading.evidence) { people in
                    guard !request.dryRun, people.count > Session.patchLimit, let session = try? Session(location) else { return }
                    staged = (session, session.beginBulkWrite(people: people))
                    phase(.writingPeople)
                }
                : try NetworkJSON.merge(existing: existing, documents: documents, files: parsed, evidence: reading.evidence)
        } catch {
            staged?.write.cancel()
            throw error
        }
        // Only the changes are written: let the parsed rows (two gigabytes for ten million ties)
        // and the merged whole go before the write allocates its own. Freeing ten million records
        // takes a second or so: a thread of its own does it while the write runs.
        WorkerPool.shared.detach { [parsed] in _ = parsed.count }
        parsed = []
        documents = []
        existing = NetworkData()
        outcome.data = NetworkData()
        clock.mark("merge")
        if !request.dryRun {
            phase(.writing)
            // The rows to write move into `change`, which the write lets go before it rebuilds the
            // snapshot: at 1M they are 1.2 GB that would otherwise sit beside the rebuild's own.
            let change = NetworkData(
                people: outcome.changes.upsertPeople, ties: outcome.changes.upsertTies,
                interactions: outcome.changes.newInteractions, introductions: outcome.changes.upsertIntroductions)
            outcome.changes = NetworkChanges()
            let log = (request.files, outcome.report.summary)
            if let staged, staged.write.startedWith == change.people {
                try staged.session.finish(staged.write, consume change, log: log, clock: &clock, rebuilding: { phase(.snapshot) })
            } else {
                // Not staged, or (never expected: the merge changes no person after handing them
                // over) staged with other people than the outcome's: rolled back and written anew.
                staged?.write.cancel()
                try Session(location).applyLeavingSnapshot(consume change, log: log, clock: &clock, rebuilding: { phase(.snapshot) })
            }
        } else {
            staged?.write.cancel()
        }
        return outcome
    }

    /// What an import says to a person: its warnings (each `path:line:column: warning: …`, the
    /// first 20 and a count), and the report — the summary, merges with `verbose`, each evidence
    /// file's summary with who matched whom (ids and keys, names and addresses with `verbose`) on a
    /// dry run or with `verbose`, and the files found and not read.
    public static func messages(_ outcome: ImportOutcome, dryRun: Bool, verbose: Bool) -> (warnings: [String], report: [String]) {
        var warnings = outcome.warnings.prefix(20).map(\.description)
        if outcome.warnings.count > 20 { warnings.append("warning: … and \(outcome.warnings.count - 20) more warnings") }
        var report = [(dryRun ? "Dry run, nothing written. " : "") + outcome.report.summary]
        if verbose { report += outcome.report.merges.map { "  " + $0.description } }
        for evidence in outcome.evidence {
            report.append(evidence.summary)
            guard dryRun || verbose else { continue }
            report += evidence.notes.map { "  " + (verbose ? $0.contactDescription : $0.description) }
        }
        if !outcome.ignoredFiles.isEmpty { report.append("Found and not read: " + outcome.ignoredFiles.joined(separator: ", ")) }
        return (warnings, report)
    }
}
