import Foundation
import Rapport

/// A progress line on stderr for work that may take more than about a second: imports, renders,
/// big suggestions. It appears only when stderr is a terminal, only after a second has passed, and
/// it is erased when the work ends, so pipes, files and quick commands never see it.
final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private var phase: String
    private var step = 0
    private let steps: Int
    private var running = true
    private var drawn = false
    private let start = DispatchTime.now()
    private let done = DispatchSemaphore(value: 0)

    /// Starts showing `phase` (step 1 of `steps`) when stderr is a terminal.
    init(_ phase: String, steps: Int = 1) {
        self.phase = phase
        self.steps = max(1, steps)
        guard Terminal.stderrIsTerminal, ProcessInfo.processInfo.environment["RAPPORT_NO_PROGRESS"] == nil else {
            running = false
            return
        }
        Thread.detachNewThread { [self] in
            var frame = 0
            while lock.withLock({ running }) {
                if done.wait(timeout: .now() + .milliseconds(120)) == .success { break }
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
                guard elapsed >= 1 else { continue }
                frame += 1
                draw(elapsed: elapsed, frame: frame)
            }
        }
    }

    /// Moves on to the next phase.
    func advance(_ phase: String) {
        lock.withLock {
            self.phase = phase
            step = min(step + 1, steps - 1)
        }
    }

    /// Shows `phase` in place of the current one, in the same step (counts of long work).
    func update(_ phase: String) { lock.withLock { self.phase = phase } }

    /// Stops and erases the line.
    func finish() {
        let wasDrawn: Bool = lock.withLock {
            let was = running
            running = false
            return was && drawn
        }
        done.signal()
        if wasDrawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }

    deinit { finish() }

    private func draw(elapsed: Double, frame: Int) {
        let (text, fraction): (String, Double) = lock.withLock {
            drawn = true
            return (phase, Double(step) / Double(steps))
        }
        let width = 20
        let filled = Int(fraction * Double(width))
        let spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"][frame % 10]
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = "\r\u{1B}[2K\(spinner) \(bar) \(OutputPolicy.terminal(text)) (\(String(format: "%.0f", elapsed)) s)"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
