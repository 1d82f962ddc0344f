import Foundation

/// Work started on its own thread now, whose result is collected later with `value()`: for
/// overlapping one large job with another on the second core (hashing a snapshot's ids while the
/// rest of the file is read; preparing a bulk write's ties while SQLite writes the people).
///
/// A plain `Thread`, not Dispatch's global queue: on this project's two-core machines the global
/// queue's threads can all be busy, and the work would wait for them instead of overlapping.
package final class Background<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    package init(_ work: @escaping @Sendable () -> T) {
        let thread = Thread { [self] in
            result = work()  // written before `signal`, read after `wait`: the semaphore orders them
            done.signal()
        }
        // The default 512 KB stack is tight for deep recursion and large frames.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the work to finish and returns its result. Call it once.
    package func value() -> T {
        done.wait()
        return result!
    }
}
