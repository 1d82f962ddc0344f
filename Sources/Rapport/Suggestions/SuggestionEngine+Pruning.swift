import Foundation

/// The bound b(v) of `ColdCandidateOrder`: ego-independent, from the configuration, the person's
/// title seniority and degree.
struct ColdBound: Sendable {
    /// Whether the configuration is inside the ranges the bound relies on (no negative weight, a
    /// floor, share and penalty in [0, 1]); when not, nothing is pruned.
    let isUsable: Bool
    /// 1 + w_h: the most shared history can raise a score.
    let sharedFactor: Double
    private let connectedness: [Double]
    private let scale: Double
    private let seniorityShare: Double
    private let qualityGainWeight: Double
    private let insightWeight: Double

    /// - Complexity: O(maxDegree), one logarithm per degree.
    init(configuration c: SuggestionConfiguration, maxDegree: Int, logMaxDegree: Double) {
        let weights = [
            c.reliabilityWeight, c.redundancyWeight, c.warmthWeight, c.qualityGainWeight, c.insightWeight,
            c.sharedHistoryWeight,
        ]
        sharedFactor = 1 + c.sharedHistoryWeight
        isUsable =
            weights.allSatisfy { $0 >= 0 && $0.isFinite } && (0...1).contains(c.relevanceFloor)
            && (0...1).contains(c.unansweredRequestPenalty) && (0...1).contains(c.seniorityShare)
            && c.componentWeightSum > 0 && c.componentWeightSum.isFinite
        // The same expression as `ScoringContext.components(of:)`, per distinct degree.
        connectedness = (0...maxDegree).map { degree in
            logMaxDegree > 0 ? Foundation.log(1 + Double(degree)) / logMaxDegree : 0
        }
        scale = (1 + 1e-9) / c.componentWeightSum
        seniorityShare = c.seniorityShare
        qualityGainWeight = c.qualityGainWeight
        insightWeight = c.insightWeight
    }

    /// b(v), raised by a relative 10⁻⁹.
    @inline(__always)
    func bound(of v: Int32, textIndex: PersonTextIndex, offsets: [Int]) -> Double {
        let seniority = textIndex.seniority(of: v)
        let degree = offsets[Int(v) + 1] - offsets[Int(v)]
        let insight = seniorityShare * seniority + (1 - seniorityShare) * connectedness[degree]
        return max(0, qualityGainWeight + insightWeight * insight) * scale
    }
}

/// Builds the engine's `ColdCandidateOrder` on its second `suggest` call: a single query scans
/// the people with `ColdBound` (a few nanoseconds each), which is cheaper than building the order;
/// a batch builds it once and then visits only the people whose bound can still enter the top.
final class LazyColdOrder: @unchecked Sendable {
    private let lock = NSLock()
    private var calls = 0
    private var built: ColdCandidateOrder?

    /// The order for one call, or nil for the engine's first call (or an unusable bound).
    func forCall(build: () -> ColdCandidateOrder) -> ColdCandidateOrder? {
        lock.withLock {
            calls += 1
            if built == nil, calls > 1 { built = build() }
            return built
        }
    }
}

/// The people in decreasing order of an upper bound on the score each can have as a candidate
/// without a warm path, so `suggest` scores exactly only the cold candidates that could still enter
/// the top (the warm ones are few and all scored).
///
/// Without a warm path, reliability, redundancy and warmth are 0, so
///
///     score(v) = min(1, gate · (w_q · gain + w_i · insight(v)) / Σw · freshness · (1 + w_h · shared(v)))
///
/// with gate ≤ 1, gain ≤ 1 and freshness ≤ 1, hence
///
///     score(v) ≤ b(v) · (1 + w_h · shared(v)) ≤ b(v) · (1 + w_h),   b(v) = max(0, w_q + w_i · insight(v)) / Σw
///
/// where insight(v) depends only on v's title and degree, not on the ego, so b is computed once per
/// engine. b is raised by a relative 10⁻⁹, far above the rounding of the few operations on either
/// side, so pruning on "bound < worst kept score" never drops a candidate that would have been kept.
///
/// The order is a counting sort into 4,096 buckets of b (monotone in b, so every bound of a later
/// bucket is at most every bound of an earlier one); within a bucket, by index.
///
/// Shared history is ego-dependent, so the people who can have it are listed by group: per school
/// (`snapshot.people.schools` code) and per organization, each list in the same order. A query
/// walks the whole order with b alone, then only the lists of the ego's schools and former
/// organizations with b · (1 + w_h).
struct ColdCandidateOrder: Sendable {
    /// People, bucket by bucket from the highest bounds.
    let order: [Int32]
    /// b(order[i]), rounded up to a `Float` (half the memory; still a bound).
    let bound: [Float]
    /// Bucket k holds `order[bucketStart[k]..<bucketStart[k + 1]]`, highest bounds first.
    let bucketStart: [Int]
    /// The largest b in each bucket.
    let bucketMax: [Double]
    /// The bucket of each position of `order`.
    let bucketOfPosition: [UInt16]
    /// Group g (school code g, or organization g − school count) lists the positions in `order` of
    /// its people, ascending: `groupPositions[groupStart[g]..<groupStart[g + 1]]`.
    let groupStart: [Int]
    let groupPositions: [Int32]
    /// The number of distinct schools (groups below it are schools).
    let schoolCount: Int

