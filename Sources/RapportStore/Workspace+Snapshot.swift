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
    /// a cold start, so from 50,000 people on the ids are read first and the tie table is read in
    /// two key ranges on two connections of their own, and the people's rows are decoded in eight
    /// ranges of `seq` on the pool while this connection's thread adds them to the builder (each
    /// connection checks that it sees the same content key, else this one reads everything).
    /// - Complexity: O(rows), on up to three threads.
    public func loadSnapshot() throws(StoreError) -> (snapshot: NetworkSnapshot, key: String?) {
        try loadSnapshot(parallelFrom: Self.parallelLoadMinimum)
    }

    /// `loadSnapshot()`, reading the ties on two connections of their own beside the people from
    /// `parallelFrom` people up (tests lower it).
    func loadSnapshot(parallelFrom: Int) throws(StoreError) -> (snapshot: NetworkSnapshot, key: String?) {
        let result: Result<(NetworkSnapshot, String?), NetworkError> = try read { db in
            let key = try Self.contentKey(db)
            // The ids first (one narrow column), so that the ties can be read beside the people.
            var ids = IdentifierTable()
            try Self.forEachText(db, sql: "SELECT id FROM person ORDER BY seq") { ids.append($0) }
            do throws(IdentifierTableError) { try ids.build() } catch { switch error { case .duplicate(let id): return .failure(.duplicatePerson(id)) } }
            let table = ids
            let parallel = ids.count >= parallelFrom ? key : nil
            // Rows are decoded into people on the pool, range by range, while this thread adds them.
            let chunks = try parallel.map { key in try self.readPeople(db, key: key, ranges: 8) }
            let path = self.path
            let halves = try parallel.flatMap { key in
                try Self.tieSplit(db, personCount: table.count).map { split in
                    WorkerPool.shared.async {
                        Self.readTieHalves(path: path, key: key, split: split) { db, sql, arguments in
                            var part = TieRows()
                            try part.read(db, sql: sql, arguments: arguments, ids: table)
                            return part
                        }
                    }
                }
            }
            var builder = NetworkBuilder()
            do {
                // The ranges read on the pool, added as they come; when one of them saw another
                // state, this connection reads them all.
                if try !Self.add(chunks ?? [], to: &builder) {
                    builder = NetworkBuilder()
                    for person in try Self.loadPeople(db) { try builder.add(person) }
                }
            } catch let error as NetworkError {
                return .failure(error)
            }
            guard builder.personCount == ids.count else { throw StoreError.corruptRow(table: "person", reason: "changed while read") }
            if let parts = halves?.take(), case .success(let parts) = parts {
                for part in parts {
                    if let failure = part.failure { return .failure(failure) }
                    do throws(NetworkError) { try part.add(to: &builder) } catch { return .failure(error) }
                }
            } else {
                // Small, or another connection saw another state: this connection reads them all.
                var part = TieRows()
                try part.read(db, sql: Self.tieRowsSQL, arguments: [], ids: ids)
                if let failure = part.failure { return .failure(failure) }
                do throws(NetworkError) { try part.add(to: &builder) } catch { return .failure(error) }
            }
            do {
                for interaction in try Self.loadInteractions(db) { try builder.add(interaction) }
                for introduction in try Self.loadIntroductions(db) { try builder.add(introduction) }
                return .success((try builder.freeze(reusing: ids), key))
            } catch let error as NetworkError {
                return .failure(error)
            }
        }
        switch result {
        case .success(let value): return value
        case .failure(let error): throw StoreError.corruptRow(table: "network", reason: error.description)
        }
    }

    /// Adds the people of every range to `builder`, in order, as each range arrives; false (with
    /// `builder` partly filled) when there are none or a range failed or saw another state.
    private static func add(
        _ chunks: [Pending<Result<[Person], any Error>?>], to builder: inout NetworkBuilder
    ) throws(NetworkError) -> Bool {
        guard !chunks.isEmpty else { return false }
        for chunk in chunks {
            guard case .success(let people)? = chunk.take() else { return false }
            for person in people { try builder.add(person) }
        }
        return true
    }

    /// The person table in `ranges` ranges of `seq`, each read on a connection of its own, started on
    /// the pool now; a range read at another content key than `key` (or failed) comes back `nil`.
    func readPeople(_ db: Database, key: String, ranges: Int) throws -> [Pending<Result<[Person], any Error>?>] {
        guard let row = try Row.fetchOne(db, sql: "SELECT min(seq), max(seq) FROM person"),
            let low = row[0] as Int?, let high = row[1] as Int?
        else { return [] }
        let step = (high - low) / ranges + 1
        let path = self.path
        return (0..<ranges).map { i in
            let range = (low + i * step)..<(low + (i + 1) * step)
            return WorkerPool.shared.async {
                Self.onConnectionOfItsOwn(path: path, key: key) { db in try Self.loadPeople(db, seq: range) }
            }
        }
    }

    /// `body` in a read transaction on a new read-only connection to the workspace at `path`, or
    /// `nil` when that transaction sees another content key than `key` (someone wrote meanwhile).
    static func onConnectionOfItsOwn<T>(path: String, key: String, _ body: (Database) throws -> T) -> Result<T, any Error>? {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        do {
            return try DatabaseQueue(path: path, configuration: configuration).read { db -> Result<T, any Error>? in
                guard try contentKey(db) == key else { return nil }
                return .success(try body(db))
            }
        } catch {
            return .failure(error)
        }
    }

    /// Below this many people the ties are read on the one connection.
    static let parallelLoadMinimum = 50_000

    /// The tie table read on two connections of its own, below and from `split` (`tieSplit`), each
    /// in a read transaction that must see the workspace at `key` (else `nil`: the caller reads
    /// serially); `read` reads the rows of one part's SQL and arguments.
    static func readTieHalves<Part>(
        path: String, key: String, split: String, _ read: (Database, String, StatementArguments) throws -> Part
    ) -> Result<[Part], any Error>? {
        let below = tieRowsSQL.replacingOccurrences(of: " ORDER BY", with: " WHERE person_low < ? ORDER BY")
        let from = tieRowsSQL.replacingOccurrences(of: " ORDER BY", with: " WHERE person_low >= ? ORDER BY")
        let parts = WorkerPool.shared.map([below, from]) { sql -> Result<Part, any Error>? in
            onConnectionOfItsOwn(path: path, key: key) { db in try read(db, sql, [split]) }
        }
        var halves: [Part] = []
        for part in parts {
            guard case .success(let result) = part, let result else { return nil }
            switch result {
            case .success(let rows): halves.append(rows)
            case .failure(let error): return .failure(error)
            }
        }
        return .success(halves)
    }

    /// Calls `body` with the bytes of column 0 of each row of `sql`, valid during the call.
    private static func forEachText(_ db: Database, sql: String, _ body: (UnsafeRawBufferPointer) -> Void) throws {
        var rows = try RowCursor(db, sql: sql)
        while try rows.next() { body(rows.text(0)) }
    }

    /// Ties read in key order as node pairs and attribute columns, ready for `NetworkBuilder`.
    struct TieRows: Sendable {
        var endpoints: [Int32] = []
        var kinds: [TieKind] = []
        var since: [Day?] = []
        var origins: [TieOrigin] = []
        /// A row naming a person who is not in `ids`.
        var failure: NetworkError?

        /// Appends the rows of `sql` (the columns of `tieRowsSQL`), resolving ids through `ids`.
        mutating func read(_ db: Database, sql: String, arguments: StatementArguments, ids: IdentifierTable) throws {
            var rows = try TieRowCursor(db, sql: sql, arguments: arguments)
            var previousLow: [UInt8] = [], previousLowIndex: Int32? = nil
            while try rows.next() {
                let low = rows.low, high = rows.high
                // Rows come in key order, so `person_low` repeats row after row: look it up once per run.
                if !low.elementsEqual(previousLow) {
                    previousLow = Array(low)
                    previousLowIndex = ids.index(of: low)
                }
                guard let lowIndex = previousLowIndex else {
                    failure = .unknownPerson(String(decoding: low, as: UTF8.self))
                    return
                }
                guard let highIndex = ids.index(of: high) else {
                    failure = .unknownPerson(String(decoding: high, as: UTF8.self))
                    return
                }
                let (first, second) = rows.declaredLowFirst ? (lowIndex, highIndex) : (highIndex, lowIndex)
                endpoints.append(first)
                endpoints.append(second)
                kinds.append(try rows.kind())
                since.append(try rows.since())
                origins.append(try rows.origin())
            }
        }

        /// Adds the ties to `builder`, in order (distinct: the table's key is the pair).
        func add(to builder: inout NetworkBuilder) throws(NetworkError) {
            for t in kinds.indices {
                try builder.addDistinctTie(endpoints[2 * t], endpoints[2 * t + 1], kind: kinds[t], since: since[t], origin: origins[t])
            }
        }
    }

    /// The bytes of text column `column` of the current row, valid until the next step.
    static func text(_ handle: OpaquePointer, _ column: Int32) -> UnsafeRawBufferPointer {
        guard let bytes = sqlite3_column_text(handle, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column)))
    }
}
