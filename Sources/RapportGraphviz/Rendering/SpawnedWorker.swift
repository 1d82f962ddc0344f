import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process started with `posix_spawn`, its standard streams connected to pipes, reaped by
/// `waitpid` on a thread of its own.
///
/// Foundation's `Process` on Linux starts CoreFoundation's socket manager, which wakes itself through
/// a pair of UDP sockets on 127.0.0.1. Rapport promises to open no Internet socket at all (issue 7,
/// checked under strace), so the render worker is started here instead.
struct SpawnedWorker {
    let pid: pid_t
    let standardInput: FileHandle
    let standardOutput: FileHandle
    let standardError: FileHandle
    private let watch: ExitWatch

    /// Starts `path` with `arguments` and this process's environment.
    /// - Throws: `RenderError.workerUnavailable` when the pipes or the process cannot be created.
    static func spawn(path: String, arguments: [String]) throws(RenderError) -> SpawnedWorker {
        // [read, write] for each stream; the parent's ends are close-on-exec.
        var input: [Int32] = [-1, -1], output: [Int32] = [-1, -1], errors: [Int32] = [-1, -1]
        func closeAll() { for fd in input + output + errors where fd >= 0 { close(fd) } }
        guard pipe(&input) == 0, pipe(&output) == 0, pipe(&errors) == 0 else {
            let reason = String(cString: strerror(errno))
            closeAll()
            throw .workerUnavailable(path: path, reason: "cannot create pipes: \(reason)")
        }
        for fd in [input[1], output[0], errors[0]] { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
        #else
            var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        for fd in [input[0], input[1], output[0], output[1], errors[0], errors[1]] {
            posix_spawn_file_actions_addclose(&actions, fd)
        }

        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] =
            ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }

        var pid: pid_t = 0
        let status = posix_spawn(&pid, path, &actions, nil, argv, envp)
        // The child's ends belong to the child now (or to nobody, on failure).
        close(input[0])
        close(output[1])
        close(errors[1])
        guard status == 0 else {
            close(input[1])
            close(output[0])
            close(errors[0])
            throw .workerUnavailable(path: path, reason: String(cString: strerror(status)))
        }
        return SpawnedWorker(
            pid: pid, standardInput: FileHandle(fileDescriptor: input[1], closeOnDealloc: true),
            standardOutput: FileHandle(fileDescriptor: output[0], closeOnDealloc: true),
            standardError: FileHandle(fileDescriptor: errors[0], closeOnDealloc: true), watch: ExitWatch(pid: pid))
    }

    /// Waits for the worker to end until `deadline`; `false` when it is still running.
    func waitForExit(until deadline: DispatchTime) -> Bool { watch.wait(until: deadline) }

    /// Sends `signal` to the worker unless it has already been reaped.
    func send(_ signal: Int32) { watch.send(signal) }

    /// The exit status, or the signal that ended it. Valid once `waitForExit` returned `true`.
    var termination: (status: Int32, bySignal: Bool) { watch.termination }
}

/// Reaps one child on a dedicated thread and remembers how it ended.
private final class ExitWatch: @unchecked Sendable {
    private let pid: pid_t
    private let lock = NSLock()
    private let ended = DispatchSemaphore(value: 0)
    /// Guarded by `lock`.
    private var reaped = false
    private var result: (status: Int32, bySignal: Bool) = (0, false)

    init(pid: pid_t) {
        self.pid = pid
        Thread.detachNewThread { [self] in
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
            // The <sys/wait.h> macros: low 7 bits are the signal (0 for a normal exit), bits 8–15 the code.
            let signal = raw & 0x7F
            lock.withLock {
                reaped = true
                result = signal == 0 ? ((raw >> 8) & 0xFF, false) : (signal, true)
            }
            ended.signal()
        }
    }

    func wait(until deadline: DispatchTime) -> Bool {
        if lock.withLock({ reaped }) { return true }
        guard ended.wait(timeout: deadline) == .success else { return false }
        ended.signal()  // Later waits return at once.
        return true
    }

    func send(_ signal: Int32) {
        lock.withLock {
            if !reaped { kill(pid, signal) }
        }
    }

    var termination: (status: Int32, bySignal: Bool) { lock.withLock { result } }
}
