import Rapport

extension DiagramContext {
    /// The warm paths to one target, drawn left to right with each tie's strength on it.
    /// - Complexity: O(total path length × the degree of the path's people) to find the ties.
    func pathView(target: Int32, paths: [[Int32]]) throws(RenderError) -> DOTGraph {
        try checkNode(target)
        var shown: [[Int32]] = []
        for path in paths {
            let edges = try tiesAlong(path)
            guard path.last == target else {
                throw .invalidPath("a path to node \(target) ends at node \(path.last ?? -1)")
            }
            if edges.allSatisfy(isShown) { shown.append(path) }
        }
        if let top = options.top { shown = Array(shown.prefix(top)) }
        let title =
            shown.isEmpty
            ? "No warm path to the target"
            : shown.count == 1 ? "The warm path to the target" : "\(shown.count) warm paths to the target"
        return try pathsGraph(targets: [(target, nil, shown)], title: title)
    }

    /// The top targets and their warm paths, ranked as given.
    /// - Complexity: O(total path length × the degree of the path's people).
    func suggestionsView(_ targets: [DiagramTarget]) throws(RenderError) -> DOTGraph {
        var ranked: [(Int32, Int?, [[Int32]])] = []
        for (rank, target) in targets.enumerated() {
            try checkNode(target.node)
            var shown: [[Int32]] = []
            for path in target.paths {
                let edges = try tiesAlong(path)
                guard path.last == target.node else {
                    throw .invalidPath("a path to node \(target.node) ends at node \(path.last ?? -1)")
                }
                if edges.allSatisfy(isShown) { shown.append(path) }
            }
            if target.node == snapshot.selfIndex || !matchesSector(target.node) { continue }
            ranked.append((target.node, rank + 1, shown))
        }
        if let top = options.top { ranked = Array(ranked.prefix(top)) }
        return try pathsGraph(targets: ranked, title: "Your next informational interviews")
    }

    /// The ties joining consecutive nodes of `path`.
    /// - Throws: `.invalidPath` for an empty path, `.nodeOutOfRange`, `.notTied`.
    private func tiesAlong(_ path: [Int32]) throws(RenderError) -> [Int32] {
        guard !path.isEmpty else { throw .invalidPath("a path is empty") }
        for node in path { try checkNode(node) }
        var edges: [Int32] = []
        for (a, b) in zip(path, path.dropFirst()) {
            guard let e = snapshot.tie(between: a, and: b) else { throw .notTied(a, b) }
            edges.append(e)
        }
        return edges
    }

    /// Targets (with their rank, if any) and their paths: the path ties bold and labelled, the
    /// best path's reliability (the product of its strengths) under each target's name.
    private func pathsGraph(targets: [(node: Int32, rank: Int?, paths: [[Int32]])], title: String) throws(RenderError)
        -> DOTGraph
    {
        var roles: [Int32: Role] = [:]
        var edges = Set<Int32>()
        var notes: [Int32: String] = [:]
        if let me = snapshot.selfIndex { roles[me] = .user }
        for target in targets {
            for path in target.paths {
                // Validated by the caller.
                let pathEdges = (try? tiesAlong(path)) ?? []
                edges.formUnion(pathEdges)
                for node in path where roles[node] == nil { roles[node] = .introducer }
            }
            roles[target.node] = .target(rank: target.rank)
            if let best = target.paths.first, best.count > 1 {
                let reliability = ((try? tiesAlong(best)) ?? []).reduce(1.0) { $0 * strength($1) }
                notes[target.node] = "best path " + NumberFormat.twoDecimals(reliability)
            } else if target.paths.isEmpty {
                notes[target.node] = "no warm path yet"
            }
        }
        try checkSize(roles.count)
        let nodes = roles.keys.sorted().map { node in
            personNode(node, role: roles[node] ?? .person, withOrganization: roles[node] != .user, note: notes[node])
        }
        let dotEdges = edges.sorted().map { tieEdge($0, labelled: true) }
        let graph = DOTGraph(nodes: nodes, edges: dotEdges)
        return try finish(
            graph, title: title, layered: true,
            legend: DiagramStyle.personLegend(showsTargets: true, showsIntroducers: true))
    }
}
