extension DiagramContext {
    /// Everyone who passes the filters, clustered by organization.
    /// - Complexity: O(V + E + V log V).
    func networkView() throws(RenderError) -> DOTGraph {
        let pinned: Set<Int32> = snapshot.selfIndex.map { [$0] } ?? []
        var candidates = Set<Int32>()
        for node in 0..<Int32(snapshot.personCount) where pinned.contains(node) || matchesSector(node) {
            candidates.insert(node)
        }
        // Refuse early: narrowing a million people only to refuse them would waste a minute.
        if options.minStrength == 0, options.top == nil { try checkSize(candidates.count) }
        let kept = narrowed(candidates, pinned: pinned)
        return try peopleGraph(kept, title: "Network")
    }

    /// The user and everyone within `radius` shown ties.
    /// - Complexity: O(size of the ball and its ties) for the breadth-first search.
    func egoView(radius: Int) throws(RenderError) -> DOTGraph {
        guard radius >= 1 else { throw .invalidOption("the radius must be at least 1") }
        let me = try user()
        var depth: [Int32: Int] = [me: 0]
        var frontier: [Int32] = [me]
        var level = 0
        while !frontier.isEmpty, level < radius {
            level += 1
            var next: [Int32] = []
            for u in frontier {
                for h in snapshot.graph.halfEdges(of: u) where isShown(snapshot.graph.incidentEdges[h]) {
                    let v = snapshot.graph.neighbors[h]
                    if depth[v] == nil {
                        depth[v] = level
                        next.append(v)
                    }
                }
            }
            frontier = next
        }
        let candidates = Set(depth.keys.filter { $0 == me || matchesSector($0) })
        let kept = narrowed(candidates, pinned: [me])
        let title = radius == 1 ? "Your network" : "Your network within \(radius) ties"
        return try peopleGraph(kept, title: title)
    }

    /// `kept` people, clustered by organization, with the shown ties among them.
    private func peopleGraph(_ kept: Set<Int32>, title: String) throws(RenderError) -> DOTGraph {
        try checkSize(kept.count)
        let nodes = kept.sorted()
        let dotNodes = nodes.map { personNode($0, role: $0 == snapshot.selfIndex ? .user : .person) }
        let (loose, clusters) = clustered(dotNodes, of: nodes)
        let edges = ties(among: kept).map { tieEdge($0) }
        let graph = DOTGraph(nodes: loose, clusters: clusters, edges: edges)
        return try finish(
            graph, title: title, legend: DiagramStyle.personLegend(showsTargets: false, showsIntroducers: false))
    }
}
