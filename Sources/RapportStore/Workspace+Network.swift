import Foundation
import GRDB
import GRDBSQLite
import Rapport

/// What one write added or changed.
public struct WriteCounts: Sendable, Equatable {
    public var people = 0
    public var ties = 0
    public var interactions = 0
    public var introductions = 0
    /// The workspace's `contentKey()` just before the write and just after it, both `nil` for a
    /// workspace not written before (its first write gives it its identity). A cache of the network
    /// as it was before can be brought up to `contentKeyAfter` (`NetworkSnapshot.applying`).
    public var contentKeyBefore: String?
    public var contentKeyAfter: String?
    /// The largest interaction row id just before the write (0 for none): the interactions it
    /// stored are those after it (`rowsWritten(interactionsAfter:people:)`).
    public var lastInteractionBefore: Int64 = 0
    public init() {}
}

extension Workspace {
    /// Reads the whole network, in the order it was first written.
    ///
    /// From `parallelLoadMinimum` people up, as `loadSnapshot` does: the people in ranges of `seq`
    /// and the ties in two key ranges, each on a read-only connection of its own that must see the
    /// same content key as this one, while this connection reads the interactions and the
    /// introductions. A part that saw another state (someone wrote meanwhile) is read again here.
    /// - Complexity: O(rows), on up to three threads.
    public func loadNetwork() throws(StoreError) -> NetworkData {
        try loadNetwork(parallelFrom: Self.parallelLoadMinimum)
    }

    /// `loadNetwork()` without the ties (`ties` empty): for a merge that adds no tie, such as an
    /// import of people alone, which otherwise reads ten million ties at a million people to
    /// leave them as they are (4 of its 5 seconds of reading).
    /// - Complexity: O(people + interactions + introductions).
    public func loadNetworkWithoutTies() throws(StoreError) -> NetworkData {
        try loadNetwork(parallelFrom: Self.parallelLoadMinimum, ties: false)
    }

    /// `loadNetwork()` with the parallel reads from `parallelFrom` people up (tests lower it), and
    /// the ties only when `ties`.
    func loadNetwork(parallelFrom: Int, ties withTies: Bool = true) throws(StoreError) -> NetworkData {
        try read { db in
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? 0
            guard count >= parallelFrom, let key = try Self.contentKey(db) else {
                return try Self.loadNetwork(db, ties: withTies)
            }
            let peopleRanges = try self.readPeople(db, key: key, ranges: 8)
            let path = self.path
            let tieHalves = try (withTies ? Self.tieSplit(db, personCount: count) : nil).map { split in
                WorkerPool.shared.async {
                    Self.readTieHalves(path: path, key: key, split: split) { db, sql, arguments in
                        try Self.loadTies(db, sql: sql, arguments: arguments)
                    }
                }
            }
            let interactions = try Self.loadInteractions(db)
            let introductions = try Self.loadIntroductions(db)
            var people: [Person] = []
            people.reserveCapacity(count)
            for range in peopleRanges {
                guard case .success(let part)? = range.take() else {
                    people = try Self.loadPeople(db)
                    break
                }
                people += part
            }
            let ties: [Tie]
            if case .success(var halves)? = tieHalves?.take() {
                // Moved out of `halves`, so the first grows in place instead of being copied.
                var first = halves.removeFirst()
                first += halves.removeFirst()
                ties = first
            } else {
                ties = withTies ? try Self.loadTies(db) : []
            }
            return NetworkData(people: people, ties: ties, interactions: interactions, introductions: introductions)
        }
    }

    /// The id that cuts the tie table, in key order, into two parts of about the same size: the
    /// table is keyed by the pair's smaller id, and for pairs drawn evenly that id's rank has density
    /// 2(1 − x), median at 1 − 1/√2 ≈ 0.29 of the ids in byte order. The split only balances the two
    /// readers: any key gives the same rows. `nil` when there are too few people to split.
    /// - Complexity: O(log people + personCount · 0.29) index steps (16 ms at 1M).
    static func tieSplit(_ db: Database, personCount: Int) throws -> String? {
        guard personCount >= 8 else { return nil }
        return try String.fetchOne(
            db, sql: "SELECT id FROM person ORDER BY id LIMIT 1 OFFSET ?",
            arguments: [Int(Double(personCount) * (1 - 1 / 2.0.squareRoot()))])
    }

