import Foundation
import RapportUseCases

extension Analysis {
    /// Warns on stderr when `ego` still has the placeholder name of `rapport init`.
    func warnIfPlaceholderName(_ ego: Int32) {
        if let warning = placeholderNameWarning(ego) { Terminal.standardError(warning) }
    }
}
