import Plot
import Rapport

/// The interview brief as a self-contained HTML page (no scripts, no external resources), built
/// with Plot like the report. Contact data enters only through `ReportPage.text(_:)`, the HTML
/// policy (`OutputPolicy.markup`), so names and notes cannot inject markup.
extension InterviewBrief {
    /// The brief as one HTML page.
    /// - Complexity: O(size of the brief).
    public func html() -> String {
        let text = ReportPage.text as (String) -> Node<HTML.BodyContext>
        let page = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .viewport(.accordingToDevice),
                .element(named: "title", nodes: [ReportPage.text("Interview brief: " + name)]),
                .style(Self.css)
            ),
            .body(
                .h1(text("Interview brief: " + name)),
                .p(.class("muted"), .text("Prepared \(asOf.iso)")),
                .h2("Who they are"),
                .dl(.forEach(facts) { line in .group(.dt(text(line.label)), .dd(text(line.value))) }),
                .h2("How you are connected"),
                connection(text),
                .h2("What you have in common"),
                common.isEmpty
                    ? .p("Nothing recorded yet: ask how they came to the field.")
                    : .ul(.forEach(common) { .li(text("You both " + $0)) }),
                .h2("Your notes and past conversations"),
                history(text),
                .h2("Questions to ask"),
                .ol(.forEach(questions) { .li(text($0)) })
            )
        )
        return ReportPage.withoutControlCharacters(page.render())
    }

    private func connection(_ text: (String) -> Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        guard let pathLine else { return .p("No warm path: reach out directly, leading with what you share.") }
        let strength = NumberFormat.twoDecimals(reliability)
        return .group(
            .p(.class("path"), text(pathLine)),
            path.count == 1
                ? .p(.text("You know them directly (strength \(strength))."))
                : .p(text("Path reliability \(strength): ask \(path[0].name) for the introduction."))
        )
    }

    private func history(_ text: (String) -> Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        if notes.isEmpty && contacts.isEmpty { return .p("None yet.") }
        let conversations = contacts.prefix(Self.contactLimit).map { c -> Node<HTML.ListContext> in
            .li(text("\(c.date.iso) · \(Self.kindLabel(c))" + (c.notes.isEmpty ? "" : ": \(c.notes)")))
        }
        return .ul(
            .forEach(notes) { .li(text($0)) },
            .group(conversations),
            .if(earlierLine != nil, .li(text(earlierLine ?? "")))
        )
    }

    static let css = """
        body { font: 15px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1d2433; }
        h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.1rem; border-bottom: 1px solid #d8dee9; padding-bottom: .2rem; margin-top: 1.6rem; }
        .muted { color: #6b7385; } dt { font-weight: 600; float: left; clear: left; width: 8rem; } dd { margin-left: 8.5rem; }
        .path { font-family: ui-monospace, Menlo, monospace; background: #f4f6fa; padding: .4rem .6rem; border-radius: 4px; }
        @media print { body { margin: 0; } }
        """
}
