import Testing

@testable import RapportReport

@Suite struct SVGInlineTests {
    @Test func keepsOnlyTheSVGElement() throws {
        let out = try SVGInline.element(of: "<?xml version=\"1.0\"?>\n<!-- c --><svg a=\"1\"><g/></svg>\n", id: "x")
        #expect(out == "<svg a=\"1\"><g/></svg>\n")
    }

    @Test(arguments: [
        "<svg><script>alert(1)</script></svg>",
        "<svg><SCRIPT>alert(1)</SCRIPT></svg>",
        "<svg onload=\"alert(1)\"></svg>",
        "<svg><g ONCLICK='x'></g></svg>",
        "<svg><a xlink:href=\" javascript:alert(1)\"><text>x</text></a></svg>",
        "<svg><foreignObject><div/></foreignObject></svg>",
        "<svg><svg:script/></svg>",
        "<svg><g id=\"x\"",
        "<svg><!-- open",
        "<html>no svg</html>",
    ])
    func refusesActiveOrBrokenContent(_ svg: String) {
        #expect(throws: ReportError.self) { try SVGInline.element(of: svg, id: "x") }
    }

    @Test func quotedGreaterThanAndEscapedTextAreNotTags() throws {
        let svg = #"<svg><g id="a>b"><title>&lt;script&gt; onload=1</title></g></svg>"#
        #expect(try SVGInline.element(of: svg, id: "x") == svg)
    }
}
