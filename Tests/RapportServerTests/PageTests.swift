import Foundation
import Rapport
import RapportServer
import RapportUseCases
import Testing

/// The pages over the Samples network, in process: what each shows, and that the writes go through
/// the use cases (the CLI's own transactions) and show on the next page.
@Suite(.serialized) struct PageTests {
    @Test func homeShowsSummaryGoalFormSuggestionsKeepWarmAndDue() async throws {
        let f = try ServerFixture.samples()
        let page = try await f.get("/?sector=intellectual+property")
        #expect(page.status == 200)
        #expect(page.header("Content-Type") == "text/html; charset=utf-8")
        // The same list `rapport suggest` gives for the goal, in the same order.
        let planner = try Planner(try Analysis(f.location, asOf: ServerFixture.asOf), request: SuggestRequest(goal: Goal(sectors: ["intellectual property"])))
        let expected = try planner.suggest(top: 10)
        #expect(expected.count == 10)
        let rows = page.body.components(separatedBy: "<tr class=\"suggestion\">").dropFirst()
        #expect(rows.count == expected.count)
        for (row, s) in zip(rows, expected) { #expect(row.contains(s.name.replacingOccurrences(of: "&", with: "&amp;")), "\(s.name)") }
        #expect(page.body.contains("name=\"sector\""))
        #expect(page.body.contains("<label for=\"goal-sector\">"))
        #expect(page.body.contains("value=\"intellectual property\""))
        #expect(page.body.contains("people match this goal"))
        #expect(page.body.contains("<summary>Why</summary>"))
        #expect(page.body.contains("Keep warm"))
        #expect(page.body.contains("Due this week"))
        let people = try Session(f.location).snapshot().personCount
        #expect(page.body.contains("<span class=\"value\">\(people)</span><span class=\"label\">people</span>"))
    }

    @Test func personPageShowsStrengthEvidencePathsDraftsBriefAndForms() async throws {
        let f = try ServerFixture.samples()
        let helen = try f.id(of: "Helen Agarwal")
        let page = try await f.get("/person?id=\(helen)")
        #expect(page.status == 200)
        #expect(page.body.contains("Helen Agarwal"))
        #expect(page.body.contains("Warm paths"))
        #expect(page.body.contains("id=\"draft-target\""))
        #expect(page.body.contains("id=\"brief-text\""))
        #expect(page.body.contains("Interview brief: Helen Agarwal"))
        #expect(page.body.contains("name=\"stage\""))
        for id in ["log-kind", "log-date", "log-minutes", "log-rapport", "log-one", "log-note", "stage", "stage-note"] {
            #expect(page.body.contains("<label for=\"\(id)\">"), "no label for \(id)")
        }
        let unknown = try await f.get("/person?id=nobody-at-all")
        #expect(unknown.status == 400)
        #expect(unknown.body.contains("no person matches"))
    }

    @Test func loggingACoffeeRaisesTheStrengthShownAndMovesNothingElse() async throws {
        let f = try ServerFixture.samples()
        // A direct tie of the user's with room to grow.
        let a = try Analysis(f.location, asOf: ServerFixture.asOf)
        let row = try #require(try a.tieRows(of: nil, all: false).first { a.strengths.values[Int($0.edge)] < 0.5 })
        let id = a.snapshot.people[Int(row.to)].id
        let before = a.strengths.values[Int(row.edge)]
        let shownBefore = try await f.get("/person?id=\(id)")
        #expect(shownBefore.body.contains("Strength \(String(format: "%.2f", before))"))
        let logged = try await f.post("/person/log", ["id": id, "kind": "coffee", "date": "2026-11-19", "one_on_one": "1", "minutes": "45", "rapport": "5", "note": "talked about the PTAB"])
        #expect(logged.status == 303)
        #expect(logged.header("Location") == "/person?id=\(ServerFixture.encode(id))&done=logged")
        let after = try Analysis(f.location, asOf: ServerFixture.asOf)
        let node = try #require(after.snapshot.index(ofID: id))
        let edge = try #require(after.snapshot.tie(between: try after.ego(), and: node))
        let strength = after.strengths.values[Int(edge)]
        #expect(strength > before + 0.01)
        let shown = try await f.get("/person?id=\(id)&done=logged")
        #expect(shown.body.contains("Strength \(String(format: "%.2f", strength))"))
        #expect(shown.body.contains("2026-11-19 · coffee, one-on-one, 45 min, rapport 5/5: talked about the PTAB"))
        #expect(shown.body.contains("Logged."))
    }

    @Test func theStageSelectMovesThePersonInThePipeline() async throws {
        let f = try ServerFixture.samples()
        let helen = try f.id(of: "Helen Agarwal")
        let reply = try await f.post("/person/stage", ["id": helen, "stage": "interviewed", "note": "Thursday"])
        #expect(reply.status == 303)
        let entry = try #require(try f.location.open().pipelineEntry(personID: helen))
        #expect(entry.stage == .interviewed)
        #expect(entry.note == "Thursday")
        let page = try await f.get("/person?id=\(helen)")
        #expect(page.body.contains("<option value=\"interviewed\" selected>"))
        #expect(page.body.contains("Now: interviewed since 2026-11-20"))
        let bad = try await f.post("/person/stage", ["id": helen, "stage": "hired"])
        #expect(bad.status == 400)
    }

    @Test func searchFindsByNameOrganizationAndTitle() async throws {
        let f = try ServerFixture.samples()
        let session = try Session(f.location)
        for query in ["Agarwal", "Greaves", "Associate"] {
            let expected = try session.people(search: query, organization: nil, limit: nil)
            #expect(expected.total > 0)
            let page = try await f.get("/search?q=\(query)")
            #expect(page.body.contains("\(expected.total) found"), "\(query)")
            #expect(page.body.components(separatedBy: "<tr><td><a href=\"/person?id=").count - 1 == min(expected.total, 200))
        }
    }

    @Test func reachShowsBarsByOrganizationSectorAndSchool() async throws {
        let f = try ServerFixture.samples()
        let a = try Analysis(f.location, asOf: ServerFixture.asOf)
        for (by, grouping) in [("organization", ReachGrouping.organization), ("sector", .sector), ("school", .school)] {
            let page = try await f.get("/reach?by=\(by)")
            let first = try #require(try a.reach(by: grouping).first)
            #expect(page.body.contains(first.name.replacingOccurrences(of: "&", with: "&amp;")))
            #expect(page.body.contains("class=\"fill w\(Int((first.reach * 20).rounded()) * 5)\""))
        }
    }

    @Test func networkDrawsTheViewsAsInlineSVG() async throws {
        let f = try ServerFixture.samples()
        try #require(ServerFixture.rapportExecutable != nil, "the rapport executable is not built")
        for view in ["ego", "suggestions", "orgs"] {
            let page = try await f.get("/network?view=\(view)")
            #expect(page.status == 200, "\(page.body)")
            #expect(page.body.contains("<svg"), "\(view)")
            #expect(page.body.components(separatedBy: "<script").count == 2, "\(view): the app's own script only")
            if view != "orgs" {
                // Each person's node opens their page, and so does each tie's edge; the tooltip is
                // the name, or "A — B" for a tie.
                let svg = try #require(page.body.components(separatedBy: "<svg").dropFirst().first?.components(separatedBy: "</svg>").first)
                let links = svg.components(separatedBy: "<a href=\"/person?id=").count - 1
                let nodes = svg.components(separatedBy: "class=\"node\"").count - 1
                let edges = svg.components(separatedBy: "class=\"edge\"").count - 1
                // Every node but the legend is a person, and every edge a tie between two people.
                #expect(nodes >= 3 && edges >= 2 && links == nodes - 1 + edges, "\(view): \(links) links for \(nodes) nodes, \(edges) edges")
                #expect(svg.contains("<title>Avery Lindqvist — "), "\(view): an edge's tooltip names both ends")
            }
        }
    }

    /// One organization's view: who the user knows there and how, each person a link; an unknown
    /// organization is bad input, named.
    @Test func networkDrawsOneOrganization() async throws {
        let f = try ServerFixture.samples()
        try #require(ServerFixture.rapportExecutable != nil, "the rapport executable is not built")
        let empty = try await f.get("/network?view=org")
        #expect(empty.status == 200 && empty.body.contains("Name an organization"))
        #expect(empty.body.contains("<label for=\"org-name\">"))
        let page = try await f.get("/network?view=org&name=Wilson+%26+Okafor")
        #expect(page.status == 200, "\(page.body.prefix(300))")
        let svg = try #require(page.body.components(separatedBy: "<svg").dropFirst().first?.components(separatedBy: "</svg>").first)
        #expect(svg.components(separatedBy: "<a href=\"/person?id=").count - 1 >= 3)
        #expect(page.body.contains("value=\"Wilson &amp; Okafor\""))
        let unknown = try await f.get("/network?view=org&name=Nowhere+Labs+Ltd")
        #expect(unknown.status == 400)
        #expect(unknown.body.contains("no organization matches &#39;Nowhere Labs Ltd&#39;") || unknown.body.contains("no organization matches 'Nowhere Labs Ltd'"))
    }

    @Test func aWriteByTheCommandLineShowsOnTheNextPage() async throws {
        let f = try ServerFixture.samples()
        _ = try await f.get("/")
        let key = try #require(f.app.workbench.loadedKey)
        // As `rapport import` in a terminal would: its own connection, its own transaction.
        let path = f.folder + "/new.csv"
        try OutputFile.write("id,first_name,last_name,organization\nz900,Quentin,Zabriskie,Nowhere Labs\n", to: path)
        _ = try Importing.run(Importing.Request(files: [path]), in: f.location)
        let page = try await f.get("/search?q=Zabriskie")
        #expect(page.body.contains("1 found"))
        #expect(f.app.workbench.loadedKey != key)
    }
}
