import Foundation
import RapportTestSupport
import Rapport
import RapportServer
import RapportUseCases
import Testing

/// The import flow (upload → dry run → confirm) and hostile names on every page.
@Suite(.serialized) struct ImportAndInjectionTests {
    static let newPeople = "id,first_name,last_name,organization,title\nn001,Ines,Okonkwo-Baptiste,Harrow & Vale,Counsel\nn002,Teodor,Vasquez,Harrow & Vale,Paralegal\n"

    @Test func anUploadIsPreviewedFirstAndWrittenOnlyOnConfirm() async throws {
        let f = try ServerFixture.samples()
        let people = try Session(f.location).snapshot().personCount
        let generation = try f.location.open().generation()
        let preview = try await f.upload("people.csv", Array(Self.newPeople.utf8))
        #expect(preview.status == 200)
        #expect(preview.body.contains("Import: preview"))
        #expect(preview.body.contains("Dry run of people.csv"))
        // The counts of `rapport import --dry-run` on the same file, from its report.
        #expect(preview.body.contains("<tr><td>People</td><td class=\"num\">2</td><td class=\"num\">0</td></tr>"))
        #expect(try f.location.open().generation() == generation)
        #expect(try Session(f.location).snapshot().personCount == people)
        let upload = try #require(preview.body.components(separatedBy: "name=\"upload\" value=\"").dropFirst().first?.prefix(32))
        let confirmed = try await f.post("/import/confirm", ["upload": String(upload)])
        #expect(confirmed.status == 303)
        #expect(confirmed.header("Location") == "/?done=imported")
        #expect(try Session(f.location).snapshot().personCount == people + 2)
        // The upload is gone: confirming twice does not import twice.
        #expect(try await f.post("/import/confirm", ["upload": String(upload)]).status == 400)
    }

    @Test func badInputShowsTheLocatedErrorAndWritesNothing() async throws {
        let f = try ServerFixture.samples()
        let generation = try f.location.open().generation()
        // Line 3 has an unterminated quote.
        let broken = "id,first_name,last_name\nb1,Ana,Lopes\nb2,\"Unclosed,Quote\n"
        let reply = try await f.upload("broken.csv", Array(broken.utf8))
        #expect(reply.status == 200)
        #expect(reply.body.contains("This file cannot be imported. Nothing was written."))
        let error = try #require(reply.body.components(separatedBy: "<pre class=\"error\" id=\"import-error\">").dropFirst().first)
        #expect(error.hasPrefix("broken.csv:3"), "\(error.prefix(120))")
        #expect(!reply.body.contains("name=\"upload\""))
        #expect(try f.location.open().generation() == generation)
    }

    static let hostile = [
        "\"]; node [shape=box", "<b>x</b>", "<script>alert(1)</script>", "=HYPERLINK(\"http://x\")", "+cmd",
        "\u{1B}[31mred\u{1B}[0m", "abc\u{202E}def", "👩\u{200D}💻 Zoë", "\" onmouseover=\"alert(1)",
    ]

    /// Each hostile text is a name, organization, title and note of `h…` (the user's colleague) and
    /// `t…` (a colleague of `h…`, suggested through them).
    static func hostileNetwork() throws -> ServerFixture {
        let (people, ties, interactions) = HostileNetwork.files(hostile)
        return try ServerFixture.network(people: people, ties: ties, interactions: interactions)
    }

    @Test func hostileNamesRenderAsTextOnEveryPage() async throws {
        let f = try Self.hostileNetwork()
        var pages = ["/", "/?sector=law", "/reach", "/reach?by=sector", "/search?q=x", "/search?q=cmd", "/import"]
        for i in Self.hostile.indices { pages += ["/person?id=h\(i)", "/person?id=t\(i)"] }
        if ServerFixture.rapportExecutable != nil { pages += ["/network?view=ego", "/network?view=suggestions"] }
        for path in pages {
            let reply = try await f.get(path)
            #expect(reply.status == 200, "\(path): \(reply.body.prefix(300))")
            let html = reply.body
            #expect(!html.contains("<script>alert(1)</script>"), "\(path)")
            #expect(!html.contains("<b>x</b>"), "\(path)")
            // In a text node the quote is harmless; inside a tag it would open an attribute.
            #expect(html.range(of: #"<[^>]*onmouseover"#, options: .regularExpression) == nil, "\(path)")
            #expect(!html.unicodeScalars.contains("\u{1B}"), "\(path)")
            #expect(!html.contains("<script") || html.components(separatedBy: "<script").count == 2, "\(path): only the app's own script tag")
        }
        let home = try await f.get("/?sector=law")
        #expect(home.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // The HTML policy drops bidirectional overrides (Docs/Security.md, "One policy per output").
        #expect(home.body.contains("<bdi>abcdef</bdi>"))
        #expect(!home.body.unicodeScalars.contains("\u{202E}"))
        #expect(home.body.contains("👩\u{200D}💻 Zoë"))
        let person = try await f.get("/person?id=h2")
        #expect(person.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // A value typed into the goal form comes back inert inside its attribute.
        let typed = try await f.get("/?keyword=%22%3E%3Cscript%3Ealert(2)%3C%2Fscript%3E")
        #expect(!typed.body.contains("<script>alert(2)"))
        #expect(typed.body.contains("value=\"&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\""))
    }
}
