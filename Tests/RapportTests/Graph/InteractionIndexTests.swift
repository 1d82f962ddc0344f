import RapportTestSupport
import Testing

@testable import Rapport

/// `InteractionIndex` against the dense offsets it replaced (`edgeCount + 1` integers, the
/// interactions of edge e at `offsets[e]..<offsets[e + 1]`), computed here by counting.
@Suite struct InteractionIndexTests {
    /// The dense offsets of interactions whose edges are `edgeOfInteraction` (ascending).
    static func denseOffsets(_ edgeOfInteraction: [Int], edgeCount: Int) -> [Int] {
        var offsets = [Int](repeating: 0, count: edgeCount + 1)
        for e in edgeOfInteraction { offsets[e + 1] += 1 }
        for e in 0..<edgeCount { offsets[e + 1] += offsets[e] }
        return offsets
    }

    /// Random groupings: each edge gets 0 interactions most of the time, sometimes a few.
    static func grouping(seed: UInt64, edgeCount: Int) -> [Int] {
        var random = SplitMix64(seed: seed)
        var edges: [Int] = []
        for e in 0..<edgeCount where Int.random(in: 0..<5, using: &random) == 0 {
            edges += repeatElement(e, count: Int.random(in: 1...3, using: &random))
        }
        return edges
    }

    @Test(arguments: 1...20 as ClosedRange<UInt64>)
    func everyEdgeGetsTheRangeOfTheDenseOffsets(seed: UInt64) {
        let edgeCount = Int(seed) * 7
        let grouped = Self.grouping(seed: seed, edgeCount: edgeCount)
        let offsets = Self.denseOffsets(grouped, edgeCount: edgeCount)
        let index = InteractionIndex(groupedEdges: grouped)
        #expect(index.edges.count == Set(grouped).count)
        for e in 0..<edgeCount {
            #expect(index.range(ofEdge: Int32(e)) == offsets[e]..<offsets[e + 1], "edge \(e)")
            #expect(index.hasInteractions(Int32(e)) == (offsets[e] < offsets[e + 1]))
        }
        // Read back as a file would give it.
        let read = InteractionIndex(
            edges: index.edges, starts: index.starts, edgeCount: edgeCount, interactionCount: grouped.count)
        #expect(read == index)
    }

    @Test(arguments: 1...20 as ClosedRange<UInt64>)
    func addingInteractionsAndInsertingEdgesMatchARecount(seed: UInt64) {
        let edgeCount = Int(seed) * 5 + 3
        var random = SplitMix64(seed: seed &+ 1000)
        var grouped = Self.grouping(seed: seed, edgeCount: edgeCount)
        var added: [Int32: Int] = [:]
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            let e = Int.random(in: 0..<edgeCount, using: &random)
            added[Int32(e), default: 0] += 1
            grouped.append(e)
        }
        grouped.sort()
        let before = InteractionIndex(groupedEdges: Self.grouping(seed: seed, edgeCount: edgeCount))
        #expect(before.adding(added) == InteractionIndex(groupedEdges: grouped))

        // Edges inserted before edge `at`: every later edge moves up by `count`.
        let at = Int.random(in: 0...edgeCount, using: &random), count = Int.random(in: 1...4, using: &random)
        let moved = grouped.map { $0 >= at ? $0 + count : $0 }
        #expect(
            InteractionIndex(groupedEdges: grouped).insertingEdges(count, at: at)
                == InteractionIndex(groupedEdges: moved))
    }

    @Test func anEmptyIndexPlacesEverythingAtZero() {
        let index = InteractionIndex()
        #expect(index.range(ofEdge: 0) == 0..<0)
        #expect(index.range(ofEdge: 41) == 0..<0)
        #expect(!index.hasInteractions(0))
        #expect(InteractionIndex(groupedEdges: [Int]()) == index)
    }

    /// What a damaged file could hold is refused: edges out of order, repeated or out of range,
    /// starts that do not rise from 0 to the interactions, an empty group, a count mismatch.
    @Test func malformedArraysAreRefused() {
        func read(_ edges: [Int32], _ starts: [Int], edgeCount: Int = 10, interactions: Int = 4) -> InteractionIndex? {
            InteractionIndex(edges: edges, starts: starts, edgeCount: edgeCount, interactionCount: interactions)
        }
        #expect(read([1, 5], [0, 3, 4]) != nil)
        #expect(read([5, 1], [0, 3, 4]) == nil)
        #expect(read([1, 1], [0, 3, 4]) == nil)
        #expect(read([1, 10], [0, 3, 4]) == nil)
        #expect(read([-1, 5], [0, 3, 4]) == nil)
        #expect(read([1, 5], [1, 3, 4]) == nil)
        #expect(read([1, 5], [0, 3, 5]) == nil)
        #expect(read([1, 5], [0, 4, 4]) == nil)
        #expect(read([1, 5], [0, 3]) == nil)
        #expect(read([], [0], interactions: 0) != nil)
        #expect(read([], [0], interactions: 1) == nil)
    }
}
