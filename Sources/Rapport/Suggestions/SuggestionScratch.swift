import Foundation

/// The per-node working memory of one `SuggestionEngine.suggest` call, kept between calls so a
/// query costs what it visits instead of O(V) to allocate and fill a dozen arrays of V entries.
///
/// Every array is in its initial state when a call starts: each call records what it wrote (the
/// search's records, the ego's neighbours, the memo entries it set) and `clear()`, run before the
/// next call, resets only those. The marks of `stamp` and `coldMark` are generation
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
        // A call uses at most a few generations per reached node, far fewer than 2^30.
        if generation > Int32.max - (1 << 30) {
            generation = 0
            for i in stamp.indices { stamp[i] = -1 }
            for i in coldMark.indices { coldMark[i] = -1 }
        }
    }
}

// A scratch crosses threads only whole: handed over by the pool's lock or by the `Pending` that
// made it, and used by one call at a time.
extension SuggestionScratch: @unchecked Sendable {}

/// The working memory of the `suggest` calls on one graph: a call takes a scratch and gives it
/// back; at most as many exist as calls ever ran at once. A scratch given back is cleared when it
/// is taken again, not before: a command that asks once and exits never pays for the clearing
/// (10–15 ms at a million people).
///
/// Making a scratch writes a dozen arrays of one entry per person (about 90 MB and 40 ms at a
/// million people, most of it the kernel's first touch of the pages). `prepare(for:)` makes one on
/// the `WorkerPool` meanwhile, so a command that will suggest can start it as soon as the
/// network is loaded, while the other core scores the ties (`rapport suggest`).
public final class SuggestionScratchPool: @unchecked Sendable {
    private let lock = NSLock()
    /// Scratches no call is using, each still holding what its last call wrote.
    private var free: [SuggestionScratch] = []
    /// A scratch being made by `prepare(for:)`, for the first call that finds none free.
    private var prepared: Pending<SuggestionScratch>?

    /// A pool with no scratch yet. Give it to engines of one graph only: a scratch is cleared with
    /// the graph of the call that takes it.
    public init() {}

    /// Starts making a scratch for `graph` on the worker pool, unless one is made already.
    /// - Complexity: O(1) here; O(V) on the pool.
    public func prepare(for graph: Graph) {
        let nodeCount = graph.nodeCount
        lock.withLock {
            guard free.isEmpty, prepared == nil else { return }
            prepared = WorkerPool.shared.async { SuggestionScratch(nodeCount: nodeCount) }
        }
    }

    /// The scratches made so far and not in use (a prepared one counts once it is made).
    var scratchCount: Int { lock.withLock { free.count + (prepared == nil ? 0 : 1) } }

    /// Runs `body` with a clear scratch of `graph`'s size that no other call is using.
    func withScratch<R, E: Error>(
        for graph: Graph, _ body: (SuggestionScratch) throws(E) -> R
    ) throws(E) -> R {
        let (taken, made) = lock.withLock { () -> (SuggestionScratch?, Pending<SuggestionScratch>?) in
            if let scratch = free.popLast() { return (scratch, nil) }
            defer { prepared = nil }
            return (nil, prepared)
        }
        taken?.clear(graph: graph)
        let scratch = taken ?? made?.take() ?? SuggestionScratch(nodeCount: graph.nodeCount)
        precondition(scratch.nodeCount == graph.nodeCount, "a scratch pool serves the engines of one graph")
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

/// What the warmth walk reads of a node with a role, together: one cache line where five per-node
/// arrays took five. (32 bytes: the nodes a call reaches are scattered over the whole buffer, so
/// every page of it is touched and its size is memory.)
struct NearNode {
    /// The best path's reliability `exp(−distance)`, its length and the slot of its first hop
    /// (0, +∞ and −1 for a contact beyond the limit).
    var reliability: Double
    var distance: Double
    /// a(w) = 1 / (1 + the number of w's contacts, other than the user, the user has no tie with);
    /// NaN until `ScoringContext.prepareAttention` counts them.
    var attention: Double
    var firstHopSlot: Int32
    /// The node's slot among the user's contacts (`ScoringContext.contacts`), −1 for others.
    var contactSlot: Int32

    static let empty = NearNode(reliability: 0, distance: .infinity, attention: .nan, firstHopSlot: -1, contactSlot: -1)
}
