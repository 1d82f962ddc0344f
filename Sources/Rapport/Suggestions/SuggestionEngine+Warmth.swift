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
        var miss = 1.0
        for term in collectWarmth(of: v) { miss *= 1 - term.contribution }
        let value = min(1, max(0, 1 - miss))
        warmthOf[Int(v)] = value
        return value
    }

    /// The terms of `warmth(of:)`: one per introducer (and one for a direct tie), unsorted.
    mutating func collectWarmth(of v: Int32) -> [(introducer: Int32, reliability: Double, contribution: Double)] {
        var found = warmthFound
        warmthFound = []
        found.removeAll(keepingCapacity: true)
        forEachIntroducer(of: v) { z, u, r in found.append((z, u, r)) }
        generation &+= 1
        let current = generation
        var touched = warmthTouched
        touched.removeAll(keepingCapacity: true)
        for (z, u, r) in found {
            let share = attention(u) * (z == u ? 1 : attention(z))
            let c = r * share
            if stamp[Int(z)] != current {
                stamp[Int(z)] = current
                warmthBest[Int(z)] = c
                warmthBestReliability[Int(z)] = r
                touched.append(z)
            } else if c > warmthBest[Int(z)] {
                warmthBest[Int(z)] = c
                warmthBestReliability[Int(z)] = r
            }
        }
        var terms: [(introducer: Int32, reliability: Double, contribution: Double)] = []
        terms.reserveCapacity(touched.count + 1)
        if egoLength[Int(v)].isFinite, let direct = egoTie[v] { terms.append((v, direct, direct)) }
        for z in touched { terms.append((z, warmthBestReliability[Int(z)], warmthBest[Int(z)])) }
        warmthFound = found
        warmthTouched = touched
        return terms
    }

    /// a(w) = 1 / (1 + the number of w's contacts, other than the user, the user has no tie with).
    /// - Complexity: O(deg w) the first time, then O(1).
    mutating func attention(_ w: Int32) -> Double {
        var count = unknownContacts[Int(w)]
        if count < 0 {
            count = 0
            let graph = engine.snapshot.graph
            for h in graph.halfEdges(of: w) {
                let y = graph.neighbors[h]
                if y != ego, !egoLength[Int(y)].isFinite { count += 1 }
            }
            unknownContacts[Int(w)] = count
        }
        return 1 / (1 + Double(count))
    }

    /// The terms of `v`'s warmth as named values, largest contribution first, at most `limit`.
    mutating func warmthTerms(of v: Int32, limit: Int = 5) -> [WarmthTerm] {
        let people = engine.snapshot.people
        return collectWarmth(of: v)
            .sorted { $0.contribution != $1.contribution ? $0.contribution > $1.contribution : $0.introducer < $1.introducer }
            .prefix(limit)
            .map { term in
                let person = people[Int(term.introducer)]
                return WarmthTerm(
                    node: term.introducer, id: person.id, name: person.displayName, reliability: term.reliability,
                    contribution: term.contribution)
            }
    }
}
