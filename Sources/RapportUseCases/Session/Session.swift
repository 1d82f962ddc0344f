import Foundation
import Rapport
import RapportStore

/// A workspace opened for one use case, with its network loaded on demand.
public struct Session {
    public let workspace: Workspace
    public let location: WorkspaceLocation

    public init(_ location: WorkspaceLocation) throws {
        self.location = location
        self.workspace = try location.open()
    }

    /// Every row of the workspace (people, ties, interactions, introductions).
    public func data() throws -> NetworkData { try workspace.loadNetwork() }

    public func snapshot() throws -> NetworkSnapshot {
        var clock = PhaseTimer()
        return try snapshot(clock: &clock)
    }

    public func keyedSnapshot() throws -> KeyedSnapshot {
        var clock = PhaseTimer()
        return try keyedSnapshot(clock: &clock)
    }

    /// The network, from the snapshot file beside the workspace (`rapport.db-snapshot`) when it is
    /// current; otherwise read from the workspace, built, and saved there for the next command.
    ///
    /// Reading a million people and ten million ties from SQLite and building the snapshot takes
    /// seconds; the file brings it back in a fraction of one. It is a cache: keyed by the
    /// workspace's identity and write generation, brought along by small writes (`apply(_:log:over:)`)
    /// and rebuilt after any other change, ignored when damaged, written owner-only and atomically,
    /// and never written when `RAPPORT_SNAPSHOT_CACHE=off`.
    public func snapshot(clock: inout PhaseTimer) throws -> NetworkSnapshot {
        try keyedSnapshot(clock: &clock).snapshot
    }

    /// `snapshot(clock:)` with the workspace's content key it stands for (`nil` for a workspace
    /// never written), for a write that brings the file along (`apply(_:log:over:)`).
    public func keyedSnapshot(clock: inout PhaseTimer) throws -> KeyedSnapshot {
        let file = location.snapshotPath
        if Session.cacheEnabled, let key = try workspace.contentKey() {
            do {
                let snapshot = try NetworkSnapshot(contentsOfFile: file, key: key)
                clock.mark("load snapshot")
                return KeyedSnapshot(snapshot: snapshot, key: key)
            } catch {
                clock.mark(error == .missing ? "no snapshot file" : error == .stale ? "snapshot stale" : "snapshot damaged")
            }
        }
        return try rebuildSnapshot(clock: &clock)
    }

    /// The network read from the workspace and built, and saved beside it for the next command.
    @discardableResult
    public func rebuildSnapshot(clock: inout PhaseTimer) throws -> KeyedSnapshot {
        let (snapshot, key) = try workspace.loadSnapshot()
        clock.mark("read workspace")
        if Session.cacheEnabled, let key {
            // A cache that cannot be written (read-only folder, full disk) only costs the next command time.
            try? snapshot.write(toFile: location.snapshotPath, key: key)
            clock.mark("save snapshot")
        }
        return KeyedSnapshot(snapshot: snapshot, key: key)
    }

    /// A snapshot and the content key of the workspace it was read or built from.
    public struct KeyedSnapshot: Sendable {
        public var snapshot: NetworkSnapshot
        public var key: String?
    }

