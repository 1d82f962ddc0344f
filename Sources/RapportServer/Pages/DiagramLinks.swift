import Foundation
import Rapport

/// Links in a Graphviz SVG: each person's node opens their page, and so does each tie's edge.
///
/// The DOT writer names a person's node `n<index>` (`DiagramContext.personID`), and Graphviz puts
/// that name in the node group's `<title>` and `n<a>&#45;&#45;n<b>` in an edge group's. The group's
/// shapes and label are wrapped in an SVG `<a href="/person?id=…">` (the id percent-encoded), and
/// the title becomes the tooltip: the person's name, or for an edge "A — B" (escaped). An edge
/// opens the page of its end that is not the user (the second end when neither is). Organization
/// nodes and edges to them are left alone.
enum DiagramLinks {
    /// `svg` (already checked by `SVGInline`) with its person nodes and person-to-person edges linked.
    /// - Complexity: O(n) in the length of the SVG.
    static func linkingPeople(in svg: String, snapshot: NetworkSnapshot) -> String {
        let opening = #"<g id=""#
        var out = ""
        out.reserveCapacity(svg.utf8.count + svg.utf8.count / 8)
        var rest = svg[...]
        while let start = rest.range(of: opening) {
            out += rest[..<start.lowerBound]
            rest = rest[start.lowerBound...]
            guard let titleStart = rest.range(of: "<title>"), let titleEnd = rest.range(of: "</title>"),
                let groupEnd = rest.range(of: "</g>"), titleEnd.upperBound < groupEnd.lowerBound,
                let (tooltip, person) = target(String(rest[titleStart.upperBound..<titleEnd.lowerBound]), snapshot)
            else {
                out += rest[..<start.upperBound]
                rest = rest[start.upperBound...]
                continue
            }
            out += rest[..<titleStart.lowerBound]
            out += "<title>" + Page.attribute(tooltip) + "</title>"
            out += "<a href=\"" + Page.link(person: snapshot.people.id(person)) + "\">"
            out += rest[titleEnd.upperBound..<groupEnd.lowerBound]
            out += "</a></g>"
            rest = rest[groupEnd.upperBound...]
        }
        out += rest
        return out
    }

    /// The tooltip and the person to open for a group's title: `n12` (a node), or `n3&#45;&#45;n12`
    /// (an edge between two people); nil for anything else.
    static func target(_ title: String, _ snapshot: NetworkSnapshot) -> (tooltip: String, person: Int32)? {
        let ends = title.replacingOccurrences(of: "&#45;", with: "-").components(separatedBy: "--")
        let people = ends.compactMap { personIndex($0, snapshot) }
        guard people.count == ends.count else { return nil }
        switch people.count {
        case 1: return (snapshot.people.displayName(people[0]), people[0])
        case 2:
            let names = people.map { snapshot.people.displayName($0) }
            return (names[0] + " — " + names[1], people[0] == snapshot.selfIndex ? people[1] : people[1] == snapshot.selfIndex ? people[0] : people[1])
        default: return nil
        }
    }

    /// 12 for `n12`, when the network has that person.
    private static func personIndex(_ name: String, _ snapshot: NetworkSnapshot) -> Int32? {
        guard name.hasPrefix("n"), let i = Int32(name.dropFirst()), i >= 0, Int(i) < snapshot.personCount else { return nil }
        return i
    }
}
