import GRDB
import GRDBSQLite
import Rapport

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
    /// Where this row's text is copied for SQLite to read in place.
    private let scratch = Scratch()

    init(_ db: Database, sql: String, path: String) throws {
        statement = try db.makeStatement(sql: sql)
        self.path = path
    }

    /// The text of the row being bound, copied here so that SQLite may point into it
    /// (SQLITE_STATIC) until the row is stepped; emptied at every step.
    ///
    /// SQLITE_TRANSIENT makes SQLite free its previous copy and allocate a new one on every bind,
    /// each under its global memory-statistics mutex: a quarter of a ten-million-tie write.
    private final class Scratch {
        static let capacity = 1 << 16
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: Scratch.capacity)
        var used = 0

        /// Room for `count` bytes, or nil when the row's text outgrows the buffer (bind a copy then).
        func reserve(_ count: Int) -> UnsafeMutablePointer<UInt8>? {
            guard used + count <= Scratch.capacity else { return nil }
            defer { used += count }
            return bytes + used
        }

        deinit { bytes.deallocate() }
    }

    mutating func bind(_ value: String?) {
        guard var text = value else {
            index += 1
            sqlite3_bind_null(handle, index)
            return
        }
        text.withUTF8 { bind(copying: $0) }
    }

    /// Binds a copy of `bytes` as text: in the row's scratch when it has room, else SQLite's own.
    private mutating func bind(copying bytes: UnsafeBufferPointer<UInt8>) {
        index += 1
        if let copy = scratch.reserve(bytes.count) {
            if let base = bytes.baseAddress { copy.update(from: base, count: bytes.count) }
            _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(copy).assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
        } else {
            // SQLITE_TRANSIENT: SQLite copies the bytes before this returns (they are not empty:
            // empty text always fits).
            _ = sqlite3_bind_text(
                handle, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self),
                Int32(bytes.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
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

    /// Binds a day as `YYYY-MM-DD` (`Day.iso`), formatted into the row's scratch and bound
    /// without a copy: a `String` per tie cost about a second per ten million ties.
    mutating func bind(_ day: Day?) {
        guard let day else {
            index += 1
            sqlite3_bind_null(handle, index)
            return
        }
        let (year, month, date) = day.components
        var text: (UInt64, UInt16) = (0, 0)
        withUnsafeMutableBytes(of: &text) { raw in
            let out = raw.bindMemory(to: UInt8.self)
            func put(_ value: Int, at start: Int, width: Int) {
                var rest = value
                for i in (start..<start + width).reversed() {
                    out[i] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            // `Day` years run from 1 to 9999: always four digits.
            put(year, at: 0, width: 4)
            put(month, at: 5, width: 2)
            put(date, at: 8, width: 2)
            out[4] = UInt8(ascii: "-")
            out[7] = UInt8(ascii: "-")
            bind(copying: UnsafeBufferPointer(rebasing: out[0..<10]))
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
        defer { scratch.used = 0 }
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
        defer { scratch.used = 0 }
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else { throw failure(code) }
        return Int(sqlite3_changes(sqlite3_db_handle(handle)))
    }

    /// Writes rows `0..<count` through multi-row `INSERT`s of up to `batch` rows each:
    /// `<head> VALUES (?, …), (?, …), … <tail>`. One statement run per batch keeps SQLite's
    /// cursors and program state across its rows, where a run per row reopened them every time
    /// (about half of a ten-million-tie write).
    ///
    /// - Parameters:
    ///   - bindRow: binds the `columns` values of row `i`, in order.
    static func insert(
        _ db: Database, path: String, head: String, columns: Int, tail: String, count: Int, batch: Int = 64,
        bindRow: (inout BulkStatement, Int) throws -> Void
    ) throws {
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        func statement(rows: Int) throws -> BulkStatement {
            try BulkStatement(db, sql: "\(head) VALUES \(Array(repeating: row, count: rows).joined(separator: ", ")) \(tail)", path: path)
        }
        let full = count >= batch ? try statement(rows: batch) : nil
        var start = 0
        while start < count {
            let rows = Swift.min(batch, count - start)
            var statement = try full.flatMap { rows == batch ? $0 : nil } ?? statement(rows: rows)
            for i in start..<start + rows { try bindRow(&statement, i) }
            try statement.step()
            start += rows
        }
    }
}
