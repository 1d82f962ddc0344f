import Foundation

/// Threads of the server's own for the blocking work of a page: SQLite reads and writes (which may
/// wait up to the busy timeout), scoring, Graphviz in its worker process.
///
/// Swift's cooperative pool has one thread per core (two here) and must never block: a page that
/// waited on the database there would stall every connection, the sockets' event loop included.
/// So the handlers hand their work to these threads and await it.
public final class WorkerThreads: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []

    /// The threads every server of this process shares: four, so that one slow drawing or a write
    /// waiting on the busy timeout leaves others to answer.
    public static let shared = WorkerThreads(count: 4)

    /// Starts `count` threads (at least one), which live as long as the process.
    public init(count: Int) {
        for i in 0..<max(count, 1) {
            let thread = Thread { self.serve() }
            thread.name = "rapport-serve-\(i)"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Runs `body` on one of the threads and returns what it returns.
    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            submit { continuation.resume(with: Result { try body() }) }
        }
    }

    private func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func serve() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }
}