    private static func loadNetwork(_ db: Database, ties: Bool = true) throws -> NetworkData {
        NetworkData(
            people: try loadPeople(db), ties: ties ? try loadTies(db) : [], interactions: try loadInteractions(db),
            introductions: try loadIntroductions(db))
    }

    /// Every person in the order first written; with `seq`, those whose `seq` is in the range.
    static func loadPeople(_ db: Database, seq: Range<Int>? = nil) throws -> [Person] {
        try loadPeople(
            db, where: seq == nil ? "" : "WHERE seq >= ? AND seq < ?", arguments: seq.map { [$0.lowerBound, $0.upperBound] } ?? [])
    }

    /// The people of `filter` (a `WHERE` clause, or empty), in the order first written.
    static func loadPeople(_ db: Database, where filter: String, arguments: StatementArguments) throws -> [Person] {
        var result: [Person] = []
        let people = try Row.fetchCursor(db, sql: """
            SELECT id, first_name, last_name, emails, profile_url, organization, title, sectors, schools,
                   location, tags, notes, past_organizations FROM person
            """ + " \(filter) ORDER BY seq",
            arguments: arguments)
        while let row = try people.next() {
            result.append(
                Person(
                    id: row[0], firstName: row[1], lastName: row[2], emails: try Coding.list(row[3]),
                    profileURL: row[4], organization: row[5], title: row[6], sectors: try Coding.list(row[7]),
                    schools: try Coding.list(row[8]), location: row[9], tags: try Coding.list(row[10]),
                    notes: try Coding.list(row[11]), pastOrganizations: try Coding.list(row[12])))
        }
        return result
    }

    /// Every tie in key order, columns 0–5: low id, high id, `person_a` (the declared orientation),
    /// kind, since, origin. Both readers of the table (`Tie` values here, `loadSnapshot`'s bulk
    /// path) use it.
    static let tieRowsSQL = "SELECT person_low, person_high, person_a, kind, since, origin FROM tie ORDER BY person_low, person_high"

