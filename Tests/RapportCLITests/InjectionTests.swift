import Foundation
import RapportTestSupport
import Rapport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Issue 7 item 3: names and notes that look like markup, formulas or terminal controls come out
/// inert and unchanged to the reader in every output, checked on the bytes.
///
/// Each hostile text is a person's first name (last name empty, so it is the whole display name),
/// organization, title and note, twice: `h…` is the user's colleague and `t…` a colleague of `h…`,
/// so that `t…` is suggested through `h…`.
@Suite struct InjectionTests {
    static let hostile = [
        "\"]; node [shape=box", "\\\"", "<b>x</b>", "<script>alert(1)</script>", "=HYPERLINK(\"http://x\")", "+cmd",
        "@SUM(1)", "\u{1B}[31mred\u{1B}[0m", "abc\u{202E}def", "👩\u{200D}💻 Zoë",
    ]
    static let asOf = ["--as-of", "2026-11-01"]

    /// A workspace holding the hostile network.
    static func workspace() throws -> CLI {
        let cli = try CLI()
        try cli.run("init", "--me", "Me Self")
        let (people, ties, interactions) = HostileNetwork.files(hostile)
        try cli.write("people.csv", people)
        try cli.write("ties.csv", ties)
        try cli.write("interactions.csv", interactions)
        let imported = try cli.run("import", "people.csv", "ties.csv", "interactions.csv")
        #expect(imported.status == 0, "\(imported.stderr)")
        return cli
    }

    /// What a diagram shows for `text`: the DOT policy drops the unsafe scalars (ESC, the
    /// right-to-left override); everything else, joiners and accents included, is kept.
    static func shown(_ text: String) -> String { OutputPolicy.droppingUnsafe(text) }

    // MARK: DOT

