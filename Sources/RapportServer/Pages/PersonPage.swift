import FlyingFox
import Foundation
import Plot
import Rapport
import RapportUseCases

extension WebApp {
    /// Person: the strength with its explanation and evidence, the warm paths, the pipeline stage,
    /// a form to log an interaction, the two drafts and the prep brief (printable on its own).
    func personPage(reference: String) throws -> PageContent {
        guard !reference.isEmpty else { throw UseCaseError.badInput("no person named: open someone from Home or Search") }
        let loaded = try workbench.current()
        let a = loaded.analysis
        var profile = try PersonProfile(loaded.planner, reference: reference, paths: 0)
        let ego = try a.ego()
        let id = profile.person.id
        // Paths, drafts and brief depend on the network alone (the brief also on the stage, which
        // is part of the key): computed once per version of the network.
        let stageKey = profile.stage.map { "\($0.stage.rawValue)|\($0.since.iso)|\($0.note)" } ?? ""
        profile.paths = try loaded.memo("paths|" + id) { try loaded.planner.warmPaths(to: profile.node, top: 3) }
        let drafts = try loaded.memo("drafts|" + id) { try Writing.drafts(a, person: id, via: nil, goal: nil, planner: loaded.planner) }
        let brief = try loaded.memo("brief|\(id)|\(stageKey)") { try Writing.brief(a, person: id, planner: loaded.planner).markdown() }
        let csrf = policy.csrfToken
        let main: [Node<HTML.BodyContext>] = [
            .h1(.id("person-name"), Page.name(profile.person.displayName)),
            .p(.class("muted"), Page.text([profile.person.title, profile.organization].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · "))),
            .div(
                .class("grid"),
                .section(
                    .h2("Relationship strength"),
                    strengthBlock(profile),
                    .h3("Evidence"),
                    timeline(profile.timeline)
                ),
                .section(
                    .h2("Warm paths"),
                    profile.paths.isEmpty
                        ? .p(.class("muted"), "No warm path within reach: reach out directly, leading with what you share.")
                        : .ol(.forEach(profile.paths) { p in
                            .li(.class("path"), .text(Page.number(p.reliability) + "  "), Page.text(loaded.planner.describe(p.hops, from: ego)))
                        }),
                    .h2(.id("stage-heading"), "Pipeline"),
                    stageForm(profile, csrf: csrf)
                )
            ),
            .h2(.id("log-heading"), .class("no-print"), "Log an interaction"),
            logForm(id: id, asOf: a.asOf, csrf: csrf),
            .section(
                .class("no-print"),
                .h2("Drafts"),
                .if(drafts.toIntroducer != nil, draft("draft-introducer", "To \(drafts.introducerName ?? "the introducer") (introducer)", drafts.toIntroducer ?? "")),
                draft("draft-target", "To \(drafts.targetName)", drafts.toTarget)
            ),
            .section(
                .class("brief"),
                .h2("Interview brief"),
                .p(.class("no-print"), .button(.type(.button), .class("secondary"), .attribute(named: "data-copy", value: "brief-text"), .attribute(named: "hidden"), "Copy the brief")),
                .element(named: "pre", nodes: [.id("brief-text"), .class("brief-text"), Page.text(brief)])
            ),
        ]
        return (profile.person.displayName, nil, main)
    }

    private func strengthBlock(_ profile: PersonProfile) -> Node<HTML.BodyContext> {
        guard let strength = profile.strength, let explanation = profile.explanation else {
            return .p(.id("strength"), .class("muted"), "You have no direct tie yet.")
        }
        return .div(
            .p(.id("strength"), .strong(.text("Strength \(Page.number(strength))")), .text(" "), Page.bar(strength, label: "strength \(Page.number(strength)) of 1")),
            .p(Page.text(explanation.sentence)),
            .table(
                .id("factors"),
                .thead(.tr(.th("Factor"), .th(.class("num"), "Adds"), .th("Why"))),
                .tbody(.forEach(profile.additiveFactors) { f in
                    .tr(.td(.text(f.name)), .td(.class("num"), .text((f.contribution >= 0 ? "+" : "") + Page.number(f.contribution))), .td(Page.text(f.detail)))
                })
            )
        )
    }

    private func timeline(_ items: [Interaction]) -> Node<HTML.BodyContext> {
        guard !items.isEmpty else { return .p(.class("muted"), "No interaction recorded.") }
        return .ol(.class("timeline"), .id("timeline"), .forEach(items.prefix(50)) { i in
            var facts = [i.kind.rawValue.replacingOccurrences(of: "_", with: " ")]
            if i.isOneOnOne { facts.append("one-on-one") }
            if let m = i.minutes { facts.append("\(m) min") }
            if let r = i.rapport { facts.append("rapport \(r)/5") }
            return .li(.text(i.date.iso + " · " + facts.joined(separator: ", ")), .if(!i.notes.isEmpty, .group(.text(": "), Page.text(i.notes))))
        })
    }

    private func stageForm(_ profile: PersonProfile, csrf: String) -> Node<HTML.BodyContext> {
        let current = profile.stage?.stage
        return .form(
            .class("panel"), .action("/person/stage"), .method(.post), .attribute(named: "aria-labelledby", value: "stage-heading"),
            Page.csrfField(csrf),
            .input(.type(.hidden), .name("id"), .value(Page.attribute(profile.person.id))),
            .p(.text(profile.stage.map { "Now: \($0.stage.label) since \($0.since.iso)" } ?? "Not in the pipeline yet.")),
            .div(.class("fields"),
                Page.field("Stage", id: "stage", .select(.id("stage"), .attribute(named: "name", value: "stage"), .forEach(PipelineStage.allCases) { s in
                    Page.option(s.rawValue, s.label, selected: s == current)
                })),
                Page.field("Note", id: "stage-note", .input(.type(.text), .id("stage-note"), .name("note"), .value(Page.attribute(profile.stage?.note ?? ""))))
            ),
            .button(.type(.submit), "Save stage")
        )
    }

    private func logForm(id: String, asOf: Day, csrf: String) -> Node<HTML.BodyContext> {
        let kinds: [InteractionKind] = [.coffee, .informationalInterview, .meeting, .call, .videoCall, .email, .message, .event, .thankYou, .referral]
        return .form(
            .class("panel"), .action("/person/log"), .method(.post), .attribute(named: "aria-labelledby", value: "log-heading"),
            Page.csrfField(csrf),
            .input(.type(.hidden), .name("id"), .value(Page.attribute(id))),
            .div(.class("fields"),
                Page.field("Kind", id: "log-kind", .select(.id("log-kind"), .attribute(named: "name", value: "kind"), .forEach(kinds) { k in
                    Page.option(k.rawValue, k.rawValue.replacingOccurrences(of: "_", with: " "))
                })),
                Page.field("Date", id: "log-date", .input(.type(.date), .id("log-date"), .name("date"), .value(asOf.iso), .required(true))),
                Page.field("Minutes", id: "log-minutes", .input(.type(.number), .id("log-minutes"), .name("minutes"), .attribute(named: "min", value: "0"))),
                Page.field("Rapport (1–5)", id: "log-rapport", .select(.id("log-rapport"), .attribute(named: "name", value: "rapport"),
                    Page.option("", "not rated"),
                    .forEach(1...5) { r in Page.option(String(r), String(r)) })),
                Page.field("One-on-one", id: "log-one", .input(.type(.checkbox), .id("log-one"), .name("one_on_one"), .value("1"), .checked(true)))
            ),
            Page.field("Note", id: "log-note", .textarea(.id("log-note"), .attribute(named: "name", value: "note"), .attribute(named: "rows", value: "3"))),
            .button(.type(.submit), "Log it")
        )
    }

    private func draft(_ id: String, _ title: String, _ text: String) -> Node<HTML.BodyContext> {
        .div(
            Page.field(title, id: id, .textarea(.id(id), .attribute(named: "readonly"), Page.text(text))),
            .button(.type(.button), .class("secondary"), .attribute(named: "data-copy", value: id), .attribute(named: "hidden"), "Copy")
        )
    }

    /// `POST /person/log`: `Recording.log`, as `rapport log` does, then back to the person.
    func logInteraction(_ form: FormBody) throws -> HTTPResponse {
        let id = form["id"] ?? ""
        guard let kind = InteractionKind(rawValue: form["kind"] ?? "") else { throw UseCaseError.badInput("pick a kind of interaction") }
        guard let day = Day(iso: form["date"] ?? "") else { throw UseCaseError.badInput("the date must be YYYY-MM-DD") }
        let minutes = try Self.optionalInt(form["minutes"], "minutes")
        let rapport = try Self.optionalInt(form["rapport"], "rapport")
        _ = try Recording.log(
            workbench.location, person: id, kind: kind, day: day, isOneOnOne: form["one_on_one"] != nil, minutes: minutes,
            rapport: rapport, initiatedBy: nil, note: form["note"] ?? "")
        return Self.redirect(to: Page.link(person: id) + "&done=logged")
    }

    /// `POST /person/stage`: `Recording.setStage`, as `rapport status` does.
    func setStage(_ form: FormBody) throws -> HTTPResponse {
        let id = form["id"] ?? ""
        guard let stage = PipelineStage(text: form["stage"] ?? "") else { throw UseCaseError.badInput("pick a pipeline stage") }
        _ = try Recording.setStage(workbench.location, person: id, stage: stage, day: try Day.asOf(workbench.asOf), note: form["note"] ?? "")
        return Self.redirect(to: Page.link(person: id) + "&done=staged")
    }

    static func optionalInt(_ text: String?, _ name: String) throws -> Int? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let value = Int(text) else { throw UseCaseError.badInput("\(name) must be a whole number, not '\(text)'") }
        return value
    }
}
