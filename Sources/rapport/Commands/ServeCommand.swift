import ArgumentParser
import Foundation
import RapportServer
import RapportUseCases

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Open the workspace in your browser: a private web app on this computer only.",
        discussion: """
            Serves the workspace on 127.0.0.1 and [::1] only, and prints one URL with a random access token (as Jupyter does): open it, and the token is kept in a cookie for the session. Nothing leaves this computer. The pages call the same code as these commands, and the workspace stays one truth: a `rapport log` typed here shows on the next page load. Ctrl-C stops the server.

            Examples:
              rapport serve
              rapport serve --db ~/jobs/rapport.db --port 8765 --open
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var asOf: AsOfOption

    @Option(name: .long, help: ArgumentHelp("The port (default 0: any free port).", valueName: "N"))
    var port: UInt16 = 0

    @Flag(name: .long, help: "Open the URL in the default browser.")
    var open = false

    func run() throws {
        let day = try asOf.asOf.map { try AsOfOption.parse($0, option: "--as-of") }
        let location = workspace.location
        // Fail now, in the terminal, for a missing or foreign workspace rather than on every page.
        _ = try location.open()
        let app = try WebApp(
            workbench: Workbench(location: location, asOf: day), policy: AccessPolicy(port: port),
            renderer: Drawing.renderer(executable: CommandLine.selfPath))
        let server = LocalServer(app: app)
        let started = Outcome()
        let stopped = DispatchSemaphore(value: 0)
        Task {
            do {
                _ = try await server.start(port: port)
                started.finish(nil)
            } catch {
                started.finish(error)
            }
        }
        if let error = started.wait() { throw UseCaseError.failure("cannot listen on 127.0.0.1:\(port): \(error)") }
        print("Rapport is serving \(location.path) on this computer only\(server.servesIPv6 ? " (127.0.0.1 and [::1])" : " (127.0.0.1; no IPv6 loopback here)").")
        print("Open this URL (it carries your access token; do not share it):")
        print("    \(app.url)")
        print("Press Ctrl-C to stop.")
        fflush(nil)
        if open { Self.openInBrowser(app.url) }
        // Ctrl-C and SIGTERM stop the server cleanly instead of killing the process mid-write.
        var sources: [any DispatchSourceSignal] = []
        let signals = DispatchQueue(label: "rapport.serve.signals")
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: signals)
            source.setEventHandler {
                Task {
                    await server.stop()
                    stopped.signal()
                }
            }
            source.resume()
            sources.append(source)
        }
        stopped.wait()
        print("Stopped.")
    }

    /// `xdg-open` (Linux) or `open` (macOS), not waited for.
    static func openInBrowser(_ url: String) {
        let process = Process()
        #if os(macOS)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        #else
            process.executableURL = URL(fileURLWithPath: "/usr/bin/xdg-open")
        #endif
        process.arguments = [url]
        try? process.run()
    }

    /// The result of starting, handed from the server's task to the waiting command.
    private final class Outcome: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var error: (any Error)?

        func finish(_ error: (any Error)?) {
            self.error = error
            done.signal()
        }

        func wait() -> (any Error)? {
            done.wait()
            return error
        }
    }
}
