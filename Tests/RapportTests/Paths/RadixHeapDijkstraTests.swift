import Foundation
import RapportTestSupport
import Testing

@testable import Rapport

/// The radix heap's (key, order) order, and the unlimited `MostReliablePaths` search against a plain
/// O(V²) Dijkstra that settles by (distance, hops, node) and breaks ties the documented way — on
/// random graphs whose lengths include 0 (strength exactly 1), so equal distances are common.
@Suite("RadixHeapDijkstra")
struct RadixHeapDijkstraTests {
    @Test func radixHeapPopsInKeyThenOrderOrder() {
        var generator = SplitMix64(seed: 2026_0001)
        var heap = RadixHeap()
        var popped: [(UInt64, UInt64)] = []
        var pending: [(UInt64, UInt64)] = []
        var last: UInt64 = 0
        for round in 0..<2_000 {
            // Monotone: every key pushed is at least the last one popped; many equal keys.
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                let step =
                    round % 5 == 0 ? 0 : UInt64.random(in: 0...(1 << UInt64.random(in: 0...50)), using: &generator)
                let order = UInt64.random(in: 0...20, using: &generator) << 32 | UInt64(pending.count)
                heap.push(last + step, order: order)
                pending.append((last + step, order))
            }
            if let (key, order) = heap.popMin() {
                popped.append((key, order))
                last = key
            }
        }
        while let (key, order) = heap.popMin() { popped.append((key, order)) }
        let empty = heap.isEmpty
        #expect(empty)
        // Pops are monotone in (key, order) within what was pending at each pop, and every entry
        // comes out once.
        #expect(popped.map { "\($0.0)/\($0.1)" }.sorted() == pending.map { "\($0.0)/\($0.1)" }.sorted())
        for i in 1..<popped.count {
            #expect(popped[i - 1].0 <= popped[i].0, "keys never decrease")
        }
    }

    /// `nextOrder(ifKeyAtMost:)` names the entry the next `popMin` returns when nothing is pushed at
    /// or below the bound in between, or nil when that entry's key is above the bound; the pops are
    /// those of a heap never asked (Dijkstra's use: pushes after the call stay at or above the bound).
    @Test func nextOrderNamesTheNextPopWithoutChangingThePops() {
        var generator = SplitMix64(seed: 2026_0003)
        var asked = RadixHeap()
        var plain = RadixHeap()
        var last: UInt64 = 0
        var named = 0
        var declined = 0
        for round in 0..<5_000 {
            let bound = last + UInt64.random(in: 0...(1 << UInt64.random(in: 0...40)), using: &generator)
            let next = asked.nextOrder(ifKeyAtMost: bound)
            // After a named entry, pushes stay at or above the bound (some on it).
            let floor = next == nil ? last : bound
            var allAbove = true
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                let step =
                    round % 7 == 0 ? 0 : UInt64.random(in: 0...(1 << UInt64.random(in: 0...44)), using: &generator)
                let order = UInt64.random(in: 0...9, using: &generator) << 32 | UInt64(round)
                asked.push(floor + step, order: order)
                plain.push(floor + step, order: order)
                if floor + step <= bound { allAbove = false }
            }
            let a = asked.popMin()
            let p = plain.popMin()
            #expect(a?.key == p?.key && a?.order == p?.order, "round \(round)")
            if let next {
                named += 1
                if allAbove { #expect(a?.order == next, "round \(round)") }
            } else if a != nil {
                declined += 1
            }
            if let a { last = a.key }
        }
        #expect(named > 1_000 && declined > 100, "both answers were exercised: \(named) named, \(declined) declined")
    }

    @Test func nextOrderIsThePopWhenNothingIsPushedBetween() {
        var generator = SplitMix64(seed: 2026_0004)
        var heap = RadixHeap()
        for i in 0..<3_000 {
            heap.push(UInt64.random(in: 0...(1 << 30), using: &generator), order: UInt64(i % 17))
        }
        var count = 0
        while !heap.isEmpty {
            let next = heap.nextOrder(ifKeyAtMost: .max)
            let popped = heap.popMin()
            #expect(next == popped?.order)
            count += 1
        }
        #expect(count == 3_000)
        #expect(heap.nextOrder(ifKeyAtMost: .max) == nil)
    }

    @Test func equalKeysPopByOrder() {
        var heap = RadixHeap()
        for order: UInt64 in [7, 3, 9, 1, 5] { heap.push(42, order: order) }
        heap.push(40, order: 100)
        var orders: [UInt64] = []
        while let (_, order) = heap.popMin() { orders.append(order) }
        #expect(orders == [100, 1, 3, 5, 7, 9])
    }

    /// The documented result by the definition: settle the unsettled node of least (distance, hops,
    /// node); relax with "shorter, or equal with fewer hops, or equal hops from a smaller predecessor".
    static func reference(graph: Graph, lengths: [Double], source: Int32)
        -> (distance: [Double], hops: [Int32], predecessor: [Int32], firstHop: [Int32], reached: [Int32])
    {
        let n = graph.nodeCount
        var distance = [Double](repeating: .infinity, count: n)
        var hops = [Int32](repeating: -1, count: n)
        var predecessor = [Int32](repeating: -1, count: n)
        var first = [Int32](repeating: -1, count: n)
        var done = [Bool](repeating: false, count: n)
        var reached: [Int32] = []
        distance[Int(source)] = 0
        hops[Int(source)] = 0
        while let u = (0..<n).filter({ !done[$0] && distance[$0].isFinite }).min(by: {
            (distance[$0], hops[$0], $0) < (distance[$1], hops[$1], $1)
        }) {
            done[u] = true
            if u != Int(source) { reached.append(Int32(u)) }
            for h in graph.halfEdges(of: Int32(u)) {
                let v = Int(graph.neighbors[h])
                guard !done[v] else { continue }
                let nd = distance[u] + lengths[Int(graph.incidentEdges[h])]
                let nh = hops[u] + 1
                if nd < distance[v]
                    || (nd == distance[v] && (nh < hops[v] || (nh == hops[v] && Int32(u) < predecessor[v])))
                {
                    distance[v] = nd
                    hops[v] = nh
                    predecessor[v] = Int32(u)
                    first[v] = u == Int(source) ? Int32(v) : first[u]
                }
            }
        }
        return (distance, hops, predecessor, first, reached)
    }

    /// Three palettes, the edges using the first `used` values: with strength 1 (length 0: the
    /// search never knows the next node early); without (the shortest length is positive, so the
    /// heap names the next node most of the time); and with unused values 1.5 and 0 after the used
    /// ones (a negative and an infinite length, which must not lower the bound below 0: near the
    /// source, distance plus a negative length would read as a huge key and let the heap refill
    /// before a push below it).
    @Test(arguments: [
        ([1, 0.5, 0.25, 0.4, 0.7, 0.1, 1, 0.5], 8), ([0.5, 0.25, 0.4, 0.7, 0.1, 0.5, 0.9], 7),
        ([0.9, 0.5, 0.4, 0.95, 1.5, 0], 4),
    ])
    func unlimitedSearchMatchesTheDefinition(palette: [Double], used: Int) throws {
        // Strengths with exact ties: 1 (length 0), and repeated values whose sums collide.
        var generator = SplitMix64(seed: 2026_0002)
        for trial in 0..<40 {
            let n = Int.random(in: 1...50, using: &generator)
            var endpoints: [Int32] = []
            var codes: [UInt16] = []
            var seen = Set<[Int32]>()
            for _ in 0..<Int.random(in: 0...(3 * n), using: &generator) where n > 1 {
                let a = Int32.random(in: 0..<Int32(n), using: &generator)
                let b = Int32.random(in: 0..<Int32(n), using: &generator)
                guard a != b, seen.insert([min(a, b), max(a, b)]).inserted else { continue }
                endpoints += [a, b]
                codes.append(UInt16.random(in: 0..<UInt16(used), using: &generator))
            }
            let graph = try Graph(nodeCount: n, endpoints: endpoints)
            let strengths = codes.map { palette[Int($0)] }
            let lengths = strengths.map { -Foundation.log($0) }
            let source = Int32.random(in: 0..<Int32(n), using: &generator)
            let expected = Self.reference(graph: graph, lengths: lengths, source: source)
            let perEdge = try MostReliablePaths(graph: graph, strengths: strengths, source: source)
            let coded = try MostReliablePaths(
                graph: graph, weights: EdgeWeights(codes: codes, palette: palette, for: graph), source: source)
            for paths in [perEdge, coded] {
                #expect(paths.distance == expected.distance, "trial \(trial)")
                #expect(paths.hops == expected.hops, "trial \(trial)")
                #expect(paths.predecessorNode == expected.predecessor, "trial \(trial)")
                #expect(paths.firstHop == expected.firstHop, "trial \(trial)")
                #expect(paths.reached == expected.reached, "trial \(trial)")
                for v in 0..<Int32(n) where paths.isReached(v) && v != source {
                    let hops = paths.path(to: v)
                    #expect(hops.count == Int(expected.hops[Int(v)]))
                    #expect(hops.last?.node == v)
                }
            }
        }
    }

    @Test func theSearchBoundIsThePalettesShortestLengthAndNeverNegative() throws {
        let graph = try Graph(nodeCount: 3, endpoints: [0, 1, 1, 2])
        #expect(try EdgeWeights(codes: [0, 1], palette: [0.5, 0.8], for: graph).shortestLength == -log(0.8))
        #expect(try EdgeWeights(codes: [0, 1], palette: [0.5, 1], for: graph).shortestLength == 0)
        #expect(try EdgeWeights(codes: [0, 1], palette: [0.5, 0.8, 1.5, 0], for: graph).shortestLength == 0)
        #expect(try EdgeWeights(strengths: [0.5, 0.8], for: graph).shortestLength == 0)
    }

    @Test func paletteAndPerEdgeAdamicAdarAgree() throws {
        let graph = try Graph(nodeCount: 5, endpoints: [0, 1, 0, 2, 1, 3, 2, 3, 2, 4])
        let palette: [Double] = [0.5, 0.25, 0.8]
        let codes: [UInt16] = [0, 2, 1, 1, 0]
        let coded = try graph.weightedAdamicAdar(
            from: 0, weights: EdgeWeights(codes: codes, palette: palette, for: graph))
        let perEdge = try graph.weightedAdamicAdar(from: 0, strengths: codes.map { palette[Int($0)] })
        #expect(coded == perEdge)
        // By hand: node 3 via 1 (0.5 · 0.25 / ln(1 + 0.75)) and via 2 (0.8 · 0.25 / ln(1 + 1.55)).
        let expected3 = 0.5 * 0.25 / log(1.75) + 0.8 * 0.25 / log(2.55)
        #expect(abs(coded[3] - expected3) < 1e-15)
        #expect(abs(coded[4] - 0.8 * 0.5 / log(2.55)) < 1e-15)
        #expect(coded[0] == 0 && coded[1] == 0 && coded[2] == 0)
    }

    @Test func paletteChecksItsInput() throws {
        let graph = try Graph(nodeCount: 3, endpoints: [0, 1, 1, 2])
        #expect(throws: PathError.edgeCountMismatch(expected: 2, actual: 1)) {
            try EdgeWeights(codes: [0], palette: [0.5], for: graph)
        }
        #expect(throws: PathError.invalidStrength(edge: 1, value: 1.5)) {
            try EdgeWeights(codes: [0, 1], palette: [0.5, 1.5], for: graph)
        }
        // An unused bad value is no error; an out-of-palette code is.
        _ = try EdgeWeights(codes: [0, 0], palette: [0.5, 0], for: graph)
        #expect(throws: PathError.self) { try EdgeWeights(codes: [0, 2], palette: [0.5, 0.6], for: graph) }
    }

    @Test func lengthsAreTheLogarithmsWithOrWithoutTheMemo() throws {
        // Repeated values (the memo's case) and a thousand distinct ones (slot collisions).
        var generator = SplitMix64(seed: 2026_0003)
        let repeated: [Double] = [0.7, 0.6, 0.4, 0.35, 0.25, 0.1, 1, 0.05]
        var strengths: [Double] = []
        for i in 0..<4_000 {
            strengths.append(
                i % 4 == 0
                    ? Double.random(in: 0.001...1, using: &generator)
                    : repeated[Int.random(in: 0..<8, using: &generator)])
        }
        var endpoints: [Int32] = []
        for e in 0..<strengths.count { endpoints += [Int32(e), Int32(e + 1)] }
        let graph = try Graph(nodeCount: strengths.count + 1, endpoints: endpoints)
        let lengths = try EdgeStrengths.lengths(from: strengths, for: graph)
        #expect(lengths == strengths.map { -Foundation.log($0) })
    }
}
