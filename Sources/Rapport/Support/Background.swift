import Foundation

/// Work started on its own thread now, whose result is collected later with `value()`.
///
/// A thread of its own, not Dispatch's global queue: on a 2-core machine the global queue's
/// threads can all be busy, and the work would wait for them instead of overlapping.
final class Background<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> T) {
        Thread.detachNewThread { [self] in
            result = work()  // written before `signal`, read after `wait`: the semaphore orders them
            done.signal()
        }
    }

    /// Waits for the work to finish and returns its result. Call it once.
    func value() -> T {
        done.wait()
        return result!
    }
}
