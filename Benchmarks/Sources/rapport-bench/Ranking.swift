import Foundation
import Rapport

/// W steps (e)–(g): relevance, score, the integer key, the order and the per-organization cap.
struct Ranking {
    let workload: Workload
    /// The ego's direct ties of strength ≥ 0.5: never candidates.
    let strongTie: [Bool]
    let distance: [Double]
    let adamicAdar: [Double]

    func csv() -> String {
        let w = workload
        let goalSectors = w.goal.sectors.map { Array($0.utf8) }
        let keywords = w.goal.keywords.map { Array($0.utf8).map(Ranking.asciiLower) }
        let goalOrganizations = w.goal.organizations.map { Array($0.utf8) }

        // No allocation per person: fields are compared in place in the column arenas.
        @Sendable func relevance(_ v: Int) -> Double {
            let sectors = w.sectors.field(v)
            var start = sectors.startIndex
            var i = start
            while i <= sectors.endIndex {
                if i == sectors.endIndex || sectors[i] == UInt8(ascii: ";") {
                    let element = sectors[start..<i]
                    for g in goalSectors where g.count == element.count && element.elementsEqual(g) { return 1 }
                    start = i + 1
                }
                i += 1
            }
            let title = w.titles.field(v)
            let organization = w.organizations.field(v)
            for k in keywords where Ranking.containsLowered(title, k) || Ranking.containsLowered(organization, k) { return 1 }
            for o in goalOrganizations where o.count == organization.count && organization.elementsEqual(o) { return 0.5 }
            return 0.1
        }

        let distance = self.distance, adamicAdar = self.adamicAdar, strongTie = self.strongTie
        @Sendable func candidates(in nodes: Range<Int>) -> [(key: Int64, node: Int32)] {
            var candidates: [(key: Int64, node: Int32)] = []
            candidates.reserveCapacity(nodes.count)
            for v in nodes where distance[v].isFinite && v != Int(w.ego) {
                if strongTie[v] { continue }
                let r = exp(-distance[v])
                let score = relevance(v) * (0.7 * r + 0.3 * min(1, adamicAdar[v]))
                candidates.append((Int64((score * 1e9 + 0.5).rounded(.down)), Int32(v)))
            }
            return candidates
        }
        // Relevance (substring searches in titles and organizations) and the scores of a million
        // people: two halves on two threads, concatenated in node order.
        let n = distance.count
        let halves = Workload.Parts<[(key: Int64, node: Int32)]>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            halves.run(half) { candidates(in: half == 0 ? 0..<n / 2 : n / 2..<n) }
        }
        let candidates = (try? halves.values())?.joined().map { $0 } ?? []

        // Only the best few thousand keys can be taken: sort those, and everything if they run out.
        let ordered = Ranking.order(candidates, enough: max(4096, 64 * w.goal.top)) { w.ids.id(at: $0) }
        var perOrganization: [ArraySlice<UInt8>: Int] = [:]
        var out = "id,score\n"
        var taken = 0
        var walked = 0
        func take(from list: [(key: Int64, node: Int32)]) -> Bool {
            for (key, node) in list.dropFirst(walked) {
                walked += 1
                let organization = w.organizations.field(Int(node))
                if perOrganization[organization, default: 0] >= 2 { continue }
                perOrganization[organization, default: 0] += 1
                let fraction = String(key % 1_000_000_000)
                out += "\(w.ids.id(at: node)),\(key / 1_000_000_000).\(String(repeating: "0", count: 9 - fraction.count))\(fraction)\n"
                taken += 1
                if taken == w.goal.top { return true }
            }
            return false
        }
        if !take(from: ordered.head), ordered.head.count < candidates.count {
            let all = Ranking.order(candidates, enough: candidates.count) { w.ids.id(at: $0) }
            _ = take(from: all.head)
        }
        return out
    }

    /// The candidates with the highest keys (at least `enough` of them, whole key groups), sorted by
    /// key descending, then id ascending.
    static func order(_ candidates: [(key: Int64, node: Int32)], enough: Int, id: (Int32) -> String) -> (head: [(key: Int64, node: Int32)], Void) {
        var head = candidates
        if candidates.count > enough {
            // Find a key threshold with a histogram over the top bits of the key.
            var histogram = [Int](repeating: 0, count: 1 << 12)
            let maxKey = candidates.reduce(Int64(1)) { max($0, $1.key) }
            let shift = max(0, (64 - maxKey.leadingZeroBitCount) - 12)
            for c in candidates { histogram[Int(c.key >> shift)] += 1 }
            var bucket = histogram.count - 1
            var count = 0
            while bucket > 0 {
                count += histogram[bucket]
                if count >= enough { break }
                bucket -= 1
            }
            let threshold = Int64(bucket) << shift
            head = candidates.filter { $0.key >= threshold }
        }
        head.sort { a, b in
            if a.key != b.key { return a.key > b.key }
            return Array(id(a.node).utf8).lexicographicallyPrecedes(Array(id(b.node).utf8))
        }
        return (head, ())
    }

    @inline(__always)
    static func asciiLower(_ b: UInt8) -> UInt8 { (65...90).contains(b) ? b + 32 : b }

    /// Whether `ascii_lower(haystack)` contains `needle` (already lower-cased).
    static func containsLowered(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        let first = needle[0]
        var i = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while i <= last {
            if asciiLower(haystack[i]) == first {
                var k = 1
                while k < needle.count, asciiLower(haystack[i + k]) == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
