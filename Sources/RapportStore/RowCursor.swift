import GRDB
import GRDBSQLite
import Rapport

/// The rows of one statement through SQLite's C API, each cell read in place: no GRDB `Row` and
/// no `String` per cell, which cost seconds over the ten million rows of a 1M workspace.
struct RowCursor {
    private let statement: Statement
    let handle: OpaquePointer

    /// The rows of `sql` with `arguments`; valid while `db` is (inside its read).
    init(_ db: Database, sql: String, arguments: StatementArguments = []) throws {
        statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        handle = statement.sqliteStatement
    }

    /// Steps to the next row; false after the last one (the statement is then reset).
    mutating func next() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_DONE {
            sqlite3_reset(handle)
            return false
        }
        guard code == SQLITE_ROW else {
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code))
        }
        return true
    }

    /// The bytes of a text cell of the current row, valid until `next()`.
    func text(_ column: Int32) -> UnsafeRawBufferPointer { Workspace.text(handle, column) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
}

/// One pass over rows with the columns of `Workspace.tieRowsSQL` (low id, high id, `person_a`,
/// kind, since, origin). Both readers of the tie table use it: the snapshot's (node indices) and
/// the import's (`Tie` values).
struct TieRowCursor {
    private var rows: RowCursor

    /// The rows of `sql` with `arguments`; valid while `db` is (inside its read).
    init(_ db: Database, sql: String = Workspace.tieRowsSQL, arguments: StatementArguments = []) throws {
        rows = try RowCursor(db, sql: sql, arguments: arguments)
    }

    /// Steps to the next row; false after the last one.
    mutating func next() throws -> Bool { try rows.next() }

    /// The bytes of the current row's low id, high id and `person_a`, valid until `next()`.
    var low: UnsafeRawBufferPointer { text(0) }
    var high: UnsafeRawBufferPointer { text(1) }
    /// Whether the tie was declared low id first (`person_a` keeps the orientation).
    var declaredLowFirst: Bool { text(2).elementsEqual(text(0)) }

    func kind() throws -> TieKind { try Self.value(TieRowCursor.kinds, text(3)) }
    func origin() throws -> TieOrigin { try Self.value(TieRowCursor.origins, text(5)) }

    func since() throws -> Day? {
        guard !rows.isNull(4), !text(4).isEmpty else { return nil }
        guard let day = Day(isoBytes: text(4)) else { throw StoreError.corruptRow(table: "date", reason: "not YYYY-MM-DD") }
        return day
    }

    private static let kinds = TieKind.byColumnCode.map { (Array($0.rawValue.utf8), $0) }
    private static let origins = TieOrigin.byColumnCode.map { (Array($0.rawValue.utf8), $0) }

    private static func value<T>(_ table: [([UInt8], T)], _ bytes: UnsafeRawBufferPointer) throws -> T {
        guard let found = table.first(where: { $0.0.elementsEqual(bytes) }) else {
            throw StoreError.corruptRow(table: "tie", reason: "unknown value '\(String(decoding: bytes, as: UTF8.self))'")
        }
        return found.1
    }

    private func text(_ column: Int32) -> UnsafeRawBufferPointer { rows.text(column) }
}
