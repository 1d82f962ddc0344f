import Foundation

/// The one pool of threads on which Rapport runs CPU work in parallel: a snapshot's checksum and
/// id hashing beside its decoding, a bulk write's preparation beside SQLite, files parsed side by
/// side, suggestions for many people at once.
///
/// Its threads are plain `Thread`s of its own (8 MiB stacks), not Dispatch's global queue: on this
/// project's two-core machines the global queue's threads could all be busy and the work waited
/// instead of overlapping. At least two threads, so one job can always overlap the caller's own
/// work even on one core.
///
/// Nothing that waits can deadlock the pool: a caller waiting for a job that no thread has started
/// yet runs it itself (`Pending.value()`), and `forEach`/`map` do their share of the items on the
/// calling thread, so every wait is for work that is already running. Threads that only wait on
/// I/O (a child process's pipes, a progress spinner) are not pool work: they would hold a thread
/// while doing nothing.
public final class WorkerPool: @unchecked Sendable {
    /// The pool every part of Rapport uses.
    public static let shared = WorkerPool(threads: max(2, ProcessInfo.processInfo.activeProcessorCount))

    /// How many threads the pool may start; `forEach` and `map` use this many plus the caller.
    public let width: Int
    private let condition = NSCondition()
    private var queue: [Job] = []
    private var threads = 0
    private var idle = 0

    init(threads: Int) { width = max(1, threads) }

    /// One unit of work and where it stands; guarded by the pool's `condition`.
    final class Job: @unchecked Sendable {
        enum State { case queued, running, done }
        var state = State.queued
        /// Taken by the thread that runs it (`start()`), so that what the work captured — ten
        /// million ties to plan, say — is freed once it has run, not when its `Pending` is.
        private var work: (() -> Void)?
        init(_ work: @escaping () -> Void) { self.work = work }

        /// Marks the job running and hands over its work; called under the pool's lock, once.
        func start() -> () -> Void {
            state = .running
            defer { work = nil }
            guard let work else { preconditionFailure("a job is started once") }
            return work
        }
    }

    func submit(_ job: Job) {
        condition.lock()
        queue.append(job)
        if idle == 0, threads < width {
            threads += 1
            let thread = Thread { [self] in workerLoop() }
            thread.stackSize = 8 << 20
            thread.start()
        }
        condition.broadcast()
        condition.unlock()
    }

    private func workerLoop() {
        condition.lock()
        while true {
            while queue.isEmpty {
                idle += 1
                condition.wait()
                idle -= 1
            }
            run(queue.removeFirst())
        }
    }

    /// Runs `job`, just taken off the queue, on this thread and marks it done: called and returning
    /// with the lock held, which it lets go while the work runs. What the work captured is freed
    /// before the job is marked done.
    private func run(_ job: Job) {
        var work = Optional(job.start())
        condition.unlock()
        work!()
        work = nil
        condition.lock()
        job.state = .done
        condition.broadcast()
    }

    /// Returns once `job` has run: on the calling thread when no worker has taken it yet.
    func complete(_ job: Job) {
        condition.lock()
        if job.state == .queued, let i = queue.firstIndex(where: { $0 === job }) {
            run(queue.remove(at: i))
        }
        while job.state != .done { condition.wait() }
        condition.unlock()
    }
}

/// The result of work started with `WorkerPool.async`, collected later with `value()`.
public final class Pending<T: Sendable>: @unchecked Sendable {
    /// Where the job leaves its result: written before the job is marked done, read after (the
    /// pool's lock orders the two).
    private final class Slot: @unchecked Sendable { var result: T? }
    private let slot = Slot()
    private let pool: WorkerPool
    private let job: WorkerPool.Job

    init(pool: WorkerPool, _ work: @escaping @Sendable () -> T) {
        self.pool = pool
        let slot = self.slot
        job = WorkerPool.Job { slot.result = work() }
        pool.submit(job)
    }

    /// Waits for the work (or runs it here, if no thread has started it) and returns its result.
    public func value() -> T {
        pool.complete(job)
        guard let result = slot.result else { preconditionFailure("a finished job has a result") }
        return result
    }

    /// `value()`, handed over: this pending keeps no copy, so a large result (a million rows) is
    /// freed as soon as its taker lets it go. Call it once.
    public func take() -> T {
        pool.complete(job)
        guard let result = slot.result else { preconditionFailure("a finished job's result is taken once") }
        slot.result = nil
        return result
    }
}

extension WorkerPool {
    /// Starts `work` on the pool; its result comes from `value()`.
    /// - Complexity: O(1) to start.
    public func async<T: Sendable>(_ work: @escaping @Sendable () -> T) -> Pending<T> {
        Pending(pool: self, work)
    }

    /// Runs `work` on the pool with no result to wait for (freeing a large value off the
    /// critical path, say).
    public func detach(_ work: @escaping @Sendable () -> Void) {
        submit(Job(work))
    }

    /// Calls `body` once for every index in `0..<count`, on up to `width` pool threads and the
    /// calling thread; returns when every call has returned. Indices are handed out one at a time,
    /// so uneven items balance.
    /// - Complexity: O(count) calls of `body`, spread over `width + 1` threads.
    public func forEach(_ count: Int, _ body: (Int) -> Void) {
        guard count > 1 else {
            if count == 1 { body(0) }
            return
        }
        let next = Counter()
        withoutActuallyEscaping(body) { body in
            // Every helper job is completed before this returns, so `body` does not outlive the call.
            nonisolated(unsafe) let shared = body
            let helpers = (0..<min(width, count - 1)).map { _ in
                Job { while let i = next.take(below: count) { shared(i) } }
            }
            for job in helpers { submit(job) }
            while let i = next.take(below: count) { body(i) }
            for job in helpers { complete(job) }
        }
    }

    /// Calls `body` once for each of `chunks` consecutive ranges that together cover `0..<count`
    /// (as `forEach`): for loops over large arrays whose elements each chunk writes on its own.
    /// - Complexity: O(count) of `body`'s work, spread over `chunks` calls.
    public func forEachChunk(of count: Int, chunks: Int, _ body: (Range<Int>) -> Void) {
        forEachChunk(of: count, chunks: chunks) { _, range in body(range) }
    }

    /// `forEachChunk`, also telling `body` which chunk (0..<chunks) it has, for results kept per chunk.
    public func forEachChunk(of count: Int, chunks: Int, _ body: (Int, Range<Int>) -> Void) {
        forEach(chunks) { chunk in body(chunk, (count * chunk / chunks)..<(count * (chunk + 1) / chunks)) }
    }

    /// `body` applied to every item on the pool; the results in the order of `items`, each item's
    /// error kept as its result.
    /// - Complexity: O(items) calls of `body`, spread as in `forEach`.
    public func map<Item, Output>(_ items: [Item], _ body: (Item) throws -> Output) -> [Result<Output, any Error>] {
        let results = ResultSlots<Output>(count: items.count)
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            nonisolated(unsafe) let items = items
            forEach(items.count) { i in results.store(Result { try body(items[i]) }, at: i) }
        }
        return results.all()
    }

    /// The next index to hand out.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func take(below limit: Int) -> Int? {
            lock.withLock {
                guard value < limit else { return nil }
                value += 1
                return value - 1
            }
        }
    }

    /// One result per item, written by whichever thread ran it.
    private final class ResultSlots<Output>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Result<Output, any Error>?]
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func store(_ result: Result<Output, any Error>, at i: Int) { lock.withLock { slots[i] = result } }
        func all() -> [Result<Output, any Error>] {
            lock.withLock { slots.map { $0 ?? .failure(CancellationError()) } }
        }
    }
}
