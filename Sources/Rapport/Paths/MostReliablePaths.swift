import Foundation

/// Single-source most reliable paths: the paths from `source` that maximize the product of the
/// edge strengths, found by Dijkstra's algorithm on the lengths ℓ(e) = −ln s(e).
///
/// For every node `v`, `distance[v]` is the smallest Σ ℓ over paths from the source (within the hop
/// limit, if any), so the reliability is r(v) = exp(−distance[v]) = the largest product of strengths.
/// Unreached nodes have distance `+∞`, hop count −1 and no predecessor.
///
/// Ties are broken deterministically: on equal distance the path with fewer hops wins, then the one
/// whose last step comes from the smaller predecessor index.
///
/// Two algorithms, chosen by `maxHops`:
/// - `nil` (unlimited): Dijkstra with a radix heap keyed by the distance's bit pattern
///   (Dijkstra 1959; radix heaps: Ahuja, Mehlhorn, Orlin & Tarjan 1990, doi:10.1145/77600.77615);
///   see `RadixHeapDijkstra`.
/// - a hop limit `h`: Dijkstra is not correct here (a node first reached by a short-but-many-hops
///   route may need a longer-but-fewer-hops route to extend within the limit), so the search runs
///   `h` Bellman–Ford rounds over the frontier of nodes improved in the previous round
///   (Bellman 1958). Round `k` computes the best paths of at most `k` hops. Each improvement is kept
///   as a record pointing at the record it extended, so paths are reconstructed exactly even when a
///   node's best path later changes to one with more hops. For the small limits used for
///   introductions (≤ 3) this touches only the `h`-hop neighbourhood of the source.
public struct MostReliablePaths: Sendable {
    /// The source node.
    public let source: Int32
    /// The hop limit, or `nil` for none.
    public let maxHops: Int?
    /// Σ −ln s along the best path to each node; `+∞` when unreached.
    public let distance: [Double]
    /// The number of edges on each node's best path; −1 when unreached, 0 for the source.
    public let hops: [Int32]
    /// The node before each node on its best path; −1 for the source and unreached nodes.
    public let predecessorNode: [Int32]
    /// The edge into each node on its best path; −1 for the source and unreached nodes.
    public let predecessorEdge: [Int32]
    /// The first node after the source on each node's best path (the node itself for neighbours of
    /// the source); −1 for the source and unreached nodes.
    public let firstHop: [Int32]
    /// Reached nodes other than the source: in the order their best path was fixed (unlimited
    /// search), in ascending index order (hop-limited search).
    public let reached: [Int32]

    /// The weights searched, for the hops' strengths.
    let weights: EdgeWeights
    /// Hop-limited searches only: the record holding each node's best path, −1 when none.
    let recordOfNode: [Int32]
    /// Hop-limited searches only: per record, its node, its edge and the record it extends.
    let recordNode: [Int32]
    let recordEdge: [Int32]
    let recordParent: [Int32]

    /// Runs the search from `source`.
    ///
    /// - Parameters:
    ///   - graph: the CSR graph.
    ///   - strengths: one strength in (0, 1] per edge of `graph`.
    ///   - source: the start node.
    ///   - maxHops: the largest number of edges on a path (≥ 1), or `nil` for no limit.
    /// - Throws: `PathError` for a bad source, strength array or hop limit.
    /// - Complexity: unlimited: O(E + 64 · V) time, O(V) extra memory besides the heap. Hop limit `h`: O(h · E_h)
    ///   where E_h is the number of edges within `h` hops of the source, plus O(V) to set up the arrays.
    public init(graph: Graph, strengths: [Double], source: Int32, maxHops: Int? = nil) throws(PathError) {
        let lengths = try EdgeStrengths.lengths(from: strengths, for: graph)
        try self.init(graph: graph, strengths: strengths, lengths: lengths, source: source, maxHops: maxHops)
    }

    /// Runs the search with precomputed lengths `lengths[e] = −ln strengths[e]`
    /// (see `EdgeStrengths.lengths(from:for:)`), so repeated searches skip the logarithms.
    ///
    /// - Throws: `PathError` for a bad source, array sizes, length or hop limit.
    /// - Complexity: as `init(graph:strengths:source:maxHops:)`, plus O(E) to check `lengths`.
    public init(graph: Graph, strengths: [Double], lengths: [Double], source: Int32, maxHops: Int? = nil)
        throws(PathError)
    {
        guard source >= 0, Int(source) < graph.nodeCount else { throw .unknownNode(source) }
        guard strengths.count == graph.edgeCount else {
            throw .edgeCountMismatch(expected: graph.edgeCount, actual: strengths.count)
        }
        try EdgeStrengths.validateLengths(lengths, for: graph)
        if let h = maxHops, h < 1 { throw .invalidHopLimit(h) }
        self.init(
            checkedGraph: graph, weights: EdgeWeights(checkedStrengths: strengths, lengths: lengths), source: source,
            maxHops: maxHops)
    }

    /// Runs the search on `weights` (per-edge or palette, see `EdgeWeights`), already checked when
    /// they were made.
    ///
    /// - Throws: `PathError` for a bad source, weights of another graph or a bad hop limit.
    /// - Complexity: as `init(graph:strengths:source:maxHops:)`, without the O(E) checks.
    public init(graph: Graph, weights: EdgeWeights, source: Int32, maxHops: Int? = nil) throws(PathError) {
        guard source >= 0, Int(source) < graph.nodeCount else { throw .unknownNode(source) }
        guard weights.edgeCount == graph.edgeCount else {
            throw .edgeCountMismatch(expected: graph.edgeCount, actual: weights.edgeCount)
        }
        if let h = maxHops, h < 1 { throw .invalidHopLimit(h) }
        self.init(checkedGraph: graph, weights: weights, source: source, maxHops: maxHops)
    }

