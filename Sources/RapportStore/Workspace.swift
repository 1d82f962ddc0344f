import Foundation
import GRDB

/// A Rapport workspace: one SQLite file holding the whole network.
///
/// The file is created with mode 0600 (it holds personal data) and runs in WAL mode. Every write is
/// one transaction: it lands whole or not at all. Two processes writing at once wait up to
/// `busyTimeout` for each other, then the later one fails with `StoreError.busy`.
public final class Workspace: Sendable {
    /// The default file name in the current directory.
    public static let defaultFileName = "rapport.db"

    public let path: String
    let queue: DatabaseQueue

    /// Seconds a writer waits for another process before giving up.
    public static let busyTimeout: TimeInterval = 5

    private init(path: String, queue: DatabaseQueue) {
        self.path = path
        self.queue = queue
    }

    /// Opens an existing workspace.
    /// - Throws: `StoreError.notFound`, `.schemaTooNew` (the file is left unmodified),
    ///   `.notAWorkspace`, `.busy`.
    public static func open(at path: String) throws(StoreError) -> Workspace {
        guard FileManager.default.fileExists(atPath: path) else { throw .notFound(path: path) }
        return try connect(path: path, creating: false)
    }

    /// Creates a workspace, or opens the one already there.
    /// - Returns: the workspace and whether it was created now.
    public static func create(at path: String) throws(StoreError) -> (Workspace, created: Bool) {
        if FileManager.default.fileExists(atPath: path) { return (try open(at: path), false) }
        // Create the file ourselves so that it is 0600 from its first byte; SQLite gives the
        // -wal and -shm files the same mode.
        let fd = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard fd >= 0 else {
            throw .database(path: path, code: -1, message: String(cString: strerror(errno)))
        }
        close(fd)
        do {
            return (try connect(path: path, creating: true), true)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }

    /// Up to 256 MB of page cache (allocated only as used): a bulk import of ten million ties
    /// otherwise thrashes the default 2 MB between the tie and person indexes.
    static let pageCache = "PRAGMA cache_size = -262144"

    private static func connect(path: String, creating: Bool) throws(StoreError) -> Workspace {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "rapport"
        configuration.prepareDatabase { db in
            // WAL survives a SIGKILL mid-transaction: the half-written transaction is discarded on the
            // next open. Asking for it again on an existing WAL file writes nothing.
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: Workspace.pageCache)
        }
        do {
            let migrator = Schema.migrator
            if !creating {
                // Check the schema on a read-only connection first, so that a file we must refuse is
                // never touched (not even switched to WAL).
                var probe = Configuration()
                probe.readonly = true
                probe.busyMode = .timeout(busyTimeout)
                let unknown = try DatabaseQueue(path: path, configuration: probe).read { db -> [String] in
                    let known = Set(migrator.migrations)
                    let applied = try db.tableExists("grdb_migrations") ? try migrator.appliedIdentifiers(db) : []
                    if applied.isEmpty {
                        let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
                        if tables > 0 { throw StoreError.notAWorkspace(path: path, reason: "it has tables but no Rapport schema") }
                    }
                    return applied.subtracting(known).sorted()
                }
                guard unknown.isEmpty else { throw StoreError.schemaTooNew(path: path, unknownMigrations: unknown) }
            }
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try migrator.migrate(queue)
            return Workspace(path: path, queue: queue)
        } catch {
            throw StoreError.wrap(error, path: path)
        }
    }

    /// A number that changes whenever the workspace's network changes (for caches).
    public func generation() throws(StoreError) -> Int {
        try read { db in try Self.generation(db) }
    }

    /// A string that names this workspace's network as it is now, for caches kept beside it: a random
    /// identity given at the workspace's first write plus the generation. `nil` for a workspace not
    /// written since identities were introduced (its next write gives it one).
    public func contentKey() throws(StoreError) -> String? {
        try read { db in try Self.contentKey(db) }
    }

    static func generation(_ db: Database) throws -> Int {
        Int(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'generation'") ?? "0") ?? 0
    }

    static func contentKey(_ db: Database) throws -> String? {
        try contentKeys(db).now
    }

    /// The content key now, and the one the write under way will leave (it moves the generation
    /// on by one); both `nil` before the workspace's first write.
    static func contentKeys(_ db: Database) throws -> (now: String?, afterThisWrite: String?) {
        guard let identity = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'identity'") else { return (nil, nil) }
        let generation = try generation(db)
        return ("\(identity)/\(generation)", "\(identity)/\(generation + 1)")
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try queue.read(body) } catch { throw StoreError.wrap(error, path: path) }
    }

    /// Runs `body` in one transaction. When `changesNetwork`, the generation moves on, so caches of
    /// the network (`contentKey`) go stale; pipeline moves leave it alone.
    func write<T>(changesNetwork: Bool = true, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.write { db in
                let result = try body(db)
                if changesNetwork { try Workspace.advanceGeneration(db) }
                return result
            }
        } catch {
            throw StoreError.wrap(error, path: path)
        }
    }

    /// `write` with SQLite's foreign key enforcement off for the transaction: for bulk writes whose
    /// body checks every reference itself before it returns (`apply`). SQLite probes the parent
    /// index twice for every tie row, which cost more than writing the ten million rows.
    /// The pragma only works outside a transaction; it is per connection, so a crash cannot leave
    /// it off in the file, and it is switched back on before this returns.
    func writeCheckingReferences<T>(changesNetwork: Bool = true, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    if changesNetwork { try Workspace.advanceGeneration(db) }
                    return .commit
                }
                return result!
            }
        } catch {
            throw StoreError.wrap(error, path: path)
        }
    }

    /// Moves the generation on, and gives the workspace its random identity on its first write.
    private static func advanceGeneration(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO meta(key, value) VALUES ('generation', '1')
            ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;
            INSERT OR IGNORE INTO meta(key, value) VALUES ('identity', lower(hex(randomblob(16))));
            """)
    }
}
