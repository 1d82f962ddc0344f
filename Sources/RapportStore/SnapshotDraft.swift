import Rapport

/// The network a workspace holds after a bulk write, built from the rows the write stores instead of
/// read back from SQLite once it has committed (`Workspace.applySavingSnapshot`).
///
/// Reading a million people and ten million ties back was a fifth of a first import at 1M (14 of
/// 61 CPU seconds, measured with `RAPPORT_TIMING=1`), and it ran after the write. A draft is built
/// on pool threads while SQLite writes, from what the write binds: the people in the order their
/// rows get `seq`, and the ties from the write's own key-sorted `TiePlan` rows. Interactions and
/// introductions are read back inside the write's transaction (they are few, and an import skips
/// interactions it already has); the write stores them before the ties, so the draft is frozen
/// and saved while the ties are written.
///
/// It only stands in for a read when the workspace held no tie before the write: then the tie
/// table afterwards is exactly the plan's rows, one per pair, with the declared orientation of the
/// first row of each pair (an upsert leaves `person_a` alone) and the kind, date and origin of the
/// last. `IncrementalSnapshotTests` checks the saved file against `Workspace.loadSnapshot()`.
struct SnapshotDraft: Sendable {
    private var builder: NetworkBuilder
    private var ids: IdentifierTable
    /// The workspace's interactions (in row id order) and introductions (in key order) after the
    /// write, as a rebuild reads them.
    var interactions: [Interaction] = []
    var introductions: [Introduction] = []
    private static let kinds = TieKind.byColumnCode
    private static let origins = TieOrigin.byColumnCode

    /// A draft holding the people of the workspace after a write of `people` into one that held
    /// `stored` (in `seq` order): stored people keep their place, with the written values when the
    /// write names them; new people follow in the order written. `nil` when the ids repeat.
    static func people(stored: [Person], written: [Person]) -> SnapshotDraft? {
        // The stored people are few next to a bulk write's (the user of `rapport init`): look the
        // written ones up among them, not the other way round.
        var storedRow: [String: Int] = [:]
        for (i, p) in stored.enumerated() { storedRow[p.id] = i }
        var rows = stored
        var isStored = [Bool](repeating: false, count: written.count)
        if !storedRow.isEmpty {
            for (i, p) in written.enumerated() {
                guard let row = storedRow[p.id] else { continue }
                rows[row] = p
                isStored[i] = true
            }
        }
        var builder = NetworkBuilder()
        var ids = IdentifierTable()
        do {
            for p in rows {
                try builder.add(p)
                ids.append(p.id)
            }
            for (i, p) in written.enumerated() where !isStored[i] {
                try builder.add(p)
                ids.append(p.id)
            }
            try ids.build()
        } catch {
            return nil
        }
        return SnapshotDraft(builder: builder, ids: ids)
    }

    /// Adds the ties of `plan` as the tie table holds them after the write, when it held none
    /// before; `nil` when a tie names someone not among the people (the write fails then too).
    func addingTies(of plan: TiePlan) -> SnapshotDraft? {
        var draft = self
        let sorted = plan.sortedIDs
        // Node of each rank; -1 for ids that are not people (interactions' and introductions'
        // references that the write's reference check refuses).
        let nodeOfRank: [Int32] = sorted.bytes.withUnsafeBytes { bytes in
            (0..<sorted.starts.count - 1).map { r in
                ids.index(of: UnsafeRawBufferPointer(rebasing: bytes[sorted.starts[r]..<sorted.starts[r + 1]])) ?? -1
            }
        }
        let bits = sorted.rankBits, mask = UInt64(1) << bits - 1
        let rows = plan.rows
        var i = 0
        do {
            while i < rows.count {
                var last = i
                while last + 1 < rows.count, rows[last + 1].key == rows[i].key { last += 1 }
                let (low, high) = (nodeOfRank[Int(rows[i].key >> bits)], nodeOfRank[Int(rows[i].key & mask)])
                guard low >= 0, high >= 0 else { return nil }
                let (a, b) = rows[i].aIsLow ? (low, high) : (high, low)
                let row = rows[last]
                try draft.builder.addDistinctTie(
                    a, b, kind: Self.kinds[Int(row.kind)], since: row.hasSince ? Day(ordinal: row.since) : nil,
                    origin: Self.origins[Int(row.origin)])
                i = last + 1
            }
        } catch {
            return nil
        }
        return draft
    }

    /// The snapshot: what `Workspace.loadSnapshot()` would read right after the write; `nil` when
    /// an interaction or introduction does not fit the people (a rebuild would fail on it too).
    consuming func freeze() -> NetworkSnapshot? {
        var builder = self.builder
        do {
            for interaction in interactions { try builder.add(interaction) }
            for introduction in introductions { try builder.add(introduction) }
            return try builder.freeze(reusing: ids)
        } catch {
            return nil
        }
    }
}
