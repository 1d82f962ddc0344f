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

        // Relevance is decided once per distinct value (25,000 organizations, 626 titles and 19,000
        // sector lists at a million people), then read per person through the columns' codes.
        let sectorMatch = Ranking.perValue(w.sectors.values) { sectors in
            sectors.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false).contains { element in
                goalSectors.contains { $0.elementsEqual(element) }
            }
        }
        let titleMatch = Ranking.perValue(w.titles.values) { title in
            keywords.contains { Ranking.containsLowered(title, $0) }
        }
        let organizationKeywordMatch = Ranking.perValue(w.organizations.values) { organization in
            keywords.contains { Ranking.containsLowered(organization, $0) }
        }
        let organizationGoalMatch = Ranking.perValue(w.organizations.values) { organization in
            goalOrganizations.contains { $0.elementsEqual(organization) }
        }
        let sectorCodes = w.sectors.codes, titleCodes = w.titles.codes, organizationCodes = w.organizations.codes
        @Sendable func relevance(_ v: Int) -> Double {
            let organization = Int(organizationCodes[v])
            if sectorMatch[Int(sectorCodes[v])] || titleMatch[Int(titleCodes[v])]
                || organizationKeywordMatch[organization]
            {
                return 1
            }
            return organizationGoalMatch[organization] ? 0.5 : 0.1
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
        WorkerPool.shared.forEach(2) { half in
            halves.run(half) { candidates(in: half == 0 ? 0..<n / 2 : n / 2..<n) }
        }
        let candidates = (try? halves.values())?.joined().map { $0 } ?? []

        // Only the best few thousand keys can be taken: sort those, and everything if they run out.
        let ordered = Ranking.order(candidates, enough: max(4096, 64 * w.goal.top)) { w.ids.id(at: $0) }
        var perOrganization: [Int32: Int] = [:]
        var out = "id,score\n"
        var taken = 0
        var walked = 0
        func take(from list: [(key: Int64, node: Int32)]) -> Bool {
            for (key, node) in list.dropFirst(walked) {
                walked += 1
                let organization = organizationCodes[Int(node)]
                if perOrganization[organization, default: 0] >= 2 { continue }
                perOrganization[organization, default: 0] += 1
                let fraction = String(key % 1_000_000_000)
                out +=
                    "\(w.ids.id(at: node)),\(key / 1_000_000_000).\(String(repeating: "0", count: 9 - fraction.count))\(fraction)\n"
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
    static func order(_ candidates: [(key: Int64, node: Int32)], enough: Int, id: (Int32) -> String) -> (
        head: [(key: Int64, node: Int32)], Void
    ) {
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

    /// `predicate` of each value's UTF-8 bytes, by code.
    static func perValue(_ values: StringColumn, _ predicate: (UnsafeRawBufferPointer) -> Bool) -> [Bool] {
        (0..<values.count).map { values.withBytes($0, predicate) }
    }

    @inline(__always)
    static func asciiLower(_ b: UInt8) -> UInt8 { (65...90).contains(b) ? b + 32 : b }

    /// Whether `ascii_lower(haystack)` contains `needle` (already lower-cased).
    static func containsLowered(_ haystack: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
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
