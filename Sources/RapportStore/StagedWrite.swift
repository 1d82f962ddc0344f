import Foundation
import Rapport

/// What a write stores after its people, with the plan of its ties (keyed and sorted on the pool
/// from the moment the rows are known).
///
/// The ties themselves are not kept: only the plan's job holds them, until it has run (at a million
/// people, 470 MB of `Tie` values that would otherwise stay beside the plan through the write).
struct LaterRows: Sendable {
    var hasTies: Bool
    var interactions: [Interaction]
    var introductions: [Introduction]
    var log: (files: [String], summary: String)?
    var plan: Pending<TiePlan>

    init(
        people: [Person], ties: consuming [Tie], interactions: [Interaction], introductions: [Introduction],
        log: (files: [String], summary: String)?
    ) {
        (hasTies, self.interactions, self.introductions, self.log) = (!ties.isEmpty, interactions, introductions, log)
        let ties = ties
        plan = WorkerPool.shared.async {
            TiePlan(people: people, ties: ties, interactions: interactions, introductions: introductions)
        }
    }
}

/// A bulk write started with its people, which SQLite writes on a thread of its own while the caller
/// still merges the ties; `finish` hands over the rest and waits for the commit, `cancel` rolls
/// everything back. One transaction either way, as `Workspace.applySavingSnapshot`: all or nothing,
/// under SIGKILL too.
///
/// An import of a million people spends 11 s writing them (their rows, three B-trees and the search
/// index) and 5–6 s merging ten million ties, each on one core: staged, the two overlap.
///
/// The workspace's connection is the writer's until `finish` or `cancel` returns: the caller must
/// not use the workspace on another path meanwhile (its queue would wait for this write).
public final class StagedWrite: @unchecked Sendable {
    /// Thrown inside the transaction when the caller cancels: it rolls the write back.
    struct Cancelled: Error {}

    private let people: [Person]
    private let condition = NSCondition()
    /// `nil` until handed over; `.some(nil)` when cancelled.
    private var later: LaterRows??
    private var outcome: Result<(counts: WriteCounts, snapshotSaved: Bool), StoreError>?

    /// The workspace, until the writer thread takes it (`write`).
    private var workspace: Workspace?

    /// Starts writing `people` to `workspace` (as `applySavingSnapshot` would, with `snapshotPath`,
    /// or as `apply` with `nil`) on a thread of its own.
    init(people: [Person], workspace: Workspace, snapshotPath: String?) {
        precondition(!people.isEmpty, "a staged write starts with its people")
        self.people = people
        self.workspace = workspace
        let thread = Thread { [self] in
            let result = write(snapshotPath: snapshotPath)
            condition.lock()
            outcome = result
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Runs the write on the writer thread. The workspace is let go when this returns, before the
    /// caller hears the outcome: the caller's reference is then the last, so the database closes
    /// when the caller lets go of it. (Held by the thread until it ended, it could outlive a command
    /// that returned at once and exited: SQLite was never closed, and its write-ahead log, 950 MB
    /// after a 1M import, was left for the next command to read back, 1.9 s of a `suggest` that
    /// otherwise takes 0.3.)
    private func write(snapshotPath: String?) -> Result<(counts: WriteCounts, snapshotSaved: Bool), StoreError> {
        condition.lock()
        let workspace = self.workspace!
        self.workspace = nil
        condition.unlock()
        do throws(StoreError) {
            return .success(try workspace.write(people: people, later: .staged(self), snapshotPath: snapshotPath))
        } catch {
            return .failure(error)
        }
    }

    /// The people this write started with.
    public var startedWith: [Person] { people }

    /// Hands over what the write stores after the people and waits for the commit.
    /// - Returns: what `applySavingSnapshot` returns.
    /// - Throws: `StoreError`; nothing is written then.
    public func finish(
        ties: consuming [Tie], interactions: [Interaction], introductions: [Introduction],
        log: (files: [String], summary: String)?
    ) throws(StoreError) -> (counts: WriteCounts, snapshotSaved: Bool) {
        hand(LaterRows(people: people, ties: ties, interactions: interactions, introductions: introductions, log: log))
        return try waitForOutcome().get()
    }

    /// Rolls the write back and waits until it is gone (nothing of it is written).
    public func cancel() {
        hand(nil)
        _ = waitForOutcome()
    }

    private func hand(_ rows: LaterRows?) {
        condition.lock()
        precondition(later == nil, "a staged write is finished or cancelled once")
        later = .some(rows)
        condition.broadcast()
        condition.unlock()
    }

    /// Called by the writer once the people are written.
    func waitForRows() -> LaterRows? {
        condition.lock()
        defer { condition.unlock() }
        while later == nil { condition.wait() }
        return later ?? nil
    }

    private func waitForOutcome() -> Result<(counts: WriteCounts, snapshotSaved: Bool), StoreError> {
        condition.lock()
        defer { condition.unlock() }
        while outcome == nil { condition.wait() }
        return outcome!
    }
}

extension Workspace {
    /// Starts a bulk write of `people` (`StagedWrite`); with `snapshotPath`, the write saves the
    /// snapshot file as `applySavingSnapshot` does.
    public func beginStagedWrite(people: [Person], snapshotPath: String?) -> StagedWrite {
        StagedWrite(people: people, workspace: self, snapshotPath: snapshotPath)
    }
}
