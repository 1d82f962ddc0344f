import Foundation

extension Graph {
    /// Weighted Adamic–Adar scores of the nodes exactly two hops from `ego`.
    ///
    /// With wdeg(z) = Σ_{y ∈ N(z)} s(z, y) (the edge to the ego included), for every `v ≠ ego` that
    /// is not a neighbour of the ego but shares one with it:
    ///
    ///     AA(v) = Σ_{z ∈ N(ego) ∩ N(v)} s(ego, z) · s(z, v) / ln(1 + wdeg(z))
    ///
    /// and AA(v) = 0 for every other node (`../shared/bench/WORKLOAD.md` step (d)). Adamic & Adar
    /// 2003, https://doi.org/10.1016/S0378-8733(03)00009-1; the strength weighting follows
    /// Murata & Moriyasu 2007.
    ///
    /// Example (bench tiny fixture): Gus is two hops from the ego via Ann and Bob, giving
    /// AA = 0.625165 · 0.1 / ln(1 + 4.225165) + 0.179236 · 0.4 / ln(1 + 0.579236) ≈ 0.198312.
    ///
    /// - Parameters:
    ///   - ego: the user.
    ///   - strengths: one strength in (0, 1] per edge.
    /// - Returns: one score per node.
    /// - Throws: `PathError.unknownNode`, `.edgeCountMismatch` or `.invalidStrength`.
    /// - Complexity: O(V + E) for the checks and the result; the scoring itself is
    ///   O(Σ_{z ∈ N(ego)} deg z).
    public func weightedAdamicAdar(from ego: Int32, strengths: [Double]) throws(PathError) -> [Double] {
        try weightedAdamicAdar(from: ego, weights: EdgeWeights(strengths: strengths, for: self))
    }

    /// The same scores from `weights` (per-edge or palette).
    /// - Throws: `PathError.unknownNode` or `.edgeCountMismatch`.
    /// - Complexity: O(V) for the result; the scoring is O(Σ_{z ∈ N(ego)} deg z).
    public func weightedAdamicAdar(from ego: Int32, weights: EdgeWeights) throws(PathError) -> [Double] {
        guard ego >= 0, Int(ego) < nodeCount else { throw .unknownNode(ego) }
        guard weights.edgeCount == edgeCount else {
            throw .edgeCountMismatch(expected: edgeCount, actual: weights.edgeCount)
        }
        var scores = [Double](repeating: 0, count: nodeCount)
        var isNeighbor = [Bool](repeating: false, count: nodeCount)
        for h in halfEdges(of: ego) { isNeighbor[Int(neighbors[h])] = true }
        weights.withReaders { s, _ in
            offsets.withUnsafeBufferPointer { off in
                neighbors.withUnsafeBufferPointer { nbr in
                    incidentEdges.withUnsafeBufferPointer { inc in
                        scores.withUnsafeMutableBufferPointer { aa in
                            for h in off[Int(ego)]..<off[Int(ego) + 1] {
                                let z = Int(nbr[h])
                                let sEgo = s(Int(inc[h]))
                                var wdeg = 0.0
                                for k in off[z]..<off[z + 1] { wdeg += s(Int(inc[k])) }
                                let factor = sEgo / Foundation.log(1 + wdeg)
                                for k in off[z]..<off[z + 1] {
                                    let v = nbr[k]
                                    if v == ego || isNeighbor[Int(v)] { continue }
                                    aa[Int(v)] += factor * s(Int(inc[k]))
                                }
                            }
                        }
                    }
                }
            }
        }
        return scores
    }
}
