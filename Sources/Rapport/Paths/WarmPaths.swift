/// One step of a path: the node reached, the edge taken to reach it and that edge's strength.
///
/// The path algorithms fill `node`, `edge` and `strength`; the suggestion engine also fills the
/// person's `id` and `name` so the value can be printed or encoded as JSON directly.
public struct PathHop: Hashable, Sendable, Codable {
    /// The node this hop arrives at.
    public var node: Int32
    /// The edge from the previous node.
    public var edge: Int32
    /// The strength of `edge`, in (0, 1].
    public var strength: Double
    /// The person's id, when known.
    public var id: String?
    /// The person's display name, when known.
    public var name: String?

    public init(node: Int32, edge: Int32, strength: Double, id: String? = nil, name: String? = nil) {
        self.node = node
        self.edge = edge
        self.strength = strength
        self.id = id
        self.name = name
    }
}

/// A warm introduction path from the user to a target: the hops after the user, in order.
///
/// The first hop is the introducer to ask (unless it is the target itself: a direct tie).
/// `reliability` is the product of the hop strengths.
public struct WarmPath: Hashable, Sendable, Codable {
    /// The person the path leads to.
    public var target: Int32
    /// The hops after the user; the last one arrives at `target`.
    public var hops: [PathHop]
    /// Π strengths along the path, in (0, 1].
    public var reliability: Double

    public init(target: Int32, hops: [PathHop], reliability: Double) {
        self.target = target
        self.hops = hops
        self.reliability = reliability
    }

    /// The first hop when it is not the target: the person to ask for the introduction.
    public var introducer: PathHop? { hops.count > 1 ? hops.first : nil }

    /// Whether the user is tied to the target directly.
    public var isDirect: Bool { hops.count == 1 }
}

/// The best introduction paths to one person, one per distinct first hop.
///
/// `rapport path PERSON --top 3` wants alternatives a user can act on: different people to ask.
/// Yen's k shortest simple paths (Yen 1971, https://doi.org/10.1287/mnsc.17.11.712) tends to
/// return near-copies that share the introducer; instead this returns, for each neighbour `z` of
/// the source, the most reliable path source → z → … → target of at most `maxHops` edges that does
/// not pass through the source again, and keeps the best `top` of them. The direct tie, if any, is
/// the path whose first hop is the target.
public enum WarmPaths {
    /// The most reliable path via each distinct first hop, best first.
    ///
    /// Order: reliability descending, then fewer hops, then smaller first-hop index.
    ///
    /// - Parameters:
    ///   - graph: the CSR graph.
    ///   - strengths: one strength in (0, 1] per edge.
    ///   - source: the user.
    ///   - target: the person to reach.
    ///   - maxHops: the largest number of edges on a path (≥ 1).
    ///   - top: how many paths to return; 0 returns all.
    /// - Throws: `PathError` for unknown nodes, bad strengths, a hop limit below 1 or a negative `top`.
    /// - Complexity: one hop-limited search of `maxHops − 1` rounds from the target (which never
    ///   enters the source), then O(deg(source) · maxHops): O((maxHops − 1) · E_h + V + E) overall,
    ///   the O(E) being the strength check.
    public static func bestPathsByFirstHop(
        graph: Graph, strengths: [Double], from source: Int32, to target: Int32, maxHops: Int, top: Int
    ) throws(PathError) -> [WarmPath] {
        guard source >= 0, Int(source) < graph.nodeCount else { throw .unknownNode(source) }
        guard target >= 0, Int(target) < graph.nodeCount else { throw .unknownNode(target) }
        guard maxHops >= 1 else { throw .invalidHopLimit(maxHops) }
        guard top >= 0 else { throw .invalidCount(top) }
        let weights = try EdgeWeights(strengths: strengths, for: graph)
        return bestPathsByFirstHop(graph: graph, weights: weights, from: source, to: target, maxHops: maxHops, top: top)
    }

    /// As the public variant, with checked weights and arguments.
    static func bestPathsByFirstHop(
        graph: Graph, weights: EdgeWeights, from source: Int32, to target: Int32, maxHops: Int, top: Int
    ) -> [WarmPath] {
        guard source != target else { return [] }

        let back: SearchResult? =
            maxHops > 1
            ? HopLimitedSearch.run(
                graph: graph, weights: weights, source: target, maxHops: maxHops - 1, blocked: source)
            : nil
        var paths: [(first: Int32, path: WarmPath)] = []
        for h in graph.halfEdges(of: source) {
            let z = graph.neighbors[h]
            let e = graph.incidentEdges[h]
            let firstHop = PathHop(node: z, edge: e, strength: weights.strength(ofEdge: e))
            if z == target {
                paths.append((z, WarmPath(target: target, hops: [firstHop], reliability: weights.strength(ofEdge: e))))
                continue
            }
            guard let back, back.distance[Int(z)].isFinite else { continue }
            // The back search runs from the target; its record chain from z leads to the target.
            var hops = [firstHop]
            var r = Int(back.recordOfNode[Int(z)])
            while r > 0 {
                let parent = Int(back.recordParent[r])
                let edge = back.recordEdge[r]
                hops.append(PathHop(node: back.recordNode[parent], edge: edge, strength: weights.strength(ofEdge: edge)))
                r = parent
            }
            let reliability = hops.reduce(1.0) { $0 * $1.strength }
            paths.append((z, WarmPath(target: target, hops: hops, reliability: reliability)))
        }
        paths.sort { a, b in
            if a.path.reliability != b.path.reliability { return a.path.reliability > b.path.reliability }
            if a.path.hops.count != b.path.hops.count { return a.path.hops.count < b.path.hops.count }
            return a.first < b.first
        }
        let chosen = top == 0 ? paths[...] : paths.prefix(top)
        return chosen.map(\.path)
    }
}
