import Foundation
import Rapport
import RapportCSV

/// `suggest --batch`: one CSV of suggestions per person listed in a file, all from one loaded
/// network, computed on every core.
public enum BatchSuggestions {
    /// What a batch did.
    public struct Summary: Sendable {
        /// People listed (each once).
        public var people: Int
        /// Of those, already written by an interrupted run of the same batch, and not redone.
        public var resumed: Int
        public var seconds: Double
        /// People computed per second (resumed ones not counted).
        public var perSecond: Double { Double(people - resumed) / max(seconds, 1e-9) }
    }

    /// The file in the output folder that names the run its files belong to.
    public static let manifestName = ".rapport-batch"

    /// Suggests for every person in `egosFile` and writes `folder/ID.csv` for each, in the layout
    /// of `SuggestionCSV`, each file whole or not at all as soon as it is computed.
    ///
    /// Resumable: the folder's manifest names the workspace's content, the day, the goal and the
    /// limits; when a run of the same batch was interrupted, the files it wrote are kept and only
    /// the others are computed. Any other folder content is overwritten.
    /// - Parameter progress: called with (done, total) as each person's file is written, from any thread.
    /// - Throws: `UseCaseError.badInput` naming `file:line` for a person the network does not have.
    public static func run(
        _ planner: Planner, egosFile path: String, folder: String, top: Int,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) throws -> Summary {
        let references = try references(in: path)
        guard !references.isEmpty else { throw UseCaseError.badInput("\(path): no people listed") }
        let analysis = planner.analysis
        // An unknown person is bad input at its line of the file.
        var seen = Set<Int32>()
        let egos = try references.map { reference in
            do { return try analysis.resolve(reference.text) } catch let error as UseCaseError {
                throw error.prefixed("\(path):\(reference.line): ")
            }
        }.filter { seen.insert($0).inserted }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let manifest = try self.manifest(planner, top: top)
        let manifestPath = folder + "/" + manifestName
        let resuming = FileManager.default.contents(atPath: manifestPath).map { String(decoding: $0, as: UTF8.self) } == manifest
        try OutputFile.write(manifest, to: manifestPath)
        let files = egos.map { folder + "/" + fileName(for: analysis.snapshot.people[Int($0)].id) }
        let pending = egos.indices.filter { !resuming || !FileManager.default.fileExists(atPath: files[$0]) }
        let start = DispatchTime.now()
        let engine = planner.engine, goal = planner.request.goal
        let counter = Counter(done: egos.count - pending.count)
        let results = WorkerPool.shared.map(pending) { i in
            let suggestions = try engine.suggest(for: egos[i], goal: goal, top: top)
            try OutputFile.write(SuggestionCSV.document(suggestions, ego: egos[i], planner: planner), to: files[i])
            progress(counter.increment(), egos.count)
        }
        for result in results { try result.get() }
        return Summary(
            people: egos.count, resumed: egos.count - pending.count,
            seconds: Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
    }

    /// What makes two batches the same run: the workspace's content, the day, the goal, the limits
    /// and the settings. No contact data: the goal is the user's own words.
    static func manifest(_ planner: Planner, top: Int) throws -> String {
        struct Manifest: Encodable {
            var workspace: String?
            var asOf: String
            var top: Int
            var goal: Goal
            var maxHops: Int
            var perOrganization: Int
            var cooldownDays: Int
            /// FNV-1a of `rapport.toml` and `synonyms.txt` as they are ("-" when absent).
            var settings: [String]
        }
        let c = planner.engine.configuration
        return try JSONOutput.string(
            Manifest(
                workspace: try planner.analysis.session.workspace.contentKey(), asOf: planner.analysis.asOf.iso, top: top,
                goal: planner.request.goal, maxHops: c.maxHops, perOrganization: c.perOrganization,
                cooldownDays: c.cooldownDays,
                settings: [planner.analysis.configurationPath, planner.analysis.session.location.folder + "/synonyms.txt"].map { path in
                    guard let bytes = FileManager.default.contents(atPath: path) else { return "-" }
                    return FNV1a64.hex(bytes)
                }))
    }

    /// Done-so-far, shared by the pool's threads.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var done: Int
        init(done: Int) { self.done = done }
        func increment() -> Int { lock.withLock { done += 1; return done } }
    }

    /// The person references of a CSV with their lines: its `id` (else `person`, `email`, `name`)
    /// column, or its first column when there is no such header; blank rows skipped.
    /// - Throws: `UseCaseError.badInput` (exit 2) for a file that cannot be opened or read as CSV.
    public static func references(in path: String) throws -> [(text: String, line: Int)] {
        let stream: RecordStream
        do { stream = try RecordStream(path: path) } catch { throw UseCaseError.badInput(error.description) }
        var column = -1
        var references: [(text: String, line: Int)] = []
        do {
            try stream.forEachRecord { record in
                if column < 0 {
                    column = 0
                    var header: [String] = []
                    for i in 0..<record.count { header.append(record.string(i).trimmingCharacters(in: .whitespaces).lowercased()) }
                    // A header row names the column; without one, the first column holds the people.
                    for name in ["id", "person", "email", "name"] {
                        if let i = header.firstIndex(of: name) { column = i; return true }
                    }
                }
                let value = record.string(column).trimmingCharacters(in: .whitespaces)
                if !value.isEmpty { references.append((value, record.line)) }
                return true
            }
        } catch let error as BulkError {
            throw UseCaseError.badInput(error.description)
        }
        return references
    }

    /// A file name from an id: letters, digits, `-`, `_` and `.` kept, anything else as `_`.
    public static func fileName(for id: String) -> String {
        let safe = String(id.unicodeScalars.map { c -> Character in
            c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_" || c == "." ? Character(c) : "_"
        })
        return (safe.isEmpty || safe.hasPrefix(".") ? "_" + safe : safe) + ".csv"
    }
}
