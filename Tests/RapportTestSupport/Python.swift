import Foundation

/// Runs `python3` for the tests that take their expected values from Python (networkx, the
/// standard library): one place that starts the process and collects its standard output.
public enum Python {
    /// The exit status and standard output of `python3 arguments…` (found on `PATH`).
    /// - Throws: when the process cannot be started.
    public static func run(_ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }
}
