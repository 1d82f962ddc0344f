/// The topology of an undirected graph in compressed sparse row (CSR) form.
///
/// Nodes are dense `Int32` indices `0..<nodeCount`. Each undirected edge is stored twice in the
/// adjacency: node `u`'s half-edges are `offsets[u]..<offsets[u + 1]`, with the neighbour in
/// `neighbors` and the edge index in `incidentEdges`. Per-edge data (the edge list itself, strengths,
/// lengths, kinds) lives in arrays indexed by edge, outside the graph: a snapshot's ties keep the
/// edge list (`TieTable.endpoints`), and a caller that only searches can drop it once the graph is
/// built (78 MB at ten million edges).
///
/// The layout follows igraph's indexed edge list without the list: O(V + E) memory, no per-edge
/// allocation.
public struct Graph: Sendable {
    public let nodeCount: Int
    public let edgeCount: Int
    /// `nodeCount + 1` entries into `neighbors` / `incidentEdges`.
    public let offsets: [Int]
    public let neighbors: FixedArray<Int32>
    public let incidentEdges: FixedArray<Int32>

    /// Builds the CSR adjacency from an edge list with a counting sort.
    ///
    /// One pass checks every edge and counts degrees; then the half-edges are scattered to their
    /// places. On large graphs the scatter runs on `WorkerPool.shared`: each part owns a range of
    /// nodes holding about the same number of half-edges, reads the whole edge list in order and
    /// writes only its own nodes' half-edges, so the result is the same as the serial scatter's and
    /// no two threads write the same place. The scatter's random writes are what costs (0.98 s of
    /// the bench's 1M build on one thread).
    ///
    /// - Parameters:
    ///   - nodeCount: the number of nodes.
    ///   - endpoints: two entries per edge; every entry in `0..<nodeCount`.
    /// - Throws: `GraphError.nodeOutOfRange` or `.selfLoop`. Duplicate edges are the caller's
    ///   business (the builders merge them before).
    /// - Complexity: O(V + E) time and memory; O(E · parts) sequential reads.
    public init(nodeCount: Int, endpoints: [Int32]) throws(GraphError) {
        precondition(endpoints.count % 2 == 0, "endpoints holds two entries per edge")
        guard nodeCount < Int(Int32.max), endpoints.count / 2 < Int(Int32.max) else { throw .tooLarge }
        let total = endpoints.count
        // Degrees in 32 bits: half the memory the count pass touches at random (a degree is below
        // 2^32 since the edges are fewer than 2^31).
        var degree = [UInt32](repeating: 0, count: nodeCount)
        let failure: GraphError? = endpoints.withUnsafeBufferPointer { ends in
            degree.withUnsafeMutableBufferPointer { deg in
                let n = UInt32(nodeCount)
                var i = 0
                while i < total {
                    let a = ends[i], b = ends[i &+ 1]
                    // One unsigned comparison per entry also rejects negative values.
                    guard UInt32(bitPattern: a) < n, UInt32(bitPattern: b) < n else {
                        return .nodeOutOfRange(edge: i / 2)
                    }
                    guard a != b else { return .selfLoop(edge: i / 2) }
                    deg[Int(a)] &+= 1
                    deg[Int(b)] &+= 1
                    i &+= 2
                }
                return nil
            }
        }
        if let failure { throw failure }
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        for u in 0..<nodeCount { offsets[u + 1] = offsets[u] + Int(degree[u]) }
        degree = []
        // At least one part per thread, and parts of at most 128 Ki nodes: a part's cursors (8 bytes
        // a node) then stay in a core's 1–4 MB L2 cache while its writes land at random. At a million
        // people 7 parts built in 0.27–0.30 s where 3 took 0.36–0.38 (each part reads the edge list
        // once more, sequentially, which costs less); 8 parts, each at most 128 Ki nodes (rounded up,
        // where it had been rounded down), split evenly over two cores: 0.28–0.29 s against 0.30–0.34.
        let smallParts = min(8, (nodeCount + (1 << 17) - 1) >> 17)
        let parts = total >= Graph.parallelScatterThreshold ? max(WorkerPool.shared.width + 1, smallParts) : 1
        let bounds = Graph.nodeRanges(offsets: offsets, parts: parts)
        // Every slot is written exactly once by the scatter, so the arrays start uninitialized.
        var incident = FixedArray<Int32>()
        let neighbors = FixedArray<Int32>(unsafeUninitializedCount: total) { nb in
            incident = FixedArray<Int32>(unsafeUninitializedCount: total) { inc in
                endpoints.withUnsafeBufferPointer { ends in
                    offsets.withUnsafeBufferPointer { off in
                        WorkerPool.shared.forEach(parts) { part in
                            Graph.scatter(ends, nodes: bounds[part]..<bounds[part + 1], offsets: off, into: nb, inc)
                        }
                    }
                }
            }
        }
        self.nodeCount = nodeCount
        self.edgeCount = total / 2
        self.offsets = offsets
        self.neighbors = neighbors
        self.incidentEdges = incident
    }