    /// Writes `change` to the workspace (one transaction, as `Workspace.apply`) and keeps the
    /// snapshot file current without reading the workspace again: when `base` was current just
    /// before the write and nobody else wrote in between, the file becomes `base` with the change
    /// applied (`NetworkSnapshot.applying`), saved under the new key. So the next `suggest`
    /// after a `log` loads the file instead of rebuilding a million people.
    ///
    /// Otherwise (another writer came in between, or a change the patch does not cover, such as
    /// stored ties) the file is left behind, stale, and the next command rebuilds it, as before.
    /// The workspace stays the only copy: the file is a cache, checked and replaced atomically.
    /// - Returns: what `Workspace.apply` wrote, and whether the snapshot file followed.
    @discardableResult
    public func apply(
        _ change: NetworkData, log: (files: [String], summary: String)? = nil, over base: KeyedSnapshot?
    ) throws -> (counts: WriteCounts, snapshotFollowed: Bool) {
        var clock = PhaseTimer()
        let counts = try workspace.apply(
            people: change.people, ties: change.ties, interactions: change.interactions, introductions: change.introductions,
            log: log)
        guard Session.cacheEnabled, let base, let before = base.key, counts.contentKeyBefore == before,
            let after = counts.contentKeyAfter
        else { return (counts, false) }
        // Nothing of the network was written: the file stands for the workspace still.
        if after == before { return (counts, true) }
        // The people and interactions as stored, not as given: the patch must hold what a rebuild
        // reads (an import skips interactions it has; the order of people is the order written).
        let written = try workspace.rowsWritten(interactionsAfter: counts.lastInteractionBefore, people: change.people.map(\.id))
        guard written.contentKey == after else { return (counts, false) }
        var stored = change
        stored.interactions = written.rows.interactions
        stored.people = written.rows.people
        clock.mark("write")
        guard let patched = try base.snapshot.applying(stored, isStoredTie: { try workspace.storesTie($0, $1) }) else {
            return (counts, false)
        }
        clock.mark("patch snapshot")
        do { try patched.write(toFile: location.snapshotPath, key: after) } catch { return (counts, false) }
        clock.mark("save snapshot")
        return (counts, true)
    }

    /// The snapshot file's network when it is current, else `nil` (never a rebuild).
    public func currentSnapshotFile() throws -> KeyedSnapshot? {
        guard Session.cacheEnabled, let key = try workspace.contentKey(),
            let snapshot = try? NetworkSnapshot(contentsOfFile: location.snapshotPath, key: key)
        else { return nil }
        return KeyedSnapshot(snapshot: snapshot, key: key)
    }

    /// A change of at most this many rows is patched into the snapshot file by `applyLeavingSnapshot`;
    /// a larger one rebuilds it.
    public static let patchLimit = 10_000

    /// Writes `change` (as `apply(_:log:over:)`) and leaves a current snapshot file, so the first
    /// analysis after an import costs what a warm one does: a small change is patched into a
    /// current file; anything else rebuilds the file from the workspace (`rebuilding` is called first).
    @discardableResult
    public func applyLeavingSnapshot(
        _ change: consuming NetworkData, log: (files: [String], summary: String)?, clock: inout PhaseTimer,
        rebuilding: () -> Void = {}
    ) throws -> WriteCounts {
        let counts: WriteCounts, followed: Bool
        if change.count == 0 {
            // Nothing of the network to write (a re-import that found nothing new): its log line
            // keeps the content key, so a file that stood for the workspace still does; only its
            // header is read (loading all of it took 0.6 s at 1M).
            (counts, _) = try apply(change, log: log, over: nil)
            followed = !Session.cacheEnabled || counts.contentKeyAfter.map {
                counts.contentKeyBefore == $0 && NetworkSnapshot.fileKey(atPath: location.snapshotPath) == $0
            } ?? true
            clock.mark("write")
        } else if let base = change.count <= Session.patchLimit && change.ties.isEmpty ? try currentSnapshotFile() : nil {
            clock.mark("load snapshot")
            (counts, followed) = try apply(change, log: log, over: base)
            // Written: its rows go before a rebuild reads the workspace back.
            change = NetworkData()
            clock.mark(followed ? "write, patch" : "write")
        } else if Session.cacheEnabled {
            // A workspace without ties (a first import) gets its network drafted from the written
            // rows while SQLite writes them, instead of read back afterwards.
            clock.mark("no snapshot")
            (counts, followed) = try workspace.applySavingSnapshot(
                people: change.people, ties: change.ties, interactions: change.interactions,
                introductions: change.introductions, log: log, snapshotPath: location.snapshotPath)
            change = NetworkData()
            clock.mark(followed ? "write, snapshot drafted" : "write")
        } else {
            (counts, followed) = try apply(change, log: log, over: nil)
            change = NetworkData()
            clock.mark("write")
        }
        try leaveSnapshot(followed: followed, clock: &clock, rebuilding: rebuilding)
        return counts
    }

    /// Starts writing the `people` of a bulk import while the caller merges the rest
    /// (`Workspace.beginStagedWrite`); `finish(_:_:log:clock:rebuilding:)` or `StagedWrite.cancel()`
    /// must follow, and the workspace must not be used meanwhile.
    public func beginBulkWrite(people: [Person]) -> StagedWrite {
        workspace.beginStagedWrite(people: people, snapshotPath: Session.cacheEnabled ? location.snapshotPath : nil)
    }

