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

    /// Resolves a person reference (id, email, profile URL or full name) or fails with a hint.
    func resolve(_ reference: String, in snapshot: NetworkSnapshot, role: String = "person") throws -> Int32 {
        do {
            return try snapshot.resolve(reference)
        } catch .ambiguousPerson(_, let candidates) {
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
        } catch {
            let hint = Suggest.closestNames(to: reference, in: snapshot).map { " — did you mean '\($0)'?" } ?? ""
            throw CommandError.badInput("no \(role) matches '\(reference)'\(hint)")
        }
    }
}

/// "Did you mean" for person names.
enum Suggest {
    /// The display name closest to `reference` by edit distance on name keys, when close enough.
    static func closestNames(to reference: String, in snapshot: NetworkSnapshot) -> String? {
        let key = Array(NameKey.person(reference).unicodeScalars)
        guard !key.isEmpty else { return nil }
        let limit = max(2, key.count / 3)
        var best: (distance: Int, person: Int)?
        // The people's name keys are a column: no person is made and no name normalized again.
        let keys = snapshot.people.nameKeys
        var distanceOfValue = [Int](repeating: -1, count: keys.values.count)  // -1: not computed yet
        for (person, code) in keys.codes.enumerated() where code >= 0 {
            var d = distanceOfValue[Int(code)]
            if d < 0 {
                // UTF-8 takes 1 to 4 bytes per scalar: skip values whose length alone rules them out.
                let bytes = Int(keys.values.starts[Int(code) + 1] - keys.values.starts[Int(code)])
                if bytes < key.count - limit || bytes > 4 * (key.count + limit) {
                    d = Int.max
                } else {
                    let candidate = Array(keys.values[Int(code)].unicodeScalars)
                    d = abs(candidate.count - key.count) <= limit ? editDistance(key, candidate) : Int.max
                }
                distanceOfValue[Int(code)] = d
            }
            if d <= limit, d < (best?.distance ?? .max) { best = (d, person) }
        }
        return best.map { snapshot.people.displayName(Int32($0.person)) }
    }

    /// Levenshtein distance.
    /// - Complexity: O(a · b).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
