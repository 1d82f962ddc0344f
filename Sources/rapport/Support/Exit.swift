import ArgumentParser
import Foundation
import RapportUseCases

/// Exit codes: 0 ok, 1 failure (the workspace, Graphviz, the system), 2 usage or bad input.
/// Which error is which is decided once, in `ErrorReport`.
enum ExitStatus {
    static let ok: Int32 = 0
    static let failure: Int32 = 1
    static let badInput: Int32 = 2

    /// A user-facing message for `error` and its exit code.
    static func report(_ error: any Error) -> (message: String, code: Int32) {
        let report = ErrorReport(error)
        return (report.message, report.kind == .badInput ? badInput : failure)
    }
}
