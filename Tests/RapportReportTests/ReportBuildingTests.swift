import Foundation
import Rapport
import RapportGraphviz
import Testing

@testable import RapportReport

@Suite struct ReportBuildingTests {
    @Test func summaryCountsPeopleOrganizationsAndTiers() throws {
        let (snapshot, strengths, _, _) = try ReportFixture.scored()
        let me = try #require(snapshot.selfIndex)
        let summary = ReportSummary(snapshot: snapshot, strengths: strengths.values, ego: me)
        // 1 user + 6 friends + 6 targets; 12 ties, 6 of them the user's.
        #expect(summary.people == 13)
        #expect(summary.tieCount == 12)
        #expect(summary.egoTieCount == 6)
        // Hand-made strengths: [0.9, 0.5, 0.1] → one per tier.
        let hand = ReportSummary(snapshot: snapshot, strengths: [0.9, 0.5, 0.1], ego: nil)
        #expect(hand.ties == [.strong: 1, .medium: 1, .weak: 1])
        #expect(hand.egoTies.isEmpty)
    }

    @Test func unknownEgoIsAnError() throws {
        let (snapshot, strengths, _, _) = try ReportFixture.scored()
        #expect(throws: ReportError.unknownEgo(99)) {
            try ReportContent(snapshot: snapshot, strengths: strengths, ego: 99, suggestions: [], keepWarm: [])
        }
    }

    @Test func goalIsDescribedInWords() {
        var goal = Goal()
        goal.sectors = ["intellectual property"]
        goal.organizations = ["Wilson & Okafor", "Lumenfold"]
        #expect(
            ReportContent.describe(goal) == "sectors: intellectual property; organizations: Wilson & Okafor, Lumenfold")
        #expect(ReportContent.describe(Goal()) == "")
    }

    /// The whole path: scored network → Graphviz SVG through the worker → page; hostile names inert.
    @Test func renderedReportOfHostileNetworkIsInert() throws {
        let (snapshot, strengths, suggestions, fading) = try ReportFixture.scored()
        let me = try #require(snapshot.selfIndex)
        #expect(!suggestions.isEmpty)
        let diagrams = try ReportDiagrams.render(
            snapshot: snapshot, strengths: strengths.values, ego: me, suggestions: suggestions, renderer: Renderer())
        #expect(diagrams.map(\.id) == ["ego", "suggestions"])
        let content = try ReportContent(
            snapshot: snapshot, strengths: strengths, ego: me, suggestions: suggestions, keepWarm: fading,
            diagrams: diagrams)
        let html = try ReportPage.html(content)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<?xml"))
        #expect(!html.contains("<!DOCTYPE svg"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 2)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // Every target appears in the suggestion table.
        // Escaped by the HTML policy: `& < > " '` as entities, unsafe scalars dropped.
        for s in suggestions {
            var escaped = s.name
            for (raw, entity) in [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&#39;")] {
                escaped = escaped.replacingOccurrences(of: raw, with: entity)
            }
            #expect(html.contains("<strong>\(escaped)</strong>"))
        }
    }
}
