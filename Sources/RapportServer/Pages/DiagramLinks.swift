import Foundation
import Rapport

/// Links in a Graphviz SVG: each person's node opens their page.
///
/// The DOT writer names a person's node `n<index>` (`DiagramContext.personID`), and Graphviz puts
/// that name in the node group's `<title>`. The group's shapes and label are wrapped in an SVG
/// `<a href="/person?id=…">` (the id percent-encoded), and the title becomes the person's name
/// (escaped) so that hovering shows who it is. Organization nodes and edges are left alone.
enum DiagramLinks {
    /// `svg` (already checked by `SVGInline`) with its person nodes linked.
    /// - Complexity: O(n) in the length of the SVG.
    static func linkingPeople(in svg: String, snapshot: NetworkSnapshot) -> String {
        let opening = #"<g id="node"#
        var out = ""
        out.reserveCapacity(svg.utf8.count + svg.utf8.count / 8)
        var rest = svg[...]
        while let start = rest.range(of: opening) {
            out += rest[..<start.lowerBound]
            rest = rest[start.lowerBound...]
            guard let titleStart = rest.range(of: "<title>"), let titleEnd = rest.range(of: "</title>"),
                let groupEnd = rest.range(of: "</g>"), titleEnd.upperBound < groupEnd.lowerBound,
                let person = personIndex(String(rest[titleStart.upperBound..<titleEnd.lowerBound])),
                person >= 0, Int(person) < snapshot.personCount
            else {
                out += rest[..<start.upperBound]
                rest = rest[start.upperBound...]
                continue
            }
            let id = snapshot.people[Int(person)].id
            out += rest[..<titleStart.lowerBound]
            out += "<title>" + Page.attribute(snapshot.people.displayName(person)) + "</title>"
            out += "<a href=\"" + Page.link(person: id) + "\">"
            out += rest[titleEnd.upperBound..<groupEnd.lowerBound]
            out += "</a></g>"
            rest = rest[groupEnd.upperBound...]
        }
        out += rest
        return out
    }

    /// 12 for `n12`.
    private static func personIndex(_ title: String) -> Int32? {
        guard title.hasPrefix("n") else { return nil }
        return Int32(title.dropFirst())
    }
}
