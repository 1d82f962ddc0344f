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
            if config.excludeStrongTies, weights.strength(ofEdge: snapshot.graph.incidentEdges[h]) >= config.strongTie {
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
    /// Orders by score descending, then id ascending (byte-wise UTF-8, compared in the id column
    /// without making a `String`).
    func precedes(_ a: Int32, _ b: Int32, _ scores: [Double]) -> Bool {
        let sa = scores[Int(a)], sb = scores[Int(b)]
        if sa != sb { return sa > sb }
        return Self.idPrecedes(snapshot.people.ids, a, b)
    }

    /// Whether id `a` sorts before id `b` byte-wise, as `String.utf8.lexicographicallyPrecedes`.
    static func idPrecedes(_ ids: StringColumn, _ a: Int32, _ b: Int32) -> Bool {
        let starts = ids.starts
        let sa = Int(starts[Int(a)]), la = Int(starts[Int(a) + 1]) - sa
        let sb = Int(starts[Int(b)]), lb = Int(starts[Int(b) + 1]) - sb
        return ids.bytes.withUnsafeBufferPointer { bytes in
            for i in 0..<min(la, lb) {
                let x = bytes[sa + i], y = bytes[sb + i]
                if x != y { return x < y }
            }
            return la < lb
        }
    }

    /// Scores cold candidate `v` (no warm path, not the ego) into `context.scores`, unless it is not
    /// a candidate (excluded, or of relevance 0 with a goal).
    /// - Returns: whether `v` is a candidate.
    func scoreCold(_ v: Int32, hasGoal: Bool, context: inout ScoringContext) -> Bool {
        if context.isExcluded(v) { return false }
        if hasGoal, context.relevance(of: v) == 0 { return false }
        context.scores[Int(v)] = context.score(v)
        return true
    }

    /// The diversified top `top` of the candidates: the scored `warm` ones and everyone without a
    /// warm path. Walk the order and skip anyone whose organization already has `perOrganization`
    /// entries (0 = no cap; people without an organization are not capped). `top == 0` returns
    /// every candidate in order.
    ///
    /// Rather than sorting every candidate, it keeps the best M in a bounded heap, diversifies them
    /// and, if the cap left fewer than `top`, retries with M four times larger.
    /// - Parameter smallestM: the least M (64; tests lower it so the pruning decides the top).
    /// - Complexity: O(c log M) for the c people visited, per attempt, M starting at
    ///   max(smallestM, 4 · top).
    func select(
        warm: [Int32], context: inout ScoringContext, top: Int, perOrganization: Int, smallestM: Int = 64
    ) -> [Int32] {
        let hasGoal = !context.matcher.isNeutral
        let distance = context.paths.distance
        if top == 0 {
            var candidates = warm
            for v in 0..<Int32(snapshot.personCount) where !distance[Int(v)].isFinite {
                if scoreCold(v, hasGoal: hasGoal, context: &context) { candidates.append(v) }
            }
            let scores = context.scores
            return candidates.sorted { precedes($0, $1, scores) }
        }
        let cold =
            coldBound.isUsable
            ? coldOrder.forCall { ColdCandidateOrder(snapshot: snapshot, textIndex: textIndex, bound: coldBound) } : nil
        var m = max(smallestM, 4 * top)
        while true {
            let (best, complete) = bestM(warm: warm, cold: cold, context: &context, m: m)
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
            if complete { return taken }
            m *= 4
        }
    }

    /// The `m` best candidates, sorted, and whether they are all the candidates.
    ///
    /// The warm candidates are offered first, then the people without a warm path in `cold` (a
    /// single scan with `coldBound` when there is no order yet),
    /// each scored exactly unless its bound is below the worst kept score (then it can never enter),
    /// stopping at the first bucket entirely below it. The kept set is the same as from scoring
    /// everyone: the order is total (ids are distinct) and a pruned candidate's score is below the
    /// worst kept one.
    /// - Complexity: O(c log m) for the c people visited.
    private func bestM(
        warm: [Int32], cold: ColdCandidateOrder?, context: inout ScoringContext, m: Int
    ) -> (best: [Int32], complete: Bool) {
        let hasGoal = !context.matcher.isNeutral
        let distance = context.paths.distance
        let ids = snapshot.people.ids
        // A min-heap on the order: the root is the worst of the kept ones.
        var heap: [Int32] = []
        heap.reserveCapacity(m)
        var complete = true
        var worst = -Double.infinity
        func offer(_ v: Int32, _ scores: [Double]) {
            func worse(_ a: Int32, _ b: Int32) -> Bool {
                let sa = scores[Int(a)], sb = scores[Int(b)]
                if sa != sb { return sa < sb }
                return Self.idPrecedes(ids, b, a)
            }
            if heap.count < m {
                heap.append(v)
                var i = heap.count - 1
                while i > 0 {
                    let p = (i - 1) / 2
                    guard worse(heap[i], heap[p]) else { break }
                    heap.swapAt(i, p)
                    i = p
                }
            } else {
                complete = false
                guard worse(heap[0], v) else { return }
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
            if heap.count == m { worst = scores[Int(heap[0])] }
        }
        for v in warm { offer(v, context.scores) }
        let factor = coldBound.sharedFactor
        guard let cold else {
            // No order yet (or no usable bound): one scan, with the bound computed on the way.
            let pruning = coldBound.isUsable
            let offsets = snapshot.graph.offsets
            for i in 0..<snapshot.personCount where !distance[i].isFinite {
                let v = Int32(truncatingIfNeeded: i)
                if pruning, heap.count == m {
                    let b = coldBound.bound(of: v, textIndex: textIndex, offsets: offsets)
                    if b * factor < worst || (b < worst && context.sharedHistory(of: v) == 0) {
                        complete = false
                        continue
                    }
                }
                if scoreCold(v, hasGoal: hasGoal, context: &context) { offer(v, context.scores) }
            }
            let scores = context.scores
            return (heap.sorted { precedes($0, $1, scores) }, complete)
        }
        // Everyone by b alone: below the worst kept score, only shared history could lift a
        // person, and those are walked next. `coldMark` tells the second walk whom the first scored.
        context.generation &+= 1
        let mark = context.generation
        buckets: for q in 0..<ColdCandidateOrder.bucketCount {
            let range = cold.bucketStart[q]..<cold.bucketStart[q + 1]
            if range.isEmpty { continue }
            if heap.count == m, cold.bucketMax[q] < worst {
                // This bucket and every later one are below the worst kept score.
                complete = false
                break buckets
            }
            for i in range {
                // The bound first: it is read in order, the rest at random.
                if heap.count == m, Double(cold.bound[i]) < worst {
                    complete = false
                    continue
                }
                let v = cold.order[i]
                if distance[Int(v)].isFinite { continue }
                context.coldMark[Int(v)] = mark
                if scoreCold(v, hasGoal: hasGoal, context: &context) { offer(v, context.scores) }
            }
        }
        // The people who share history with the ego, by b · (1 + w_h): the ego's schools and
        // former organizations.
        var groups = context.egoSchoolMask.indices.filter { context.egoSchoolMask[$0] }
        groups += context.egoFormerOrganizations.map { cold.schoolCount + Int($0) }
        for g in groups where g + 1 < cold.groupStart.count {
            for k in cold.groupStart[g]..<cold.groupStart[g + 1] {
                let i = Int(cold.groupPositions[k])
                if heap.count == m, cold.bucketMax[Int(cold.bucketOfPosition[i])] * factor < worst {
                    // The rest of the list is in later buckets.
                    complete = false
                    break
                }
                if heap.count == m, Double(cold.bound[i]) * factor < worst {
                    complete = false
                    continue
                }
                let v = cold.order[i]
                if distance[Int(v)].isFinite || context.coldMark[Int(v)] == mark { continue }
                context.coldMark[Int(v)] = mark
                if scoreCold(v, hasGoal: hasGoal, context: &context) { offer(v, context.scores) }
            }
        }
        let scores = context.scores
        return (heap.sorted { precedes($0, $1, scores) }, complete)
    }
}
