import ArgumentParser
import Foundation
import Rapport
import RapportCSV
import RapportGraphviz
import RapportReport
import RapportStore

/// The one place that turns an error into a message and an exit code.
///
/// 0 ok, 1 failure (the workspace, Graphviz, the system), 2 usage or bad input.
enum ExitStatus {
    static let ok: Int32 = 0
    static let failure: Int32 = 1
    static let badInput: Int32 = 2

    /// A user-facing message for `error` (never the contents of a contact unless `verbose`).
    static func report(_ error: any Error) -> (message: String, code: Int32) {
        switch error {
        case let error as ImportError: return (error.description, badInput)
        case let error as CommandError: return (error.description, error.code)
        case let error as StoreError:
            switch error {
            case .notFound, .schemaTooNew, .notAWorkspace: return (error.description, badInput)
            default: return (error.description, failure)
            }
        case let error as NetworkError: return (error.description, badInput)
        case let error as RenderError:
            switch error {
            case .crashed, .timedOut, .workerFailed, .workerUnavailable, .layoutFailed, .renderFailed, .workerUsage:
                return (error.description, failure)
            default: return (error.description, badInput)
            }
        case let error as ScoringError: return (error.description, badInput)
        case let error as FollowThroughError: return (error.description, badInput)
        case let error as ReportError:
            switch error {
            case .diagram(_, let render): return (error.description, report(render).code)
            case .unknownEgo, .scoring: return (error.description, badInput)
            case .unsafeDiagram: return (error.description, failure)
            }
        default: return ("\(error)", failure)
        }
    }
}

/// An error raised by a command itself, with its exit code.
struct CommandError: Error, CustomStringConvertible {
    var description: String
    var code: Int32

    static func badInput(_ message: String) -> CommandError { CommandError(description: message, code: ExitStatus.badInput) }
    static func failure(_ message: String) -> CommandError { CommandError(description: message, code: ExitStatus.failure) }
}
