/// Warmth: several independent introducers make an introduction likelier than one.
///
/// For candidate v, each distinct first-hop introducer z contributes its best path (the same
/// options as `introducerOptions(for:)`: exact for two-hop paths, the best path to a neighbour of v
/// beyond), discounted by how widely each intermediary's attention is shared:
///
///     a(w)   = 1 / (1 + |N(w) ∖ N(ego) ∖ {ego}|)         contacts of w the user does not know
///     r_z    = max over paths ego → z → … → u → v of  Π s · a(u) · a(z)   (a(z) once when u = z)
///     warmth = 1 − (1 − s(ego, v)) · Π_z (1 − r_z)         noisy-OR; s(ego, v) = 0 without a tie
///
/// The noisy-OR (Pearl 1988) treats introducers as independent chances; the discount is the
/// resource-allocation idea (Zhou, Lü & Zhang 2009, doi:10.1140/epjb/e2009-00335-8; Adamic & Adar
/// 2003) restricted to the people the user cannot already reach directly: an introducer whose
/// other contacts are mostly the user's contacts too is the likeliest bridge to the rest.
/// The discount counts people, not strengths, so it does not depend on the strength model's
/// constants; only the path reliabilities do. Held-out evaluation:
/// Tests/RapportTests/Paths/WarmthEvaluationTests.swift.
extension ScoringContext {
    /// The warmth of candidate `v` (memoized).
    /// - Complexity: O(deg v), once attention is counted (`prepareAttention`).
    mutating func warmth(of v: Int32) -> Double {
        let memo = warmthOf[Int(v)]
        if memo >= 0 { return memo }
        if !attentionReady { prepareAttention() }
        let (value, introducers) = warmthInputs.warmth(of: v, walk: &walk)
        warmthOf[Int(v)] = value
        if introducersOf[Int(v)] < 0 { memoTouched.append(v) }
        introducersOf[Int(v)] = introducers
        return value
    }

    /// The warmth of every candidate in `candidates` (distinct, none computed yet), memoized as
    /// `warmth(of:)` would, on the worker pool when there are many: each part walks with marks
    /// of its own and writes only its candidates' entries.
    /// - Returns: the largest of them (0 for none).
    /// - Complexity: O(Σ deg over the candidates), spread over the pool's threads and this one.
    mutating func computeWarmth(of candidates: [Int32], parts: Int? = nil) -> Double {
        if !attentionReady { prepareAttention() }
        let parts = min(candidates.count, parts ?? (candidates.count >= 8192 ? 8 : 1))
        guard parts > 1 else {
            var warmest = 0.0
            for v in candidates { warmest = max(warmest, warmth(of: v)) }
            return warmest
        }
        let inputs = warmthInputs
        var largest = [Double](repeating: 0, count: parts)
        warmthOf.withUnsafeMutableBufferPointer { warmthOut in
            introducersOf.withUnsafeMutableBufferPointer { introducersOut in
                largest.withUnsafeMutableBufferPointer { largestOut in
                    WorkerPool.shared.forEachChunk(of: candidates.count, chunks: parts) { part, range in
                        var walk = WarmthWalk(contactCount: inputs.contacts.count)
                        var warmest = 0.0
                        for i in range {
                            let v = Int(candidates[i])
                            let (value, introducers) = inputs.warmth(of: candidates[i], walk: &walk)
                            warmthOut[v] = value
                            introducersOut[v] = introducers
                            warmest = max(warmest, value)
                        }
                        largestOut[part] = warmest
                    }
                }
            }
        }
        memoTouched.append(contentsOf: candidates)
        return largest.max() ?? 0
    }

