import Plot
import Rapport

/// The report as one self-contained HTML page: inline CSS, inline SVG, no script, no external asset.
///
/// Built with Plot, which escapes every text node. Contact strings only ever enter the page as text
/// nodes (never as attribute values, which Plot does not escape) through `text(_:)`, which also keeps
/// an `&` that happens to start an entity-like sequence (`&lt;`) literal.
public enum ReportPage {
    /// The whole page.
    ///
    /// - Throws: `ReportError.unsafeDiagram` when a diagram is not a clean SVG document.
    /// - Complexity: O(size of the content and the diagrams).
    public static func html(_ content: ReportContent) throws(ReportError) -> String {
        var figures: [Node<HTML.BodyContext>] = []
        for diagram in content.diagrams {
            let svg = try SVGInline.element(of: diagram.svg, id: diagram.id)
            figures.append(
                .element(
                    named: "figure",
                    nodes: [
                        .id("diagram-\(slug(diagram.id))"), .class("diagram"),
                        .div(.class("svg"), .raw(svg)),
                        .element(named: "figcaption", nodes: [text(diagram.caption)]),
                    ]))
        }
        let page = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .viewport(.accordingToDevice),
                .meta(.name("generator"), .content("Rapport")),
                .element(named: "title", nodes: [text(content.title)]),
                .style(ReportStyle.css)
            ),
            .body(
                .header(
                    .class("page"),
                    .h1(text(content.title)),
                    .p(
                        .class("meta"),
                        text("Scores as of \(content.asOf.iso)."),
                        .if(!content.goal.isEmpty, .group(.text(" Goal: "), text(content.goal), .text(".")))
                    )
                ),
                .main(
                    summarySection(content),
                    reachSection(content.reach),
                    suggestionsSection(content.suggestions),
                    keepWarmSection(content.keepWarm),
                    .section(
                        .id("diagrams"), .class("report-section"),
                        .h2("Diagrams"),
                        .if(figures.isEmpty, .p(.class("empty"), "No diagram was drawn.")),
                        .group(figures)
                    )
                ),
                .footer(
                    .class("page"),
                    .p("Made by Rapport. Strength is in [0, 1]; reach = s₁ + (1 − s₁) · Σ sₖ / 2^(k−1) over your ties there, strongest first.")
                )
            )
        )
        // No indentation: it would put spaces between inline elements ("0.82 , Dana").
        return withoutControlCharacters(page.render())
    }

    /// Contact or free text as a text node, escaped by the HTML policy (`OutputPolicy.markup`), not
    /// by Plot: Plot leaves `&name;` sequences alone (it takes them for entities the author wrote on
    /// purpose) and does not drop control characters.
    package static func text<Context>(_ value: String) -> Node<Context> {
        .raw(OutputPolicy.markup(value))
    }

    /// An id made only of `[a-z0-9-]`, safe as an attribute value.
    static func slug(_ value: String) -> String {
        let kept = value.lowercased().unicodeScalars.map { scalar -> Character in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? Character(scalar) : "-"
        }
        return String(kept)
    }

    /// Two decimals, by the one rule (`NumberFormat.twoDecimals`).
    static func format(_ value: Double) -> String { NumberFormat.twoDecimals(value) }

    /// A percentage in [0, 100] for a bar width, from a value in [0, 1].
    static func percent(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return String(Int((min(max(value, 0), 1) * 100).rounded()))
    }

    /// The page without the scalars the HTML policy drops (`OutputPolicy.isUnsafe`): a second
    /// line of defence for text that reaches the page other than through `text(_:)`, such as the
    /// labels inside a diagram's SVG. The web app's pages go through it too.
    public static func withoutControlCharacters(_ html: String) -> String { OutputPolicy.droppingUnsafe(html) }
}
