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

        public init(
            files: [String], format: String = "auto", myEmails: [String] = [], asOf: Day? = nil, mapping: String? = nil,
            dryRun: Bool = false
        ) {
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
                throw UseCaseError.badInput(
                    "unknown format '\(format)'; use auto or one of: \(Importing.formatNames.joined(separator: ", "))")
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
        // Files parse independently, so they parse side by side on the pool (a 150 MB people file
        // next to a 360 MB ties file); errors are then reported in argument order, as if read one
        // by one. Each file says what it is as soon as its header is read: when some bear people
        // and others do not, the people merge, and go to the workspace, while the others are
        // still being read.
        let format = request.format, json = format == "auto" && mapping == nil
        // Archives, calendars and mailboxes go to the evidence readers; everything else as before.
        let (evidenceInputs, others) = try EvidenceSources.classify(
            request.files, forced: EvidenceFormat(rawValue: format), readers: .standard)
        let kinds = FileKinds(count: others.count)
        let reads = others.enumerated().map { i, path in
            WorkerPool.shared.async { () -> Result<Input, any Error> in
                defer { kinds.settle(i, as: .unknown) }
                return Result {
                    try read(path, json: json, format: format, mapping: mapping) { kinds.settle(i, as: .file($0)) }
                }
            }
        }
        // Each read's result, taken once (a pending result would keep ten million parsed rows
        // alive through the write) and then handed over (`files`), so that only the merge holds a
        // file: it lets a file's people go once they are merged.
        var results = [Result<Input, any Error>?](repeating: nil, count: reads.count)
        var handed = [Bool](repeating: false, count: reads.count)
        /// The files at `indices`, read and handed over; if any read fails, every file is read and
        /// the first failure in argument order is thrown.
        func files(_ indices: [Int]) throws -> [(offset: Int, file: ParsedFile)] {
            for i in indices where results[i] == nil { results[i] = reads[i].take() }
            if indices.contains(where: { if case .failure = results[$0]! { true } else { false } }) {
                try throwFirstFailure()
            }
            defer {
                for i in indices {
                    results[i] = nil
                    handed[i] = true
                }
            }
            return indices.map { i in
                guard case .success(.file(let file)) = results[i]! else { preconditionFailure("a file, read") }
                return (i, file)
            }
        }
        /// Reads every file not handed over (those were read) and throws the first failure in
        /// argument order, if any.
        func throwFirstFailure() throws {
            for i in results.indices where results[i] == nil && !handed[i] { results[i] = reads[i].take() }
            for i in results.indices where !handed[i] { _ = try results[i]!.get() }
        }
        let known = kinds.all()
        let formats = known.compactMap { if case .file(let format) = $0 { format } else { nil } }
        let peopleBearing = known.indices.filter { if case .file(let f) = known[$0] { f.bearsPeople } else { false } }
        let pipelined = formats.count == known.count && !peopleBearing.isEmpty && peopleBearing.count < known.count
        var parsed: [ParsedFile] = []
        var documents: [(path: String, document: NetworkDocument)] = []
        var early: [(offset: Int, file: ParsedFile)] = []
        if pipelined {
            early = try files(peopleBearing)
            clock.mark("parse people")
        } else {
            try throwFirstFailure()
            for (path, result) in zip(others, results) {
                switch try result!.get() {
                case .file(var file):
                    // Merged all at once: whole (the merges of documents read `ties` alone).
                    file.joinParts()
                    parsed.append(file)
                case .document(let document): documents.append((path, document))
                }
            }
            clock.mark("parse")
        }
        phase(.merging)
        // A merge that can add no tie (no tie rows, no contact export, no document or evidence)
        // never reads the stored ones: they stay as they are. (While they are still being read,
        // a ties file counts as adding some.)
        let addsTies =
            !documents.isEmpty || !evidenceInputs.isEmpty
            || parsed.contains { !$0.ties.isEmpty || $0.format.isContactExport }
            || early.contains { !$0.file.ties.isEmpty || $0.file.format.isContactExport }
            || (pipelined && formats.contains(.ties))
        /// `body`, unless it fails while a file is still being read that cannot be: that failure
        /// comes first, as if every file were read before anything else.
        func afterTheFiles<T>(_ body: () throws -> T) throws -> T {
            do { return try body() } catch {
                if pipelined { try throwFirstFailure() }
                throw error
            }
        }
        var existing = try afterTheFiles { try addsTies ? store.loadNetwork() : store.loadNetworkWithoutTies() }
        clock.mark("read workspace")
        let reading = try afterTheFiles {
            try EvidenceSources.read(
                evidenceInputs, existing: existing, myEmails: request.myEmails, asOf: try Day.asOf(request.asOf),
                readers: .standard)
        }
        clock.mark("read evidence")
        // A bulk import writes its people while it merges the ties (`StagedWrite`): at a million
        // people the two take 11 and 6 s, each on one core. Cancelled, and so rolled back, when the
        // merge fails; a small import keeps the path that patches the snapshot file.
        var staged: (session: Session, write: StagedWrite)?
        func stage(_ people: [Person]) {
            guard !request.dryRun, people.count > Session.patchLimit, let session = try? Session(location) else {
                return
            }
            staged = (session, session.beginBulkWrite(people: people))
            phase(.writingPeople)
        }
        var outcome: ImportOutcome
        do {
            if pipelined {
                // The contact files of the evidence count as people-bearing files after the others.
                let contacts = reading.contactFiles.enumerated().map {
                    (offset: others.count + $0.offset, file: $0.element)
                }
                let rest = known.indices.filter { !peopleBearing.contains($0) }
                let first = early + contacts
                early = []
                // The rest go to the merge alone: it lets a ties file's rows go as soon as it has
                // joined them, which it cannot while a copy is kept here.
                outcome = try Importer.merge(
                    existing: existing, peopleBearing: first, evidence: reading.evidence,
                    rest: {
                        let restFiles = try files(rest)
                        clock.mark("parse the rest")
                        return restFiles
                    }, peopleMerged: stage)
            } else {
                parsed += reading.contactFiles
                outcome =
                    documents.isEmpty
                    ? try Importer.merge(
                        existing: existing, files: parsed, evidence: reading.evidence, peopleMerged: stage)
                    : try NetworkJSON.merge(
                        existing: existing, documents: documents, files: parsed, evidence: reading.evidence)
            }
        } catch {
            staged?.write.cancel()
            // A file that could not be read comes first, as if the files were read before merging.
            if pipelined { try throwFirstFailure() }
            throw error
        }
        // Only the changes are written: let the parsed rows (two gigabytes for ten million ties)
        // and the merged whole go before the write allocates its own. Freeing ten million records
        // takes a second or so: a thread of its own does it while the write runs.
        results = []
        early = []
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
                try staged.session.finish(
                    staged.write, consume change, log: log, clock: &clock, rebuilding: { phase(.snapshot) })
            } else {
                // Not staged, or (never expected: the merge changes no person after handing them
                // over) staged with other people than the outcome's: rolled back and written anew.
                staged?.write.cancel()
                try Session(location).applyLeavingSnapshot(
                    consume change, log: log, clock: &clock, rebuilding: { phase(.snapshot) })
            }
        } else {
            staged?.write.cancel()
        }
        return outcome
    }

    /// One file read: an exported JSON document, or a parsed CSV or vCard file (its format given to
    /// `detected` as soon as it is known).
    private static func read(
        _ path: String, json: Bool, format: String, mapping: ColumnMapping?, detected: (ImportFormat) -> Void
    ) throws -> Input {
        var file: ParsedFile
        // A regular file is mapped and, when it is plain UTF-8 CSV, read in place (`ContactFile.parse(path:mapped:…)`);
        // a JSON document, or what cannot be mapped (a pipe, an empty file), is read into memory.
        if let mapped = try? MappedFile(path: path), mapped.count > 0, !(json && NetworkJSON.mayBeDocument(mapped)) {
            file = try ContactFile.parse(
                path: path, mapped: mapped, format: ImportFormat(rawValue: format), mapping: mapping, detected: detected,
                joiningParts: false)
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw UseCaseError.badInput("\(path): cannot read the file (missing or not readable)")
            }
            let bytes = [UInt8](contents)
            // `rapport export --format json` documents merge by id, keeping tie origins (NetworkJSON).
            if json, NetworkJSON.looksLikeDocument(bytes) {
                return .document(try NetworkJSON.decode(bytes, path: path))
            }
            file = try ContactFile.parse(
                path: path, data: bytes, format: ImportFormat(rawValue: format), mapping: mapping, detected: detected,
                joiningParts: false)
        }
        // A ties file read in two parts stays in two: the bulk merge takes both (`Importer.merge`),
        // rather than a copy of the second part made after the first, which at ten million rows
        // put 0.4 GB on top of them both.
        return .file(file)
    }

    /// What each file being read is, learned as its parse reads the header (`unknown`: a document,
    /// or a read that stopped before its format was known).
    private final class FileKinds: @unchecked Sendable {
        enum Kind: Sendable { case file(ImportFormat), unknown }
        private let condition = NSCondition()
        private var kinds: [Kind?]

        init(count: Int) { kinds = Array(repeating: nil, count: count) }

        /// Records the kind of file `i`, unless one is recorded already.
        func settle(_ i: Int, as kind: Kind) {
            condition.lock()
            if kinds[i] == nil { kinds[i] = kind }
            condition.broadcast()
            condition.unlock()
        }

        /// Every file's kind, once each is known.
        func all() -> [Kind] {
            condition.lock()
            defer { condition.unlock() }
            while kinds.contains(where: { $0 == nil }) { condition.wait() }
            return kinds.map { $0! }
        }
    }

    /// What an import says to a person: its warnings (each `path:line:column: warning: …`, the
    /// first 20 and a count), and the report — the summary, merges with `verbose`, each evidence
    /// file's summary with who matched whom (ids and keys, names and addresses with `verbose`) on a
    /// dry run or with `verbose`, and the files found and not read.
    public static func messages(_ outcome: ImportOutcome, dryRun: Bool, verbose: Bool) -> (
        warnings: [String], report: [String]
    ) {
        var warnings = outcome.warnings.prefix(20).map(\.description)
        if outcome.warnings.count > 20 {
            warnings.append("warning: … and \(outcome.warnings.count - 20) more warnings")
        }
        var report = [(dryRun ? "Dry run, nothing written. " : "") + outcome.report.summary]
        if verbose { report += outcome.report.merges.map { "  " + $0.description } }
        for evidence in outcome.evidence {
            report.append(evidence.summary)
            guard dryRun || verbose else { continue }
            report += evidence.notes.map { "  " + (verbose ? $0.contactDescription : $0.description) }
        }
        if !outcome.ignoredFiles.isEmpty {
            report.append("Found and not read: " + outcome.ignoredFiles.joined(separator: ", "))
        }
        return (warnings, report)
    }
}
