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

    /// Contact or free text as an escaped text node. `&` is written as `&amp;` first because Plot
    /// leaves `&name;` sequences alone (it takes them for entities the author wrote on purpose).
    static func text<Context>(_ value: String) -> Node<Context> {
        .text(value.replacingOccurrences(of: "&", with: "&amp;"))
    }

    /// An id made only of `[a-z0-9-]`, safe as an attribute value.
    static func slug(_ value: String) -> String {
        let kept = value.lowercased().unicodeScalars.map { scalar -> Character in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? Character(scalar) : "-"
        }
        return String(kept)
    }

    /// Two decimals.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// A percentage in [0, 100] for a bar width, from a value in [0, 1].
    static func percent(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return String(Int((min(max(value, 0), 1) * 100).rounded()))
    }

    /// The page without C0/C1 control characters other than tab and line breaks: HTML forbids
    /// them, and a name carrying an ANSI escape must not reach the page raw (Plot escapes markup,
    /// not control characters).
    public static func withoutControlCharacters(_ html: String) -> String {
        // Most pages hold none: a byte scan (C0 below 0x20, DEL, and C1 as UTF-8 0xC2 0x80…0x9F)
        // avoids rebuilding the string scalar by scalar.
        var previous: UInt8 = 0
        let clean = html.utf8.allSatisfy { b in
            defer { previous = b }
            return !((b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F || (previous == 0xC2 && (0x80...0x9F).contains(b)))
        }
        if clean { return html }
        var scalars = String.UnicodeScalarView()
        for scalar in html.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (0x7F...0x9F).contains(v) { continue }
            scalars.append(scalar)
        }
        return String(scalars)
    }
}
