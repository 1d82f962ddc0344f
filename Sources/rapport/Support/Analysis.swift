import Foundation
import RapportUseCases

extension Analysis {
    /// Warns on stderr when `ego` still has the placeholder name of `rapport init`.
    func warnIfPlaceholderName(_ ego: Int32) {
        if let warning = placeholderNameWarning(ego) { Terminal.standardError(warning) }
    }
}

/// Formats a strength or score for people: two decimals.
func format2(_ value: Double) -> String { String(format: "%.2f", value) }
func format3(_ value: Double) -> String { String(format: "%.3f", value) }
