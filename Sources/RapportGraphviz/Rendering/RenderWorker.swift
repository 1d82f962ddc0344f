import Foundation

/// The render worker: one render per process, so Graphviz's leaks, its unrepeatable second layouts
/// and its assertion aborts stay out of Rapport.
///
/// Protocol: the arguments are `ENGINE FORMAT` (`dot svg`); the DOT text arrives on standard input;
/// the rendered bytes leave on standard output with exit status 0. On failure nothing is written to
/// standard output, standard error holds one JSON line (`WorkerFailure`) and the exit status is
/// `usageStatus` or `failureStatus`. Graphviz's own messages are never printed raw.
public enum RenderWorker {
    /// Exit status for a usage problem or bad input (bad arguments, DOT syntax).
    public static let usageStatus: Int32 = 2
    /// Exit status when the layout or the output failed.
    public static let failureStatus: Int32 = 1

    /// Runs the worker with `arguments` (without the program or subcommand name) and returns the exit
    /// status. The `rapport-render-worker` executable and `rapport __render-worker` both call this.
    public static func main(arguments: [String]) -> Int32 {
        let standardError = FileHandle.standardError
        do throws(RenderError) {
            guard arguments.count == 2 else {
                throw .workerUsage("expected ENGINE FORMAT, got \(arguments.count) arguments")
            }
            guard let engine = GraphvizEngine(name: arguments[0]) else { throw .unknownEngine(arguments[0]) }
            guard let format = DiagramFormat(name: arguments[1]) else { throw .unsupportedFormat(arguments[1]) }
            let input = FileHandle.standardInput.readDataToEndOfFile()
            let dot = String(decoding: input, as: UTF8.self)
            let output = try InProcessRenderer.render(dot: dot, engine: engine, format: format)
            do {
                try FileHandle.standardOutput.write(contentsOf: output)
            } catch {
                throw .renderFailed("cannot write the output: \(error.localizedDescription)")
            }
            return 0
        } catch {
            let report = WorkerFailure(error)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            if let line = try? encoder.encode(report) {
                try? standardError.write(contentsOf: line + Data([0x0A]))
            }
            return report.isUsage ? usageStatus : failureStatus
        }
    }
}

/// The structured failure a worker writes on standard error, one JSON object on one line.
struct WorkerFailure: Codable, Equatable {
    var kind: String
    var line: Int?
    var message: String

    init(_ error: RenderError) {
        switch error {
        case .syntax(let line, let message): self.init(kind: "syntax", line: line, message: message)
        case .unknownEngine(let name): self.init(kind: "engine", message: name)
        case .unsupportedFormat(let name): self.init(kind: "format", message: name)
        case .layoutFailed(let message): self.init(kind: "layout", message: message)
        case .renderFailed(let message): self.init(kind: "render", message: message)
        case .workerUsage(let message): self.init(kind: "usage", message: message)
        default: self.init(kind: "other", message: error.description)
        }
    }

    init(kind: String, line: Int? = nil, message: String) {
        self.kind = kind
        self.line = line
        self.message = message
    }

    var isUsage: Bool { ["syntax", "engine", "format", "usage"].contains(kind) }

    /// The error the parent reports for this failure.
    func error(status: Int32) -> RenderError {
        switch kind {
        case "syntax": return .syntax(line: line, message: message)
        case "engine": return .unknownEngine(message)
        case "format": return .unsupportedFormat(message)
        case "layout": return .layoutFailed(message)
        case "render": return .renderFailed(message)
        case "usage": return .workerUsage(message)
        default: return .workerFailed(status: status, message: message)
        }
    }

    /// Reads the last JSON line of a worker's standard error.
    static func parse(_ standardError: Data) -> WorkerFailure? {
        let lines = standardError.split(separator: 0x0A)
        guard let last = lines.last else { return nil }
        return try? JSONDecoder().decode(WorkerFailure.self, from: Data(last))
    }
}