    /// The terms of `warmth(of:)`: one per introducer (and one for a direct tie), unsorted.
    mutating func collectWarmth(of v: Int32) -> [(introducer: Int32, reliability: Double, contribution: Double)] {
        if !attentionReady { prepareAttention() }
        let inputs = warmthInputs
        _ = inputs.warmth(of: v, walk: &walk)
        var terms: [(introducer: Int32, reliability: Double, contribution: Double)] = []
        terms.reserveCapacity(walk.touched.count + 1)
        if let k = inputs.slot(ofContact: v) {
            terms.append((v, inputs.egoStrength[k], inputs.egoStrength[k]))
        }
        for k in walk.touched {
            terms.append((inputs.contacts[Int(k)], walk.bestReliability[Int(k)], walk.best[Int(k)]))
        }
        return terms
    }

    /// Counts, for every node with a role, the contacts the user does not know (`attention`), on
    /// the worker pool: the warmth walks then only read `near`.
    /// - Complexity: O(Σ deg over the nodes with a role).
    mutating func prepareAttention() {
        let graph = engine.snapshot.graph
        let nodes = roleTouched, near = self.near, ego = self.ego
        role.withUnsafeBufferPointer { role in
            let parts = nodes.count >= 4096 ? 8 : 1
            WorkerPool.shared.forEachChunk(of: nodes.count, chunks: parts) { range in
                for i in range {
                    let w = Int(nodes[i])
                    var count = 0
                    for h in graph.halfEdges(of: nodes[i]) {
                        let y = graph.neighbors[h]
                        if y != ego, role[Int(y)] & ScoringContext.contactRole == 0 { count += 1 }
                    }
                    near[w].attention = 1 / (1 + Double(count))
                }
            }
        }
        contactAttention = contacts.map { near[Int($0)].attention }
        attentionReady = true
    }

    /// What the warmth walks read, shared by every part of `computeWarmth`: nothing in it changes
    /// while they run.
    var warmthInputs: WarmthInputs {
        WarmthInputs(
            ego: ego, limit: Int32(clamping: paths.maxHops ?? Int(Int32.max)), usableLength: usableLength,
            graph: engine.snapshot.graph, weights: engine.weights, role: role, near: UnsafeBufferPointer(near),
            contacts: contacts, egoStrength: egoStrengthBySlot, egoLength: egoLengthBySlot,
            contactAttention: contactAttention)
    }

    /// The terms of `v`'s warmth as named values, largest contribution first, at most `limit`.
    mutating func warmthTerms(of v: Int32, limit: Int = 5) -> [WarmthTerm] {
        let people = engine.snapshot.people
        return collectWarmth(of: v)
            .sorted {
                $0.contribution != $1.contribution ? $0.contribution > $1.contribution : $0.introducer < $1.introducer
            }
            .prefix(limit)
            .map { term in
                let person = people[Int(term.introducer)]
                return WarmthTerm(
                    node: term.introducer, id: person.id, name: person.displayName, reliability: term.reliability,
                    contribution: term.contribution)
            }
    }
}

/// The marks of one warmth walk, by contact slot: an introducer is always one of the user's
/// contacts (the first hop of a path, or the contact a path ends at), so these arrays have one
/// entry per contact and stay in cache, and each thread of `computeWarmth` has its own.
struct WarmthWalk {
    /// Per contact: the best discounted path through it to the current candidate, and that path's
    /// reliability (read where `stamp` is current).
    var best: [Double]
    var bestReliability: [Double]
    /// `stamp[k] == generation` once contact k is an introducer of the current candidate;
    /// `usable[k] == generation` once it is counted as a usable one.
    var stamp: [Int32]
    var usable: [Int32]
    /// The current candidate's introducers, by slot, in the order first met.
    var touched: [Int32] = []
    var generation: Int32 = 0

    init(contactCount n: Int) {
        best = [Double](repeating: 0, count: n)
        bestReliability = [Double](repeating: 0, count: n)
        stamp = [Int32](repeating: -1, count: n)
        usable = [Int32](repeating: -1, count: n)
    }
}

/// The read-only side of the warmth walk (see `ScoringContext.warmthInputs`).
struct WarmthInputs {
    let ego: Int32
    let limit: Int32
    let usableLength: Double
    let graph: Graph
    let weights: EdgeWeights
    let role: [UInt8]
    let near: UnsafeBufferPointer<NearNode>
    /// The user's contacts by slot, and the strength and length of the user's tie to each.
    let contacts: [Int32]
    let egoStrength: [Double]
    let egoLength: [Double]
    /// `NearNode.attention` of each contact, by slot.
    let contactAttention: [Double]

