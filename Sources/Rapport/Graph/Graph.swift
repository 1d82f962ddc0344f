/// The topology of an undirected graph in compressed sparse row (CSR) form.
///
/// Nodes are dense `Int32` indices `0..<nodeCount`. Each undirected edge is stored once in the edge
/// list (`endpoints[2e]`, `endpoints[2e + 1]`) and twice in the adjacency: node `u`'s half-edges are
/// `offsets[u]..<offsets[u + 1]`, with the neighbour in `neighbors` and the edge index in
/// `incidentEdges`. Per-edge data (strengths, lengths, kinds) lives in arrays indexed by edge.
///
/// The layout follows igraph's indexed edge list: O(V + E) memory, no per-edge allocation.
public struct Graph: Sendable {
    public let nodeCount: Int
    /// Two entries per edge: its endpoints in the order given.
    public let endpoints: [Int32]
    /// `nodeCount + 1` entries into `neighbors` / `incidentEdges`.
    public let offsets: [Int]
    public let neighbors: [Int32]
    public let incidentEdges: [Int32]

    public var edgeCount: Int { endpoints.count / 2 }

    /// Builds the CSR adjacency from an edge list with a counting sort.
    ///
    /// - Parameters:
    ///   - nodeCount: the number of nodes.
    ///   - endpoints: two entries per edge; every entry in `0..<nodeCount`.
    /// - Throws: `GraphError.nodeOutOfRange` or `.selfLoop`. Duplicate edges are the caller's
    ///   business (the builders merge them before).
    /// - Complexity: O(V + E) time and memory.
    public init(nodeCount: Int, endpoints: [Int32]) throws(GraphError) {
        precondition(endpoints.count % 2 == 0, "endpoints holds two entries per edge")
        guard nodeCount < Int(Int32.max), endpoints.count / 2 < Int(Int32.max) else { throw .tooLarge }
        var degree = [Int](repeating: 0, count: nodeCount + 1)
        var i = 0
        while i < endpoints.count {
            let a = Int(endpoints[i]), b = Int(endpoints[i + 1])
            guard a >= 0, a < nodeCount, b >= 0, b < nodeCount else { throw .nodeOutOfRange(edge: i / 2) }
            guard a != b else { throw .selfLoop(edge: i / 2) }
            degree[a + 1] += 1
            degree[b + 1] += 1
            i += 2
        }
        for u in 0..<nodeCount { degree[u + 1] += degree[u] }
        let offsets = degree
        var cursor = Array(degree.dropLast())
        let total = endpoints.count
        var neighbors = [Int32](repeating: 0, count: total)
        var incident = [Int32](repeating: 0, count: total)
        endpoints.withUnsafeBufferPointer { ends in
            neighbors.withUnsafeMutableBufferPointer { nb in
                incident.withUnsafeMutableBufferPointer { inc in
                    cursor.withUnsafeMutableBufferPointer { cur in
                        var e = 0
                        while e < total / 2 {
                            let a = Int(ends[2 * e]), b = Int(ends[2 * e + 1])
                            let pa = cur[a], pb = cur[b]
                            nb[pa] = Int32(b); inc[pa] = Int32(e); cur[a] = pa + 1
                            nb[pb] = Int32(a); inc[pb] = Int32(e); cur[b] = pb + 1
                            e += 1
                        }
                    }
                }
            }
        }
        self.nodeCount = nodeCount
        self.endpoints = endpoints
        self.offsets = offsets
        self.neighbors = neighbors
        self.incidentEdges = incident
    }

    /// A graph from arrays saved by an earlier `init(nodeCount:endpoints:)`, or `nil` unless every
    /// index is in range: offsets rising from 0 to two entries per edge, every endpoint and neighbour
    /// a node, every incident edge an edge. (Range checks only: they keep a damaged file from ever
    /// indexing out of bounds, in sequential passes; matching each half-edge to its edge would be a
    /// random access per half-edge.)
    /// - Complexity: O(V + E).
    init?(nodeCount: Int, endpoints: [Int32], offsets: [Int], neighbors: [Int32], incidentEdges: [Int32]) {
        let edgeCount = endpoints.count / 2
        guard nodeCount >= 0, nodeCount < Int(Int32.max), endpoints.count % 2 == 0, offsets.count == nodeCount + 1,
            areOffsets(offsets, from0To: 2 * edgeCount), neighbors.count == 2 * edgeCount,
            incidentEdges.count == 2 * edgeCount
        else { return nil }
        let n = UInt32(nodeCount), m = UInt32(edgeCount)
        // One unsigned comparison per entry also rejects negative values.
        guard endpoints.allSatisfy({ UInt32(bitPattern: $0) < n }),
            neighbors.allSatisfy({ UInt32(bitPattern: $0) < n }),
            incidentEdges.allSatisfy({ UInt32(bitPattern: $0) < m })
        else { return nil }
        self.nodeCount = nodeCount
        self.endpoints = endpoints
        self.offsets = offsets
        self.neighbors = neighbors
        self.incidentEdges = incidentEdges
    }

    /// The number of edges at `node`.
    @inlinable public func degree(of node: Int32) -> Int { offsets[Int(node) + 1] - offsets[Int(node)] }

    /// The half-edge positions of `node` in `neighbors` / `incidentEdges`.
    @inlinable public func halfEdges(of node: Int32) -> Range<Int> { offsets[Int(node)]..<offsets[Int(node) + 1] }

    /// The other endpoint of `edge` seen from `node`.
    @inlinable public func opposite(of node: Int32, along edge: Int32) -> Int32 {
        let a = endpoints[2 * Int(edge)]
        return a == node ? endpoints[2 * Int(edge) + 1] : a
    }
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
