import Foundation
import GRDB

/// Everything that can go wrong with a workspace file.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// No workspace at the path.
    case notFound(path: String)
    /// The workspace was written by a newer Rapport.
    case schemaTooNew(path: String, unknownMigrations: [String])
    /// Another process holds the write lock past the busy timeout.
    case busy(path: String)
    /// The file is not a Rapport workspace (or not SQLite at all).
    case notAWorkspace(path: String, reason: String)
    /// A row in the workspace could not be read back.
    case corruptRow(table: String, reason: String)
    /// Any other SQLite failure; the SQL and its arguments are not included (personal data).
    case database(path: String, code: Int32, message: String)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "no workspace at \(path) — run `rapport init` or pass --db"
        case .schemaTooNew(let path, let unknown):
            return "\(path) was written by a newer version of Rapport (unknown migrations: \(unknown.joined(separator: ", "))); upgrade rapport to open it — the file was not modified"
        case .busy(let path):
            return "workspace busy: another rapport process is writing \(path); try again when it finishes"
        case .notAWorkspace(let path, let reason):
            return "\(path) is not a Rapport workspace: \(reason)"
        case .corruptRow(let table, let reason):
            return "a row of table \(table) is unreadable: \(reason)"
        case .database(let path, let code, let message):
            return "\(path): SQLite error \(code): \(message)"
        }
    }

    /// Maps a GRDB error to a store error without leaking bound values.
    static func wrap(_ error: any Error, path: String) -> StoreError {
        if let store = error as? StoreError { return store }
        if let db = error as? DatabaseError {
            switch db.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
            case .SQLITE_NOTADB: return .notAWorkspace(path: path, reason: "not a SQLite database")
            default: return .database(path: path, code: db.resultCode.rawValue, message: db.message ?? "\(db.resultCode)")
            }
        }
        return .database(path: path, code: -1, message: String(describing: type(of: error)))
    }
}