    static let bucketCount = 4096

    /// The order by `bound`, which must be usable.
    /// - Complexity: O(V + Σ schools per person) time and memory.
    init(snapshot: NetworkSnapshot, textIndex: PersonTextIndex, bound b: ColdBound) {
        let graph = snapshot.graph
        schoolCount = snapshot.people.schools.values.count
        let n = graph.nodeCount
        let byNode = (0..<n).map { v in b.bound(of: Int32(truncatingIfNeeded: v), textIndex: textIndex, offsets: graph.offsets) }
        let k = Self.bucketCount
        let top = byNode.max() ?? 0
        // Highest bounds in bucket 0; x ≤ y gives bucket(x) ≥ bucket(y).
        func bucket(_ b: Double) -> Int { top > 0 ? k - 1 - min(k - 1, Int(b / top * Double(k))) : 0 }
        var start = [Int](repeating: 0, count: k + 1)
        var largest = [Double](repeating: 0, count: k)
        for b in byNode {
            let q = bucket(b)
            start[q + 1] += 1
            largest[q] = max(largest[q], b)
        }
        for q in 0..<k { start[q + 1] += start[q] }
        var next = start
        var order = [Int32](repeating: 0, count: n)
        var sorted = [Float](repeating: 0, count: n)
        var bucketOf = [UInt16](repeating: 0, count: n)
        for (v, b) in byNode.enumerated() {
            let q = bucket(b)
            var rounded = Float(b)
            if Double(rounded) < b { rounded = rounded.nextUp }
            order[next[q]] = Int32(truncatingIfNeeded: v)
            sorted[next[q]] = rounded
            bucketOf[next[q]] = UInt16(q)
            next[q] += 1
        }
        (self.order, bound, bucketStart, bucketMax, bucketOfPosition) = (order, sorted, start, largest, bucketOf)
        (groupStart, groupPositions) = Self.groups(
            order: order, schools: snapshot.people.schools, organizationIndex: snapshot.organizationIndex,
            groupCount: schoolCount + snapshot.organizations.count)
    }

    /// The positions in `order` of each school's and each organization's people, ascending; a
    /// person listing one school twice is in its list once.
    /// - Complexity: O(V + Σ schools per person).
    private static func groups(
        order: [Int32], schools: InternedListColumn, organizationIndex: [Int32], groupCount: Int
    ) -> ([Int], [Int32]) {
        let schoolCount = schools.values.count
        func forEachGroup(of v: Int, _ body: (Int) -> Void) {
            let range = Int(schools.offsets[v])..<Int(schools.offsets[v + 1])
            for k in range {
                let code = Int(schools.codes[k])
                guard code >= 0, code < schoolCount, !schools.codes[range.lowerBound..<k].contains(Int32(code)) else {
                    continue
                }
                body(code)
            }
            let o = Int(organizationIndex[v])
            if o >= 0, schoolCount + o < groupCount { body(schoolCount + o) }
        }
        var start = [Int](repeating: 0, count: groupCount + 1)
        for v in order { forEachGroup(of: Int(v)) { start[$0 + 1] += 1 } }
        for g in 0..<groupCount { start[g + 1] += start[g] }
        var next = start
        var positions = [Int32](repeating: 0, count: start[groupCount])
        for (i, v) in order.enumerated() {
            forEachGroup(of: Int(v)) { g in
                positions[next[g]] = Int32(truncatingIfNeeded: i)
                next[g] += 1
            }
        }
        return (start, positions)
    }
}
