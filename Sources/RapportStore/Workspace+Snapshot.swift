import GRDB
import GRDBSQLite
import Rapport

extension Workspace {
    /// Reads the whole network straight into a `NetworkSnapshot`, with the `contentKey()` of what
    /// was read (one transaction).
    ///
    /// The same snapshot as `NetworkSnapshot(loadNetwork())`, without a `Tie` value and two id
    /// strings per tie in between: ties are read through SQLite's C API and their ids resolved from
    /// the column bytes with an `IdentifierTable`. At ten million ties that is most of the cost of
    /// a cold start.
    /// - Complexity: O(rows).
    public func loadSnapshot() throws(StoreError) -> (snapshot: NetworkSnapshot, key: String?) {
        let result: Result<(NetworkSnapshot, String?), NetworkError> = try read { db in
            var builder = NetworkBuilder()
            var ids = IdentifierTable()
            let people = try Self.loadPeople(db)
            for person in people {
                do throws(NetworkError) { try builder.add(person) } catch { return .failure(error) }
                ids.append(person.id)
            }
            do throws(IdentifierTableError) { try ids.build() } catch { switch error { case .duplicate(let id): return .failure(.duplicatePerson(id)) } }
            if let failure = try Self.loadTies(db, into: &builder, ids: ids) { return .failure(failure) }
            do {
                for interaction in try Self.loadInteractions(db) { try builder.add(interaction) }
                for introduction in try Self.loadIntroductions(db) { try builder.add(introduction) }
                return .success((try builder.freeze(reusing: ids), try Self.contentKey(db)))
            } catch let error as NetworkError {
                return .failure(error)
            }
        }
        switch result {
        case .success(let value): return value
        case .failure(let error): throw StoreError.corruptRow(table: "network", reason: error.description)
        }
    }

    /// Every tie, in key order, added to `builder` by node (distinct: the table's key is the pair);
    /// a reference to an unknown person is
    /// returned as the error.
    private static func loadTies(_ db: Database, into builder: inout NetworkBuilder, ids: IdentifierTable) throws -> NetworkError? {
        let statement = try db.makeStatement(sql: tieRowsSQL)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        let kinds = TieKind.allCases.map { (Array($0.rawValue.utf8), $0) }
        let origins = TieOrigin.allCases.map { (Array($0.rawValue.utf8), $0) }
        var previousLow: [UInt8] = [], previousLowIndex: Int32? = nil
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return nil }
            guard code == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
            let low = text(handle, 0), high = text(handle, 1), a = text(handle, 2)
            // Rows come in key order, so `person_low` repeats row after row: look it up once per run.
            if !low.elementsEqual(previousLow) {
                previousLow = Array(low)
                previousLowIndex = ids.index(of: low)
            }
            guard let lowIndex = previousLowIndex else { return .unknownPerson(String(decoding: low, as: UTF8.self)) }
            guard let highIndex = ids.index(of: high) else { return .unknownPerson(String(decoding: high, as: UTF8.self)) }
            guard let kind = kinds.first(where: { $0.0.elementsEqual(text(handle, 3)) })?.1 else {
                throw StoreError.corruptRow(table: "tie", reason: "unknown kind '\(String(decoding: text(handle, 3), as: UTF8.self))'")
            }
            guard let origin = origins.first(where: { $0.0.elementsEqual(text(handle, 5)) })?.1 else {
                throw StoreError.corruptRow(table: "tie", reason: "unknown origin '\(String(decoding: text(handle, 5), as: UTF8.self))'")
            }
            var since: Day?
            if sqlite3_column_type(handle, 4) != SQLITE_NULL, !text(handle, 4).isEmpty {
                guard let day = Day(isoBytes: text(handle, 4)) else {
                    throw StoreError.corruptRow(table: "date", reason: "not YYYY-MM-DD")
                }
                since = day
            }
            // `person_a` keeps the orientation the tie was declared in.
            let (first, second) = a.elementsEqual(low) ? (lowIndex, highIndex) : (highIndex, lowIndex)
            do throws(NetworkError) { try builder.addDistinctTie(first, second, kind: kind, since: since, origin: origin) } catch { return error }
        }
    }

    /// The bytes of text column `column` of the current row, valid until the next step.
    private static func text(_ handle: OpaquePointer, _ column: Int32) -> UnsafeRawBufferPointer {
        guard let bytes = sqlite3_column_text(handle, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column)))
    }
}
