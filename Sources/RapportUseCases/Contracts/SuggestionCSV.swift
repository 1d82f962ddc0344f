import Rapport
import RapportCSV

/// The one CSV layout of suggestions, for `suggest --csv` and each file of `suggest --batch`.
/// Cells a spreadsheet would run as a formula are neutralized.
public enum SuggestionCSV {
    public static let header = [
        "rank", "id", "name", "organization", "title", "score", "relevance", "reliability", "redundancy",
        "quality_gain", "insight", "freshness", "introducer", "path", "action",
    ]

    /// The document for `suggestions` of `ego`, paths written as `planner.describe` writes them.
    public static func document(_ suggestions: [Suggestion], ego: Int32, planner: Planner) -> String {
        let rows = suggestions.enumerated().map { i, s in
            [
                String(i + 1), s.id, s.name, s.organization ?? "", s.title ?? "", NumberFormat.decimal(s.score, digits: 3),
                NumberFormat.decimal(s.components.relevance, digits: 3), NumberFormat.decimal(s.components.reliability, digits: 3), NumberFormat.decimal(s.components.redundancy, digits: 3),
                NumberFormat.decimal(s.components.qualityGain, digits: 3), NumberFormat.decimal(s.components.insight, digits: 3), NumberFormat.decimal(s.components.freshness, digits: 3),
                s.introducer?.name ?? "", s.path.isEmpty ? "" : planner.describe(s.path, from: ego), s.action,
            ]
        }
        return CSVWriter(neutralizeFormulas: true).document(header: header, rows: rows)
    }
}
