import Foundation

/// Phase timings on stderr when `RAPPORT_TIMING` is set, for profiling large workspaces: one line
/// per phase, `timing: <phase> <wall seconds> s  (cpu <seconds> s)`, the CPU seconds being this
/// process's user + system time over the phase, so a loaded machine's wall figure can be read
/// against the work done. Parts of a phase (the bulk write's steps inside an import's `write`) are
/// indented.
public struct PhaseTimer {
    public static let enabled = ProcessInfo.processInfo.environment["RAPPORT_TIMING"] != nil
    private let indent: Int
    private var wall = DispatchTime.now()
    private var cpu = PhaseTimer.enabled ? PhaseTimer.cpuSeconds() : 0

    /// - Parameter indent: spaces before the phase name (2 for the parts of a phase).
    public init(indent: Int = 0) { self.indent = indent }

    /// User + system CPU seconds of this process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Prints the time since the last mark (or the start) as `phase`.
    public mutating func mark(_ phase: String) {
        guard PhaseTimer.enabled else { return }
        let (now, nowCPU) = (DispatchTime.now(), PhaseTimer.cpuSeconds())
        let seconds = Double(now.uptimeNanoseconds - wall.uptimeNanoseconds) / 1e9
        let name = String(repeating: " ", count: indent) + phase
        let line =
            "timing: " + name.padding(toLength: max(16, name.count), withPad: " ", startingAt: 0)
            + String(format: " %8.3f s  (cpu %.3f s)", seconds, nowCPU - cpu)
        FileHandle.standardError.write(Data((line + "\n").utf8))
        (wall, cpu) = (now, nowCPU)
    }
}
