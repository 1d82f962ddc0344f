import Foundation
import Rapport
import RapportGraphviz
import Testing

@testable import RapportReport

@Suite struct ReportPageTests {
    static func handContent(diagrams: [ReportDiagram] = []) -> ReportContent {
        let name = ReportFixture.hostile[0]
        let components = ScoreComponents(
            relevance: 1, reliability: 0.5, redundancy: 0.5, qualityGain: 0.25, insight: 0.5, freshness: 1,
            introducerCount: 1)
        return ReportContent(
            title: "Rapport — \(name)", asOf: ReportFixture.asOf, egoName: name,
            goal: "organizations: \(ReportFixture.hostile[2])",
            summary: ReportSummary(people: 7, organizations: 3, ties: [.strong: 2, .weak: 1], egoTies: [.strong: 1]),
            reach: [
                ReportReachRow(
                    organization: ReportFixture.hostile[1], reach: 0.42,
                    ties: [ReportPerson(name: ReportFixture.hostile[3], strength: 0.42)])
            ],
            suggestions: [
                ReportSuggestion(
                    rank: 1, name: ReportFixture.hostile[4], organization: ReportFixture.hostile[0],
                    title: ReportFixture.hostile[2],
                    score: 0.5, components: components, kind: .introduction,
                    path: [
                        ReportPerson(name: ReportFixture.hostile[5], strength: 0.8),
                        ReportPerson(name: ReportFixture.hostile[4], strength: 0.6),
                    ],
                    alternatives: [ReportPerson(name: ReportFixture.hostile[1], strength: 0.1)],
                    shared: [ReportFixture.hostile[0]],
                    action: "Ask \(ReportFixture.hostile[5]) to introduce you")
            ],
            keepWarm: [
                ReportKeepWarm(
                    name: ReportFixture.hostile[2], organization: ReportFixture.hostile[3], strength: 0.3,
                    peakStrength: 0.8,
                    lastContact: Day(iso: "2025-01-01"), daysSinceContact: 688,
                    action: "Write to \(ReportFixture.hostile[2])")
            ],
            diagrams: diagrams)
    }

    @Test func hostileContactTextComesOutAsEscapedText() throws {
        let html = try ReportPage.html(Self.handContent())
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<Dept>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(2)&gt;"))
        // An entity-looking name is shown literally, not decoded into markup.
        #expect(html.contains("&amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt;"))
        // The HTML policy (`OutputPolicy.markup`) writes quotes as entities too.
        #expect(html.contains("AT&amp;T &quot;Legal&quot; &lt;Dept&gt;"))
        #expect(html.contains(#"\&quot;]; node [shape=box"#))
        #expect(html.contains("Zoë 👩🏽‍💻 李小龍"))
        // The title element is text too.
        #expect(html.contains("<title>Rapport — &lt;script&gt;alert(1)&lt;/script&gt;</title>"))
    }

    @Test func pageIsSelfContainedWithPrintAndPhoneStyles() throws {
        let html = try ReportPage.html(Self.handContent())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<link"))
        #expect(!html.contains(" src=\""))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(html.contains("@media print"))
        #expect(html.contains("break-before: page"))
        #expect(html.contains("@media (max-width: 640px)"))
        #expect(html.contains(#"<meta name="viewport" content="width=device-width, initial-scale=1.0"/>"#))
        for id in ["summary", "reach", "suggestions", "keep-warm", "diagrams", "suggestion-table", "keep-warm-table"] {
            #expect(html.contains(#"id="\#(id)""#), "missing #\(id)")
        }
    }

    @Test func reachBarWidthIsTheReachInPercent() throws {
        let html = try ReportPage.html(Self.handContent())
        #expect(html.contains(#"style="width: 42%""#))
        #expect(html.contains(">0.42<"))
    }

    @Test func summaryCountsTiesPerTier() throws {
        let html = try ReportPage.html(Self.handContent())
        // strong: 1 of yours, 2 in all; medium: 0 and 0; weak: 0 and 1.
        #expect(html.contains(#"strong (s ≥ 0.6)</td><td class="num">1</td><td class="num">2</td>"#))
        #expect(html.contains(#"medium (0.3 ≤ s &lt; 0.6)</td><td class="num">0</td><td class="num">0</td>"#))
        #expect(html.contains(#"weak (s &lt; 0.3)</td><td class="num">0</td><td class="num">1</td>"#))
    }

    @Test func tiersSplitAtPointThreeAndPointSix() {
        #expect(StrengthTier(strength: 0.2999) == .weak)
        #expect(StrengthTier(strength: 0.3) == .medium)
        #expect(StrengthTier(strength: 0.5999) == .medium)
        #expect(StrengthTier(strength: 0.6) == .strong)
        #expect(StrengthTier(strength: 1) == .strong)
    }

    @Test func formatRoundsToTwoDecimals() {
        #expect(ReportPage.format(0.125) == "0.13")
        #expect(ReportPage.format(1) == "1.00")
        #expect(ReportPage.format(0.05) == "0.05")
        #expect(ReportPage.format(.nan) == "–")
        #expect(ReportPage.percent(1.7) == "100")
    }

    @Test func diagramIsInlinedWithoutPrologDoctypeOrComments() throws {
        let svg = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <!-- Generated by graphviz -->
            <svg width="10pt" height="10pt" xmlns="http://www.w3.org/2000/svg"><!-- n1 --><g id="node1"><text>&lt;b&gt;</text></g></svg>
            """
        let html = try ReportPage.html(Self.handContent(diagrams: [ReportDiagram(id: "ego", caption: "Ego", svg: svg)]))
        #expect(!html.contains("<?xml"))
        #expect(!html.contains("<!DOCTYPE svg"))
        #expect(!html.contains("<!--"))
        #expect(html.contains(#"<figure id="diagram-ego" class="diagram"><div class="svg"><svg width="10pt""#))
        #expect(html.contains("<text>&lt;b&gt;</text>"))
    }
}