    /// Every tie as a `Tie`, read through SQLite's C API: a GRDB `Row` per tie and an enum
    /// parsed from a `String` cost about 10 s for the ten million ties a re-import reads back.
    /// `person_low` repeats row after row (key order), so its `String` is made once per run.
    /// - Complexity: O(ties).
    private static func loadTies(_ db: Database, sql: String = tieRowsSQL, arguments: StatementArguments = []) throws -> [Tie] {
        var result: [Tie] = []
        if arguments.isEmpty { result.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM tie") ?? 0) }
        var rows = try TieRowCursor(db, sql: sql, arguments: arguments)
        var low = ""
        while try rows.next() {
            if !low.utf8.elementsEqual(rows.low) { low = String(decoding: rows.low, as: UTF8.self) }
            let high = String(decoding: rows.high, as: UTF8.self)
            let (a, b) = rows.declaredLowFirst ? (low, high) : (high, low)
            result.append(Tie(a, b, kind: try rows.kind(), since: try rows.since(), origin: try rows.origin()))
        }
        return result
    }

    static func loadInteractions(_ db: Database) throws -> [Interaction] {
        try loadInteractionRows(db).map(\.interaction)
    }

    /// Every interaction with its row id, in id order (the order they were written); with `after`,
    /// only those of a larger row id.
    static func loadInteractionRows(_ db: Database, after: Int64 = 0) throws -> [(id: Int64, interaction: Interaction)] {
        var result: [(id: Int64, interaction: Interaction)] = []
        let interactions = try Row.fetchCursor(db, sql: """
            SELECT date, person, with_id, kind, one_on_one, minutes, rapport, initiated_by, notes, source, source_key,
                   words, id
            FROM interaction WHERE id > ? ORDER BY id
            """, arguments: [after])
        while let row = try interactions.next() {
            guard let date = try Coding.day(row[0]) else { throw StoreError.corruptRow(table: "interaction", reason: "no date") }
            let initiator: String? = row[7]
            let interaction = Interaction(
                date: date, personID: row[1], withID: row[2], kind: try Coding.value(row[3], table: "interaction"),
                isOneOnOne: row[4], minutes: row[5], rapport: row[6],
                initiatedBy: try initiator.map { try Coding.value($0, table: "interaction") }, notes: row[8],
                source: try Coding.value(row[9], table: "interaction"), sourceKey: row[10], words: row[11])
            result.append((row[12], interaction))
        }
        return result
    }

    static func loadIntroductions(_ db: Database) throws -> [Introduction] {
        var result: [Introduction] = []
        let introductions = try Row.fetchCursor(db, sql: "SELECT date, introducer, person, to_id, status FROM introduction ORDER BY introducer, person, to_id")
        while let row = try introductions.next() {
            result.append(
                Introduction(
                    date: try Coding.day(row[0]), introducerID: row[1], personID: row[2], toID: row[3],
                    status: try Coding.value(row[4], table: "introduction")))
        }
        return result
    }

    /// Writes people, ties, interactions and introductions in one transaction: inserts new rows and
    /// replaces existing ones with the same key. On any error nothing is written.
    ///
    /// Every person a tie, interaction or introduction names must be among `people` or already
    /// stored, else the write fails as a foreign key would (SQLITE_CONSTRAINT, "FOREIGN KEY
    /// constraint failed"). The check runs once per distinct id rather than SQLite's two index
    /// probes per row, which were more than half of a ten-million-tie import.
    ///
    /// An interaction whose `(source, sourceKey)` is already stored is skipped (the count says how
    /// many were written); interactions without a key never collide.
    ///
    /// Ties are written in key order (ids interned and radix-sorted by rank), people and ties 64
    /// rows per statement run, text bound without SQLite copies; see `TiePlan`, `BulkStatement`.
    ///
    /// - Parameters:
    ///   - log: a line for the import log (file names and summary), or `nil`.
    /// - Complexity: O(rows · log(table size)).
    @discardableResult
    public func apply(
        people: [Person], ties: [Tie], interactions: [Interaction], introductions: [Introduction],
        log: (files: [String], summary: String)? = nil
    ) throws(StoreError) -> WriteCounts {
        try write(people: people, later: .ready(LaterRows(people: people, ties: ties, interactions: interactions, introductions: introductions, log: log)), snapshotPath: nil).counts
    }

    /// `apply`, and, when the workspace held no tie before the write, the snapshot file of the
    /// network it holds after it, saved at `snapshotPath` under the write's `contentKeyAfter`
    /// without reading the workspace back: drafted from the written rows (`SnapshotDraft`) on the
    /// pool while SQLite writes, and renamed into place only once the transaction has committed.
    /// - Returns: what was written, and whether the file was saved (false for a workspace that
    ///   held ties, repeated people, or a file that could not be written: the caller rebuilds).
    public func applySavingSnapshot(
        people: [Person], ties: [Tie], interactions: [Interaction], introductions: [Introduction],
        log: (files: [String], summary: String)? = nil, snapshotPath: String
    ) throws(StoreError) -> (counts: WriteCounts, snapshotSaved: Bool) {
        try write(
            people: people,
            later: .ready(LaterRows(people: people, ties: ties, interactions: interactions, introductions: introductions, log: log)),
            snapshotPath: snapshotPath)
    }

    /// Where a write finds what it stores after its people: given with them, or handed over by the
    /// caller of a `StagedWrite` while SQLite writes the people.
    enum Later {
        case ready(LaterRows)
        case staged(StagedWrite)

        /// The rows, once there; `nil` when the staged write was cancelled.
        func rows() -> LaterRows? {
            switch self {
            case .ready(let rows): rows
            case .staged(let staged): staged.waitForRows()
            }
        }
    }

    /// The one transaction of `apply`, `applySavingSnapshot` and `StagedWrite`: the people, then
    /// what `later` brings (ties, interactions, introductions, the log line), then the commit.
    func write(people: [Person], later: Later, snapshotPath: String?) throws(StoreError)
        -> (counts: WriteCounts, snapshotSaved: Bool)
    {
        let ready: LaterRows? = if case .ready(let rows) = later { rows } else { nil }
        let staged = ready == nil
        // People in key order too (String `<` is only close to SQLite's byte order outside
        // ASCII; the order only has to be good for the B-tree, not exact, and it is several times
        // faster than comparing bytes); `seq` still records the order the caller gave.
        let personOrder = people.indices.sorted { people[$0].id < people[$1].id }
        // A second row with the same id updates a row the bulk path has not indexed yet: its
        // 'delete' would name index entries that do not exist, which FTS5 documents as able to
        // corrupt a contentless index. Such a write indexes by trigger.
        let distinct = zip(personOrder, personOrder.dropFirst()).allSatisfy { people[$0].id != people[$1].id }

        var timing = PhaseTimer(indent: 2)
        // A write of no rows (a re-import that found nothing new, with its log line) leaves the
        // network as it was, and its key with it: caches of it stay current. (A staged write has people.)
        let changesNetwork = !people.isEmpty || ready.map { $0.hasTies || !($0.interactions.isEmpty && $0.introductions.isEmpty) } ?? true
        // The drafted snapshot, frozen and written beside the workspace under a temporary name.
        var finishing: Pending<UnpublishedSnapshotFile?>?
        var finished = false
        // A failed write leaves no file: the temporary one goes once it is written.
        defer { if let finishing, !finished { finishing.take()?.discard() } }
        let counts = try writeCheckingReferences(changesNetwork: changesNetwork) { db in
            var counts = WriteCounts()
            let keys = try Self.contentKeys(db)
            (counts.contentKeyBefore, counts.contentKeyAfter) = (keys.now, changesNetwork ? keys.afterThisWrite : keys.now)
            counts.lastInteractionBefore = try Self.lastInteractionID(db)
            let seq = try Int.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM person") ?? 0
            // The draft's people on a pool thread meanwhile (the plan takes the other); for a staged
            // write, once the caller has handed the rest over (its merge is at its peak before).
            var draftingPeople: Pending<SnapshotDraft?>?
            var draftStored: [Person]?
            if snapshotPath != nil, distinct, try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM tie)") == true {
                draftStored = seq == 0 ? [] : try Self.loadPeople(db)
            }
            func startDraft() {
                guard let stored = draftStored else { return }
                draftingPeople = WorkerPool.shared.async { SnapshotDraft.people(stored: stored, written: people) }
            }
            if !staged { startDraft() }
            // A staged write's people are written while its caller merges (at its memory peak):
            // their B-trees grow at the right edge and need little cache, the ties need the 256 MB.
            if staged { try db.execute(sql: "PRAGMA cache_size = -32768") }
            // Back to the connection's 256 MB however the write ends (it may be used again).
            defer { if staged { try? db.execute(sql: Workspace.pageCache) } }
            // In key order, so each B-tree grows at its right edge instead of splitting pages all over.
            try indexingPeople(db, count: distinct ? people.count : 0, seqAbove: seq) {
                try BulkStatement.insert(
                    db, path: path,
                    head: """
                        INSERT INTO person (id, first_name, last_name, emails, profile_url, organization, title, sectors,
                                            schools, location, tags, notes, past_organizations, seq)
                        """,
                    columns: 14,
                    tail: """
                        ON CONFLICT(id) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name,
                            emails = excluded.emails, profile_url = excluded.profile_url, organization = excluded.organization,
                            title = excluded.title, sectors = excluded.sectors, schools = excluded.schools,
                            location = excluded.location, tags = excluded.tags, notes = excluded.notes,
                            past_organizations = excluded.past_organizations
                        WHERE first_name IS NOT excluded.first_name OR last_name IS NOT excluded.last_name
                            OR emails IS NOT excluded.emails OR profile_url IS NOT excluded.profile_url
                            OR organization IS NOT excluded.organization OR title IS NOT excluded.title
                            OR sectors IS NOT excluded.sectors OR schools IS NOT excluded.schools
                            OR location IS NOT excluded.location OR tags IS NOT excluded.tags OR notes IS NOT excluded.notes
                            OR past_organizations IS NOT excluded.past_organizations
                        """,
                    count: people.count
                ) { upsertPerson, i in
                    let offset = personOrder[i]
                    let p = people[offset]
                    upsertPerson.bind(p.id)
                    upsertPerson.bind(p.firstName)
                    upsertPerson.bind(p.lastName)
                    upsertPerson.bind(Coding.text(p.emails))
                    upsertPerson.bind(p.profileURL)
                    upsertPerson.bind(p.organization)
                    upsertPerson.bind(p.title)
                    upsertPerson.bind(Coding.text(p.sectors))
                    upsertPerson.bind(Coding.text(p.schools))
                    upsertPerson.bind(p.location)
                    upsertPerson.bind(Coding.text(p.tags))
                    upsertPerson.bind(Coding.text(p.notes))
                    upsertPerson.bind(Coding.text(p.pastOrganizations))
                    upsertPerson.bind(seq + offset + 1)
                }
            }
            counts.people = people.count
            timing.mark("people")
            guard let laterRows = later.rows() else { throw StagedWrite.Cancelled() }
            if staged {
                try db.execute(sql: Workspace.pageCache)
                startDraft()
            }
            let (interactions, introductions, log) = (laterRows.interactions, laterRows.introductions, laterRows.log)
            let plan = laterRows.plan.value()
            timing.mark("tie plan wait")
            let draftingTies = draftingPeople.map { pending in WorkerPool.shared.async { pending.take()?.addingTies(of: plan) } }
            let (ids, sortedIDs, rows, rankBits) = (plan.ids, plan.sortedIDs, plan.rows, plan.sortedIDs.rankBits)
            try checkReferences(ids, written: people, db)
            var insertInteraction = try BulkStatement(db, sql: """
                INSERT INTO interaction (date, person, with_id, kind, one_on_one, minutes, rapport, initiated_by, notes,
                                         source, source_key, words)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, source_key) DO NOTHING
                """, path: path)
            for i in interactions {
                insertInteraction.bind(i.date)
                insertInteraction.bind(i.personID)
                insertInteraction.bind(i.withID)
                insertInteraction.bind(i.kind.rawValue)
                insertInteraction.bind(i.isOneOnOne)
                insertInteraction.bind(i.minutes)
                insertInteraction.bind(i.rapport)
                insertInteraction.bind(i.initiatedBy?.rawValue)
                insertInteraction.bind(i.notes)
                insertInteraction.bind(i.source.rawValue)
                insertInteraction.bind(i.sourceKey)
                insertInteraction.bind(i.words)
                counts.interactions += try insertInteraction.step()
            }
            let introSeq = try Int.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM introduction") ?? 0
            var upsertIntroduction = try BulkStatement(db, sql: """
                INSERT INTO introduction (introducer, person, to_id, date, status, seq) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(introducer, person, to_id) DO UPDATE SET date = excluded.date, status = excluded.status
                    WHERE date IS NOT excluded.date OR status IS NOT excluded.status
                """, path: path)
            for (offset, i) in introductions.enumerated() {
                upsertIntroduction.bind(i.introducerID)
                upsertIntroduction.bind(i.personID)
                upsertIntroduction.bind(i.toID)
                upsertIntroduction.bind(i.date)
                upsertIntroduction.bind(i.status.rawValue)
                upsertIntroduction.bind(introSeq + offset + 1)
                try upsertIntroduction.step()
                counts.introductions += 1
            }
            timing.mark("others")
            // The small tables are written before the ties, so that a drafted snapshot can be
            // finished (read back, frozen, saved to a temporary file) on a pool thread while SQLite
            // writes ten million ties; it is published once the transaction has committed.
            if let draftingTies, let snapshotPath, let key = counts.contentKeyAfter {
                let evidence = (try Self.loadInteractions(db), try Self.loadIntroductions(db))
                finishing = WorkerPool.shared.async {
                    guard var draft = draftingTies.take() else { return nil }
                    (draft.interactions, draft.introductions) = evidence
                    return try? draft.freeze()?.writeUnpublished(toFile: snapshotPath, key: key)
                }
            }
            // The tie table has no index on `seq`: its maximum is a scan of ten million rows at 1M
            // people, so a write without ties (a logged coffee) does not ask.
            let tieSeq = rows.isEmpty ? 0 : try Int.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM tie") ?? 0
            let kinds = PinnedStrings(TieKind.byColumnCode.map(\.rawValue))
            let origins = PinnedStrings(TieOrigin.byColumnCode.map(\.rawValue))
            let highMask = UInt64(1) << rankBits - 1
            try sortedIDs.bytes.withUnsafeBufferPointer { bytes in
                try sortedIDs.starts.withUnsafeBufferPointer { starts in
                    func id(_ rank: UInt64) -> UnsafeBufferPointer<UInt8> {
                        UnsafeBufferPointer(rebasing: bytes[starts[Int(rank)]..<starts[Int(rank) + 1]])
                    }
                    try BulkStatement.insert(
                        db, path: path, head: "INSERT INTO tie (person_low, person_high, person_a, kind, since, origin, seq)",
                        columns: 7,
                        tail: """
                            ON CONFLICT(person_low, person_high) DO UPDATE SET kind = excluded.kind, since = excluded.since,
                                origin = excluded.origin
                            WHERE kind IS NOT excluded.kind OR since IS NOT excluded.since OR origin IS NOT excluded.origin
                            """,
                        count: rows.count
                    ) { upsertTie, i in
                        let row = rows[i]
                        let (low, high) = (row.key >> rankBits, row.key & highMask)
                        upsertTie.bind(utf8: id(low))
                        upsertTie.bind(utf8: id(high))
                        upsertTie.bind(utf8: id(row.aIsLow ? low : high))
                        upsertTie.bind(utf8: kinds[Int(row.kind)])
                        upsertTie.bind(row.hasSince ? Day(ordinal: row.since) : nil)
                        upsertTie.bind(utf8: origins[Int(row.origin)])
                        upsertTie.bind(tieSeq + Int(row.position) + 1)
                    }
                    counts.ties = rows.count
                }
            }
            timing.mark("ties")
            if let log {
                try db.execute(
                    sql: "INSERT INTO import_log (at, files, summary) VALUES (datetime('now'), ?, ?)",
                    arguments: [Coding.text(log.files), log.summary])
            }
            return counts
        }
        timing.mark("commit")
        finished = true
        guard let file = finishing?.take() else { return (counts, false) }
        timing.mark("snapshot wait")
        return (counts, file.publish())
    }

    /// Runs `insertPeople` (which writes `count` people with distinct ids, the new ones numbered
    /// above `seqAbove`) so that the search index learns of them: for a bulk write, in one
    /// statement after the rows (`SearchIndex.withBulkInsert`); for a few people, through the
    /// insert trigger, which costs less than dropping and re-creating it.
    private func indexingPeople(_ db: Database, count: Int, seqAbove: Int, _ insertPeople: () throws -> Void) throws {
        if count >= Self.bulkIndexThreshold {
            try SearchIndex.withBulkInsert(db, seqAbove: seqAbove, insertPeople)
        } else {
            try insertPeople()
        }
    }

    /// From this many people on, a write fills the search index in one statement.
    static let bulkIndexThreshold = 1000

    /// Fails, as the foreign keys would, unless every id in `ids` is a person of `written` or one
    /// already stored. Runs inside `writeCheckingReferences`, after the people are written.
    /// - Complexity: O(distinct ids), plus one index probe per id not in `written`.
    private func checkReferences(_ ids: IDTable, written people: [Person], _ db: Database) throws {
        var known = [Bool](repeating: false, count: ids.count)
        for p in people { if let slot = ids.slot(of: p.id) { known[Int(slot)] = true } }
        var stored = try BulkStatement(db, sql: "SELECT 1 FROM person WHERE id = ?", path: path)
        for slot in known.indices where !known[slot] {
            stored.bind(ids.id(UInt32(slot)))
            guard try stored.exists() else {
                throw StoreError.database(
                    path: path, code: SQLITE_CONSTRAINT, message: "FOREIGN KEY constraint failed")
            }
        }
    }

    /// The number of people, ties, interactions and introductions stored.
    public func counts() throws(StoreError) -> WriteCounts {
        try read { db in
            var c = WriteCounts()
            c.people = try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? 0
            c.ties = try Int.fetchOne(db, sql: "SELECT count(*) FROM tie") ?? 0
            c.interactions = try Int.fetchOne(db, sql: "SELECT count(*) FROM interaction") ?? 0
            c.introductions = try Int.fetchOne(db, sql: "SELECT count(*) FROM introduction") ?? 0
            return c
        }
    }
}

