import Foundation
import Testing

/// `rapport report`: one self-contained page with every section, contact text inert.
@Suite struct ReportCommandTests {
    static let asOf = "2026-11-20"

    /// The Samples workspace and its report, written to `report.html`.
    static func samplesReport(_ extra: [String] = []) throws -> (CLI, String) {
        let cli = try ExportCommandTests.samples()
        let result = try cli.run(
            ["report", "--as-of", asOf, "--sector", "intellectual property", "-o", "report.html"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Wrote report.html: 10 suggestions, 15 organizations"), "\(result.stdout)")
        return (cli, String(decoding: try cli.contents("report.html"), as: UTF8.self))
    }

    @Test func samplesReportHasEverySectionAndBothDiagrams() throws {
        let (cli, html) = try Self.samplesReport()
        for id in [
            "summary", "reach", "suggestions", "suggestion-table", "keep-warm", "keep-warm-table", "diagram-ego",
            "diagram-suggestions",
        ] {
            #expect(html.contains(#"id="\#(id)""#), "missing #\(id)")
        }
        #expect(html.components(separatedBy: #"<tr class="suggestion "#).count - 1 == 10)
        #expect(html.components(separatedBy: "<svg").count - 1 == 2)
        #expect(html.contains(">460</span><span class=\"label\">people<"))
        // The best suggestion of the Samples for this goal (see `rapport suggest` in the demo).
        #expect(html.contains("<strong>Helen Agarwal</strong>"))
        // Self-contained: nothing to load.
        #expect(!html.contains("<link") && !html.contains(" src=\"") && !html.contains("<script"))
        let attributes = try FileManager.default.attributesOfItem(
            atPath: cli.directory.appendingPathComponent("report.html").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func noDiagramsLeavesOutTheSVG() throws {
        let (_, html) = try Self.samplesReport(["--no-diagrams"])
        #expect(!html.contains("<svg"))
        #expect(html.contains("No diagram was drawn."))
    }

    @Test func hostileNamesComeOutInertInTheBytes() throws {
        let cli = try CLI()
        try cli.run("init", "--me", "Ana User")
        try cli.write(
            "people.csv",
            """
            id,first_name,last_name,email,organization,title,sectors,school,location
            a,<script>alert(1)</script>,X,,"<img src=x onerror=alert(2)>",Partner,,,
            b,\"""]; node [shape=box\",Y,,Firm & Co,Partner,,,
            c,&lt;b&gt;,Z,,</svg><script>alert(3)</script>,Counsel,,,

            """)
        try cli.write(
            "ties.csv",
            "person_a,person_b,kind,since\nme,a,friend,2020-01-01\na,b,colleague,2021-01-01\nb,c,colleague,2021-01-01\nme,c,acquaintance,2022-01-01\n"
        )
        #expect(try cli.run("import", "people.csv", "ties.csv").status == 0)
        let result = try cli.run("report", "--as-of", Self.asOf, "-o", "report.html")
        #expect(result.status == 0, "\(result.stderr)")
        let html = String(decoding: try cli.contents("report.html"), as: UTF8.self)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.components(separatedBy: "</svg>").count - 1 == 2, "an injected </svg> closed a diagram early")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(html.contains(#"&quot;]; node [shape=box"#))  // the HTML policy writes quotes as entities
        #expect(html.contains("&amp;lt;b&amp;gt;"))
    }

    @Test func reportNeedsAnOutputFile() throws {
        let cli = try CLI()
        try cli.run("init")
        let result = try cli.run("report")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--output"))
    }
}