    /// Runs the search on arguments the caller has already checked (source in range, one valid
    /// strength and length per edge, hop limit ≥ 1), so repeated queries skip the O(E) checks.
    init(checkedGraph graph: Graph, weights: EdgeWeights, source: Int32, maxHops: Int?) {
        let result =
            if let h = maxHops {
                HopLimitedSearch.run(graph: graph, weights: weights, source: source, maxHops: h)
            } else {
                RadixHeapDijkstra.run(graph: graph, weights: weights, source: source)
            }
        self.init(result: result, weights: weights, source: source, maxHops: maxHops)
    }

    /// A hop-limited search run in `scratch`, whose per-node arrays must be in their initial state;
    /// the result shares them (copy-on-write), so `scratch` can be cleared and reused once this value
    /// is gone. Same results as `init(checkedGraph:weights:source:maxHops:)`.
    /// - Complexity: O(h · E_h + R) for R reached nodes, no allocation of size V.
    init(checkedGraph graph: Graph, weights: EdgeWeights, source: Int32, maxHops: Int, scratch: inout SearchResult) {
        HopLimitedSearch.run(graph: graph, weights: weights, source: source, maxHops: maxHops, into: &scratch)
        self.init(result: scratch, weights: weights, source: source, maxHops: maxHops)
    }

    private init(result: SearchResult, weights: EdgeWeights, source: Int32, maxHops: Int?) {
        self.source = source
        self.maxHops = maxHops
        self.weights = weights
        distance = result.distance
        hops = result.hops
        predecessorNode = result.predecessorNode
        predecessorEdge = result.predecessorEdge
        firstHop = result.firstHop
        reached = result.reached
        recordOfNode = result.recordOfNode
        recordNode = result.recordNode
        recordEdge = result.recordEdge
        recordParent = result.recordParent
    }

    /// The number of nodes of the searched graph.
    public var nodeCount: Int { distance.count }

    /// Whether `node` has a path from the source (within the hop limit).
    public func isReached(_ node: Int32) -> Bool {
        node >= 0 && Int(node) < distance.count && distance[Int(node)].isFinite
    }

    /// r(v) = exp(−distance[v]): the product of strengths along the best path; 1 for the source,
    /// 0 for unreached nodes or nodes outside the graph.
    public func reliability(of node: Int32) -> Double {
        guard node >= 0, Int(node) < distance.count else { return 0 }
        return Foundation.exp(-distance[Int(node)])
    }

    /// The hops of the best path from the source to `target`, source excluded; empty when `target`
    /// is the source or unreached.
    /// - Complexity: O(hops).
    public func path(to target: Int32) -> [PathHop] {
        guard isReached(target), target != source else { return [] }
        var result: [PathHop] = []
        if recordOfNode.isEmpty {
            var v = target
            while v != source {
                let e = predecessorEdge[Int(v)]
                result.append(PathHop(node: v, edge: e, strength: weights.strength(ofEdge: e)))
                v = predecessorNode[Int(v)]
            }
        } else {
            var r = recordOfNode[Int(target)]
            while r >= 0, recordParent[Int(r)] >= 0 {
                let e = recordEdge[Int(r)]
                result.append(PathHop(node: recordNode[Int(r)], edge: e, strength: weights.strength(ofEdge: e)))
                r = recordParent[Int(r)]
            }
        }
        return result.reversed()
    }

    /// The best path to `target` as a `WarmPath`, or `nil` when `target` is the source or unreached.
    public func warmPath(to target: Int32) -> WarmPath? {
        let hops = path(to: target)
        guard !hops.isEmpty else { return nil }
        return WarmPath(target: target, hops: hops, reliability: reliability(of: target))
    }
}

/// The flat per-node arrays one search produces; internal to the path algorithms.
struct SearchResult {
    var distance: [Double]
    var hops: [Int32]
    var predecessorNode: [Int32]
    var predecessorEdge: [Int32]
    var firstHop: [Int32]
    var reached: [Int32]
    var recordOfNode: [Int32] = []
    var recordNode: [Int32] = []
    var recordEdge: [Int32] = []
    var recordParent: [Int32] = []

    init(nodeCount n: Int) {
        distance = [Double](repeating: .infinity, count: n)
        hops = [Int32](repeating: -1, count: n)
        predecessorNode = [Int32](repeating: -1, count: n)
        predecessorEdge = [Int32](repeating: -1, count: n)
        firstHop = [Int32](repeating: -1, count: n)
        reached = []
    }

    /// Back to the state of `init(nodeCount:)` after a hop-limited search (`recordOfNode` included,
    /// as `HopLimitedSearch.run(…into:)` wants it), by resetting only the nodes it recorded.
    /// - Complexity: O(records).
    mutating func clear() {
        for node in recordNode {
            let v = Int(node)
            distance[v] = .infinity
            hops[v] = -1
            predecessorNode[v] = -1
            predecessorEdge[v] = -1
            firstHop[v] = -1
            recordOfNode[v] = -1
        }
        recordNode.removeAll(keepingCapacity: true)
        recordEdge.removeAll(keepingCapacity: true)
        recordParent.removeAll(keepingCapacity: true)
        reached.removeAll(keepingCapacity: true)
    }
}
