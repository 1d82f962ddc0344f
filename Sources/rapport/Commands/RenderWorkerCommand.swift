import ArgumentParser
import Foundation
import RapportGraphviz

/// The isolated Graphviz worker: `rapport __render-worker ENGINE FORMAT` reads DOT on stdin and
/// writes the picture on stdout. `rapport render` starts one per picture, so that libgvc's leaks,
/// its non-repeatable second layouts and its assertion aborts stay out of the main process.
struct RenderWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "__render-worker", shouldDisplay: false)

    @Argument(parsing: .allUnrecognized) var arguments: [String] = []

    func run() throws {
        Foundation.exit(RenderWorker.main(arguments: arguments))
    }
}