    @Test func dotOutputParsesWithGraphvizWithNoExtraNodeOrAttribute() throws {
        let cli = try Self.workspace()
        let result = try cli.run(["render", "network", "-o", "net.dot"] + Self.asOf)
        #expect(result.status == 0, "\(result.stderr)")
        // Graphviz's own reader (the `dot` tool), not Rapport's.
        let parsed = try cli.runProgram("/usr/bin/dot", ["-Tjson0", "net.dot"])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: Any])
        let objects = try #require(json["objects"] as? [[String: Any]])
        let nodes = objects.filter { $0["nodes"] == nil }
        let names = Set(nodes.compactMap { $0["name"] as? String })
        #expect(names == Set((0...20).map { "n\($0)" } + ["legend"]), "\(names.sorted())")
        let people = nodes.filter { ($0["name"] as? String)?.hasPrefix("n") == true && $0["name"] as? String != "n0" }
        // Every person node carries the same attributes: none was smuggled in through a name.
        let keySets = Set(people.map { Set($0.keys) })
        #expect(keySets.count == 1, "\(keySets)")
        // Labels, decoded the way Graphviz shows them (\\ → \, &amp; → &), are the names.
        let labels = people.compactMap { $0["label"] as? String }.map {
            $0.replacingOccurrences(of: "\\\\", with: "\\").replacingOccurrences(of: "&amp;", with: "&")
        }
        #expect(Set(labels) == Set(Self.hostile.map(Self.shown)))
        #expect(labels.count == 20)
    }

    // MARK: SVG

    @Test func svgTextEqualsEachNameAndHoldsNoInjectedElement() throws {
        let cli = try Self.workspace()
        let result = try cli.run(["render", "network", "-o", "net.svg"] + Self.asOf)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try SVGText(try cli.contents("net.svg"))
        for name in Self.hostile {
            #expect(document.texts.filter { $0 == Self.shown(name) }.count >= 3, "\(name.debugDescription)")
        }
        #expect(!document.elements.contains("script") && !document.elements.contains("b"), "\(document.elements)")
    }

    // MARK: CSV

    @Test func suggestCSVNeutralizesFormulasAndKeepsEveryOtherName() throws {
        let cli = try Self.workspace()
        let result = try cli.run(["suggest", "--sector", "law", "--csv", "--top", "0"] + Self.asOf)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.unicodeScalars.contains("\u{1B}"))
        let rows = CSVTestReader.rows(result.stdout)
        let header = try #require(rows.first)
        let name = try #require(header.firstIndex(of: "name")), id = try #require(header.firstIndex(of: "id"))
        let byID = Dictionary(rows.dropFirst().map { ($0[id], $0[name]) }, uniquingKeysWith: { a, _ in a })
        for (i, text) in Self.hostile.enumerated() {
            let shown = Self.shown(text)
            let expected = ["=", "+", "-", "@"].contains(shown.first.map(String.init) ?? "") ? "'" + shown : shown
            #expect(byID["t\(i)"] == expected, "t\(i)")
        }
    }

    // MARK: JSON

    @Test(arguments: [
        ["people", "--json"], ["suggest", "--sector", "law", "--json", "--top", "0"],
        ["ties", "--all", "--json", "--top", "0"],
        ["reach", "--json", "--top", "0"], ["path", "t7", "--json"],
    ])
    func jsonOutputParsesBackToTheSameStrings(arguments: [String]) throws {
        let cli = try Self.workspace()
        let needsDate = arguments[0] != "people"
        let result = try cli.run(arguments + (needsDate ? Self.asOf : []))
        #expect(result.status == 0, "\(result.stderr)")
        // No raw control byte: JSON escapes it.
        #expect(!result.stdout.unicodeScalars.contains("\u{1B}"))
        let value = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let strings = Self.allStrings(value)
        let expected = arguments[0] == "path" ? [Self.hostile[7]] : Self.hostile
        for text in expected { #expect(strings.contains(text), "\(arguments): \(text.debugDescription)") }
    }

    static func allStrings(_ value: Any) -> Set<String> {
        switch value {
        case let s as String: return [s]
        case let a as [Any]: return a.reduce(into: Set<String>()) { $0.formUnion(allStrings($1)) }
        case let d as [String: Any]: return d.values.reduce(into: Set<String>()) { $0.formUnion(allStrings($1)) }
        default: return []
        }
    }

    // MARK: Terminal

    @Test(arguments: [
        ["people"], ["suggest", "--sector", "law", "--explain"], ["ties", "--all"], ["reach"], ["path", "t7"],
        ["path", "t8"], ["suggest", "--sector", "law", "--keep-warm"],
    ])
    func terminalOutputHoldsNoRawControlOrBidiCharacter(arguments: [String]) throws {
        let cli = try Self.workspace()
        let needsDate = arguments[0] != "people"
        let result = try cli.run(arguments + (needsDate ? Self.asOf : []))
        #expect(result.status == 0, "\(result.stderr)")
        for output in [result.stdout, result.stderr] {
            let scalars = output.unicodeScalars
            #expect(!scalars.contains("\u{1B}") && !scalars.contains("\u{202E}") && !scalars.contains("\u{9B}"))
        }
        if arguments == ["people"] {
            // Shown escaped, so the reader sees what is there.
            #expect(result.stdout.contains("\\u{1B}[31mred\\u{1B}[0m"))
            #expect(result.stdout.contains("abc\\u{202E}def"))
            #expect(result.stdout.contains("👩\u{200D}💻 Zoë"))
            #expect(result.stdout.contains("<script>alert(1)</scrip"))
        }
    }

    @Test func errorMessagesQuotingAHostileReferenceAreInert() throws {
        let cli = try Self.workspace()
        let result = try cli.run(["path", "\u{1B}]0;owned\u{07}\u{202E}x"] + Self.asOf)
        #expect(result.status == 2)
        #expect(!result.stderr.unicodeScalars.contains("\u{1B}") && !result.stderr.unicodeScalars.contains("\u{202E}"))
    }

    // MARK: HTML (for the report, when it lands)

    /// Checks an HTML export: every hostile name appears escaped (as text), none as markup.
    /// Point it at the HTML report once it exists: `try InjectionTests.expectInertHTML(html)`.
    @Test func theHTMLReportShowsEveryNameInert() throws {
        let cli = try Self.workspace()
        let result = try cli.run(["report", "--sector", "law", "-o", "report.html"] + Self.asOf)
        #expect(result.status == 0, "\(result.stderr)")
        Self.expectInertHTML(String(decoding: try cli.contents("report.html"), as: UTF8.self))
    }

    static func expectInertHTML(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!html.contains("<script>alert(1)</script>"), sourceLocation: sourceLocation)
        #expect(!html.contains("<b>x</b>"), sourceLocation: sourceLocation)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), sourceLocation: sourceLocation)
        #expect(html.contains("&lt;b&gt;x&lt;/b&gt;"), sourceLocation: sourceLocation)
        #expect(!html.unicodeScalars.contains("\u{1B}"), sourceLocation: sourceLocation)
        #expect(html.contains("👩\u{200D}💻 Zoë"), sourceLocation: sourceLocation)
    }
}

/// The element names and `<text>` contents of an SVG, read with an XML parser.
final class SVGText: NSObject, XMLParserDelegate {
    private(set) var elements: Set<String> = []
    private(set) var texts: [String] = []
    private var current: String?

    init(_ data: Data) throws {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.propertyListReadCorrupt) }
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.insert(name)
        if name == "text" { current = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text", let text = current { texts.append(text) }
        current = nil
    }
}

/// A small RFC 4180 reader for checking CSV output independently of RapportCSV.
enum CSVTestReader {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, afterQuote = false
        for c in text {
            if quoted {
                if c == "\"" { quoted = false; afterQuote = true } else { field.append(c) }
            } else if c == "\"" {
                if afterQuote { field.append("\"") }
                quoted = true
                afterQuote = false
            } else if c == "," {
                row.append(field); field = ""; afterQuote = false
            } else if c == "\n" || c == "\r\n" {
                row.append(field); rows.append(row); row = []; field = ""; afterQuote = false
            } else {
                field.append(c); afterQuote = false
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
