/// A compact undirected graph for very large networks: CSR adjacency where each half-edge is one
/// `UInt32` packing the neighbour and a 4-bit label (the tie kind, or a marker for ties whose weight
/// lives elsewhere).
///
/// At a million people and ten million ties this takes 4 bytes per half-edge (78 MB), a third of a
/// CSR with separate neighbour, edge-index and weight arrays, and Dijkstra reads one array in order.
/// Weights come from the label through an `EdgeWeights` value, so a table of 16 lengths stays in L1.
public struct LabeledGraph: Sendable {
    public static let labelBits: UInt32 = 4
    public static let labelMask: UInt32 = (1 << labelBits) - 1
    /// The largest node count the packing allows.
    public static let maxNodes = 1 << (32 - Int(labelBits))

    public let nodeCount: Int
    /// `nodeCount + 1` offsets into `entries`.
    public let offsets: [Int32]
    /// `neighbor << labelBits | label`, two per edge.
    public let entries: [UInt32]

    public var edgeCount: Int { entries.count / 2 }

    /// Builds the adjacency with a counting sort.
    /// - Parameters:
    ///   - endpoints: two node indices per edge.
    ///   - labels: one label (0..<16) per edge.
    /// - Throws: `GraphError` for a node out of range, a self loop, or a graph too large to pack.
    /// - Complexity: O(V + E) time; peak memory the inputs plus 4 bytes per half-edge.
    public init(nodeCount: Int, endpoints: UnsafeBufferPointer<Int32>, labels: UnsafeBufferPointer<UInt8>) throws(GraphError) {
        let edges = labels.count
        precondition(endpoints.count == 2 * edges, "two endpoints per label")
        guard nodeCount < LabeledGraph.maxNodes, 2 * edges < Int(Int32.max) else { throw .tooLarge }
        var offsets = [Int32](repeating: 0, count: nodeCount + 1)
        for e in 0..<edges {
            let a = Int(endpoints[2 * e]), b = Int(endpoints[2 * e + 1])
            guard a >= 0, a < nodeCount, b >= 0, b < nodeCount else { throw .nodeOutOfRange(edge: e) }
            guard a != b else { throw .selfLoop(edge: e) }
            guard labels[e] <= UInt8(LabeledGraph.labelMask) else { throw .tooLarge }
            offsets[a + 1] &+= 1
            offsets[b + 1] &+= 1
        }
        for u in 0..<nodeCount { offsets[u + 1] &+= offsets[u] }
        var entries = [UInt32](repeating: 0, count: 2 * edges)
        var cursor = offsets
        entries.withUnsafeMutableBufferPointer { out in
            cursor.withUnsafeMutableBufferPointer { cur in
                for e in 0..<edges {
                    let a = Int(endpoints[2 * e]), b = Int(endpoints[2 * e + 1])
                    let label = UInt32(labels[e])
                    out[Int(cur[a])] = UInt32(b) << LabeledGraph.labelBits | label
                    cur[a] &+= 1
                    out[Int(cur[b])] = UInt32(a) << LabeledGraph.labelBits | label
                    cur[b] &+= 1
                }
            }
        }
        self.nodeCount = nodeCount
        self.offsets = offsets
        self.entries = entries
    }

    /// The half-edges of `node`: positions in `entries`.
    @inlinable public func halfEdges(of node: Int32) -> Range<Int> { Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1]) }

    @inlinable public static func neighbor(_ entry: UInt32) -> Int32 { Int32(bitPattern: entry >> labelBits) }
    @inlinable public static func label(_ entry: UInt32) -> UInt32 { entry & labelMask }
}

/// Strengths and lengths of the edges of a `LabeledGraph`, given the endpoints and the label.
public protocol EdgeWeights {
    /// The strength s ∈ (0, 1] of the edge `u`–`v`.
    func strength(_ u: Int32, _ v: Int32, label: UInt32) -> Double
    /// The length −ln s of the edge `u`–`v` (≥ 0).
    func length(_ u: Int32, _ v: Int32, label: UInt32) -> Double
}
