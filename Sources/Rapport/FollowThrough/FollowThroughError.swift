/// Problems with follow-through inputs: stages, templates, the question bank.
///
/// Messages name the template or bank line at fault, never a contact's data.
public enum FollowThroughError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A stage name that is not one of `PipelineStage.allCases`.
    case unknownStage(String)
    /// A template could not be parsed (`name`: the template's name; `line`, `column`: 1-based).
    case templateSyntax(template: String, line: Int, column: Int, reason: String)
    /// A template uses a placeholder the draft context does not provide.
    case unknownPlaceholder(template: String, name: String, known: [String])
    /// A question-bank line that is neither a heading, a question, a comment nor blank.
    case questionBankSyntax(line: Int, reason: String)
    /// The bank holds fewer questions than a brief needs.
    case tooFewQuestions(available: Int, needed: Int)
    /// A due rule with a negative or inverted window.
    case invalidRule(String)

    public var description: String {
        switch self {
        case .unknownStage(let name):
            return "unknown stage '\(name)'; use one of: \(PipelineStage.names)"
        case .templateSyntax(let template, let line, let column, let reason):
            return "\(template):\(line):\(column): \(reason)"
        case .unknownPlaceholder(let template, let name, let known):
            return "\(template): unknown placeholder '{{\(name)}}'; available: \(known.joined(separator: ", "))"
        case .questionBankSyntax(let line, let reason):
            return "question bank:\(line): \(reason)"
        case .tooFewQuestions(let available, let needed):
            return "the question bank offers \(available) questions for this person; a brief needs at least \(needed)"
        case .invalidRule(let reason):
            return "invalid due rule: \(reason)"
        }
    }
}
