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

    /// The network, from the snapshot file beside the workspace (`rapport.db-snapshot`) when it is
    /// current; otherwise read from the workspace, built, and saved there for the next command.
    ///
    /// Reading a million people and ten million ties from SQLite and building the snapshot takes
    /// seconds; the file brings it back in a fraction of one. It is a cache: keyed by the
    /// workspace's identity and write generation, rebuilt after any change, ignored when damaged,
    /// written owner-only and atomically, and never written when `RAPPORT_SNAPSHOT_CACHE=off`.
    public func snapshot(clock: inout PhaseTimer) throws -> NetworkSnapshot {
        let file = location.snapshotPath
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

/// Phase timings on stderr when `RAPPORT_TIMING` is set (for profiling large workspaces).
public struct PhaseTimer {
    public static let enabled = ProcessInfo.processInfo.environment["RAPPORT_TIMING"] != nil
    private var last = DispatchTime.now()

    public init() {}

    public mutating func mark(_ phase: String) {
        guard PhaseTimer.enabled else { return }
        let now = DispatchTime.now()
        let seconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9
        let line = "timing: " + phase.padding(toLength: 16, withPad: " ", startingAt: 0) + String(format: " %8.3f s", seconds)
        FileHandle.standardError.write(Data((line + "\n").utf8))
        last = now
    }
}
