import Foundation

/// Runs independent jobs on a few threads of their own.
///
/// Plain `Thread`s rather than Dispatch's global queue, which starved on this project's two-core
/// machines when other work held its threads.
public enum Parallel {
    /// `body` applied to every item, on up to `width` threads (one per core by default); the
    /// results are in the order of `items`, each job's error kept as its result.
    public static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], width: Int = ProcessInfo.processInfo.activeProcessorCount,
        _ body: @escaping @Sendable (Item) throws -> Output
    ) -> [Result<Output, any Error>] {
        let threads = min(max(width, 1), items.count)
        guard threads > 1 else { return items.map { item in Result { try body(item) } } }
        let work = Work<Output>(count: items.count)
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<threads {
            let thread = Thread {
                while let i = work.next() { work.store(Result { try body(items[i]) }, at: i) }
                done.signal()
            }
            // The default 512 KB is tight for a parser's recursion and large frames.
            thread.stackSize = 8 << 20
            thread.start()
        }
        for _ in 0..<threads { done.wait() }
        return work.results()
    }

    /// The jobs' shared state: the next item to take and the results so far, under a lock.
    private final class Work<Output: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var taken = 0
        private var outputs: [Result<Output, any Error>?]

        init(count: Int) { outputs = Array(repeating: nil, count: count) }

        func next() -> Int? {
            lock.withLock {
                guard taken < outputs.count else { return nil }
                taken += 1
                return taken - 1
            }
        }

        func store(_ result: Result<Output, any Error>, at i: Int) { lock.withLock { outputs[i] = result } }

        func results() -> [Result<Output, any Error>] { lock.withLock { outputs.map { $0! } } }
    }
}
