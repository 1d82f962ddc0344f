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
}
