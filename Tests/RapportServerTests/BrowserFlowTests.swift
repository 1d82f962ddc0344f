import Foundation
import Rapport
import RapportServer
import RapportUseCases
import Testing

/// Issue 18 item 6: the app in headless Chromium over loopback. Chromium loads every page (with the
/// token in the URL, which the server turns into the cookie) and must log no console error; the
/// forms are sent as the browser sends them, with the fields Chromium's DOM holds (there is no
/// WebDriver on the CI image, and a form post is a plain HTTP request).
@Suite(
    .serialized,
    .enabled(if: HeadlessChromium.path != nil, "chromium is not installed (make deps installs it); browser tests skipped"))
struct BrowserFlowTests {
    @Test func goalPersonCoffeeInterviewedAndImportInTheBrowser() async throws {
        let f = try ServerFixture.samples()
        // The real binary: its server has its own threads whatever else the test run is doing.
        let serve = try await ServeProcess(["--db", f.location.path, "--as-of", "2026-11-20"])
        let browser = HeadlessChromium(folder: f.folder, port: serve.port, token: serve.token)

        // Home with the token.
        let home = try await browser.load("/")
        #expect(home.contains("Your network"))
        #expect(home.contains("id=\"goal-sector\""))

        // A goal, as the goal form (GET) submits it: the suggestions show.
        let suggested = try await browser.load("/?sector=intellectual+property&keyword=&org=&location=")
        let rows = suggested.components(separatedBy: "<tr class=\"suggestion\">").count - 1
        #expect(rows == 10)
        #expect(suggested.contains("people match this goal"))

        // A person from the suggestions.
        let link = try #require(suggested.components(separatedBy: "<a href=\"/person?id=").dropFirst().first?.prefix { $0 != "\"" })
        let id = try #require(String(link).removingPercentEncoding)
        let person = try await browser.load("/person?id=\(link)")
        #expect(person.contains("Log an interaction"))
        let strengthBefore = Self.strength(in: person)

        // Log a coffee through the log form, with the form's own hidden fields.
        let logForm = try #require(Self.form(action: "/person/log", in: person))
        var fields = Self.hiddenFields(logForm)
        #expect(fields["csrf"]?.count == 32)
        fields.merge(["kind": "coffee", "date": "2026-11-19", "one_on_one": "1", "minutes": "40", "rapport": "5", "note": "coffee"]) { _, b in b }
        let logged = try await browser.post("/person/log", fields)
        #expect(logged.status == 303)
        let afterCoffee = try await browser.load(try #require(logged.headers["location"]))
        #expect(afterCoffee.contains("Logged."))
        let strengthAfter = Self.strength(in: afterCoffee)
        #expect(strengthAfter != strengthBefore, "strength \(strengthBefore ?? -1) → \(strengthAfter ?? -1)")
        #expect(afterCoffee.contains("2026-11-19 · coffee, one-on-one, 40 min, rapport 5/5"))

        // Move them to "interviewed" with the stage select.
        let stageForm = try #require(Self.form(action: "/person/stage", in: afterCoffee))
        var stage = Self.hiddenFields(stageForm)
        stage["stage"] = "interviewed"
        let staged = try await browser.post("/person/stage", stage)
        #expect(staged.status == 303)
        let interviewed = try await browser.load(try #require(staged.headers["location"]))
        #expect(interviewed.contains("Now: interviewed since"))
        #expect(try f.location.open().pipelineEntry(personID: id)?.stage == .interviewed)

        // Upload a small CSV: the dry run first, then confirm.
        let importPage = try await browser.load("/import")
        let uploadForm = try #require(Self.form(action: "/import", in: importPage))
        #expect(uploadForm.contains("enctype=\"multipart/form-data\""))
        let preview = try await browser.upload(
            "friends.csv", Array("id,first_name,last_name,organization\nb001,Brigid,Halloran,Harrow & Vale\n".utf8),
            csrf: try #require(Self.hiddenFields(uploadForm)["csrf"]))
        #expect(preview.status == 200)
        #expect(preview.body.contains("Dry run of friends.csv"))
        #expect(try Session(f.location).snapshot().index(ofID: "b001") == nil)
        let confirmForm = try #require(Self.form(action: "/import/confirm", in: preview.body))
        let confirmed = try await browser.post("/import/confirm", Self.hiddenFields(confirmForm))
        #expect(confirmed.status == 303)
        let afterImport = try await browser.load(try #require(confirmed.headers["location"]))
        #expect(afterImport.contains("Imported."))
        #expect(try await browser.load("/search?q=Halloran").contains("1 found"))

        // The other pages load clean too, and each page gives a screenshot.
        for path in ["/reach", "/network?view=ego", "/search?q=Agarwal"] { _ = try await browser.load(path) }
        for (name, path) in [("home", "/?sector=intellectual+property"), ("person", "/person?id=\(link)")] {
            let png = try await browser.screenshot(path, to: f.folder + "/\(name).png")
            #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            #expect(png.count > 20_000)
        }
        #expect(try await serve.stop().status == 0)
    }

    @Test func consoleErrorsAreSeen() async throws {
        // The zero-error checks above would pass vacuously if Chromium's log never reached us.
        let folder = FileManager.default.temporaryDirectory.path + "/rapport-console-" + AccessPolicy.randomToken().prefix(8)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try OutputFile.write("<!DOCTYPE html><title>x</title><script>throw new Error('boom')</script>", to: folder + "/broken.html")
        let result = try await HeadlessChromium.run(["--dump-dom", "--user-data-dir=\(folder)/profile", "file://\(folder)/broken.html"])
        #expect(!HeadlessChromium.consoleErrors(result.log).isEmpty, "\(result.log)")
    }

    /// "Strength 0.42" on a person page.
    static func strength(in html: String) -> Double? {
        guard let range = html.range(of: "Strength ") else { return nil }
        return Double(html[range.upperBound...].prefix(4))
    }

    /// The `<form …>…</form>` whose action is `action`.
    static func form(action: String, in html: String) -> String? {
        for part in html.components(separatedBy: "<form").dropFirst() where part.contains("action=\"\(action)\"") {
            return part.components(separatedBy: "</form>").first
        }
        return nil
    }

    /// The hidden inputs of a form, by name.
    static func hiddenFields(_ form: String) -> [String: String] {
        var fields: [String: String] = [:]
        for input in form.components(separatedBy: "<input").dropFirst() where input.contains("type=\"hidden\"") {
            func value(_ attribute: String) -> String? {
                input.components(separatedBy: "\(attribute)=\"").dropFirst().first?.components(separatedBy: "\"").first
            }
            if let name = value("name") { fields[name] = value("value") ?? "" }
        }
        return fields
    }
}
