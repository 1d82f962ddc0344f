import Foundation
import RapportTestSupport
import Testing

@testable import Rapport

/// The bulk types of `Scale/` (used by `Benchmarks/rapport-bench` on million-person networks): every
/// layout of `IdentifierTable`, the radix heap's order and `LabeledGraph`'s Dijkstra against a
/// plain O(V²) reference.
@Suite("Scale")
struct ScaleTests {
    static func table(_ ids: [String]) throws -> IdentifierTable {
        var table = IdentifierTable()
        for id in ids { table.append(id) }
        try table.build()
        return table
    }

    static func expectLookups(_ table: IdentifierTable, _ ids: [String], absent: [String]) {
        for (i, id) in ids.enumerated() {
            #expect(table.index(of: id) == Int32(i))
            #expect(table.id(at: Int32(i)) == id)
        }
        for id in absent { #expect(table.index(of: id) == nil, "\(id)") }
    }

    @Test func consecutiveNumbersNeedNoArray() throws {
        let ids = (5..<105).map { String(format: "p%06d", $0) }
        let table = try Self.table(ids)
        #expect(table.isNumeric)
        Self.expectLookups(table, ids, absent: ["p000004", "p000105", "p00010", "q000005", "p00001x", ""])
    }

    @Test func shuffledNumbersUseTheNumberTable() throws {
        let ids = ["A-0042", "A-0007", "A-0100", "A-0001"]
        let table = try Self.table(ids)
        #expect(table.isNumeric)
        Self.expectLookups(table, ids, absent: ["A-0002", "A-0101", "A-9999", "B-0042"])
        #expect(throws: IdentifierTableError.duplicate("A-0007")) { try Self.table(["A-0007", "A-0001", "A-0007"]) }
    }

    @Test func aFewIdsOfAnotherShapeAreHashedBesideTheNumbers() throws {
        // A workspace: the user first, then a directory in id order; a late addition by name.
        let ids = ["me"] + (0..<200).map { String(format: "p%06d", $0) } + ["zoë"]
        let table = try Self.table(ids)
        #expect(table.isNumeric)
        Self.expectLookups(table, ids, absent: ["p000200", "p-00001", "you", "m", "p00000"])
        // The same with the numbers shuffled: the number table, still with the exceptions.
        let shuffled = ["me"] + (0..<200).map { String(format: "p%06d", ($0 * 37) % 200) } + ["zoë"]
        let table2 = try Self.table(shuffled)
        #expect(table2.isNumeric)
        Self.expectLookups(table2, shuffled, absent: ["p000200", "you"])
        #expect(throws: IdentifierTableError.duplicate("me")) { try Self.table(ids + ["me"]) }
        #expect(throws: IdentifierTableError.duplicate("p000007")) { try Self.table(shuffled.filter { $0 != "zoë" } + ["p000007"]) }
        // Too many exceptions: hashed.
        let mixed = (0..<20).map { "name\($0)x" } + (0..<200).map { String(format: "p%06d", $0) }
        #expect(!(try Self.table(mixed)).isNumeric)
    }

    @Test func otherIdsAreHashed() throws {
        let ids = ["alice", "bob", "p000001", "", "Zoë", "p1"]
        let table = try Self.table(ids)
        #expect(!table.isNumeric)
        Self.expectLookups(table, ids, absent: ["carol", "p000002", "alic"])
        #expect(throws: IdentifierTableError.duplicate("bob")) { try Self.table(["bob", "alice", "bob"]) }
        // Numbers too sparse for a table fall back to hashing.
        let sparse = ["n1000000", "n0000001", "n0500000"]
        let hashed = try Self.table(sparse)
        #expect(!hashed.isNumeric)
        Self.expectLookups(hashed, sparse, absent: ["n0000002"])
    }

    @Test func radixHeapPopsInKeyOrder() {
        var generator = SplitMix64(seed: 2026_0001)
        var heap = RadixHeap()
        var popped: [UInt64] = []
        var pending: [UInt64] = []
        var last: UInt64 = 0
        for round in 0..<2_000 {
            // Monotone: every key pushed is at least the last one popped.
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                let key = last + (round % 7 == 0 ? 0 : UInt64.random(in: 0...(1 << UInt64.random(in: 0...50)), using: &generator))
                heap.push(key, Int32(pending.count))
                pending.append(key)
            }
            if let (key, _) = heap.popMin() {
                popped.append(key)
                last = key
            }
        }
        while let (key, _) = heap.popMin() { popped.append(key) }
        let empty = heap.isEmpty
        #expect(empty)
        #expect(popped == pending.sorted())
    }

    @Test func dijkstraMatchesAQuadraticReference() throws {
        struct Lengths: EdgeWeights {
            let table: [Double]
            func strength(_ u: Int32, _ v: Int32, label: UInt32) -> Double { exp(-table[Int(label)]) }
            func length(_ u: Int32, _ v: Int32, label: UInt32) -> Double { table[Int(label)] }
        }
        // Labels 0…15 with lengths including 0 (a strength of exactly 1) and -0.0 (−ln 1).
        let weights = Lengths(table: [0, -0.0, 0.1, 0.25, 0.5, 0.7, 1, 1.5, 2, 3, 0.333, 0.01, 5, 0.9, 0.05, 4])
        var generator = SplitMix64(seed: 2026_0002)
        for _ in 0..<20 {
            let n = Int.random(in: 1...60, using: &generator)
            var endpoints: [Int32] = []
            var labels: [UInt8] = []
            var seen = Set<[Int32]>()
            for _ in 0..<Int.random(in: 0...(3 * n), using: &generator) where n > 1 {
                let a = Int32.random(in: 0..<Int32(n), using: &generator), b = Int32.random(in: 0..<Int32(n), using: &generator)
                guard a != b, seen.insert([min(a, b), max(a, b)]).inserted else { continue }
                endpoints += [a, b]
                labels.append(UInt8.random(in: 0...15, using: &generator))
            }
            let graph = try endpoints.withUnsafeBufferPointer { e in
                try labels.withUnsafeBufferPointer { try LabeledGraph(nodeCount: n, endpoints: e, labels: $0) }
            }
            let source = Int32.random(in: 0..<Int32(n), using: &generator)
            // Reference: O(V²) Dijkstra with the same additions in the same order along each path.
            var expected = [Double](repeating: .infinity, count: n)
            var done = [Bool](repeating: false, count: n)
            expected[Int(source)] = 0
            while let u = (0..<n).filter({ !done[$0] && expected[$0].isFinite }).min(by: { expected[$0] < expected[$1] }) {
                done[u] = true
                for h in graph.halfEdges(of: Int32(u)) {
                    let v = Int(LabeledGraph.neighbor(graph.entries[h]))
                    let candidate = expected[u] + weights.length(Int32(u), Int32(v), label: LabeledGraph.label(graph.entries[h]))
                    if candidate < expected[v] { expected[v] = candidate }
                }
            }
            let distance = graph.shortestDistances(from: source, weights: weights)
            for v in 0..<n {
                #expect(distance[v] == expected[v] || abs(distance[v] - expected[v]) < 1e-12, "node \(v) of \(n)")
            }
        }
    }
}
