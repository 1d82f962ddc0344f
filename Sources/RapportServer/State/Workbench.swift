import Foundation
import Rapport
import RapportReport
import RapportStore
import RapportUseCases

/// The workspace as the server sees it: one loaded, scored network, reloaded when anyone writes.
///
/// The server and the command line may run at once on the same workspace. Every request first reads
/// the workspace's content key (its identity and write generation, one indexed SQLite read); when it
/// differs from the key of the loaded network, the network is loaded again through `Session`, which
/// takes the snapshot file beside the workspace when it is current. So a `rapport log` typed in a
/// terminal shows on the next page load, and the server's own writes (which go through the same use
/// cases and transactions as the CLI's) show the same way.
public final class Workbench: @unchecked Sendable {
    public let location: WorkspaceLocation
    /// The day scores are computed for; nil: `RAPPORT_AS_OF`, else today (re-read at each load).
    public let asOf: Day?
    private let lock = NSLock()
    private var loaded: Loaded?
    /// A connection kept open for the content key; the loaded analysis has its own.
    private var probe: Workspace?

    /// Everything derived from one version of the network. Immutable once made, so requests share it
    /// without a lock.
    public final class Loaded: @unchecked Sendable {
        public let key: String
        public let analysis: Analysis
        /// The planner without a goal; `planner.with(goal:)` gives any other goal the same engine.
        public let planner: Planner
        public let summary: ReportSummary
        /// The home page's suggestions by goal, for this version only (bounded: at most 64 goals).
        private let lock = NSLock()
        private var suggestions: [Goal: [Suggestion]] = [:]
        private var fading: [KeepWarmSuggestion]?
        /// What is due, and the pipeline it was computed from (moves in the pipeline do not change
        /// the network's content key, so the pipeline itself is the key).
        private var due: (pipeline: [PipelineEntry], days: Int, items: [DueItem])?

        init(key: String, analysis: Analysis) throws {
            self.key = key
            self.analysis = analysis
            planner = try Planner(analysis)
            summary = ReportSummary(snapshot: analysis.snapshot, strengths: analysis.strengths.values, ego: analysis.snapshot.selfIndex)
        }

        /// The top suggestions for `goal`, computed once per version of the network.
        public func suggestions(for goal: Goal, top: Int) throws -> [Suggestion] {
            if let cached = lock.withLock({ suggestions[goal] }) { return cached }
            let list = try planner.with(goal: goal).suggest(top: top)
            lock.withLock {
                if suggestions.count >= 64 { suggestions.removeAll() }
                suggestions[goal] = list
            }
            return list
        }

        /// Results computed from this version of the network alone, by key (a person page's warm
        /// paths, drafts and brief): a person looked at twice costs one path search. Bounded: at most
        /// 512 entries, then emptied.
        private var memos: [String: any Sendable] = [:]

        public func memo<T: Sendable>(_ key: String, _ make: () throws -> T) throws -> T {
            // Unwrap the stored value first: `nil as? T` succeeds when T is itself an Optional.
            if let stored = lock.withLock({ memos[key] }), let cached = stored as? T { return cached }
            let value = try make()
            lock.withLock {
                if memos.count >= 512 { memos.removeAll() }
                memos[key] = value
            }
            return value
        }

        /// The strong ties that are fading (`suggest --keep-warm`), computed once per version.
        public func keepWarm() throws -> [KeepWarmSuggestion] {
            if let cached = lock.withLock({ fading }) { return cached }
            let list = try planner.keepWarm(days: nil)
            lock.withLock { fading = list }
            return list
        }

        /// What is due within `days` (`rapport due`), computed again only when the pipeline changed.
        public func due(within days: Int) throws -> [DueItem] {
            let pipeline = try analysis.session.workspace.loadPipeline()
            if let cached = lock.withLock({ due }), cached.pipeline == pipeline, cached.days == days { return cached.items }
            let items = try FollowUp.due(analysis, within: days)
            lock.withLock { due = (pipeline, days, items) }
            return items
        }
    }

    public init(location: WorkspaceLocation, asOf: Day? = nil) {
        self.location = location
        self.asOf = asOf
    }

    /// The network as it is now in the workspace.
    /// - Throws: `StoreError` (`.busy` when another process holds the database past the busy
    ///   timeout), or whatever loading the network throws.
    /// - Complexity: O(1) when nothing changed; a full load (seconds at a million people) otherwise.
    public func current() throws -> Loaded {
        try lock.withLock {
            let probe = try self.probe ?? location.open()
            self.probe = probe
            let key = try Self.key(of: probe)
            if let loaded, loaded.key == key { return loaded }
            let fresh = try Loaded(key: key, analysis: try Analysis(location, asOf: asOf))
            // The load read the workspace after the key: a write in between only means one more reload.
            loaded = fresh
            return fresh
        }
    }

    /// The content key of the network loaded now (nil before the first page).
    public var loadedKey: String? { lock.withLock { loaded?.key } }

    static func key(of workspace: Workspace) throws -> String {
        if let key = try workspace.contentKey() { return key }
        return "generation \(try workspace.generation())"
    }
}
