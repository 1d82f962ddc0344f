/// Where each tie's interactions are in a snapshot's `interactions` (ordered by edge, then date),
/// kept for the ties that have any.
///
/// Most ties have no interaction: a career office's million alumni bring ten million ties and a few
/// thousand logged meetings. A dense offset per edge (`edgeCount + 1` integers) was 78 MB of a
/// million-person snapshot, read and written with every load and save; this index holds one edge
/// and one start per tie with interactions. A tie's range is found by binary search, and a tie
/// without interactions gets the empty range where its interactions would go, exactly as the
/// dense offsets gave it.
public struct InteractionIndex: Sendable, Equatable {
    /// The edges with at least one interaction, ascending.
    public let edges: [Int32]
    /// `edges.count + 1` entries rising from 0: the interactions of `edges[k]` are
    /// `starts[k]..<starts[k + 1]`, never empty.
    public let starts: [Int]

    /// No interactions.
    public init() {
        edges = []
        starts = [0]
    }

    /// The index of interactions already grouped by edge: `edgeOfInteraction[i]` is the edge of
    /// interaction `i`, in ascending order.
    /// - Precondition: `edgeOfInteraction` is sorted.
    /// - Complexity: O(interactions).
    public init<Edges: Sequence>(groupedEdges edgeOfInteraction: Edges) where Edges.Element == Int {
        var edges: [Int32] = []
        var starts: [Int] = []
        var count = 0
        for e in edgeOfInteraction {
            if edges.last.map({ Int($0) != e }) ?? true {
                precondition(edges.last.map { Int($0) < e } ?? true, "interactions are grouped by ascending edge")
                edges.append(Int32(e))
                starts.append(count)
            }
            count += 1
        }
        starts.append(count)
        self.edges = edges
        self.starts = starts
    }

    /// An index read back from a file, or nil unless it is one: edges strictly ascending in
    /// `0..<edgeCount`, starts strictly rising from 0 to `interactionCount`, one more start than
    /// edges.
    /// - Complexity: O(edges).
    init?(edges: [Int32], starts: [Int], edgeCount: Int, interactionCount: Int) {
        guard starts.count == edges.count + 1, starts.first == 0, starts.last == interactionCount else { return nil }
        var previous: Int32 = -1
        for e in edges {
            guard e > previous, Int(e) < edgeCount else { return nil }
            previous = e
        }
        for k in 0..<edges.count where starts[k] >= starts[k + 1] { return nil }
        self.edges = edges
        self.starts = starts
    }

    private init(checkedEdges edges: [Int32], starts: [Int]) {
        self.edges = edges
        self.starts = starts
    }

    /// The position of `edge` among `edges`, or of the first edge after it.
    /// - Complexity: O(log edges).
    func position(of edge: Int32) -> Int {
        var low = 0, high = edges.count
        while low < high {
            let mid = (low + high) / 2
            if edges[mid] < edge { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The positions in `interactions` of the interactions on `edge`: empty, at the place they
    /// would go, when it has none.
    /// - Complexity: O(log edges).
    public func range(ofEdge edge: Int32) -> Range<Int> {
        let k = position(of: edge)
        guard k < edges.count, edges[k] == edge else { return starts[k]..<starts[k] }
        return starts[k]..<starts[k + 1]
    }

    /// Whether `edge` has an interaction.
    /// - Complexity: O(log edges).
    public func hasInteractions(_ edge: Int32) -> Bool { !range(ofEdge: edge).isEmpty }

    /// The index after `count` edges were inserted before edge `at`: edges from `at` on move up.
    /// - Complexity: O(edges).
    func insertingEdges(_ count: Int, at position: Int) -> InteractionIndex {
        guard count > 0 else { return self }
        return InteractionIndex(
            checkedEdges: edges.map { Int($0) >= position ? $0 + Int32(count) : $0 }, starts: starts)
    }

    /// The index after `added[e]` interactions joined edge `e`'s group, for each `e` in `added`.
    /// - Complexity: O(interactions + G log G) for G edges with interactions.
    func adding(_ added: [Int32: Int]) -> InteractionIndex {
        guard !added.isEmpty else { return self }
        var counts = added
        for k in edges.indices { counts[edges[k], default: 0] += starts[k + 1] - starts[k] }
        return InteractionIndex(
            groupedEdges: counts.keys.sorted().lazy.flatMap { e in repeatElement(Int(e), count: counts[e]!) })
    }
}
