import GRDB
import Rapport

/// What a cache of the network needs to follow a small write instead of reading everything again
/// (`Session` brings the snapshot file up to date with `NetworkSnapshot.applying`).
extension Workspace {
    /// The largest interaction row id, 0 when there is none.
    static func lastInteractionID(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM interaction") ?? 0
    }

    /// What a write stored, read back in one transaction: the interactions after row `id` (in the
    /// order written) and the people with `ids` (in the order first written; unknown ids are left
    /// out), with the `contentKey()` of that read, so a caller that wrote them knows whether anyone
    /// wrote after it.
    /// - Complexity: O(log rows + rows returned).
    public func rowsWritten(interactionsAfter id: Int64, people ids: [String]) throws(StoreError) -> (rows: NetworkData, contentKey: String?) {
        try read { db in
            var rows = NetworkData(interactions: try Self.loadInteractionRows(db, after: id).map(\.interaction))
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(start + 500, ids.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                rows.people += try Self.loadPeople(db, where: "WHERE id IN (\(marks))", arguments: StatementArguments(chunk))
            }
            return (rows, try Self.contentKey(db))
        }
    }

    /// Whether the tie table holds a tie between the two people (in either order).
    /// - Complexity: O(log ties): one probe of the table's key.
    public func storesTie(_ a: String, _ b: String) throws(StoreError) -> Bool {
        let pair = TiePair(a, b)
        return try read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM tie WHERE person_low = ? AND person_high = ?)",
                arguments: [pair.low, pair.high]) ?? false
        }
    }
}
