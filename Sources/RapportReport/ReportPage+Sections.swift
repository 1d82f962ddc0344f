import Plot
import Rapport

extension ReportPage {
    /// How many ties each reach bar names; the rest are counted.
    static let carriersShown = 8

    static func summarySection(_ content: ReportContent) -> Node<HTML.BodyContext> {
        let summary = content.summary
        return .section(
            .id("summary"), .class("report-section"),
            .h2("Summary"),
            .div(
                .class("stats"),
                stat(summary.people, "people"),
                stat(summary.organizations, "organizations"),
                stat(summary.tieCount, "ties"),
                stat(summary.egoTieCount, "of them yours")
            ),
            .table(
                .id("tiers"),
                .thead(.tr(.th("Tie strength"), .th(.class("num"), "Yours"), .th(.class("num"), "All"))),
                .tbody(
                    .forEach(StrengthTier.allCases) { tier in
                        .tr(
                            .td(.span(.class("swatch tier-\(tier.rawValue)")), .text(tier.label)),
                            .td(.class("num"), .text(String(summary.egoTies[tier] ?? 0))),
                            .td(.class("num"), .text(String(summary.ties[tier] ?? 0)))
                        )
                    }
                )
            )
        )
    }

    private static func stat(_ value: Int, _ label: String) -> Node<HTML.BodyContext> {
        .div(.class("stat"), .span(.class("value"), .text(String(value))), .span(.class("label"), .text(label)))
    }

    static func reachSection(_ rows: [ReportReachRow]) -> Node<HTML.BodyContext> {
        .section(
            .id("reach"), .class("report-section"),
            .h2("Reach by organization"),
            .p(
                .class("note"),
                "One strong tie gives more reach than five acquaintances, or any number of them. Each bar lists the ties that carry it."
            ),
            .if(rows.isEmpty, .p(.class("empty"), "You have no ties to anyone with an organization yet.")),
            .ol(
                .class("bars"),
                .forEach(rows) { row in
                    .li(
                        .class("bar-row"),
                        .div(.class("bar-label"), text(row.organization)),
                        .div(
                            .class("bar"),
                            .span(.class("fill"), .attribute(named: "style", value: "width: \(percent(row.reach))%"))
                        ),
                        .div(.class("bar-value"), .text(format(row.reach))),
                        .div(
                            .class("carriers"),
                            .text("carried by "),
                            .group(people(Array(row.ties.prefix(carriersShown)), separator: ", ")),
                            .if(row.ties.count > carriersShown, .text(" and \(row.ties.count - carriersShown) weaker"))
                        )
                    )
                }
            )
        )
    }

    static func suggestionsSection(_ suggestions: [ReportSuggestion]) -> Node<HTML.BodyContext> {
        .section(
            .id("suggestions"), .class("report-section"),
            .h2("Whom to talk to next"),
            .if(
                suggestions.isEmpty,
                .p(
                    .class("empty"),
                    "No candidates: nobody is reachable within the hop limit and no prospect is imported.")
            ),
            .if(
                !suggestions.isEmpty,
                .table(
                    .id("suggestion-table"),
                    .thead(
                        .tr(
                            .th(.class("num"), "#"), .th("Person"), .th("Organization"), .th(.class("num"), "Score"),
                            .th("Warm path and why")
                        )
                    ),
                    .tbody(.forEach(suggestions) { suggestionRow($0) })
                )
            )
        )
    }

    private static func suggestionRow(_ s: ReportSuggestion) -> Node<HTML.TableContext> {
        let c = s.components
        var breakdown = "relevance \(format(c.relevance)), path \(format(c.reliability)), "
        breakdown +=
            "redundancy \(format(c.redundancy)) (\(c.introducerCount) introducer\(c.introducerCount == 1 ? "" : "s")), "
        if c.warmth > 0 { breakdown += "warmth \(format(c.warmth)), " }
        breakdown += "quality gain \(format(c.qualityGain)), insight \(format(c.insight))"
        if c.freshness < 1 { breakdown += ", freshness ×\(format(c.freshness))" }
        return .tr(
            .class("suggestion kind-\(slug(s.kind.rawValue))"),
            .td(.class("num"), .text(String(s.rank))),
            .td(.strong(text(s.name)), .if(!s.title.isEmpty, .group(.br(), .span(.class("title"), text(s.title))))),
            .td(text(s.organization)),
            .td(.class("num"), .text(format(s.score))),
            .td(
                .p(.class("action"), text(s.action)),
                .if(
                    !s.path.isEmpty,
                    .p(.class("path"), .span(.class("you"), "You"), .group(s.path.map { hop in hopNode(hop) }))
                ),
                .if(!s.shared.isEmpty, .p(.class("shared"), .text("Shared: "), text(s.shared.joined(separator: ", ")))),
                .p(.class("breakdown"), .text(breakdown)),
                .if(
                    !s.alternatives.isEmpty,
                    .p(
                        .class("alternatives"), .text("Also via: "),
                        .group(people(Array(s.alternatives.prefix(3)), separator: ", ")))
                )
            )
        )
    }

    private static func hopNode(_ hop: ReportPerson) -> Node<HTML.BodyContext> {
        .group(
            .span(.class("arrow"), .text(" → ")),
            .span(.class("hop"), text(hop.name), .span(.class("strength"), .text(" " + format(hop.strength))))
        )
    }

    static func keepWarmSection(_ list: [ReportKeepWarm]) -> Node<HTML.BodyContext> {
        .section(
            .id("keep-warm"), .class("report-section"),
            .h2("Keep warm"),
            .p(.class("note"), "Strong ties that are fading: a short note now keeps them strong."),
            .if(list.isEmpty, .p(.class("empty"), "No strong tie is fading: nothing to re-engage right now.")),
            .if(
                !list.isEmpty,
                .table(
                    .id("keep-warm-table"),
                    .thead(
                        .tr(
                            .th("Person"), .th("Organization"), .th(.class("num"), "Now"), .th(.class("num"), "Peak"),
                            .th("Last contact"), .th("Next step")
                        )
                    ),
                    .tbody(
                        .forEach(list) { k in
                            .tr(
                                .td(.strong(text(k.name))),
                                .td(text(k.organization)),
                                .td(.class("num"), .text(format(k.strength))),
                                .td(.class("num"), .text(format(k.peakStrength))),
                                .td(
                                    .text(
                                        k.lastContact.map { "\($0.iso) (\(k.daysSinceContact ?? 0) days)" } ?? "never")),
                                .td(text(k.action))
                            )
                        }
                    )
                )
            )
        )
    }

    /// "Maria Chen 0.82, Dana Lee 0.61" as escaped spans.
    private static func people(_ list: [ReportPerson], separator: String) -> [Node<HTML.BodyContext>] {
        var nodes: [Node<HTML.BodyContext>] = []
        for (i, person) in list.enumerated() {
            if i > 0 { nodes.append(.text(separator)) }
            nodes.append(
                .span(
                    .class("person"), text(person.name), .span(.class("strength"), .text(" " + format(person.strength)))
                ))
        }
        return nodes
    }
}
