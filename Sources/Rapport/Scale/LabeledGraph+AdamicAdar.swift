#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LabeledGraph {
    /// Weighted Adamic–Adar from `ego` over two hops:
    /// AA(v) = Σ_{z ∈ N(ego) ∩ N(v)} s(ego,z) · s(z,v) / ln(1 + wdeg(z)), with wdeg(z) = Σ_{y ∈ N(z)} s(z,y),
    /// for every v at hop distance exactly two; 0 elsewhere (the ego and its neighbours included).
    ///
    /// - Returns: AA for every node.
    /// - Complexity: O(Σ_{z ∈ N(ego)} deg z). Adamic & Adar (2003), doi:10.1016/S0378-8733(03)00009-1.
    @inlinable
    public func weightedAdamicAdar(from ego: Int32, weights: some EdgeWeights) -> [Double] {
        var aa = [Double](repeating: 0, count: nodeCount)
        guard ego >= 0, Int(ego) < nodeCount else { return aa }
        // Mark the ego and its neighbours: they never score.
        var excluded = [Bool](repeating: false, count: nodeCount)
        excluded[Int(ego)] = true
        for h in halfEdges(of: ego) { excluded[Int(LabeledGraph.neighbor(entries[h]))] = true }
        for h in halfEdges(of: ego) {
            let entry = entries[h]
            let z = LabeledGraph.neighbor(entry)
            let sEgoZ = weights.strength(ego, z, label: LabeledGraph.label(entry))
            var wdeg = 0.0
            for k in halfEdges(of: z) {
                let e = entries[k]
                wdeg += weights.strength(z, LabeledGraph.neighbor(e), label: LabeledGraph.label(e))
            }
            let damp = log(1 + wdeg)
            guard damp > 0 else { continue }
            for k in halfEdges(of: z) {
                let e = entries[k]
                let v = LabeledGraph.neighbor(e)
                if excluded[Int(v)] { continue }
                aa[Int(v)] += sEgoZ * weights.strength(z, v, label: LabeledGraph.label(e)) / damp
            }
        }
        return aa
    }
}
