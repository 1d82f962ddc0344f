import Foundation
import Plot
import Rapport
import RapportGraphviz
import RapportReport
import RapportUseCases

extension WebApp {
    /// Search: people by name, organization or title (`rapport people --search`).
    func searchPage(text: String) throws -> PageContent {
        let loaded = try workbench.current()
        let query = text.trimmingCharacters(in: .whitespaces)
        let found = query.isEmpty ? nil : try loaded.analysis.session.people(search: query, organization: nil, limit: 200)
        let shown = found?.people ?? []
        let main: [Node<HTML.BodyContext>] = [
            .h1("Search"),
            .form(
                .class("panel"), .action("/search"), .method(.get), .attribute(named: "role", value: "search"),
                Page.field("Name, organization or title", id: "q", .input(.type(.search), .id("q"), .name("q"), .value(Page.attribute(query)))),
                .button(.type(.submit), "Search")
            ),
            .if(!query.isEmpty, .p(.id("result-count"), .text(found.map { $0.total == shown.count ? "\($0.total) found." : "\($0.total) found; the first \(shown.count) are shown." } ?? ""))),
            .if(!shown.isEmpty, .table(
                .id("results"), .class("wide"),
                .thead(.tr(.th("Name"), .th("Organization"), .th("Title"))),
                .tbody(.forEach(shown) { p in
                    .tr(.td(Page.personLink(id: p.id, name: p.displayName)), .td(Page.text(p.organization ?? "")), .td(Page.text(p.title ?? "")))
                })
            )),
        ]
        return ("Search", .search, main)
    }

    /// Reach by organization, sector or school, with the report's bars (`rapport reach`).
    func reachPage(by: String) throws -> PageContent {
        let grouping = ReachGrouping(text: by.isEmpty ? "org" : by) ?? .organization
        let a = try workbench.current().analysis
        let entries = Array(try a.reach(by: grouping).prefix(30))
        let names: [(ReachGrouping, String)] = [(.organization, "Organizations"), (.sector, "Sectors"), (.school, "Schools")]
        let main: [Node<HTML.BodyContext>] = [
            .h1("Reach"),
            .p(.class("muted"), "One strong tie gives more reach than five acquaintances. Reach = s₁ + (1 − s₁) · Σ sₖ / 2^(k−1) over your ties there, strongest first."),
            .element(named: "nav", nodes: [
                .attribute(named: "aria-label", value: "Group by"),
                .ul(.class("tabs"), .forEach(names) { g, label in
                    .li(.a(.href("/reach?by=\(g.rawValue)"), .text(label), .if(g == grouping, .attribute(named: "aria-current", value: "page"))))
                }),
            ]),
            entries.isEmpty
                ? .p(.class("muted"), "You have no ties into any group of this kind yet.")
                : .table(
                    .id("reach"), .class("wide"),
                    .thead(.tr(.th("Name"), .th("Reach"), .th(.class("num"), "Value"), .th("Carried by"))),
                    .tbody(.forEach(entries) { e in
                        .tr(
                            .td(Page.text(e.name)),
                            .td(Page.bar(e.reach, label: "reach \(Page.number(e.reach)) of 1")),
                            .td(.class("num"), .text(Page.number(e.reach))),
                            .td(.forEach(Array(e.ties.prefix(4).enumerated())) { i, t in
                                .group(.if(i > 0, .text(", ")), Page.personLink(id: a.snapshot.people.id(t.person), name: a.name(t.person)), .text(" \(Page.number(t.strength))"))
                            }, .if(e.ties.count > 4, .text(" +\(e.ties.count - 4)")))
                        )
                    })
                ),
        ]
        return ("Reach", .reach, main)
    }

    /// Network: the Graphviz views as inline SVG, drawn by the isolated worker (`rapport render`).
    /// Network: a Graphviz view as inline SVG — your ties, the suggestions, one organization
    /// (`view=org&name=…`) or all of them.
    func networkPage(view: String, organization: String = "") throws -> PageContent {
        let views: [(String, String)] = [
            ("ego", "Your ties"), ("suggestions", "Suggestions"), ("org", "One organization"), ("orgs", "Organizations"),
        ]
        let name = organization.trimmingCharacters(in: .whitespaces)
        let chosen = views.contains { $0.0 == view } ? view : "ego"
        let loaded = try workbench.current()
        var figure: Node<HTML.BodyContext>
        var people: [Int32] = []
        if chosen == "org" && name.isEmpty {
            figure = .p(.class("muted"), "Name an organization to see who you know there and how.")
        } else if let renderer {
            var request = Drawing.Request(view: chosen, subject: chosen == "org" ? name : nil, format: .svg)
            request.timeout = 60
            let picture = try drawings.picture(for: loaded.key + "/" + chosen + (chosen == "org" ? "/" + name : "")) {
                try Drawing.draw(request, planner: loaded.planner, renderer: renderer)
            }
            let svg = DiagramLinks.linkingPeople(
                in: try SVGInline.element(of: String(decoding: picture.bytes, as: UTF8.self), id: chosen),
                snapshot: loaded.analysis.snapshot)
            figure = .element(named: "figure", nodes: [
                .class("diagram"), .id("diagram-\(chosen)"), .div(.class("svg"), .raw(svg)),
                .element(named: "figcaption", nodes: [.text("\(picture.nodeCount) nodes, laid out by \(picture.engine.rawValue).")]),
                .if(picture.note != nil, .p(.class("muted"), Page.text(picture.note ?? ""))),
            ])
            if chosen == "ego", let ego = loaded.analysis.snapshot.selfIndex {
                people = try loaded.analysis.tieRows(of: ego, all: false).prefix(40).map(\.to)
            } else if chosen == "suggestions" {
                people = try loaded.suggestions(for: Goal(), top: 10).map(\.node)
            }
        } else {
            figure = .p(.class("muted"), "Diagrams need the rapport executable as the Graphviz worker; this server has none.")
        }
        let a = loaded.analysis
        let main: [Node<HTML.BodyContext>] = [
            .h1("Network"),
            .element(named: "nav", nodes: [
                .attribute(named: "aria-label", value: "Views"),
                .ul(.class("tabs"), .forEach(views) { v, label in
                    .li(.a(.href("/network?view=\(v)"), .text(label), .if(v == chosen, .attribute(named: "aria-current", value: "page"))))
                }),
            ]),
            .if(chosen == "org", .form(
                .class("panel"), .action("/network"), .method(.get),
                .input(.type(.hidden), .name("view"), .value("org")),
                Page.field("Organization", id: "org-name", .input(.type(.text), .id("org-name"), .name("name"), .value(Page.attribute(name)))),
                .button(.type(.submit), "Draw")
            )),
            figure,
            .if(!people.isEmpty, .group(
                .h2("People in this view"),
                .ul(.class("people"), .forEach(people) { p in .li(Page.personLink(id: a.snapshot.people.id(p), name: a.name(p))) })
            )),
        ]
        return ("Network", .network, main)
    }
}

/// Drawn pictures by network version and view: Graphviz takes a second or more, the network
/// changes far less often than pages are viewed.
final class DrawingCache: @unchecked Sendable {
    private let lock = NSLock()
    private var pictures: [String: Drawing.Picture] = [:]

    func picture(for key: String, draw: () throws -> Drawing.Picture) throws -> Drawing.Picture {
        if let cached = lock.withLock({ pictures[key] }) { return cached }
        let picture = try draw()
        lock.withLock {
            if pictures.count >= 16 { pictures.removeAll() }
            pictures[key] = picture
        }
        return picture
    }
}
