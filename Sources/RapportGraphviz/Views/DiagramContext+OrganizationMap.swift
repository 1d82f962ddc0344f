import Rapport

/// Which organizations the `orgs` view draws, and the long tail it folds into one node.
struct OrganizationSelection {
    /// Organizations drawn one node each, by index.
    var shown: [Int]
    /// Organizations drawn together as one "other organizations" node (empty: no such node).
    var others: [Int]
    /// People per organization (the user not counted).
    var people: [Int]
    /// The user's reach into each organization.
    var reach: [Double]

    /// What the selection draws, in words: "the 100 organizations you reach most, then the largest,
    /// and one node for the other 23077" or "41 organizations, one node each".
    var summary: String {
        if others.isEmpty { return "\(shown.count) organization\(shown.count == 1 ? "" : "s"), one node each" }
        return "the \(shown.count) organizations you reach most, then the largest, and one node for the other \(others.count)"
    }
}

extension DiagramContext {
    /// The organizations with people (in the sector, if one is asked for). With `top`, the first
    /// `top` by reach then size and nothing else; above `organizationLimit` (or the node limit, less
    /// the user and the tail node) and without `force`, the first ones by reach then size, the rest
    /// folded into one node; otherwise all.
    /// - Complexity: O(V + degree of the user + O log O).
    func organizationSelection() -> OrganizationSelection {
        var people = [Int](repeating: 0, count: snapshot.organizations.count)
        var inSector = [Bool](repeating: options.sector == nil, count: snapshot.organizations.count)
        let sector = options.sector?.lowercased()
        for node in 0..<Int32(snapshot.personCount) where node != snapshot.selfIndex {
            let o = snapshot.organizationIndex[Int(node)]
            guard o >= 0 else { continue }
            people[Int(o)] += 1
            if !inSector[Int(o)], matchesSector(node) { inSector[Int(o)] = true }
        }
        if let sector {
            for (o, organization) in snapshot.organizations.enumerated()
            where organization.sector?.lowercased().contains(sector) == true {
                inSector[o] = true
            }
        }
        let reach = reachByOrganization()
        let candidates = (0..<snapshot.organizations.count).filter { people[$0] > 0 && inSector[$0] }
        let cap = max(1, min(options.organizationLimit, options.nodeLimit - 2))
        var selection = OrganizationSelection(shown: candidates, others: [], people: people, reach: reach)
        let byReach = { candidates.sorted { (reach[$0], people[$0], $1) > (reach[$1], people[$1], $0) } }
        if let top = options.top {
            selection.shown = Array(byReach().prefix(top))
        } else if !options.force, candidates.count > cap {
            let ranked = byReach()
            selection.shown = ranked.prefix(cap).sorted()
            selection.others = ranked.dropFirst(cap).sorted()
        }
        return selection
    }

    /// One node per organization, sized by its people and filled by the user's reach, with an edge
    /// from the user to each organization reached at or above `minStrength`; the long tail, if
    /// any, as one grey node that says how many organizations and people it holds.
    /// - Complexity: O(V + degree of the user + O log O).
    func organizationsView(_ selection: OrganizationSelection? = nil) throws(RenderError) -> DOTGraph {
        let selection = selection ?? organizationSelection()
        let (shown, people, reach) = (selection.shown, selection.people, selection.reach)
        try checkSize(shown.count + 1 + (selection.others.isEmpty ? 0 : 1))
        var nodes: [DOTNode] = []
        var edges: [DOTEdge] = []
        if let me = snapshot.selfIndex { nodes.append(personNode(me, role: .user)) }
        for o in shown {
            let organization = snapshot.organizations[o]
            let count = people[o]
            var label = organization.name + "\n\(count) " + (count == 1 ? "person" : "people")
            if reach[o] > 0 { label += " · reach " + NumberFormat.twoDecimals(reach[o]) }
            var attributes = Self.organizationNode(label: label, people: count)
            attributes["fillcolor"] = .text(DiagramStyle.reachFill(reach[o]))
            if reach[o] > 0.55 { attributes["fontcolor"] = .text("white") }
            nodes.append(DOTNode(id: Self.organizationID(Int32(o)), attributes: attributes))
            if let me = snapshot.selfIndex, reach[o] > 0, reach[o] >= options.minStrength {
                edges.append(
                    DOTEdge(
                        from: Self.personID(me), to: Self.organizationID(Int32(o)),
                        attributes: DiagramStyle.tie(strength: reach[o])))
            }
        }
        if !selection.others.isEmpty {
            let count = selection.others.reduce(0) { $0 + people[$1] }
            let reached = selection.others.count { reach[$0] > 0 }
            var label = "\(selection.others.count) other organizations\n\(count) people"
            if reached > 0 { label += " · you reach \(reached)" }
            var attributes = Self.organizationNode(label: label, people: count)
            attributes["fillcolor"] = .text(DiagramStyle.personFill)
            attributes["style"] = .text("filled,dashed")
            nodes.append(DOTNode(id: Self.otherOrganizationsID, attributes: attributes))
        }
        var graph = DOTGraph(nodes: nodes, edges: edges)
        if let me = snapshot.selfIndex { graph.attributes["root"] = .text(Self.personID(me)) }
        // A hundred organizations of very different sizes on twopi's rings overlap; move them apart.
        if !selection.others.isEmpty { graph.attributes["overlap"] = .text("false") }
        return try finish(graph, title: "Your reach into each organization", legend: DiagramStyle.organizationLegend())
    }

    /// The node id of the long tail in the `orgs` view.
    static let otherOrganizationsID = "others"

    /// An organization's shape and size: width grows with √people up to 144 people, so that a firm
    /// of 400 is not drawn 400 times larger than one of 1, nor the long tail as large as the page.
    static func organizationNode(label: String, people: Int) -> [String: DOTValue] {
        let scale = Double(people).squareRoot()
        return [
            "label": .text(label), "shape": .text("ellipse"), "style": .text("filled"),
            "width": .number(0.8 + 0.3 * min(scale, 12)), "height": .number(0.5 + 0.2 * min(scale, 12)),
            "fontsize": .number(10 + 1.5 * min(scale, 8)),
        ]
    }
}
