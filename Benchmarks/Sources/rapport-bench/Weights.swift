import Foundation
import Rapport

/// W step (b): ego ties get s = max(0.05, 1 − exp(−X/3)) from their interactions, every other tie
/// the base strength of its kind; ℓ = −ln s.
struct WorkloadWeights: EdgeWeights {
    let ego: Int32
    let baseStrength: [Double]
    let baseLength: [Double]
    /// s(ego, v) for the ego's neighbours, 0 elsewhere.
    let egoStrength: [Double]
    let egoLength: [Double]
    let isNeighbor: [Bool]

    init(workload w: Workload, graph: LabeledGraph) {
        ego = w.ego
        var base = [Double](repeating: 1, count: 16)
        for (i, s) in Workload.baseStrength.enumerated() { base[i] = s }
        baseStrength = base
        baseLength = base.map { -log($0) }
        let n = graph.nodeCount
        var neighbor = [Bool](repeating: false, count: n)
        for h in graph.halfEdges(of: w.ego) { neighbor[Int(LabeledGraph.neighbor(graph.entries[h]))] = true }
        var x = [Double](repeating: 0, count: n)
        for row in w.interactions where neighbor[Int(row.person)] {
            x[Int(row.person)] += row.weight * exp2(-Double(row.age) / 180.0)
        }
        var strength = [Double](repeating: 0, count: n)
        var length = [Double](repeating: 0, count: n)
        for h in graph.halfEdges(of: w.ego) {
            let v = Int(LabeledGraph.neighbor(graph.entries[h]))
            let s = max(0.05, 1 - exp(-x[v] / 3))
            strength[v] = s
            length[v] = -log(s)
        }
        egoStrength = strength
        egoLength = length
        isNeighbor = neighbor
    }

    @inline(__always)
    func strength(_ u: Int32, _ v: Int32, label: UInt32) -> Double {
        label == UInt32(Workload.egoLabel) ? egoStrength[Int(u == ego ? v : u)] : baseStrength[Int(label)]
    }

    @inline(__always)
    func length(_ u: Int32, _ v: Int32, label: UInt32) -> Double {
        label == UInt32(Workload.egoLabel) ? egoLength[Int(u == ego ? v : u)] : baseLength[Int(label)]
    }
}