/// Column encodings: lists as JSON arrays, dates as `YYYY-MM-DD`, enums by raw value.
enum Coding {
    /// A JSON array of strings. Hand-written: JSONEncoder costs ~25 s per million people.
    static func text(_ list: [String]) -> String {
        if list.isEmpty { return "[]" }
        var out = "["
        for (i, item) in list.enumerated() {
            if i > 0 { out += "," }
            out += "\""
            for scalar in item.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            out += "\""
        }
        return out + "]"
    }

    /// Reads what `text(_:)` wrote (and any JSON array of strings).
    static func list(_ text: String?) throws -> [String] {
        guard let text, text != "[]", !text.isEmpty else { return [] }
        if let simple = simpleList(text) { return simple }
        let bad = StoreError.corruptRow(table: "person", reason: "a list column is not a JSON array of strings")
        var scalars = text.unicodeScalars.makeIterator()
        guard scalars.next() == "[" else { throw bad }
        var result: [String] = []
        while true {
            guard let open = scalars.next() else { throw bad }
            if open == "]" && result.isEmpty { return result }
            guard open == "\"" else { throw bad }
            var item = String.UnicodeScalarView()
            loop: while true {
                guard let c = scalars.next() else { throw bad }
                switch c {
                case "\"": break loop
                case "\\":
                    guard let e = scalars.next() else { throw bad }
                    switch e {
                    case "n": item.append("\n")
                    case "r": item.append("\r")
                    case "t": item.append("\t")
                    case "b": item.append("\u{08}")
                    case "f": item.append("\u{0C}")
                    case "u":
                        var hex = ""
                        for _ in 0..<4 { guard let h = scalars.next() else { throw bad }; hex.unicodeScalars.append(h) }
                        guard let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) else { throw bad }
                        item.append(u)
                    default: item.append(e)
                    }
                default: item.append(c)
                }
            }
            result.append(String(item))
            guard let next = scalars.next() else { throw bad }
            if next == "]" { return result }
            guard next == "," else { throw bad }
        }
    }

    /// `["a","b"]` without a backslash anywhere: no item holds a quote or an escape, so the items
    /// are exactly the pieces between `","`. Most rows look like this, and splitting bytes is many
    /// times faster than decoding scalar by scalar. `nil` for anything else.
    private static func simpleList(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { b -> [String]? in
            let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
            let end = b.count - 2  // the inner text is b[2..<end]
            guard end >= 2, b[0] == UInt8(ascii: "["), b[1] == quote, b[end] == quote, b[end + 1] == UInt8(ascii: "]")
            else { return nil }
            var items: [String] = []
            var start = 2, i = 2
            while i < end {
                switch b[i] {
                case UInt8(ascii: "\\"): return nil
                case quote:
                    guard i + 2 < end, b[i + 1] == comma, b[i + 2] == quote else { return nil }
                    items.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self))
                    i += 3
                    start = i
                default: i += 1
                }
            }
            items.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self))
            return items
        }
    }

    static func day(_ text: String?) throws -> Day? {
        guard let text, !text.isEmpty else { return nil }
        guard let day = Day(iso: text) else { throw StoreError.corruptRow(table: "date", reason: "not YYYY-MM-DD") }
        return day
    }

    static func value<T: RawRepresentable>(_ text: String, table: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: text) else { throw StoreError.corruptRow(table: table, reason: "unknown value '\(text)'") }
        return value
    }
}
