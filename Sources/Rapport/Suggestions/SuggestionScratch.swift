import Foundation

/// The per-node working memory of one `SuggestionEngine.suggest` call, kept between calls so a
/// query costs what it visits instead of O(V) to allocate and fill a dozen arrays of V entries.
///
/// Every array is in its initial state when a call starts: each call records what it wrote (the
/// search's records, the ego's neighbours, the memo entries it set) and `clear()`, run before the
/// next call, resets only those. The marks of `stamp`, `usableMark` and `coldMark` are generation
/// numbers that keep increasing across calls, so they never need a reset (they are refilled when
/// the counter nears its end).
///
/// One scratch serves one call at a time; `SuggestionScratchPool` hands one to each concurrent
/// caller (at most one per thread of a batch).
final class SuggestionScratch {
    let nodeCount: Int
    /// The hop-limited search's per-node arrays (see `SearchResult.clear()`).
    var search: SearchResult
    /// `ScoringContext`'s arrays, lent to it for one call (see `ScoringContext.init` and `lend`).
    var egoStrength: [Double]
    var egoLength: [Double]
    var introducersOf: [Int32]
    var usableMark: [Int32]
    var warmthBest: [Double]
    var warmthBestReliability: [Double]
    var warmthOf: [Double]
    var stamp: [Int32]
    /// Who the cold walk of a call has scored: a generation number of that call.
    var coldMark: [Int32]
    var generation: Int32 = 0
    /// Per node, `ScoringContext.contactRole` and `.withinLimitRole` bits: a byte array the warmth
    /// walk reads per half-edge instead of two wider ones (it stays in cache at a million people).
    var role: [UInt8]
    /// The nodes whose `role` the last call set.
    var roleTouched: [Int32] = []
    /// Per node with a role, what the warmth walk reads of it (`NearNode`); written when the role
    /// is set and read only while it is, so never initialized as a whole and never cleared: pages
    /// of nodes no call reaches are never touched.
    let near: NearNodes
    var warmthTouched: [Int32] = []
    /// The score of each candidate scored in the current call (read only for those).
    var scores: [Double]
    /// The ego of the last call (its neighbours' `egoStrength` and `egoLength` are set), or −1.
    var ego: Int32 = -1
    /// The nodes whose memo entries (`introducersOf`, `warmthOf`) the last call set.
    var memoTouched: [Int32] = []

    init(nodeCount n: Int) {
        nodeCount = n
        search = SearchResult(nodeCount: n)
        search.recordOfNode = [Int32](repeating: -1, count: n)
        egoStrength = [Double](repeating: 0, count: n)
        egoLength = [Double](repeating: .infinity, count: n)
        introducersOf = [Int32](repeating: -1, count: n)
        usableMark = [Int32](repeating: -1, count: n)
        warmthBest = [Double](repeating: 0, count: n)
        warmthBestReliability = [Double](repeating: 0, count: n)
        warmthOf = [Double](repeating: -1, count: n)
        stamp = [Int32](repeating: -1, count: n)
        coldMark = [Int32](repeating: -1, count: n)
        role = [UInt8](repeating: 0, count: n)
        near = NearNodes(count: n)
        scores = [Double](repeating: 0, count: n)
    }

    /// Resets what the last call wrote, given the graph it ran on.
    /// - Complexity: O(records + deg(last ego) + memo entries set), or O(V) when the generation
    ///   counter is refilled (once per 2^30 generations).
    func clear(graph: Graph) {
        search.clear()
        if ego >= 0 {
            for h in graph.halfEdges(of: ego) {
                let v = Int(graph.neighbors[h])
                egoStrength[v] = 0
                egoLength[v] = .infinity
            }
            ego = -1
        }
        for node in memoTouched {
            let v = Int(node)
            introducersOf[v] = -1
            warmthOf[v] = -1
        }
        memoTouched.removeAll(keepingCapacity: true)
        for node in roleTouched { role[Int(node)] = 0 }
        roleTouched.removeAll(keepingCapacity: true)
        warmthTouched.removeAll(keepingCapacity: true)
        // A call uses at most a few generations per reached node, far fewer than 2^30.
        if generation > Int32.max - (1 << 30) {
            generation = 0
            for i in stamp.indices { stamp[i] = -1 }
            for i in usableMark.indices { usableMark[i] = -1 }
            for i in coldMark.indices { coldMark[i] = -1 }
        }
    }
}

/// Scratch spaces for concurrent `suggest` calls on one engine: a call takes one and gives it
/// back; at most as many exist as calls ever ran at once. A scratch given back is cleared when it
/// is taken again, not before: a command that asks once and exits never pays for the clearing
/// (10–15 ms at a million people).
final class SuggestionScratchPool: @unchecked Sendable {
    private let lock = NSLock()
    /// Scratches no call is using, each still holding what its last call wrote.
    private var free: [SuggestionScratch] = []

    /// Runs `body` with a clear scratch of `graph`'s size that no other call is using.
    func withScratch<R, E: Error>(
        for graph: Graph, _ body: (SuggestionScratch) throws(E) -> R
    ) throws(E) -> R {
        let taken = lock.withLock { free.popLast() }
        taken?.clear(graph: graph)
        let scratch = taken ?? SuggestionScratch(nodeCount: graph.nodeCount)
        defer { lock.withLock { free.append(scratch) } }
        return try body(scratch)
    }
}

/// The `NearNode` of every node, uninitialized: an entry is written before it is read (see
/// `SuggestionScratch.near`). A class, so that a `ScoringContext` keeps the memory alive for as long
/// as it reads it, whatever becomes of the scratch it came from.
final class NearNodes {
    let nodes: UnsafeMutableBufferPointer<NearNode>

    init(count: Int) { nodes = .allocate(capacity: count) }

    deinit { nodes.deallocate() }
}

/// What the warmth walk reads of a node within the hop limit, together: one cache line where
/// four per-node arrays took four. (24 bytes: the nodes a call reaches are scattered over the
/// whole buffer, so every page of it is touched and its size is memory.)
struct NearNode {
    /// The best path's reliability `exp(−distance)`, its length and its first hop (0, +∞ and −1 for
    /// a contact beyond the limit).
    var reliability: Double
    var distance: Double
    var firstHop: Int32
    /// The node's contacts the user does not know, −1 until `ScoringContext.attention` counts them.
    var unknownContacts: Int32

    static let empty = NearNode(reliability: 0, distance: .infinity, firstHop: -1, unknownContacts: -1)
}
