import Foundation
import Testing

@testable import Rapport

/// The one pool: every index runs once, results keep their order, and waits cannot deadlock.
@Suite struct WorkerPoolTests {
    final class Hits: @unchecked Sendable {
        let lock = NSLock()
        var counts: [Int]
        init(_ n: Int) { counts = Array(repeating: 0, count: n) }
        func hit(_ i: Int) { lock.withLock { counts[i] += 1 } }
    }

    @Test func forEachRunsEveryIndexExactlyOnce() {
        for count in [0, 1, 2, 3, 1000] {
            let hits = Hits(count)
            WorkerPool.shared.forEach(count) { hits.hit($0) }
            #expect(hits.counts == Array(repeating: 1, count: count), "count \(count)")
        }
    }

    @Test func mapKeepsOrderAndErrors() {
        struct Odd: Error {}
        let results = WorkerPool.shared.map(Array(0..<200)) { i throws -> Int in
            if i % 2 == 1 { throw Odd() }
            return i * i
        }
        for (i, result) in results.enumerated() {
            switch result {
            case .success(let value): #expect(i % 2 == 0 && value == i * i)
            case .failure: #expect(i % 2 == 1)
            }
        }
    }

    /// What a job captured is freed once the job has run, while its `Pending` is still held (a
    /// staged write keeps the plan's `Pending` through the write; its ten million ties must not stay).
    @Test func aJobLetsGoOfWhatItCapturedOnceItHasRun() {
        final class Input: Sendable { let values = Array(0..<1000) }
        for runsOnTheCaller in [false, true] {
            weak var watched: Input?
            let pending: Pending<Int> = {
                let input = Input()
                watched = input
                // A pool of one thread, kept busy a while, leaves the job to the caller's `value()`.
                let pool = runsOnTheCaller ? WorkerPool(threads: 1) : WorkerPool.shared
                if runsOnTheCaller { _ = pool.async { Thread.sleep(forTimeInterval: 0.2) } }
                return pool.async { input.values.reduce(0, +) }
            }()
            #expect(pending.value() == 499_500)
            #expect(watched == nil, "runs on the caller: \(runsOnTheCaller)")
            withExtendedLifetime(pending) {}
        }
    }

    /// A one-thread pool, busy with a job that waits for another: the waiter runs the queued job
    /// itself instead of waiting for a thread that will never come.
    @Test func nestedWaitsDoNotDeadlock() {
        let pool = WorkerPool(threads: 1)
        let outer = pool.async { () -> Int in
            let inner = pool.async { 21 }
            return inner.value() * 2
        }
        #expect(outer.value() == 42)
        let sums = pool.map(Array(0..<20)) { i -> Int in
            pool.map(Array(0..<10)) { $0 + i }.reduce(0) { $0 + ((try? $1.get()) ?? 0) }
        }
        #expect(sums.map { try? $0.get() } == (0..<20).map { 45 + 10 * $0 })
    }

    @Test func asyncOverlapsTheCaller() {
        let started = DispatchSemaphore(value: 0)
        let pending = WorkerPool.shared.async { () -> Bool in
            started.signal()
            return true
        }
        // The job runs on a pool thread without the caller asking for its value.
        #expect(started.wait(timeout: .now() + 10) == .success)
        #expect(pending.value())
    }
}
