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
    /// - Complexity: O(deg v + Σ deg of its introducers the first time each is seen).
    mutating func warmth(of v: Int32) -> Double {
        let memo = warmthOf[Int(v)]
        if memo >= 0 { return memo }
        // The product straight from the scratch arrays: no terms array per candidate (a suggest
        // call computes the warmth of every reached candidate).
        gatherWarmth(of: v)
        var miss = 1.0
        if egoLength[Int(v)].isFinite { miss *= 1 - egoStrength[Int(v)] }
        for z in warmthTouched { miss *= 1 - warmthBest[Int(z)] }
        let value = min(1, max(0, 1 - miss))
        warmthOf[Int(v)] = value
        return value
    }

    /// The terms of `warmth(of:)`: one per introducer (and one for a direct tie), unsorted.
    mutating func collectWarmth(of v: Int32) -> [(introducer: Int32, reliability: Double, contribution: Double)] {
        gatherWarmth(of: v)
        var terms: [(introducer: Int32, reliability: Double, contribution: Double)] = []
        terms.reserveCapacity(warmthTouched.count + 1)
        if egoLength[Int(v)].isFinite { terms.append((v, egoStrength[Int(v)], egoStrength[Int(v)])) }
        for z in warmthTouched { terms.append((z, warmthBestReliability[Int(z)], warmthBest[Int(z)])) }
        return terms
    }

    /// Leaves in `warmthTouched` the distinct introducers of `v` and in `warmthBest` /
    /// `warmthBestReliability` each one's best discounted path and its reliability: the paths of
    /// `forEachIntroducer(of:)`, walked here without a closure, a dictionary or an `exp` per
    /// half-edge (a suggest call does this for every reached candidate).
    /// - Complexity: O(deg v) plus first-time `attention` counts; no allocation once warm.
    mutating func gatherWarmth(of v: Int32) {
        generation &+= 1
        let current = generation
        warmthTouched.removeAll(keepingCapacity: true)
        let graph = engine.snapshot.graph
        let neighbors = graph.neighbors, incident = graph.incidentEdges
        let limit = Int32(clamping: paths.maxHops ?? Int(Int32.max))
        let usable = usableLength
        // The same distinct usable first hops as `introducerCount(for:)`, marked with `usableMark`.
        var usableCount: Int32 = 0
        // Unchecked readers: a palette's code, then its value (2 bytes a tie read at random).
        engine.weights.withReaders { strengths, lengths in
            for h in graph.halfEdges(of: v) {
                let u = neighbors[h]
                guard u != ego else { continue }
                let ui = Int(u)
                // Most neighbours of a far candidate are neither the user's contacts nor within the
                // hop limit: one byte skips them before their edge's strength and length are read.
                let roles = role[ui]
                guard roles != 0 else { continue }
                let node = near[ui]
                let isContact = limit >= 2 && roles & ScoringContext.contactRole != 0
                let e = Int(incident[h])
                let s = strengths(e)
                // The edge's length only matters to a path already within the usable length: ℓ ≥ 0, so
                // a longer one stays too long (and a rounded sum is never below its larger term). Most
                // paths of two hops or more are, so the second random read per edge is mostly skipped.
                if isContact {
                    offerWarmth(z: u, last: u, reliability: egoStrength[ui] * s, current)
                    let d = egoLength[ui]
                    if d <= usable, d + lengths(e) <= usable, usableMark[ui] != current {
                        usableMark[ui] = current
                        usableCount += 1
                    }
                }
                guard roles & ScoringContext.withinLimitRole != 0 else { continue }
                let z = node.firstHop
                guard z != v else { continue }
                offerWarmth(z: z, last: u, reliability: node.reliability * s, current)
                if node.distance <= usable, node.distance + lengths(e) <= usable, usableMark[Int(z)] != current {
                    usableMark[Int(z)] = current
                    usableCount += 1
                }
            }
        }
        if introducersOf[Int(v)] < 0 { memoTouched.append(v) }
        introducersOf[Int(v)] = usableCount
    }

    /// One path ego → z → … → last → v of reliability `reliability`: kept when it is z's best so far,
    /// discounted by `attention` at both ends.
    @inline(__always)
    private mutating func offerWarmth(z: Int32, last u: Int32, reliability r: Double, _ current: Int32) {
        let c = r * attention(u) * (z == u ? 1 : attention(z))
        let zi = Int(z)
        if stamp[zi] != current {
            stamp[zi] = current
            warmthBest[zi] = c
            warmthBestReliability[zi] = r
            warmthTouched.append(z)
        } else if c > warmthBest[zi] {
            warmthBest[zi] = c
            warmthBestReliability[zi] = r
        }
    }

    /// a(w) = 1 / (1 + the number of w's contacts, other than the user, the user has no tie with).
    /// - Complexity: O(deg w) the first time, then O(1).
    mutating func attention(_ w: Int32) -> Double {
        // Asked only of nodes with a role (a path's last step, or its first hop: a contact).
        var count = near[Int(w)].unknownContacts
        if count < 0 {
            count = 0
            let graph = engine.snapshot.graph
            for h in graph.halfEdges(of: w) {
                let y = graph.neighbors[h]
                if y != ego, role[Int(y)] & ScoringContext.contactRole == 0 { count += 1 }
            }
            near[Int(w)].unknownContacts = count
        }
        return 1 / (1 + Double(count))
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
