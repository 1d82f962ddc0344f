import Foundation

// TEMPORARY until the core's one formatter lands (merge of branch `layer`).
func format2(_ value: Double) -> String { String(format: "%.2f", value) }
func format3(_ value: Double) -> String { String(format: "%.3f", value) }
