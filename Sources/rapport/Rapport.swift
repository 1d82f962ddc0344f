import ArgumentParser
import CMalloc
import Foundation
import Rapport

@main
struct RapportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "Plan informational interviews: quality over quantity in your network.",
        discussion: """
            Rapport keeps a graph of people, organizations and introductions in a workspace file, scores relationship strength so that one deep relationship beats five shallow ones, and suggests whom to talk to next, with the warm path to each.

            Start with:
              rapport init --me "Alex Rivera"
              rapport import Connections.csv people.csv
              rapport suggest --sector "intellectual property" --explain
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, ImportCommand.self, PeopleCommand.self, LogCommand.self, IntroCommand.self,
            TiesCommand.self, ReachCommand.self, SuggestCommand.self, PathCommand.self, RenderCommand.self,
            StatusCommand.self, PipelineCommand.self, DraftCommand.self, PrepCommand.self, DueCommand.self,
            ReportCommand.self, ExportCommand.self, ServeCommand.self, DemoCommand.self, RenderWorkerCommand.self,
        ]
    )

    /// Parses, runs, and maps every error to a message and an exit code in one place.
    static func main() {
        // Freed import arrays go back to the system (1M import peak -280 MB; Docs/Performance.md).
        _ = rapport_fix_mmap_threshold(128 << 10)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if error is ValidationError || error is CleanExit || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
                // --help and --version exit 0; usage errors print ArgumentParser's message and exit 2.
                if exitCode(for: error) == .success { exit(withError: error) }
                Terminal.standardError(fullMessage(for: error))
                Foundation.exit(ExitStatus.badInput)
            }
            let (message, status) = ExitStatus.report(error)
            Terminal.standardError("error: " + OutputPolicy.terminal(message))
            Foundation.exit(status)
        }
    }
}
