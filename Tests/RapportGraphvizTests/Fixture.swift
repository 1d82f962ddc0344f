import Foundation
import Rapport
import RapportGraphviz

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small network for the view snapshots.
///
/// Nodes (insertion order): 0 me (Ana Lopez), 1 Maria Chen (Wilson LLP, IP), 2 Raj Patel (Wilson LLP,
/// litigation), 3 Lee Kim (Acme Corp., IP), 4 Sam Ortiz (no organization), 5 Dana Fox (Acme Inc,
/// the same organization as Acme Corp. by key, IP).
/// Edges and strengths: e0 me–Maria 0.8, e1 me–Sam 0.2, e2 Maria–Raj 0.5, e3 Sam–Lee 0.7,
/// e4 Lee–Dana 0.4, e5 me–Lee 0.1.
enum Fixture {
    static let strengths: [Double] = [0.8, 0.2, 0.5, 0.7, 0.4, 0.1]

    static func snapshot() throws -> NetworkSnapshot {
        var builder = NetworkBuilder()
        try builder.add(Person(id: "me", firstName: "Ana", lastName: "Lopez"))
        try builder.add(
            Person(
                id: "p1", firstName: "Maria", lastName: "Chen", organization: "Wilson LLP",
                sectors: ["Intellectual Property"]))
        try builder.add(
            Person(id: "p2", firstName: "Raj", lastName: "Patel", organization: "Wilson LLP", sectors: ["Litigation"]))
        try builder.add(
            Person(
                id: "p3", firstName: "Lee", lastName: "Kim", organization: "Acme Corp.",
                sectors: ["intellectual property"]))
        try builder.add(Person(id: "p4", firstName: "Sam", lastName: "Ortiz"))
        try builder.add(
            Person(id: "p5", firstName: "Dana", lastName: "Fox", organization: "Acme Inc", sectors: ["IP licensing"]))
        try builder.add(Tie("me", "p1", kind: .friend))
        try builder.add(Tie("me", "p4", kind: .acquaintance))
        try builder.add(Tie("p1", "p2", kind: .colleague))
        try builder.add(Tie("p4", "p3", kind: .friend))
        try builder.add(Tie("p3", "p5", kind: .colleague))
        try builder.add(Tie("me", "p3", kind: .acquaintance))
        return try builder.freeze()
    }

    /// Renders through the worker next to the test bundle.
    static let renderer = Renderer()
}

/// The text content of every `<text>` element of an SVG, parsed with (Foundation)XMLParser.
final class SVGText: NSObject, XMLParserDelegate {
    private(set) var texts: [String] = []
    private(set) var nodeGroups = 0
    private var current: String?

    /// Parses `svg`; returns nil when it is not well-formed XML.
    static func parse(_ svg: [UInt8]) -> SVGText? {
        let collector = SVGText()
        let parser = XMLParser(data: Data(svg))
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if elementName == "text" { current = "" }
        if elementName == "g", attributes["class"] == "node" { nodeGroups += 1 }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if current != nil { current? += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "text", let text = current {
            texts.append(text)
            current = nil
        }
    }
}

/// Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian).
func pngSize(_ png: [UInt8]) -> (width: UInt32, height: UInt32)? {
    guard png.count >= 24, Array(png[12..<16]) == Array("IHDR".utf8) else { return nil }
    func word(_ at: Int) -> UInt32 { png[at..<at + 4].reduce(0) { $0 << 8 | UInt32($1) } }
    return (word(16), word(20))
}

/// This process's resident set size in bytes, from /proc/self/statm.
func residentBytes() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}
