import Foundation
import Plot
import Rapport
import RapportReport

/// The frame of every page and the one escaping policy of the web app.
///
/// Plot escapes text nodes but not attribute values. Contact data enters a page only through
/// `text(_:)` (a text node, names isolated in `<bdi>` so that a right-to-left override cannot flip
/// the words around them) or `attribute(_:)` (every markup character as an entity); links to people
/// carry their id percent-encoded (`link(_:)`). The rendered page loses its C0/C1 control characters
/// (an ANSI escape in a name), which HTML forbids anyway.
enum Page {
    /// The sections of the app, in the navigation's order.
    enum Section: String, CaseIterable {
        case home = "Home", network = "Network", reach = "Reach", search = "Search", importing = "Import"

        var path: String {
            switch self {
            case .home: "/"
            case .network: "/network"
            case .reach: "/reach"
            case .search: "/search"
            case .importing: "/import"
            }
        }
    }

    /// A whole page: head with the app's stylesheet and script (both served by the app: the CSP
    /// allows nothing inline), the navigation, a flash message and `main`.
    static func render(
        title: String, section: Section?, flash: Flash? = nil, _ main: [Node<HTML.BodyContext>]
    ) -> String {
        let html = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .viewport(.accordingToDevice),
                .element(named: "title", nodes: [text(title + " · Rapport")]),
                .stylesheet("/static/app.css"),
                .element(named: "script", nodes: [.attribute(named: "src", value: "/static/app.js"), .attribute(named: "defer")])
            ),
            .body(
                .a(.class("skip"), .href("#main"), "Skip to content"),
                .header(
                    .class("top"),
                    .element(named: "nav", nodes: [
                        .attribute(named: "aria-label", value: "Sections"),
                        .ul(.forEach(Section.allCases) { s in
                            .li(.a(.href(s.path), .text(s.rawValue), .if(s == section, .attribute(named: "aria-current", value: "page"))))
                        }),
                    ])
                ),
                .main(
                    .id("main"),
                    .if(flash != nil, .p(.class("flash \(flash?.kind.rawValue ?? "")"), .attribute(named: "role", value: "status"), text(flash?.message ?? ""))),
                    .group(main)
                )
            )
        )
        return ReportPage.withoutControlCharacters(html.render())
    }

    /// A message shown once at the top of a page (after a write, or an error).
    struct Flash: Sendable {
        enum Kind: String, Sendable { case done, error }
        var kind: Kind
        var message: String
    }

    /// Contact or free text as an escaped text node (`&` first: Plot keeps `&name;` as written).
    static func text<Context>(_ value: String) -> Node<Context> {
        .text(value.replacingOccurrences(of: "&", with: "&amp;"))
    }

    /// A person's name, isolated for bidirectional text.
    static func name<Context>(_ value: String) -> Node<Context> {
        .element(named: "bdi", nodes: [text(value)])
    }

    /// A value safe inside a double-quoted attribute: the HTML policy (`& < > " '` as entities).
    static func attribute(_ value: String) -> String { OutputPolicy.markup(value) }

    /// `/person?id=…` for a person id (percent-encoded: safe in an attribute).
    static func link(person id: String) -> String {
        "/person?id=" + query(id)
    }

    /// A query value, percent-encoded to unreserved characters only.
    static func query(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// A link to a person, their name as its text.
    static func personLink(id: String, name: String) -> Node<HTML.BodyContext> {
        .a(.href(link(person: id)), Page.name(name))
    }

    /// The hidden field every POST form carries.
    static func csrfField(_ token: String) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name("csrf"), .value(attribute(token)))
    }

    /// An `<option>` (Plot's has no text content and no boolean `selected`).
    static func option(_ value: String, _ label: String, selected: Bool = false) -> Node<HTML.SelectContext> {
        .element(named: "option", nodes: [
            .attribute(Attribute(name: "value", value: attribute(value), ignoreIfValueIsEmpty: false)),
            selected ? .attribute(named: "selected") : .empty, text(label),
        ])
    }

    /// A labelled form row: every field has a label (WCAG 1.3.1, 3.3.2).
    static func field<Context: HTML.BodyContext>(
        _ label: String, id: String, _ control: Node<Context>, hint: String? = nil
    ) -> Node<Context> {
        .div(
            .class("field"),
            .label(.for(id), .text(label)),
            control,
            .if(hint != nil, .small(.id(id + "-hint"), .text(hint ?? "")))
        )
    }

    /// Two decimals: the one format of strengths and scores across Rapport.
    static func number(_ value: Double) -> String { String(format: "%.2f", value) }

    /// A bar for a value in [0, 1]: a width class (the CSP forbids inline styles) and the number.
    static func bar(_ value: Double, label: String) -> Node<HTML.BodyContext> {
        let step = Int((min(max(value, 0), 1) * 20).rounded()) * 5
        return .span(
            .class("bar"), .attribute(named: "role", value: "img"), .attribute(named: "aria-label", value: attribute(label)),
            .span(.class("fill w\(step)"))
        )
    }
}
