import Foundation

/// Renders DOT text to SVG, PNG or PDF.
///
/// By default each render runs in a short-lived worker process (see `RenderWorker`): renders are
/// repeatable, Graphviz's leaks die with the worker, an assertion abort inside Graphviz becomes
/// `RenderError.crashed`, and a layout that overruns its time is stopped. `.inProcess` calls libgvc
/// directly behind one global lock, for one-shot tools.
public struct Renderer: Sendable {
    /// Where the layout runs.
    public enum Isolation: Sendable, Equatable {
        case worker
        case inProcess
    }

    public var isolation: Isolation
    /// Where to find the worker when `RAPPORT_RENDER_WORKER` is not set.
    public var location: RenderWorkerLocation
    /// How long a worker gets after SIGTERM before SIGKILL.
    public var terminationGrace: Duration = .milliseconds(500)

    public init(isolation: Isolation = .worker, location: RenderWorkerLocation = .besideCurrentExecutable) {
        self.isolation = isolation
        self.location = location
    }

    /// Lays out `dot` with `engine` and returns it written as `format`.
    ///
    /// `.dot` returns the text unchanged once it parses (checked in this process; parsing is safe).
    /// - Parameter timeout: how long the worker may take; ignored by `.inProcess`.
    /// - Throws: `RenderError.syntax` (with line), `.unknownEngine`, `.unsupportedFormat`,
    ///   `.layoutFailed`, `.renderFailed`, `.crashed`, `.timedOut`, `.workerFailed` or
    ///   `.workerUnavailable`.
    /// - Complexity: that of the layout engine, plus starting one process (a few milliseconds).
    public func render(dot: String, engine: GraphvizEngine, format: DiagramFormat, timeout: Duration = .seconds(120))
        throws(RenderError) -> [UInt8]
    {
        if format == .dot {
            try validate(dot: dot)
            return Array(dot.utf8)
        }
        switch isolation {
        case .inProcess: return try InProcessRenderer.render(dot: dot, engine: engine, format: format)
        case .worker:
            let (path, arguments) = location.resolved()
            let run = try WorkerProcess.run(
                path: path, arguments: arguments + [engine.rawValue, format.rawValue], input: Data(dot.utf8),
                timeout: timeout, grace: terminationGrace)
            return try run.result(timeout: timeout)
        }
    }

    /// Parses `dot` with libcgraph's `agmemread`, in this process behind the global lock.
    /// - Throws: `RenderError.syntax` with the line Graphviz names.
    /// - Complexity: O(size of the text).
    @discardableResult
    public func validate(dot: String) throws(RenderError) -> DOTSummary {
        try InProcessRenderer.validate(dot: dot)
    }
}

/// One finished (or stopped) worker process.
struct WorkerProcess {
    var standardOutput: Data
    var standardError: Data
    var status: Int32
    var killedBySignal: Bool
    var timedOut: Bool

    /// The rendered bytes, or the error the worker's ending means.
    func result(timeout: Duration) throws(RenderError) -> [UInt8] {
        if timedOut { throw .timedOut(after: timeout) }
        if killedBySignal { throw .crashed(signal: status) }
        guard status == 0 else {
            if let failure = WorkerFailure.parse(standardError) { throw failure.error(status: status) }
            let text = String(decoding: standardError.prefix(500), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            throw .workerFailed(status: status, message: text)
        }
        return Array(standardOutput)
    }

    /// Starts `path`, feeds it `input`, and collects both output pipes concurrently (a worker
    /// blocked writing a large PNG must not wait for us to finish reading its errors). After
    /// `timeout` the worker gets SIGTERM, then SIGKILL after `grace`.
    static func run(path: String, arguments: [String], input: Data, timeout: Duration, grace: Duration)
        throws(RenderError) -> WorkerProcess
    {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw .workerUnavailable(path: path, reason: "no executable file there")
        }
        ignoreBrokenPipes
        // posix_spawn, not Foundation's Process: see SpawnedWorker (no socket may be opened).
        let worker = try SpawnedWorker.spawn(path: path, arguments: arguments)
        let output = PipeReader(worker.standardOutput)
        let errors = PipeReader(worker.standardError)
        // The readers run on threads of their own, so the worker can never block on a full pipe
        // while we write. Writing here, not on Dispatch's global queue: with two cores its threads
        // were both blocked in the readers and the write waited about a second for a third.
        // A worker that dies early closes its end; the write then fails (EPIPE), which is fine.
        let writer = worker.standardInput
        try? writer.write(contentsOf: input)
        try? writer.close()

        var timedOut = false
        if !worker.waitForExit(until: .now() + timeout.dispatchInterval) {
            timedOut = true
            worker.send(SIGTERM)
            if !worker.waitForExit(until: .now() + grace.dispatchInterval) {
                worker.send(SIGKILL)
                _ = worker.waitForExit(until: .distantFuture)
            }
        }
        // A grandchild that inherited the pipes could keep them open; do not wait for it forever.
        let drained = DispatchTime.now() + .seconds(2)
        let outputData = output.finish(by: drained)
        let errorData = errors.finish(by: drained)
        let termination = worker.termination
        return WorkerProcess(
            standardOutput: outputData, standardError: errorData, status: termination.status,
            killedBySignal: termination.bySignal, timedOut: timedOut)
    }
}

/// Ignores SIGPIPE once, so that writing DOT to a worker that already died fails with EPIPE instead
/// of killing Rapport.
private let ignoreBrokenPipes: Void = {
    signal(SIGPIPE, SIG_IGN)
}()

/// Reads a pipe to its end on a background thread.
private final class PipeReader: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        // A dedicated thread: a blocking read must not occupy one of Dispatch's few pool threads.
        Thread.detachNewThread {
            let bytes = (try? handle.readToEnd()) ?? Data()
            self.lock.withLock { self.data = bytes }
            self.done.signal()
        }
    }

    /// What was read, waiting for the end of the pipe until `deadline`.
    func finish(by deadline: DispatchTime) -> Data {
        _ = done.wait(timeout: deadline)
        return lock.withLock { data }
    }
}

extension Duration {
    var dispatchInterval: DispatchTimeInterval {
        let parts = components
        let nanoseconds = parts.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !nanoseconds.overflow, parts.seconds < Int64(Int.max / 1_000_000_000) else { return .never }
        return .nanoseconds(Int(nanoseconds.partialValue) + Int(parts.attoseconds / 1_000_000_000))
    }
}