    /// Below this many half-edges the scatter runs on the calling thread (threads cost more).
    static let parallelScatterThreshold = 1 << 18

    /// `parts + 1` node boundaries from 0 to the node count, each range holding about
    /// `1 / parts` of the half-edges.
    static func nodeRanges(offsets: [Int], parts: Int) -> [Int] {
        let nodeCount = offsets.count - 1
        let total = offsets[nodeCount]
        var bounds = [0]
        var u = 0
        for k in 1..<parts {
            let target = total * k / parts
            while u < nodeCount, offsets[u] < target { u += 1 }
            bounds.append(u)
        }
        bounds.append(nodeCount)
        return bounds
    }

    /// Writes the half-edges whose owner is in `nodes`, in edge order: the counting sort's scatter,
    /// restricted to one range of nodes.
    static func scatter(
        _ ends: UnsafeBufferPointer<Int32>, nodes: Range<Int>, offsets: UnsafeBufferPointer<Int>,
        into nb: UnsafeMutableBufferPointer<Int32>, _ inc: UnsafeMutableBufferPointer<Int32>
    ) {
        guard !nodes.isEmpty else { return }
        let low = nodes.lowerBound
        // The next free slot of each node in the range.
        var cursor = Array(offsets[nodes])
        let width = nodes.count
        cursor.withUnsafeMutableBufferPointer { cur in
            var e = 0
            let edges = ends.count / 2
            while e < edges {
                let a = ends[2 &* e], b = ends[2 &* e &+ 1]
                // Unsigned: a node below the range wraps around above it.
                let ra = Int(UInt32(bitPattern: a) &- UInt32(low)), rb = Int(UInt32(bitPattern: b) &- UInt32(low))
                if ra < width {
                    let p = cur[ra]
                    nb[p] = b
                    inc[p] = Int32(truncatingIfNeeded: e)
                    cur[ra] = p &+ 1
                }
                if rb < width {
                    let p = cur[rb]
                    nb[p] = a
                    inc[p] = Int32(truncatingIfNeeded: e)
                    cur[rb] = p &+ 1
                }
                e &+= 1
            }
        }
    }

    /// A graph from arrays saved by an earlier `init(nodeCount:endpoints:)`, or `nil` unless every
    /// index is in range: offsets rising from 0 to two entries per edge, every neighbour a node,
    /// every incident edge an edge. (Range checks only: they keep a damaged file from ever
    /// indexing out of bounds, in sequential passes; matching each half-edge to its edge would be a
    /// random access per half-edge.) With `checkingIndices` false the caller checks the neighbours
    /// and incident edges itself (`indicesAreInRange`) before anything reads them, as the snapshot
    /// decoder does beside its other work.
    /// - Complexity: O(V + E).
    init?(
        nodeCount: Int, edgeCount: Int, offsets: [Int], neighbors: FixedArray<Int32>, incidentEdges: FixedArray<Int32>,
        checkingIndices: Bool = true
    ) {
        guard nodeCount >= 0, nodeCount < Int(Int32.max), edgeCount >= 0, edgeCount < Int(Int32.max),
            offsets.count == nodeCount + 1,
            areOffsets(offsets, from0To: 2 * edgeCount), neighbors.count == 2 * edgeCount,
            incidentEdges.count == 2 * edgeCount
        else { return nil }
        self.nodeCount = nodeCount
        self.edgeCount = edgeCount
        self.offsets = offsets
        self.neighbors = neighbors
        self.incidentEdges = incidentEdges
        if checkingIndices, !indicesAreInRange() { return nil }
    }

    /// Whether every neighbour is a node and every incident edge an edge.
    /// - Complexity: O(E), two sequential passes.
    func indicesAreInRange() -> Bool {
        areCodes(neighbors, in: 0, Int32(nodeCount)) && areCodes(incidentEdges, in: 0, Int32(edgeCount))
    }

    /// The number of edges at `node`.
    @inlinable public func degree(of node: Int32) -> Int { offsets[Int(node) + 1] - offsets[Int(node)] }

    /// The half-edge positions of `node` in `neighbors` / `incidentEdges`.
    @inlinable public func halfEdges(of node: Int32) -> Range<Int> { offsets[Int(node)]..<offsets[Int(node) + 1] }
}

/// A malformed edge list.
public enum GraphError: Error, Equatable, Sendable, CustomStringConvertible {
    case nodeOutOfRange(edge: Int)
    case selfLoop(edge: Int)
    case tooLarge

    public var description: String {
        switch self {
        case .nodeOutOfRange(let e): return "edge \(e) names a node outside the graph"
        case .selfLoop(let e): return "edge \(e) joins a node to itself"
        case .tooLarge: return "the graph has more than 2^31 nodes or edges"
        }
    }
}
