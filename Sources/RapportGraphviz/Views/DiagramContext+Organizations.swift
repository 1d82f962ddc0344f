import Rapport

extension DiagramContext {
    /// The user's reach into every organization: `ReachFormula.reach` over the user's ties to people
    /// currently at `o` (DESIGN §5, invariant 5: no number of ties below 0.3 reaches one at 0.6).
    /// - Returns: one value per organization; all zero without a user.
    /// - Complexity: O(degree of the user).
    func reachByOrganization() -> [Double] {
        var reach = [Double](repeating: 0, count: snapshot.organizations.count)
        guard let me = snapshot.selfIndex else { return reach }
        var ties: [Int32: [Double]] = [:]
        for h in snapshot.graph.halfEdges(of: me) {
            let o = snapshot.organizationIndex[Int(snapshot.graph.neighbors[h])]
            if o >= 0 { ties[o, default: []].append(strength(snapshot.graph.incidentEdges[h])) }
        }
        for (o, strengths) in ties { reach[Int(o)] = ReachFormula.reach(strengths) }
        return reach
    }

    /// One organization's people (in one cluster), the user, and the user's contacts who know
    /// someone there, with the shown ties between them.
    /// - Complexity: O(V + Σ degree of the members and the user's contacts).
    func organizationView(named name: String) throws(RenderError) -> DOTGraph {
        guard let o = snapshot.organization(named: name) else { throw .unknownOrganization(name) }
        let me = try user()
        var members = Set<Int32>()
        for node in 0..<Int32(snapshot.personCount) where snapshot.organizationIndex[Int(node)] == o && node != me {
            if matchesSector(node) { members.insert(node) }
        }
        // The user's contacts outside the organization who are tied to a member: the ways in.
        var bridges = Set<Int32>()
        for h in snapshot.graph.halfEdges(of: me) where isShown(snapshot.graph.incidentEdges[h]) {
            let x = snapshot.graph.neighbors[h]
            guard !members.contains(x), snapshot.organizationIndex[Int(x)] != o else { continue }
            for k in snapshot.graph.halfEdges(of: x)
            where isShown(snapshot.graph.incidentEdges[k]) && members.contains(snapshot.graph.neighbors[k]) {
                bridges.insert(x)
                break
            }
        }
        var kept = narrowed(members.union([me]), pinned: [me])
        // Bridges stay only while they still lead to a kept member.
        for x in bridges {
            let leads = snapshot.graph.halfEdges(of: x).contains {
                isShown(snapshot.graph.incidentEdges[$0]) && kept.contains(snapshot.graph.neighbors[$0])
                    && snapshot.graph.neighbors[$0] != me
            }
            if leads { kept.insert(x) }
        }
        try checkSize(kept.count)
        let organization = snapshot.organizations[Int(o)]
        var loose: [DOTNode] = []
        var inside: [DOTNode] = []
        for node in kept.sorted() {
            if node == me {
                loose.append(personNode(node, role: .user))
            } else if members.contains(node) {
                inside.append(personNode(node, role: .person))
            } else {
                loose.append(personNode(node, role: .introducer, withOrganization: true))
            }
        }
        let cluster = DOTCluster(
            id: Self.organizationID(o),
            attributes: [
                "label": .text(organization.name), "style": .text("rounded"),
                "color": .text(DiagramStyle.clusterColor), "fontname": .text(DiagramStyle.fontName),
            ],
            nodes: inside)
        let edges = ties(among: kept).map { tieEdge($0) }
        let reach = reachByOrganization()[Int(o)]
        let graph = DOTGraph(nodes: loose, clusters: [cluster], edges: edges)
        return try finish(
            graph, title: "Your reach into \(organization.name): \(NumberFormat.twoDecimals(reach))", layered: true,
            legend: DiagramStyle.personLegend(showsTargets: false, showsIntroducers: true))
    }

    /// One node per organization, sized by its people and filled by the user's reach, with an edge
    /// from the user to each organization reached at or above `minStrength`.
    /// - Complexity: O(V + degree of the user + O log O).
    func organizationsView() throws(RenderError) -> DOTGraph {
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
        var shown = (0..<snapshot.organizations.count).filter { people[$0] > 0 && inSector[$0] }
        if let top = options.top {
            shown = Array(shown.sorted { (reach[$0], people[$0], $1) > (reach[$1], people[$1], $0) }.prefix(top))
        }
        try checkSize(shown.count + 1)
        var nodes: [DOTNode] = []
        var edges: [DOTEdge] = []
        if let me = snapshot.selfIndex { nodes.append(personNode(me, role: .user)) }
        for o in shown {
            let organization = snapshot.organizations[o]
            let count = people[o]
            let scale = Double(count).squareRoot()
            var label = organization.name + "\n\(count) " + (count == 1 ? "person" : "people")
            if reach[o] > 0 { label += " · reach " + NumberFormat.twoDecimals(reach[o]) }
            var attributes: [String: DOTValue] = [
                "label": .text(label), "shape": .text("ellipse"), "style": .text("filled"),
                "fillcolor": .text(DiagramStyle.reachFill(reach[o])),
                "width": .number(0.8 + 0.3 * scale), "height": .number(0.5 + 0.2 * scale),
                "fontsize": .number(10 + 1.5 * min(scale, 8)),
            ]
            if reach[o] > 0.55 { attributes["fontcolor"] = .text("white") }
            nodes.append(DOTNode(id: Self.organizationID(Int32(o)), attributes: attributes))
            if let me = snapshot.selfIndex, reach[o] > 0, reach[o] >= options.minStrength {
                edges.append(
                    DOTEdge(
                        from: Self.personID(me), to: Self.organizationID(Int32(o)),
                        attributes: DiagramStyle.tie(strength: reach[o])))
            }
        }
        var graph = DOTGraph(nodes: nodes, edges: edges)
        if let me = snapshot.selfIndex { graph.attributes["root"] = .text(Self.personID(me)) }
        return try finish(graph, title: "Your reach into each organization", legend: DiagramStyle.organizationLegend())
    }
}
