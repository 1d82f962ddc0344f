import GRDB
import Rapport

/// What a cache of the network needs to follow a small write instead of reading everything again
/// (`Session` brings the snapshot file up to date with `NetworkSnapshot.applying`).
extension Workspace {
    /// The largest interaction row id, 0 when there is none.
    public func lastInteractionID() throws(StoreError) -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM interaction") ?? 0 }
    }

    /// The interactions written after row `id`, in the order they were written, with the
    /// `contentKey()` of the same read: a caller that wrote them knows from it whether anyone
    /// wrote after it.
    /// - Complexity: O(log rows + returned rows).
    public func interactions(after id: Int64) throws(StoreError) -> (interactions: [Interaction], contentKey: String?) {
        try read { db in (try Self.loadInteractionRows(db, after: id).map(\.interaction), try Self.contentKey(db)) }
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
