/// Everything that can go wrong while building, checking or rendering a diagram.
///
/// This is the one error type of `RapportGraphviz`. Descriptions name the input only where that is
/// the point of the message (an unknown organization, a DOT syntax error near some text); they never
/// repeat people's names from the network.
public enum RenderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The DOT text does not parse; `line` is 1-based when Graphviz reported it.
    case syntax(line: Int?, message: String)
    /// libgvc has no layout engine by that name (its plugin configuration may need `dot -c`).
    case unknownEngine(String)
    /// libgvc has no output device for that format.
    case unsupportedFormat(String)
    /// The layout failed; `message` holds what Graphviz said.
    case layoutFailed(String)
    /// The layout succeeded but the output could not be produced.
    case renderFailed(String)
    /// The worker process was killed by a signal (an assertion abort inside Graphviz, the OOM killer …).
    case crashed(signal: Int32)
    /// The worker did not finish in time and was stopped.
    case timedOut(after: Duration)
    /// The worker exited with a failure and no structured report.
    case workerFailed(status: Int32, message: String)
    /// The worker executable could not be found or started.
    case workerUnavailable(path: String, reason: String)
    /// The worker was called with arguments it does not understand.
    case workerUsage(String)
    /// The diagram of `view` (its command-line name) would have more nodes than the limit; narrow
    /// it, or draw the `orgs` view (unless that is the view).
    case tooManyNodes(count: Int, limit: Int, view: String)
    /// `strengths` does not hold one finite value in [0, 1] per edge.
    case invalidStrengths(String)
    /// The view needs the user (the person with id `me`) and the network has none.
    case noUser
    /// No organization has that name or key.
    case unknownOrganization(String)
    /// A node index outside the snapshot.
    case nodeOutOfRange(Int32)
    /// Two consecutive nodes of a path are not tied.
    case notTied(Int32, Int32)
    /// A path is empty or does not end at its target.
    case invalidPath(String)
    /// An invalid option value (a negative radius, a limit below one …).
    case invalidOption(String)

    public var description: String {
        switch self {
        case .syntax(let line?, let message): return "DOT syntax error in line \(line): \(message)"
        case .syntax(nil, let message): return "DOT syntax error: \(message)"
        case .unknownEngine(let name):
            return
                "Graphviz has no layout engine '\(name)' (engines: dot, neato, fdp, sfdp, circo, twopi; run `dot -c` if the plugins are installed)"
        case .unsupportedFormat(let name):
            return "Graphviz cannot write the format '\(name)' (formats: dot, svg, png, pdf)"
        case .layoutFailed(let message): return "the Graphviz layout failed: \(message)"
        case .renderFailed(let message): return "Graphviz could not write the diagram: \(message)"
        case .crashed(let signal): return "the Graphviz worker crashed (signal \(signal)); Rapport itself is unaffected"
        case .timedOut(let limit):
            return
                "the layout took longer than \(limit.secondsText) and was stopped; try the `orgs` view, a filter, or the sfdp engine"
        case .workerFailed(let status, let message):
            return message.isEmpty
                ? "the Graphviz worker failed with exit status \(status)"
                : "the Graphviz worker failed with exit status \(status): \(message)"
        case .workerUnavailable(let path, let reason):
            return "cannot start the render worker at \(path): \(reason) (set RAPPORT_RENDER_WORKER to its path)"
        case .workerUsage(let message): return "render worker usage: \(message)"
        case .tooManyNodes(let count, let limit, "orgs"):
            return
                "the diagram would have \(count) nodes, more than the limit of \(limit): raise --node-limit, narrow it with --top or --sector, or pass --force"
        case .tooManyNodes(let count, let limit, _):
            return
                "the diagram would have \(count) nodes, more than the limit of \(limit): draw the `orgs` view, narrow it with --min-strength, --top or --sector, or pass --force"
        case .invalidStrengths(let message): return "invalid tie strengths: \(message)"
        case .noUser: return "this view needs the user (the person with id 'me'), and the network has none"
        case .unknownOrganization(let name): return "no organization matches '\(name)'"
        case .nodeOutOfRange(let node): return "node \(node) is not in the network"
        case .notTied(let a, let b): return "nodes \(a) and \(b) follow each other on a path but are not tied"
        case .invalidPath(let message): return "invalid path: \(message)"
        case .invalidOption(let message): return "invalid diagram option: \(message)"
        }
    }
}

extension Duration {
    /// This duration in seconds, as a `Double`.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }

    /// "2.5 s".
    var secondsText: String {
        let s = seconds
        return s == s.rounded() ? "\(Int(s)) s" : "\((s * 1000).rounded() / 1000) s"
    }
}
