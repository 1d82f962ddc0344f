import Rapport

/// The inputs of one diagram, checked, and the helpers the views share.
struct DiagramContext {
    /// How a person appears in a view.
    enum Role: Equatable {
        case person
        case user
        case introducer
        /// A target; `rank` is its 1-based place in the suggestions.
        case target(rank: Int?)
    }

    let snapshot: NetworkSnapshot
    let strengths: [Double]
    let options: DiagramOptions
    /// The view being drawn (its command-line name), for messages.
    let view: String

    /// - Throws: `RenderError.invalidStrengths` unless there is one finite strength in [0, 1] per
    ///   edge; `.invalidOption` for a negative or non-finite `minStrength` or a `top`/`nodeLimit`
    ///   below one.
    init(snapshot: NetworkSnapshot, strengths: [Double], options: DiagramOptions, view: String) throws(RenderError) {
        guard strengths.count == snapshot.graph.edgeCount else {
            throw .invalidStrengths("expected \(snapshot.graph.edgeCount) values, one per tie, got \(strengths.count)")
        }
        if let bad = strengths.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
            throw .invalidStrengths("the strength of tie \(bad) is \(strengths[bad]), outside [0, 1]")
        }
        guard options.minStrength.isFinite, options.minStrength >= 0 else {
            throw .invalidOption("the minimum strength must be a number ≥ 0")
        }
        if let top = options.top, top < 1 { throw .invalidOption("--top must be at least 1") }
        guard options.organizationLimit >= 1 else { throw .invalidOption("the organization limit must be at least 1") }
        guard options.nodeLimit >= 1 else { throw .invalidOption("the node limit must be at least 1") }
        self.snapshot = snapshot
        self.strengths = strengths
        self.options = options
        self.view = view
    }

    /// The user's node.
    func user() throws(RenderError) -> Int32 {
        guard let me = snapshot.selfIndex else { throw .noUser }
        return me
    }

    func strength(_ edge: Int32) -> Double { strengths[Int(edge)] }

    func isShown(_ edge: Int32) -> Bool { strength(edge) >= options.minStrength }

    /// Whether person `node` passes the sector filter.
    func matchesSector(_ node: Int32) -> Bool {
        guard let sector = options.sector?.lowercased(), !sector.isEmpty else { return true }
        return snapshot.people[Int(node)].sectors.contains { $0.lowercased().contains(sector) }
    }

    func checkNode(_ node: Int32) throws(RenderError) {
        guard node >= 0, Int(node) < snapshot.personCount else { throw .nodeOutOfRange(node) }
    }

    /// The shown ties between people of `kept`.
    /// - Complexity: O(Σ degree over `kept`).
    func ties(among kept: Set<Int32>) -> [Int32] {
        var edges: [Int32] = []
        for u in kept {
            for h in snapshot.graph.halfEdges(of: u) {
                let v = snapshot.graph.neighbors[h]
                let e = snapshot.graph.incidentEdges[h]
                if u < v, kept.contains(v), isShown(e) { edges.append(e) }
            }
        }
        return edges
    }

    /// Applies `minStrength` (dropping people left without a shown tie when it is above zero) and
    /// `top` (keeping the people whose strongest shown tie is strongest) to `candidates`; `pinned`
    /// people always stay.
    /// - Complexity: O(Σ degree + N log N) over the candidates.
    func narrowed(_ candidates: Set<Int32>, pinned: Set<Int32>) -> Set<Int32> {
        var kept = candidates
        var best: [Int32: Double] = [:]
        for e in ties(among: kept) {
            let s = strength(e)
            let a = snapshot.ties.endpoints[2 * Int(e)], b = snapshot.ties.endpoints[2 * Int(e) + 1]
            best[a] = max(best[a] ?? 0, s)
            best[b] = max(best[b] ?? 0, s)
        }
        if options.minStrength > 0 {
            kept = kept.filter { pinned.contains($0) || best[$0] != nil }
        }
        if let top = options.top {
            let ranked = kept.filter { !pinned.contains($0) }
                .sorted { (best[$0] ?? 0, $1) > (best[$1] ?? 0, $0) }
            kept = pinned.intersection(candidates).union(ranked.prefix(top))
        }
        return kept
    }

    /// A person's node: synthetic id `n<index>`, the name as label, styled by role.
    func personNode(_ node: Int32, role: Role, withOrganization: Bool = false, note: String? = nil) -> DOTNode {
        let person = snapshot.people[Int(node)]
        var label = person.displayName
        if role == .user { label += " (you)" }
        if case .target(let rank?) = role { label = "\(rank). " + label }
        if withOrganization, let organization = snapshot.organization(of: node) { label += "\n" + organization.name }
        if let note { label += "\n" + note }
        var attributes: [String: DOTValue] = ["label": .text(label)]
        switch role {
        case .person: break
        case .user:
            attributes["fillcolor"] = .text(DiagramStyle.userFill)
            attributes["penwidth"] = .text("2")
            attributes["fontsize"] = .text("13")
        case .introducer: attributes["fillcolor"] = .text(DiagramStyle.introducerFill)
        case .target:
            attributes["fillcolor"] = .text(DiagramStyle.targetFill)
            attributes["penwidth"] = .text("2")
        }
        return DOTNode(id: Self.personID(node), attributes: attributes)
    }

    /// A tie's edge, styled by strength; `labelled` prints the strength on it.
    func tieEdge(_ edge: Int32, labelled: Bool = false) -> DOTEdge {
        let a = snapshot.ties.endpoints[2 * Int(edge)], b = snapshot.ties.endpoints[2 * Int(edge) + 1]
        var attributes = DiagramStyle.tie(strength: strength(edge))
        if labelled {
            attributes["label"] = .number(strength(edge))
            attributes["fontsize"] = .text("9")
            attributes["fontname"] = .text(DiagramStyle.fontName)
        }
        return DOTEdge(from: Self.personID(min(a, b)), to: Self.personID(max(a, b)), attributes: attributes)
    }

    static func personID(_ node: Int32) -> String { "n\(node)" }
    static func organizationID(_ organization: Int32) -> String { "o\(organization)" }

    /// Throws `.tooManyNodes` when `count` passes the limit and `force` is off.
    func checkSize(_ count: Int) throws(RenderError) {
        if count > options.nodeLimit, !options.force { throw .tooManyNodes(count: count, limit: options.nodeLimit, view: view) }
    }

    /// The finished graph: defaults, title, size-dependent attributes and the legend.
    func finish(
        _ graph: DOTGraph, title: String, layered: Bool = false, legend: DOTCluster? = nil
    ) throws(RenderError) -> DOTGraph {
        var graph = graph
        let count = graph.nodeCount
        try checkSize(count)
        graph.attributes.merge(DiagramStyle.graphDefaults) { current, _ in current }
        graph.attributes["label"] = .text(options.title ?? title)
        if layered { graph.attributes["rankdir"] = .text("LR") }
        if count > GraphvizEngine.layeredNodeLimit {
            graph.attributes["overlap"] = .text("scale")
            // Scaling out overlaps can make a canvas of hundreds of inches; cap it, or a PNG of 500
            // organizations takes 9 s in cairo instead of a second.
            graph.attributes["size"] = .text("40,40")
        }
        graph.nodeDefaults.merge(DiagramStyle.nodeDefaults) { current, _ in current }
        graph.edgeDefaults.merge(DiagramStyle.edgeDefaults) { current, _ in current }
        if options.showLegend, let legend { graph.clusters.append(legend) }
        return graph
    }

    /// People grouped in one cluster per organization (labelled with its name); people without an
    /// organization stay loose.
    func clustered(_ people: [DOTNode], of nodes: [Int32]) -> (loose: [DOTNode], clusters: [DOTCluster]) {
        var loose: [DOTNode] = []
        var byOrganization: [Int32: [DOTNode]] = [:]
        for (node, dotNode) in zip(nodes, people) {
            let o = snapshot.organizationIndex[Int(node)]
            if o < 0 { loose.append(dotNode) } else { byOrganization[o, default: []].append(dotNode) }
        }
        let clusters = byOrganization.map { o, members in
            DOTCluster(
                id: Self.organizationID(o),
                attributes: [
                    "label": .text(snapshot.organizations[Int(o)].name), "style": .text("rounded"),
                    "color": .text(DiagramStyle.clusterColor), "fontname": .text(DiagramStyle.fontName),
                ],
                nodes: members)
        }
        return (loose, clusters)
    }
}
