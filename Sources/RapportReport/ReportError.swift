import Rapport
import RapportGraphviz

/// What can stop a report.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The ego index is not a person of the snapshot.
    case unknownEgo(Int32)
    /// Reach could not be computed (a strength outside (0, 1], an index out of range).
    case scoring(ScoringError)
    /// A diagram could not be drawn or rendered.
    case diagram(id: String, RenderError)
    /// A rendered diagram is not an SVG document, or holds active content (script, event handlers,
    /// foreign objects) that must never reach the page.
    case unsafeDiagram(id: String, reason: String)

    public var description: String {
        switch self {
        case .unknownEgo(let i): return "no person has index \(i) in this network, so there is nobody to report on"
        case .scoring(let error): return "cannot compute reach: \(error.description)"
        case .diagram(let id, let error): return "cannot draw the \(id) diagram: \(error.description)"
        case .unsafeDiagram(let id, let reason): return "the \(id) diagram cannot be inlined: \(reason)"
        }
    }
}
