import GRDB
import GRDBSQLite

/// A prepared statement driven through SQLite's C API, for bulk writes.
///
/// GRDB's `execute(arguments:)` builds an array of `DatabaseValue`s per row; at ten million ties that
/// overhead alone is several seconds. Binding straight into the statement keeps a bulk import near
/// SQLite's own speed. Use inside a GRDB write transaction only.
struct BulkStatement {
    private let statement: Statement
    private let path: String
    private var handle: OpaquePointer { statement.sqliteStatement }
    private var index: Int32 = 0

    init(_ db: Database, sql: String, path: String) throws {
        statement = try db.makeStatement(sql: sql)
        self.path = path
    }

    mutating func bind(_ value: String?) {
        index += 1
        guard var text = value else {
            sqlite3_bind_null(handle, index)
            return
        }
        let handle = self.handle, index = self.index
        text.withUTF8 { bytes in
            // SQLITE_TRANSIENT: SQLite copies the bytes before this returns. An empty string still
            // needs a valid pointer, or SQLite would store NULL.
            let empty: StaticString = ""
            let pointer = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(empty.utf8Start)).assumingMemoryBound(to: CChar.self)
            _ = sqlite3_bind_text(handle, index, pointer, Int32(bytes.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
    }

    mutating func bind(_ value: Int?) {
        index += 1
        if let value { sqlite3_bind_int64(handle, index, Int64(value)) } else { sqlite3_bind_null(handle, index) }
    }

    mutating func bind(_ value: Bool) { bind(value ? 1 : 0) }

    /// Runs the statement with the values bound since the last step, and returns the number of rows
    /// it changed.
    @discardableResult
    mutating func step() throws -> Int {
        index = 0
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            let db = sqlite3_db_handle(handle)
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "error \(code)"
            throw StoreError.database(path: path, code: code, message: message)
        }
        return Int(sqlite3_changes(sqlite3_db_handle(handle)))
    }
}
