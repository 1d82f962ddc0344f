import Plot
import Rapport
import RapportUseCases

/// A page before its frame: the title, the section it belongs to, and the content of `main`.
typealias PageContent = (title: String, section: Page.Section?, main: [Node<HTML.BodyContext>])

extension WebApp {
    /// Home: the summary, the goal form, the suggestions with their warm path, next action and
    /// "why", the fading ties to keep warm, and what is due this week.
    /// - Parameter goalFields: the query's value of a form field (empty when absent).
    func homePage(goalFields q: (String) -> String) throws -> PageContent {
        let loaded = try workbench.current()
        let a = loaded.analysis
        let ego = try a.ego()
        let goal = Goal(sectors: q("sector"), keywords: q("keyword"), organizations: q("org"), locations: q("location"))
        let suggestions = try loaded.suggestions(for: goal, top: 10)
        let summary = goal.isEmpty ? nil : try loaded.memo("summary|\(goal)") { try loaded.planner.with(goal: goal).goalSummary() }
        let fading = Array(try loaded.keepWarm().prefix(8))
        let due = try loaded.due(within: 7)
        let s = loaded.summary
        let main: [Node<HTML.BodyContext>] = [
            .h1("Your network"),
            .p(.class("muted"), .text("Scores as of \(a.asOf.iso) for "), Page.name(a.name(ego)), .text(".")),
            .div(
                .class("stats"),
                stat(s.people, "people"), stat(s.organizations, "organizations"), stat(s.tieCount, "ties"),
                stat(s.egoTieCount, "of them yours")),
            .h2(.id("goal-heading"), "Goal"),
            .form(
                .class("panel"), .action("/"), .method(.get), .attribute(named: "aria-labelledby", value: "goal-heading"),
                .div(
                    .class("fields"),
                    goalField("Sectors", "sector", q("sector"), "e.g. intellectual property, UX research"),
                    goalField("Keywords", "keyword", q("keyword"), "words in titles and notes"),
                    goalField("Organizations", "org", q("org"), "comma-separated"),
                    goalField("Location", "location", q("location"), "a city or region")
                ),
                .button(.type(.submit), "Suggest")
            ),
            .if(summary != nil, .p(.id("goal-summary"), .text(Self.goalLine(summary)))),
            .h2("Whom to talk to next"),
            suggestionsTable(suggestions, planner: loaded.planner, ego: ego),
            .div(
                .class("grid"),
                .div(.h2("Keep warm"), keepWarmList(fading)),
                .div(.h2("Due this week"), dueList(due, a))
            ),
        ]
        return ("Home", .home, main)
    }

    private func stat(_ value: Int, _ label: String) -> Node<HTML.BodyContext> {
        .div(.class("stat"), .span(.class("value"), .text(String(value))), .span(.class("label"), .text(label)))
    }

    private func goalField(_ label: String, _ name: String, _ value: String, _ hint: String) -> Node<HTML.FormContext> {
        Page.field(
            label, id: "goal-\(name)",
            .input(
                .type(.text), .id("goal-\(name)"), .name(name), .value(Page.attribute(value)),
                .attribute(named: "aria-describedby", value: "goal-\(name)-hint")),
            hint: hint)
    }

    static func goalLine(_ summary: GoalSummary?) -> String {
        guard let summary else { return "" }
        guard summary.matched > 0 else {
            let closest = summary.closestTerms.isEmpty ? "" : " Closest terms in your network: " + summary.closestTerms.joined(separator: ", ") + "."
            return "Nobody of \(summary.total) people matches this goal." + closest
        }
        return "\(summary.matched) of \(summary.total) people match this goal."
    }

    private func suggestionsTable(_ list: [Suggestion], planner: Planner, ego: Int32) -> Node<HTML.BodyContext> {
        guard !list.isEmpty else {
            return .p(.class("muted"), "No candidates: nobody matches within reach. Try a broader goal, or import more contacts.")
        }
        return .table(
            .id("suggestions"), .class("wide"),
            .thead(.tr(.th("#"), .th("Person"), .th("Score"), .th("Warm path and next step"))),
            .tbody(.forEach(Array(list.enumerated())) { i, s in
                let c = s.components
                let why = "relevance \(Page.number(c.relevance)) · path \(Page.number(c.reliability)) · redundancy \(Page.number(c.redundancy)) (\(c.introducerCount) introducer\(c.introducerCount == 1 ? "" : "s")) · quality gain \(Page.number(c.qualityGain)) · insight \(Page.number(c.insight))"
                    + (c.freshness < 1 ? " · freshness ×\(Page.number(c.freshness))" : "")
                return .tr(
                    .class("suggestion"),
                    .td(.class("num"), .text(String(i + 1))),
                    .td(Page.personLink(id: s.id, name: s.name), .br(), .small(Page.text([s.title, s.organization].compactMap { $0 }.joined(separator: ", ")))),
                    .td(.class("num"), .text(Page.number(s.score))),
                    .td(
                        .div(.class("path"), Page.text(s.path.isEmpty ? (s.kind == .direct ? "You know them directly." : "No warm path: cold outreach.") : planner.describe(s.path, from: ego))),
                        .div(.strong("Next: "), Page.text(s.action)),
                        .element(named: "details", nodes: [
                            .class("why"), .element(named: "summary", nodes: [.text("Why")]), .p(.text(why)),
                            .if(!s.sharedHistory.isEmpty, .p(.text("Shared history: "), Page.text(s.sharedHistory.joined(separator: ", ")))),
                        ])
                    )
                )
            })
        )
    }

    private func keepWarmList(_ list: [KeepWarmSuggestion]) -> Node<HTML.BodyContext> {
        guard !list.isEmpty else { return .p(.class("muted"), "No strong tie is fading.") }
        return .ul(.forEach(list) { k in
            .li(
                Page.personLink(id: k.id, name: k.name),
                .text(" — \(Page.number(k.strength)) (peak \(Page.number(k.peakStrength))), last contact \(k.lastInteraction?.iso ?? "never")"),
                .br(), .small(Page.text(k.action)))
        })
    }

    private func dueList(_ items: [DueItem], _ a: Analysis) -> Node<HTML.BodyContext> {
        guard !items.isEmpty else { return .p(.class("muted"), "Nothing due in the next 7 days.") }
        let shown = items.prefix(12)
        return .div(
            .ul(.forEach(shown) { item in
                .li(
                    .text("\(item.due.iso) · \(FollowUp.reasonLabel(item.reason)) · "),
                    Page.personLink(id: item.personID, name: a.name(item.node)),
                    .br(), .small(Page.text(item.action)))
            }),
            .if(items.count > shown.count, .p(.class("muted"), .text("… and \(items.count - shown.count) more (`rapport due` lists them all)."))))
    }
}
