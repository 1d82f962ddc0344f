import Foundation
import RapportTestSupport
import Testing

/// The Samples report in a real browser: headless Chromium renders it with no console error, and
/// the suggestion table and both diagrams are in the rendered DOM, non-empty.
@Suite(
    .serialized,
    .enabled(if: Chromium.path != nil, "chromium is not installed (make deps installs it); browser tests skipped"))
struct BrowserTests {
    @Test func samplesReportRendersInChromiumWithoutConsoleErrors() throws {
        let (cli, _) = try ReportCommandTests.samplesReport()
        let page = cli.directory.appendingPathComponent("report.html")
        let profile = cli.directory.appendingPathComponent("chromium-profile").path

        let dom = try Chromium.run(
            ["--dump-dom", "--user-data-dir=\(profile)", page.absoluteString], in: cli.directory)
        #expect(dom.status == 0, "\(dom.stderr)")
        #expect(Chromium.consoleErrors(dom.stderr).isEmpty, "console errors: \(Chromium.consoleErrors(dom.stderr))")
        let html = dom.stdout
        let table = try #require(Self.element(#"<table id="suggestion-table">"#, "</table>", in: html))
        #expect(table.components(separatedBy: "<tr class=\"suggestion").count - 1 == 10)
        for id in ["diagram-ego", "diagram-suggestions"] {
            let figure = try #require(
                Self.element(#"<figure id="\#(id)""#, "</figure>", in: html), "no #\(id) in the DOM")
            #expect(figure.contains("<svg"), "#\(id) has no svg")
            #expect(figure.components(separatedBy: #"class="node""#).count - 1 >= 3, "#\(id) draws no nodes")
            #expect(figure.components(separatedBy: #"class="edge""#).count - 1 >= 2, "#\(id) draws no edges")
        }

        let shot = cli.directory.appendingPathComponent("report.png")
        let screenshot = try Chromium.run(
            [
                "--screenshot=\(shot.path)", "--window-size=1280,2000", "--user-data-dir=\(profile)",
                page.absoluteString,
            ],
            in: cli.directory)
        #expect(screenshot.status == 0, "\(screenshot.stderr)")
        #expect(Chromium.consoleErrors(screenshot.stderr).isEmpty)
        let png = try Data(contentsOf: shot)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(png.count > 20_000, "the screenshot is suspiciously small (\(png.count) bytes)")
    }

    @Test func printingStartsEverySectionOnANewPage() throws {
        let (cli, _) = try ReportCommandTests.samplesReport()
        let pdf = cli.directory.appendingPathComponent("report.pdf")
        let printed = try Chromium.run(
            [
                "--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer",
                "--user-data-dir=\(cli.directory.appendingPathComponent("profile").path)",
                cli.directory.appendingPathComponent("report.html").absoluteString,
            ],
            in: cli.directory)
        #expect(printed.status == 0, "\(printed.stderr)")
        let bytes = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
        // Page objects are "/Type /Page"; the page tree is "/Type /Pages".
        let pages =
            bytes.components(separatedBy: "/Type /Page").count - 1
            - (bytes.components(separatedBy: "/Type /Pages").count - 1)
        // Five sections (summary, reach, suggestions, keep-warm, diagrams), each from a new page.
        #expect(pages >= 5, "\(pages) pages")
    }

    @Test func consoleErrorsAreSeen() throws {
        // The check above would pass vacuously if Chromium's log never reached us: prove it does.
        let cli = try CLI()
        try cli.write("broken.html", "<!DOCTYPE html><title>x</title><script>throw new Error('boom')</script>")
        let result = try Chromium.run(
            [
                "--dump-dom", "--user-data-dir=\(cli.directory.appendingPathComponent("profile").path)",
                cli.directory.appendingPathComponent("broken.html").absoluteString,
            ],
            in: cli.directory)
        #expect(!Chromium.consoleErrors(result.stderr).isEmpty, "\(result.stderr)")
    }

    /// The first element starting with `open` up to the matching `close` (no nesting of the same tag).
    static func element(_ open: String, _ close: String, in html: String) -> String? {
        guard let start = html.range(of: open), let end = html.range(of: close, range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }
}

/// Headless Chromium (Debian's `chromium`).
enum Chromium {
    static let path = ChromiumPath.found

    static func run(_ arguments: [String], in folder: URL) throws -> CLI.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path))
        process.arguments =
            ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--enable-logging=stderr", "--v=0"]
            + arguments
        process.currentDirectoryURL = folder
        return try CLI.collect(process, stdin: nil)
    }

    /// Log lines that report a page error: uncaught exceptions, console errors, failed loads.
    static func consoleErrors(_ log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { line in
            line.contains("Uncaught") || line.contains("ERROR:CONSOLE")
                || (line.contains(":CONSOLE") && line.contains("rror"))
                || line.contains("net::ERR_") || line.contains("Refused to")
        }
    }
}
