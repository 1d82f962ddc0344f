/// The flat per-node arrays one search produces; internal to the path algorithms.
struct SearchResult {
    var distance: [Double]
    var hops: [Int32]
    var predecessorNode: [Int32]
    var predecessorEdge: [Int32]
    var firstHop: [Int32]
    var reached: [Int32]
    var recordOfNode: [Int32] = []
    var recordNode: [Int32] = []
    var recordEdge: [Int32] = []
    var recordParent: [Int32] = []

    init(nodeCount n: Int) {
        distance = [Double](repeating: .infinity, count: n)
        hops = [Int32](repeating: -1, count: n)
        predecessorNode = [Int32](repeating: -1, count: n)
        predecessorEdge = [Int32](repeating: -1, count: n)
        firstHop = [Int32](repeating: -1, count: n)
        reached = []
    }
}
