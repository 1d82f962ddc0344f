import Foundation
import Rapport

/// The sentences that explain suggestions to a person, the same on a terminal and a web page.
/// Fronts make them safe for their output (terminal control characters, HTML) themselves.
public enum SuggestionText {
    /// "7 of 2,311 people match 'engineering'", or, when nobody does, the closest terms that occur.
    public static func summary(_ summary: GoalSummary, goal: Goal) -> String {
        let values = goal.sectors + goal.keywords + goal.organizations + goal.locations + goal.seniority
        let quoted = values.map { "'\($0)'" }.joined(separator: ", ")
        let total = grouped(summary.total)
        let people = summary.total == 1 ? "person" : "people"
        guard summary.matched == 0 else {
            return "\(grouped(summary.matched)) of \(total) \(people) \(summary.matched == 1 ? "matches" : "match") \(quoted)"
        }
        let closest =
            summary.closestTerms.isEmpty ? "" : "; closest terms in your network: " + summary.closestTerms.joined(separator: ", ")
        return "Nobody of \(total) \(people) matches \(quoted)\(closest)"
    }

    /// "score 0.42: relevance 1.00, path 0.32, redundancy 0.50 (2 introducers), quality gain 0.61, insight 0.40".
    public static func scoreLine(_ s: Suggestion) -> String {
        let c = s.components
        let introducers = "\(c.introducerCount) introducer\(c.introducerCount == 1 ? "" : "s")"
        let freshness = c.freshness < 1 ? ", freshness ×\(NumberFormat.twoDecimals(c.freshness))" : ""
        return "score \(NumberFormat.twoDecimals(s.score)): relevance \(NumberFormat.twoDecimals(c.relevance)), path \(NumberFormat.twoDecimals(c.reliability)), "
            + "redundancy \(NumberFormat.twoDecimals(c.redundancy)) (\(introducers)), quality gain \(NumberFormat.twoDecimals(c.qualityGain)), "
            + "insight \(NumberFormat.twoDecimals(c.insight))\(freshness)"
    }

    /// "warmth 0.031 from 3 independent paths: Maria Chen 0.020 (path 0.32), …" (at most three named).
    public static func warmth(_ warmth: Double, _ terms: [WarmthTerm]) -> String {
        let parts = terms.prefix(3).map { "\($0.name) \(NumberFormat.decimal($0.contribution, digits: 3)) (path \(NumberFormat.twoDecimals($0.reliability)))" }
        let count = terms.count >= 5 ? "5+" : String(terms.count)
        return "warmth \(NumberFormat.decimal(warmth, digits: 3)) from \(count) independent path\(terms.count == 1 ? "" : "s"): "
            + parts.joined(separator: ", ")
    }

    /// "Maria Chen (0.32), Ken Ito (0.20)": the first three other introducers.
    public static func alternatives(_ s: Suggestion) -> String {
        s.alternatives.prefix(3).map { "\($0.name) (\(NumberFormat.twoDecimals($0.reliability)))" }.joined(separator: ", ")
    }

    private static func grouped(_ n: Int) -> String {
        n.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
    }
}
