import Foundation

/// Where `Renderer` finds the render worker.
///
/// Resolution order: the `RAPPORT_RENDER_WORKER` environment variable (a path to an executable that
/// speaks the `RenderWorker` protocol), then the location the caller passes, then the
/// `rapport-render-worker` executable in the directory of the running program.
public enum RenderWorkerLocation: Sendable, Equatable {
    /// An executable and the arguments that come before `ENGINE FORMAT`, e.g.
    /// `.executable("/usr/bin/rapport", arguments: ["__render-worker"])`.
    case executable(String, arguments: [String] = [])
    /// `rapport-render-worker` next to the running executable.
    case besideCurrentExecutable

    /// The environment variable that overrides every other location.
    public static let environmentVariable = "RAPPORT_RENDER_WORKER"
    /// The worker executable's file name.
    public static let workerName = "rapport-render-worker"

    /// The executable and leading arguments to start.
    /// - Parameter environment: the process environment (a parameter so tests can pass their own).
    public func resolved(environment: [String: String] = ProcessInfo.processInfo.environment) -> (
        path: String, arguments: [String]
    ) {
        if let path = environment[Self.environmentVariable], !path.isEmpty { return (path, []) }
        switch self {
        case .executable(let path, let arguments): return (path, arguments)
        case .besideCurrentExecutable:
            let directory = Self.currentExecutableDirectory()
            return ((directory as NSString).appendingPathComponent(Self.workerName), [])
        }
    }

    /// The directory of the running executable: `/proc/self/exe` on Linux, else the main bundle's
    /// executable.
    static func currentExecutableDirectory() -> String {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return (target as NSString).deletingLastPathComponent
        }
        if let url = Bundle.main.executableURL { return url.deletingLastPathComponent().path }
        return (CommandLine.arguments.first.map { ($0 as NSString).deletingLastPathComponent }) ?? "."
    }
}
