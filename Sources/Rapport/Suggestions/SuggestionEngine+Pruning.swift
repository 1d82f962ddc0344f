import Foundation

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
struct ColdCandidateOrder: Sendable {
    /// People, bucket by bucket from the highest bounds.
    let order: [Int32]
    /// b(order[i]), rounded up to a `Float` (half the memory; still a bound).
    let bound: [Float]
    /// Bucket k holds `order[bucketStart[k]..<bucketStart[k + 1]]`, highest bounds first.
    let bucketStart: [Int]
    /// The largest b in each bucket.
    let bucketMax: [Double]
    /// 1 + w_h: the most shared history can raise a score.
    let sharedFactor: Double
    /// Whether the configuration is inside the ranges the bound relies on (no negative weight, a
    /// floor, share and penalty in [0, 1]); when not, nothing is pruned.
    let isUsable: Bool

    static let bucketCount = 4096

    /// - Complexity: O(V) time and memory, with one logarithm per distinct degree.
    init(
        graph: Graph, textIndex: PersonTextIndex, configuration c: SuggestionConfiguration, maxDegree: Int,
        logMaxDegree: Double
    ) {
        let weights = [
            c.reliabilityWeight, c.redundancyWeight, c.warmthWeight, c.qualityGainWeight, c.insightWeight,
            c.sharedHistoryWeight,
        ]
        sharedFactor = 1 + c.sharedHistoryWeight
        isUsable =
            weights.allSatisfy { $0 >= 0 && $0.isFinite } && (0...1).contains(c.relevanceFloor)
            && (0...1).contains(c.unansweredRequestPenalty) && (0...1).contains(c.seniorityShare)
            && c.componentWeightSum > 0 && c.componentWeightSum.isFinite
        guard isUsable else {
            (order, bound, bucketStart, bucketMax) = ([], [], [], [])
            return
        }
        // The same expression as `ScoringContext.components(of:)`, per distinct degree.
        let connectedness = (0...maxDegree).map { degree in
            logMaxDegree > 0 ? Foundation.log(1 + Double(degree)) / logMaxDegree : 0
        }
        let scale = (1 + 1e-9) / c.componentWeightSum
        let offsets = graph.offsets
        let n = graph.nodeCount
        let byNode = (0..<n).map { v in
            let seniority = textIndex.seniority(of: Int32(truncatingIfNeeded: v))
            let insight = c.seniorityShare * seniority + (1 - c.seniorityShare) * connectedness[offsets[v + 1] - offsets[v]]
            return max(0, c.qualityGainWeight + c.insightWeight * insight) * scale
        }
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
        for (v, b) in byNode.enumerated() {
            let q = bucket(b)
            var rounded = Float(b)
            if Double(rounded) < b { rounded = rounded.nextUp }
            order[next[q]] = Int32(truncatingIfNeeded: v)
            sorted[next[q]] = rounded
            next[q] += 1
        }
        (self.order, bound, bucketStart, bucketMax) = (order, sorted, start, largest)
    }
}
