import Testing
import RapportGraphviz

@Suite struct DOTWriterTests {
    @Test func quotedStringsEscapeBackslashFirstThenQuotesNewlinesAndAmpersands() {
        #expect(DOTEscaping.quoted(#"a\"b"#) == #""a\\\"b""#)
        #expect(DOTEscaping.quoted("one\ntwo\r\nthree") == #""one\ntwo\nthree""#)
        #expect(DOTEscaping.quoted(#"\N \G \l"#) == #""\\N \\G \\l""#)
        #expect(DOTEscaping.quoted("AT&T &amp;") == #""AT&amp;T &amp;amp;""#)
        #expect(DOTEscaping.quoted("bell\u{07}tab\tnul\u{0}del\u{7F}") == #""belltab nuldel""#)
        // Right-to-left script and emoji stay; the override that would reorder the label goes.
        #expect(DOTEscaping.quoted("שלום \u{202E}x 👩🏽‍💻") == "\"שלום x 👩🏽‍💻\"")
    }

    @Test func htmlLabelsUseEntitiesDoubleBackslashesAndBreaks() {
        #expect(DOTEscaping.html(#"<b>"x" & y\N</b>"#) == #"&lt;b&gt;&quot;x&quot; &amp; y\\N&lt;/b&gt;"#)
        #expect(DOTEscaping.html("a\nb") == "a<br/>b")
    }

    @Test func identifiersStayBareOnlyWhenPlain() {
        #expect(DOTEscaping.identifier("n12") == "n12")
        #expect(DOTEscaping.identifier("node") == #""node""#)
        #expect(DOTEscaping.identifier(#"a"; b"#) == #""a\"; b""#)
        #expect(DOTEscaping.identifier("1a") == #""1a""#)
    }

    @Test func numbersHaveTwoPlacesAndAPeriod() {
        #expect(DOTValue.number(0.5) == .text("0.50"))
        #expect(DOTValue.number(0.125) == .text("0.13"))
        #expect(DOTValue.number(2.996) == .text("3.00"))
        #expect(DOTValue.number(12) == .text("12.00"))
        #expect(DOTValue.number(-0.004) == .text("0.00"))
        #expect(DOTValue.number(-1.5) == .text("-1.50"))
        #expect(DOTValue.number(.nan) == .text("0.00"))
    }

    @Test func writerSortsNodesNumericallyEdgesAndAttributes() {
        let graph = DOTGraph(
            name: "g",
            nodes: [DOTNode(id: "n10"), DOTNode(id: "n2", attributes: ["z": .text("1"), "a": .text("2")])],
            edges: [DOTEdge(from: "n2", to: "n10"), DOTEdge(from: "n10", to: "n11"), DOTEdge(from: "n2", to: "n3")])
        #expect(
            graph.dotText == """
                graph g {
                  n2 [a="2", z="1"];
                  n10;
                  n2 -- n3;
                  n2 -- n10;
                  n10 -- n11;
                }

                """)
    }

    @Test func aHostileLabelStaysInsideItsQuotes() throws {
        let graph = DOTGraph(nodes: [
            DOTNode(id: "n0", attributes: ["label": .text(#"x"]; n1 [shape=box]; n2 -- n3; "#)])
        ])
        let summary = try Renderer().validate(dot: graph.dotText)
        #expect(summary.nodeCount == 1)
        #expect(summary.edgeCount == 0)
        #expect(summary.nodeAttributeNames == ["label"])
    }
}
