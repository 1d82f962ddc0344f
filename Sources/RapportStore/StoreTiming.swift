import Foundation

/// Phase timings of a bulk write on stderr when `RAPPORT_TIMING` is set, in the format of the
/// use cases' `PhaseTimer` (`timing: <phase> <seconds> s`), indented to show they are parts of
/// the import's `write` phase. Wall seconds and this process's CPU seconds (user + system), so a
/// loaded machine's wall figure can be read against the work done.
struct StoreTiming {
    static let enabled = ProcessInfo.processInfo.environment["RAPPORT_TIMING"] != nil
    private var wall = DispatchTime.now()
    private var cpu = StoreTiming.cpuSeconds()

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

    mutating func mark(_ phase: String) {
        guard StoreTiming.enabled else { return }
        let (now, nowCPU) = (DispatchTime.now(), StoreTiming.cpuSeconds())
        let seconds = Double(now.uptimeNanoseconds - wall.uptimeNanoseconds) / 1e9
        let line =
            "timing:   " + phase.padding(toLength: 14, withPad: " ", startingAt: 0)
            + String(format: " %8.3f s  (cpu %.3f s)", seconds, nowCPU - cpu)
        FileHandle.standardError.write(Data((line + "\n").utf8))
        (wall, cpu) = (now, nowCPU)
    }
}
