import Foundation
import Rapport
import Testing
import RapportGraphviz

/// Hostile names pass through DOT, libcgraph and SVG as inert text.
@Suite struct InjectionTests {
    static let names = [
        #"Robert "Bobby" O'Neil\"#,
        "<b>x</b>",
        #"\"]; node [shape=box"#,
        #"Eve\N\G \l"#,
        "AT&T &amp; Co",
        "Zoë 👩🏽‍💻 🇺🇦",
        "שלום \u{202E}evil",
    ]

    /// Everyone named after one hostile name, in an organization named after another.
    static func network() throws -> (NetworkSnapshot, [Double]) {
        var builder = NetworkBuilder()
        try builder.add(Person(id: "me", firstName: "Ana"))
        for (i, name) in names.enumerated() {
            try builder.add(
                Person(
                    id: "p\(i)", firstName: name, organization: i % 2 == 0 ? "Org \(names[(i + 1) % names.count])" : nil
                ))
            try builder.add(Tie("me", "p\(i)", kind: .friend))
        }
        let snapshot = try builder.freeze()
        return (snapshot, [Double](repeating: 0.5, count: snapshot.tieCount))
    }

    /// How a name reads in the parsed graph: cgraph undoes only `\"`; `\\` and entities are
    /// expanded later, when the label is drawn.
    static func parsedLabel(_ name: String) -> String {
        shown(name).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "&", with: "&amp;")
    }

    /// A name as every diagram shows it: the DOT policy drops the unsafe scalars (the override).
    static func shown(_ name: String) -> String { OutputPolicy.droppingUnsafe(name) }

    @Test func hostileNamesAddNoNodeOrAttributeWhenParsed() throws {
        let (snapshot, strengths) = try Self.network()
        let graph = try DiagramView.network.graph(of: snapshot, strengths: strengths)
        let summary = try Fixture.renderer.validate(dot: graph.dotText)
        #expect(summary.nodeCount == Self.names.count + 2)  // the user and the legend
        #expect(summary.edgeCount == Self.names.count)
        #expect(summary.subgraphCount == graph.clusters.count)
        #expect(
            summary.nodeAttributeNames == [
                "color", "fillcolor", "fontname", "fontsize", "label", "penwidth", "shape", "style",
            ])
        for (i, name) in Self.names.enumerated() {
            #expect(summary.labels["n\(i + 1)"] == Self.parsedLabel(name))
        }
    }

    @Test func hostileNamesReachTheSVGTextUnchanged() throws {
        let (snapshot, strengths) = try Self.network()
        let dot = try DiagramView.network.dot(of: snapshot, strengths: strengths)
        let svg = try Fixture.renderer.render(dot: dot, engine: .dot, format: .svg)
        let parsed = try #require(SVGText.parse(svg))
        #expect(parsed.nodeGroups == Self.names.count + 2)
        for name in Self.names {
            #expect(parsed.texts.contains(Self.shown(name)), "missing \(name.debugDescription)")
        }
        for i in Self.names.indices where i % 2 == 0 {
            #expect(parsed.texts.contains(Self.shown("Org \(Self.names[(i + 1) % Self.names.count])")))
        }
    }

    @Test func hostileTextInHTMLLabelsStaysText() throws {
        let cell = Self.names.map(DOTEscaping.html).joined(separator: "<br/>")
        let graph = DOTGraph(nodes: [DOTNode(id: "n0", attributes: ["label": .html(cell), "shape": .text("plain")])])
        let svg = try Fixture.renderer.render(dot: graph.dotText, engine: .dot, format: .svg)
        let parsed = try #require(SVGText.parse(svg))
        #expect(parsed.nodeGroups == 1)
        for name in Self.names {
            #expect(parsed.texts.contains(Self.shown(name)), "missing \(name.debugDescription)")
        }
    }

    @Test func controlCharactersAreDroppedNotInterpreted() throws {
        let graph = DOTGraph(nodes: [DOTNode(id: "n0", attributes: ["label": .text("a\u{0}b\u{1B}[31mc\u{85}d")])])
        let summary = try Fixture.renderer.validate(dot: graph.dotText)
        #expect(summary.labels["n0"] == "ab[31mcd")
    }
}
