/// Dijkstra's algorithm with an indexed 4-ary min-heap (decrease-key through a position array).
///
/// Heap order is (distance, hops, node), so among equal distances the path with fewer hops is
/// settled first, and a settled node can never be improved by a later equal-distance path. When
/// two paths tie on distance and hops, the one from the smaller predecessor index wins.
///
/// Everything is flat storage accessed through unsafe buffers: no allocation per node and no bounds
/// checks in the relaxation loop. Distance, heap position and hop count share one 16-byte record
/// per node, so a relaxation touches one random cache line for the node instead of three.
enum QuaternaryHeapDijkstra {
    /// The per-node fields every relaxation reads, packed so one cache line serves them.
    struct NodeState {
        var distance: Double
        /// Heap slot, −1 before insertion, −2 once settled.
        var position: Int32
        var hops: Int32
    }

    /// - Complexity: O((V + E) log₄ V) time; O(V) memory besides the result.
    static func run(graph: Graph, lengths: [Double], source: Int32) -> SearchResult {
        let n = graph.nodeCount
        var predecessorNode = [Int32](repeating: -1, count: n)
        var predecessorEdge = [Int32](repeating: -1, count: n)
        var firstHop = [Int32](repeating: -1, count: n)
        var reached = [Int32]()
        var state = [NodeState](repeating: NodeState(distance: .infinity, position: -1, hops: -1), count: n)
        var heapNode = [Int32](repeating: 0, count: max(n, 1))
        var heapKey = [Double](repeating: 0, count: max(n, 1))

        graph.offsets.withUnsafeBufferPointer { off in
            graph.neighbors.withUnsafeBufferPointer { nbr in
                graph.incidentEdges.withUnsafeBufferPointer { inc in
                    lengths.withUnsafeBufferPointer { len in
                        state.withUnsafeMutableBufferPointer { st in
                            predecessorNode.withUnsafeMutableBufferPointer { pred in
                                predecessorEdge.withUnsafeMutableBufferPointer { predEdge in
                                    firstHop.withUnsafeMutableBufferPointer { first in
                                        heapNode.withUnsafeMutableBufferPointer { hn in
                                            heapKey.withUnsafeMutableBufferPointer { hk in
                                                var heap = Heap(node: hn, key: hk, state: st)
                                                let s = Int(source)
                                                st[s].distance = 0
                                                st[s].hops = 0
                                                heap.push(source, key: 0)
                                                while heap.count > 0 {
                                                    let u = heap.popMin()
                                                    let ui = Int(u)
                                                    st[ui].position = -2
                                                    if u != source { reached.append(u) }
                                                    let du = st[ui].distance
                                                    let nh = st[ui].hops &+ 1
                                                    let fu = u == source ? Int32(-1) : first[ui]
                                                    var h = off[ui]
                                                    let end = off[ui &+ 1]
                                                    while h < end {
                                                        let v = nbr[h]
                                                        let vi = Int(v)
                                                        let sv = st[vi]
                                                        if sv.position != -2 {
                                                            let e = inc[h]
                                                            let nd = du + len[Int(e)]
                                                            var better = nd < sv.distance
                                                            if !better, nd == sv.distance {
                                                                better = nh < sv.hops || (nh == sv.hops && u < pred[vi])
                                                            }
                                                            if better {
                                                                st[vi].distance = nd
                                                                st[vi].hops = nh
                                                                pred[vi] = u
                                                                predEdge[vi] = e
                                                                first[vi] = fu < 0 ? v : fu
                                                                if sv.position == -1 {
                                                                    heap.push(v, key: nd)
                                                                } else {
                                                                    heap.decrease(slot: Int(sv.position), key: nd)
                                                                }
                                                            }
                                                        }
                                                        h &+= 1
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var result = SearchResult(nodeCount: 0)
        result.distance = state.map(\.distance)
        result.hops = state.map(\.hops)
        result.predecessorNode = predecessorNode
        result.predecessorEdge = predecessorEdge
        result.firstHop = firstHop
        result.reached = reached
        return result
    }

    /// An indexed 4-ary min-heap over borrowed buffers, ordered by (key, hops, node).
    struct Heap {
        let node: UnsafeMutableBufferPointer<Int32>
        let key: UnsafeMutableBufferPointer<Double>
        let state: UnsafeMutableBufferPointer<NodeState>
        var count = 0

        init(
            node: UnsafeMutableBufferPointer<Int32>, key: UnsafeMutableBufferPointer<Double>,
            state: UnsafeMutableBufferPointer<NodeState>
        ) {
            self.node = node
            self.key = key
            self.state = state
        }

        @inline(__always)
        func precedes(_ ka: Double, _ a: Int32, _ kb: Double, _ b: Int32) -> Bool {
            if ka != kb { return ka < kb }
            let ha = state[Int(a)].hops, hb = state[Int(b)].hops
            return ha != hb ? ha < hb : a < b
        }

        mutating func push(_ v: Int32, key k: Double) {
            let slot = count
            count &+= 1
            siftUp(from: slot, node: v, key: k)
        }

        /// Lowers the key of the node in `slot` (its hop count may have dropped too).
        func decrease(slot: Int, key k: Double) {
            siftUp(from: slot, node: node[slot], key: k)
        }

        private func siftUp(from start: Int, node v: Int32, key k: Double) {
            var i = start
            while i > 0 {
                let parent = (i &- 1) >> 2
                let pn = node[parent]
                guard precedes(k, v, key[parent], pn) else { break }
                node[i] = pn
                key[i] = key[parent]
                state[Int(pn)].position = Int32(truncatingIfNeeded: i)
                i = parent
            }
            node[i] = v
            key[i] = k
            state[Int(v)].position = Int32(truncatingIfNeeded: i)
        }

        mutating func popMin() -> Int32 {
            let top = node[0]
            count &-= 1
            if count > 0 {
                let v = node[count]
                let k = key[count]
                var i = 0
                while true {
                    let c = (i << 2) &+ 1
                    if c >= count { break }
                    var best = c
                    var bestKey = key[c]
                    var bestNode = node[c]
                    let last = Swift.min(c &+ 4, count)
                    var j = c &+ 1
                    while j < last {
                        let kj = key[j], nj = node[j]
                        if precedes(kj, nj, bestKey, bestNode) {
                            best = j
                            bestKey = kj
                            bestNode = nj
                        }
                        j &+= 1
                    }
                    guard precedes(bestKey, bestNode, k, v) else { break }
                    node[i] = bestNode
                    key[i] = bestKey
                    state[Int(bestNode)].position = Int32(truncatingIfNeeded: i)
                    i = best
                }
                node[i] = v
                key[i] = k
                state[Int(v)].position = Int32(truncatingIfNeeded: i)
            }
            return top
        }
    }
}
