import Foundation
import Rapport
import RapportStore

/// A workspace opened for one command, with its network loaded on demand.
struct Session {
    let workspace: Workspace
    let options: WorkspaceOptions

    init(_ options: WorkspaceOptions) throws {
        self.options = options
        self.workspace = try options.open()
    }

    func data() throws -> NetworkData { try workspace.loadNetwork() }

    func snapshot() throws -> NetworkSnapshot {
        var clock = PhaseTimer()
        return try snapshot(clock: &clock)
    }

    /// The network, from the snapshot file beside the workspace (`rapport.db-snapshot`) when it is
    /// current; otherwise read from the workspace, built, and saved there for the next command.
    ///
    /// Reading a million people and ten million ties from SQLite and building the snapshot takes
    /// seconds; the file brings it back in a fraction of one. It is a cache: keyed by the
    /// workspace's identity and write generation, rebuilt after any change, ignored when damaged,
    /// written owner-only and atomically, and never written when `RAPPORT_SNAPSHOT_CACHE=off`.
    func snapshot(clock: inout PhaseTimer) throws -> NetworkSnapshot {
        let file = options.path + "-snapshot"
        if Session.cacheEnabled, let key = try workspace.contentKey() {
            do {
                let snapshot = try NetworkSnapshot(contentsOfFile: file, key: key)
                clock.mark("load snapshot")
                return snapshot
            } catch {
                clock.mark(error == .missing ? "no snapshot file" : error == .stale ? "snapshot stale" : "snapshot damaged")
            }
        }
        let (snapshot, key) = try workspace.loadSnapshot()
        clock.mark("read workspace")
        if Session.cacheEnabled, let key {
            // A cache that cannot be written (read-only folder, full disk) only costs the next command time.
            try? snapshot.write(toFile: file, key: key)
            clock.mark("save snapshot")
        }
        return snapshot
    }

    static let cacheEnabled = ProcessInfo.processInfo.environment["RAPPORT_SNAPSHOT_CACHE"] != "off"

    /// Resolves a person reference (id, email, profile URL or full name) or fails with a hint. The
    /// workspace's search index answers (`Workspace.lookUpPerson`), so no name is compared per person.
    func resolve(_ reference: String, in snapshot: NetworkSnapshot, role: String = "person") throws -> Int32 {
        switch try workspace.lookUpPerson(reference) {
        case .found(let id):
            guard let i = snapshot.index(ofID: id) else { return try snapshot.resolve(reference) }
            return i
        case .ambiguous(let candidates):
            // Ids only: other people's names and organizations are contact data, shown with --verbose.
            let listed = candidates.prefix(8).map { id -> String in
                guard options.verbose, let i = snapshot.index(ofID: id) else { return id }
                let p = snapshot.people[Int(i)]
                return "\(id) (\(p.displayName)\(p.organization.map { ", " + $0 } ?? ""))"
            }
            let more = candidates.count > listed.count ? "; …" : ""
            let hint = options.verbose ? "" : " (--verbose shows who they are)"
            throw CommandError.badInput(
                "'\(reference)' matches \(candidates.count) people: \(listed.joined(separator: "; "))\(more); use an id or email\(hint)")
        case .notFound(let closest):
            let hint = closest.map { " — did you mean '\($0)'?" } ?? ""
            throw CommandError.badInput("no \(role) matches '\(reference)'\(hint)")
        }
    }
}