    /// The slot of `v` when it is one of the user's contacts.
    func slot(ofContact v: Int32) -> Int? {
        role[Int(v)] & ScoringContext.contactRole != 0 ? Int(near[Int(v)].contactSlot) : nil
    }

    /// The warmth of `v` and its number of usable introducers (`introducerCount(for:)`), with the
    /// marks of `walk`, which is left holding v's introducers.
    ///
    /// The paths of `forEachIntroducer(of:)`, walked without a closure, a dictionary or an `exp`
    /// per half-edge (a suggest call does this for every reached candidate). The noisy-OR is taken
    /// over the introducers in the order first met.
    /// - Complexity: O(deg v); no allocation once `walk` has grown.
    func warmth(of v: Int32, walk: inout WarmthWalk) -> (value: Double, introducers: Int32) {
        walk.generation &+= 1
        let current = walk.generation
        walk.touched.removeAll(keepingCapacity: true)
        let neighbors = graph.neighbors, incident = graph.incidentEdges
        let usable = usableLength
        let ownSlot = slot(ofContact: v).map(Int32.init) ?? -1
        // The same distinct usable first hops as `introducerCount(for:)`, marked with `walk.usable`.
        var usableCount: Int32 = 0
        // One path ego → z → … → u → v of reliability r through contact slot k, discounted by the
        // attention of u and of z (once when u = z): kept when it is z's best so far.
        func offer(_ k: Int, _ c: Double, _ r: Double) {
            if walk.stamp[k] != current {
                walk.stamp[k] = current
                walk.best[k] = c
                walk.bestReliability[k] = r
                walk.touched.append(Int32(k))
            } else if c > walk.best[k] {
                walk.best[k] = c
                walk.bestReliability[k] = r
            }
        }
        // Unchecked readers: a palette's code, then its value (2 bytes a tie read at random).
        weights.withReaders { strengths, lengths in
            for h in graph.halfEdges(of: v) {
                let u = neighbors[h]
                guard u != ego else { continue }
                let ui = Int(u)
                // Most neighbours of a far candidate are neither the user's contacts nor within the
                // hop limit: one byte skips them before their edge's strength and length are read.
                let roles = role[ui]
                guard roles != 0 else { continue }
                let node = near[ui]
                let e = Int(incident[h])
                let s = strengths(e)
                // The edge's length only matters to a path already within the usable length: ℓ ≥ 0, so
                // a longer one stays too long (and a rounded sum is never below its larger term). Most
                // paths of two hops or more are, so the second random read per edge is mostly skipped.
                if limit >= 2, roles & ScoringContext.contactRole != 0 {
                    let k = Int(node.contactSlot)
                    let r = egoStrength[k] * s
                    offer(k, r * node.attention, r)
                    let d = egoLength[k]
                    if d <= usable, d + lengths(e) <= usable, walk.usable[k] != current {
                        walk.usable[k] = current
                        usableCount += 1
                    }
                }
                guard roles & ScoringContext.withinLimitRole != 0 else { continue }
                let k = node.firstHopSlot
                guard k != ownSlot else { continue }
                let r = node.reliability * s
                offer(Int(k), r * node.attention * (k == node.contactSlot ? 1 : contactAttention[Int(k)]), r)
                if node.distance <= usable, node.distance + lengths(e) <= usable, walk.usable[Int(k)] != current {
                    walk.usable[Int(k)] = current
                    usableCount += 1
                }
            }
        }
        var miss = 1.0
        if ownSlot >= 0 { miss *= 1 - egoStrength[Int(ownSlot)] }
        for k in walk.touched { miss *= 1 - walk.best[Int(k)] }
        return (min(1, max(0, 1 - miss)), usableCount)
    }
}