    /// Finishes `staged` with the rest of `change` (whose people it began with) and leaves a
    /// current snapshot file, as `applyLeavingSnapshot` does.
    @discardableResult
    public func finish(
        _ staged: StagedWrite, _ change: consuming NetworkData, log: (files: [String], summary: String)?,
        clock: inout PhaseTimer, rebuilding: () -> Void = {}
    ) throws -> WriteCounts {
        // The ties go to the write alone (its plan lets them go once planned), not kept here too.
        let ties = change.ties
        change.ties = []
        let (counts, followed) = try staged.finish(
            ties: consume ties, interactions: change.interactions, introductions: change.introductions, log: log)
        change = NetworkData()
        clock.mark(followed ? "write, snapshot drafted" : "write")
        try leaveSnapshot(followed: followed, clock: &clock, rebuilding: rebuilding)
        return counts
    }

    /// Rebuilds the snapshot file unless the write left it current (`followed`) or the cache is off.
    private func leaveSnapshot(followed: Bool, clock: inout PhaseTimer, rebuilding: () -> Void) throws {
        if Session.cacheEnabled, !followed {
            rebuilding()
            try rebuildSnapshot(clock: &clock)
        }
    }

    public static let cacheEnabled = ProcessInfo.processInfo.environment["RAPPORT_SNAPSHOT_CACHE"] != "off"

    /// Resolves a person reference (id, email, profile URL or full name) or fails with a hint. The
    /// workspace's search index answers (`Workspace.lookUpPerson`), so no name is compared per person.
    /// - Throws: `UseCaseError.badInput` naming the candidates (ids, or who they are with
    ///   `verbose`) for an ambiguous name, or the closest name for an unknown one.
    public func resolve(_ reference: String, in snapshot: NetworkSnapshot, role: String = "person") throws -> Int32 {
        switch try workspace.lookUpPerson(reference) {
        case .found(let id):
            guard let i = snapshot.index(ofID: id) else { return try snapshot.resolve(reference) }
            return i
        case .ambiguous(let candidates):
            // Ids only: other people's names and organizations are contact data, shown with --verbose.
            let listed = candidates.prefix(8).map { id -> String in
                guard location.verbose, let i = snapshot.index(ofID: id) else { return id }
                let p = snapshot.people[Int(i)]
                return "\(id) (\(p.displayName)\(p.organization.map { ", " + $0 } ?? ""))"
            }
            let more = candidates.count > listed.count ? "; …" : ""
            let hint = location.verbose ? "" : " (--verbose shows who they are)"
            throw UseCaseError.badInput(
                "'\(reference)' matches \(candidates.count) people: \(listed.joined(separator: "; "))\(more); use an id or email\(hint)")
        case .notFound(let closest):
            let hint = closest.map { " — did you mean '\($0)'?" } ?? ""
            throw UseCaseError.badInput("no \(role) matches '\(reference)'\(hint)")
        }
    }

    /// What `people` lists: the people found and, when the list is cut, how many there are.
    public struct PeopleListing: Sendable {
        public var people: [Person]
        /// Every match (or every person), when more than `people`.
        public var total: Int
    }

    /// The people matching `search` (ranked by the search index: exact matches first) and/or at
    /// `organization`, at most `limit` of a search; with neither, everyone.
    /// - Throws: `UseCaseError.badInput` for an organization the workspace does not have.
    public func people(search: String?, organization: String?, limit: Int?) throws -> PeopleListing {
        if let search {
            guard let found = try workspace.searchPeople(search, organization: organization, limit: limit) else {
                throw UseCaseError.badInput("no organization matches '\(organization ?? "")'")
            }
            return PeopleListing(people: found.people, total: found.total)
        }
        if let organization {
            guard let members = try workspace.people(atOrganization: organization) else {
                throw UseCaseError.badInput("no organization matches '\(organization)'")
            }
            return PeopleListing(people: members, total: members.count)
        }
        let everyone = Array(try snapshot().people)
        return PeopleListing(people: everyone, total: everyone.count)
    }
}
