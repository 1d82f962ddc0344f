import Foundation
import GRDB
import Rapport

extension Workspace {
    /// Every target's current pipeline entry, in no particular order.
    /// - Throws: `StoreError.corruptRow` for an unknown stage or a bad date.
    /// - Complexity: O(entries).
    public func loadPipeline() throws(StoreError) -> [PipelineEntry] {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT person, stage, since, note FROM pipeline ORDER BY person")
            var entries: [PipelineEntry] = []
            while let row = try rows.next() { entries.append(try Self.entry(row)) }
            return entries
        }
    }

    /// One person's pipeline entry, `nil` when they are not in the pipeline.
    public func pipelineEntry(personID: String) throws(StoreError) -> PipelineEntry? {
        try read { db in
            try Row.fetchOne(
                db, sql: "SELECT person, stage, since, note FROM pipeline WHERE person = ?", arguments: [personID]
            )
            .map(Self.entry)
        }
    }

    /// The stage changes of one person, oldest first.
    /// - Complexity: O(log n + changes).
    public func pipelineHistory(personID: String) throws(StoreError) -> [PipelineTransition] {
        try read { db in
            let rows = try Row.fetchCursor(
                db,
                sql:
                    "SELECT person, from_stage, to_stage, date, note, source FROM pipeline_history WHERE person = ? ORDER BY id",
                arguments: [personID])
            var result: [PipelineTransition] = []
            while let row = try rows.next() {
                let from: String? = row[1]
                guard let date = try Coding.day(row[3]) else {
                    throw StoreError.corruptRow(table: "pipeline_history", reason: "no date")
                }
                result.append(
                    PipelineTransition(
                        personID: row[0], from: try from.map { try Coding.value($0, table: "pipeline_history") },
                        to: try Coding.value(row[2], table: "pipeline_history"), date: date, note: row[4],
                        source: try Coding.value(row[5], table: "pipeline_history")))
            }
            return result
        }
    }

    /// Asks to move a person to `stage`, under the rules of `Pipeline.transition`: an explicit move
    /// goes anywhere, an implied one (from `log` or `intro`) only forward. Reads the current entry and
    /// writes the change and its history row in one transaction.
    ///
    /// - Returns: the transition made, or `nil` when nothing changed.
    /// - Throws: `StoreError` (an unknown person fails the foreign key).
    /// - Complexity: O(log n).
    @discardableResult
    public func moveInPipeline(
        personID: String, to stage: PipelineStage, on date: Day, note: String = "", source: PipelineSource
    ) throws(StoreError) -> PipelineTransition? {
        try write(changesNetwork: false) { db in
            let current = try Row.fetchOne(
                db, sql: "SELECT person, stage, since, note FROM pipeline WHERE person = ?", arguments: [personID]
            ).map(Self.entry)
            guard
                let change = Pipeline.transition(
                    from: current, personID: personID, to: stage, on: date, note: note, source: source)
            else { return nil }
            let entry = Pipeline.entry(after: change, replacing: current)
            try db.execute(
                sql: """
                    INSERT INTO pipeline (person, stage, since, note) VALUES (?, ?, ?, ?)
                    ON CONFLICT(person) DO UPDATE SET stage = excluded.stage, since = excluded.since, note = excluded.note
                    """,
                arguments: [entry.personID, entry.stage.rawValue, entry.since.iso, entry.note])
            try db.execute(
                sql:
                    "INSERT INTO pipeline_history (person, from_stage, to_stage, date, note, source) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    change.personID, change.from?.rawValue, change.to.rawValue, change.date.iso, change.note,
                    change.source.rawValue,
                ])
            return change
        }
    }

    private static func entry(_ row: Row) throws -> PipelineEntry {
        guard let since = try Coding.day(row[2]) else {
            throw StoreError.corruptRow(table: "pipeline", reason: "no date")
        }
        return PipelineEntry(
            personID: row[0], stage: try Coding.value(row[1], table: "pipeline"), since: since, note: row[3])
    }
}
