extension SuggestionEngine {
    /// Who is excluded and who carries a penalty, from the ego's interactions and introductions.
    ///
    /// - Excluded: an informational interview with the ego within `cooldownDays` before `asOf`; an
    ///   introduction to the ego that is requested (pending) or declined; with `excludeStrongTies`,
    ///   a direct tie of strength ≥ `strongTie` (the user already has that relationship: it belongs
    ///   in keep-warm, and such people appear as introducers).
    /// - Unanswered: the last interaction on the tie before `asOf` is an email or message the ego
    ///   initiated, within `unansweredRequestDays`.
    /// Events dated after `asOf` have not happened yet and are ignored.
    /// - Complexity: O(deg ego + interactions on the ego's ties + introductions).
    func freshness(for ego: Int32) -> (excluded: Set<Int32>, unanswered: Set<Int32>) {
        let egoID = snapshot.people[Int(ego)].id
        let config = configuration
        var excluded = Set<Int32>()
        var unanswered = Set<Int32>()
        for h in snapshot.graph.halfEdges(of: ego) {
            let v = snapshot.graph.neighbors[h]
            if config.excludeStrongTies, strengths[Int(snapshot.graph.incidentEdges[h])] >= config.strongTie {
                excluded.insert(v)
                continue
            }
            let past = snapshot.interactions(onTie: snapshot.graph.incidentEdges[h]).filter { $0.date <= asOf }
            if past.contains(where: {
                $0.kind == .informationalInterview && $0.date.days(until: asOf) <= config.cooldownDays
            }) {
                excluded.insert(v)
            }
            if let last = past.last, last.kind == .email || last.kind == .message,
                last.date.days(until: asOf) <= config.unansweredRequestDays, Self.initiatedBy(egoID, last)
            {
                unanswered.insert(v)
            }
        }
        for intro in snapshot.introductions where intro.toID == egoID {
            guard intro.status == .requested || intro.status == .declined else { continue }
            if let date = intro.date, date > asOf { continue }
            if let v = snapshot.index(ofID: intro.personID) { excluded.insert(v) }
        }
        return (excluded, unanswered)
    }

    /// Whether the person `id` started `interaction`: `initiatedBy` is `me` for the `withID` side
    /// (the user in the CSV files) and `them` for the `personID` side.
    static func initiatedBy(_ id: String, _ interaction: Interaction) -> Bool {
        switch interaction.initiatedBy {
        case .me?: return interaction.withID == id
        case .them?: return interaction.personID == id
        case nil: return false
        }
    }
}

extension SuggestionEngine {
    /// Orders by score descending, then id ascending (byte-wise UTF-8).
    func precedes(_ a: Int32, _ b: Int32, _ scores: [Double]) -> Bool {
        let sa = scores[Int(a)], sb = scores[Int(b)]
        if sa != sb { return sa > sb }
        return snapshot.people[Int(a)].id.utf8.lexicographicallyPrecedes(snapshot.people[Int(b)].id.utf8)
    }

    /// The diversified top `top` of `candidates`: walk the order and skip anyone whose organization
    /// already has `perOrganization` entries (0 = no cap; people without an organization are not
    /// capped). `top == 0` returns every candidate in order.
    ///
    /// Rather than sorting every candidate, it keeps the best M in a bounded heap, diversifies them
    /// and, if the cap left fewer than `top`, retries with M four times larger.
    /// - Complexity: O(n log M) per attempt, M starting at max(64, 4 · top).
    func select(_ candidates: [Int32], scores: [Double], top: Int, perOrganization: Int) -> [Int32] {
        if top == 0 {
            return candidates.sorted { precedes($0, $1, scores) }
        }
        var m = max(64, 4 * top)
        while true {
            let best = bestM(candidates, scores: scores, m: m)
            var taken: [Int32] = []
            var perOrg: [Int32: Int] = [:]
            for v in best {
                let o = snapshot.organizationIndex[Int(v)]
                if perOrganization > 0, o >= 0 {
                    let count = perOrg[o, default: 0]
                    if count >= perOrganization { continue }
                    perOrg[o] = count + 1
                }
                taken.append(v)
                if taken.count == top { return taken }
            }
            if best.count == candidates.count { return taken }
            m *= 4
        }
    }

    /// The `m` best candidates, sorted.
    /// - Complexity: O(n log m).
    private func bestM(_ candidates: [Int32], scores: [Double], m: Int) -> [Int32] {
        guard candidates.count > m else { return candidates.sorted { precedes($0, $1, scores) } }
        // A min-heap on the order: the root is the worst of the kept ones.
        var heap: [Int32] = []
        heap.reserveCapacity(m)
        func worse(_ a: Int32, _ b: Int32) -> Bool { precedes(b, a, scores) }
        for v in candidates {
            if heap.count < m {
                heap.append(v)
                var i = heap.count - 1
                while i > 0 {
                    let p = (i - 1) / 2
                    guard worse(heap[i], heap[p]) else { break }
                    heap.swapAt(i, p)
                    i = p
                }
            } else if precedes(v, heap[0], scores) {
                heap[0] = v
                var i = 0
                while true {
                    let l = 2 * i + 1, r = l + 1
                    var w = i
                    if l < heap.count, worse(heap[l], heap[w]) { w = l }
                    if r < heap.count, worse(heap[r], heap[w]) { w = r }
                    if w == i { break }
                    heap.swapAt(i, w)
                    i = w
                }
            }
        }
        return heap.sorted { precedes($0, $1, scores) }
    }
}
