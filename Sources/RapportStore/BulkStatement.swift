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

    /// Binds `bytes` as text without copying them: they must stay put until the next `step()`
    /// (SQLITE_STATIC). For ids bound straight from an `IDTable`.
    mutating func bind(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        index += 1
        // An empty range may have no address; SQLite would store NULL for it.
        let empty: StaticString = ""
        let pointer = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(empty.utf8Start)).assumingMemoryBound(to: CChar.self)
        _ = sqlite3_bind_text(handle, index, pointer, Int32(bytes.count), nil)
    }

    /// Binds a day as `YYYY-MM-DD` (`Day.iso`) formatted on the stack: building a `String` per
    /// tie cost about a second per ten million ties.
    mutating func bind(_ day: Day?) {
        index += 1
        guard let day else {
            sqlite3_bind_null(handle, index)
            return
        }
        let (year, month, date) = day.components
        var text: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let handle = self.handle, index = self.index
        withUnsafeMutableBytes(of: &text) { out in
            // `Day` years run from 1 to 9999: always four digits.
            let digits = [(year, 0, 4), (month, 5, 2), (date, 8, 2)]
            for (value, at, width) in digits {
                var rest = value
                for i in stride(from: at + width - 1, through: at, by: -1) {
                    out[i] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            out[4] = UInt8(ascii: "-")
            out[7] = UInt8(ascii: "-")
            _ = sqlite3_bind_text(
                handle, index, out.baseAddress!.assumingMemoryBound(to: CChar.self), 10,
                unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
    }

    mutating func bind(_ value: Int?) {
        index += 1
        if let value { sqlite3_bind_int64(handle, index, Int64(value)) } else { sqlite3_bind_null(handle, index) }
    }

    mutating func bind(_ value: Bool) { bind(value ? 1 : 0) }

    /// Runs a query with the values bound since the last step: whether it found a row.
    mutating func exists() throws -> Bool {
        index = 0
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_ROW || code == SQLITE_DONE else { throw failure(code) }
        return code == SQLITE_ROW
    }

    private func failure(_ code: Int32) -> StoreError {
        let db = sqlite3_db_handle(handle)
        let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "error \(code)"
        return StoreError.database(path: path, code: code, message: message)
    }

    /// Runs the statement with the values bound since the last step, and returns the number of rows
    /// it changed.
    @discardableResult
    mutating func step() throws -> Int {
        index = 0
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else { throw failure(code) }
        return Int(sqlite3_changes(sqlite3_db_handle(handle)))
    }
}
