import Rapport
import RapportCSV
import RapportGraphviz
import RapportReport
import RapportStore

/// The one mapping from any error Rapport raises to what a person is told and what kind of failure
/// it is. The command line turns `kind` into an exit code (`badInput` 2, `failure` 1); a web front
/// into a status (400, 500).
///
/// Messages never carry a contact's data beyond what the error itself names (an id, a file place);
/// the types' descriptions are written that way.
public struct ErrorReport: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// The input, a flag or the workspace's files are wrong: the user can fix it.
        case badInput
        /// The system failed: the database, Graphviz, the disk, or a bug.
        case failure
    }

    public var message: String
    public var kind: Kind

    public init(message: String, kind: Kind) {
        self.message = message
        self.kind = kind
    }

    /// The message and kind of `error`; an error type this mapping does not know is a failure.
    public init(_ error: any Error) {
        switch error {
        case let error as UseCaseError:
            if case .badInput = error { self.init(message: error.description, kind: .badInput) }
            else { self.init(message: error.description, kind: .failure) }
        case let error as ImportError: self.init(message: error.description, kind: .badInput)
        case let error as BulkError: self.init(message: error.description, kind: Self.kind(of: error))
        case let error as ConfigurationError: self.init(message: error.description, kind: .badInput)
        case let error as StoreError: self.init(message: error.description, kind: Self.kind(of: error))
        case let error as NetworkError: self.init(message: error.description, kind: .badInput)
        case let error as GraphError: self.init(message: error.description, kind: .badInput)
        case let error as IdentifierTableError: self.init(message: error.description, kind: .badInput)
        case let error as RenderError: self.init(message: error.description, kind: Self.kind(of: error))
        case let error as ScoringError: self.init(message: error.description, kind: .badInput)
        case let error as SuggestionError: self.init(message: error.description, kind: Self.kind(of: error))
        case let error as PathError: self.init(message: error.description, kind: Self.kind(of: error))
        case let error as FollowThroughError: self.init(message: error.description, kind: .badInput)
        case let error as ReportError: self.init(message: error.description, kind: Self.kind(of: error))
        case let error as SnapshotFileError:
            // The snapshot is a cache that is rebuilt when unusable; it surfaces only when it cannot
            // be written or read at all.
            self.init(message: error.description, kind: .failure)
        default: self.init(message: "\(error)", kind: .failure)
        }
    }

    private static func kind(of error: BulkError) -> Kind {
        if case .readFailed = error { return .failure }
        return .badInput
    }

    private static func kind(of error: StoreError) -> Kind {
        switch error {
        case .notFound, .schemaTooNew, .notAWorkspace: .badInput
        case .busy, .corruptRow, .database: .failure
        }
    }

    private static func kind(of error: RenderError) -> Kind {
        switch error {
        case .crashed, .timedOut, .workerFailed, .workerUnavailable, .layoutFailed, .renderFailed, .workerUsage: .failure
        default: .badInput
        }
    }

    private static func kind(of error: SuggestionError) -> Kind {
        if case .invalidStrengths = error { return .failure }
        return .badInput
    }

    private static func kind(of error: PathError) -> Kind {
        switch error {
        case .unknownNode, .invalidHopLimit, .invalidCount: .badInput
        case .edgeCountMismatch, .invalidStrength, .invalidLength: .failure
        }
    }

    private static func kind(of error: ReportError) -> Kind {
        switch error {
        case .diagram(_, let render): kind(of: render)
        case .unknownEgo, .scoring: .badInput
        case .unsafeDiagram: .failure
        }
    }
}
