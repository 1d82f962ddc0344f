/// Dijkstra's algorithm with an indexed 4-ary min-heap (decrease-key through a position array).
///
/// Heap order is (distance, hops, node), so among equal distances the path with fewer hops is
/// settled first, and a settled node can never be improved by a later equal-distance path. When
/// two paths tie on distance and hops, the one from the smaller predecessor index wins.
///
/// Everything is flat `Int32`/`Double` storage accessed through unsafe buffers: no allocation per
/// node and no bounds checks in the relaxation loop.
enum QuaternaryHeapDijkstra {
    /// - Complexity: O((V + E) log₄ V) time; O(V) memory besides the result.
    static func run(graph: Graph, lengths: [Double], source: Int32) -> SearchResult {
        let n = graph.nodeCount
        var result = SearchResult(nodeCount: n)
        var reached = [Int32]()
        // Heap slots: the node and its key; `position[v]` is v's slot, −1 before insertion,
        // −2 once settled.
        var heapNode = [Int32](repeating: 0, count: max(n, 1))
        var heapKey = [Double](repeating: 0, count: max(n, 1))
        var position = [Int32](repeating: -1, count: n)

        graph.offsets.withUnsafeBufferPointer { off in
            graph.neighbors.withUnsafeBufferPointer { nbr in
                graph.incidentEdges.withUnsafeBufferPointer { inc in
                    lengths.withUnsafeBufferPointer { len in
                        result.distance.withUnsafeMutableBufferPointer { dist in
                            result.hops.withUnsafeMutableBufferPointer { hop in
                                result.predecessorNode.withUnsafeMutableBufferPointer { pred in
                                    result.predecessorEdge.withUnsafeMutableBufferPointer { predEdge in
                                        result.firstHop.withUnsafeMutableBufferPointer { first in
                                            heapNode.withUnsafeMutableBufferPointer { hn in
                                                heapKey.withUnsafeMutableBufferPointer { hk in
                                                    position.withUnsafeMutableBufferPointer { pos in
                                                        var heap = Heap(node: hn, key: hk, position: pos, hops: hop)
                                                        let s = Int(source)
                                                        dist[s] = 0
                                                        hop[s] = 0
                                                        heap.push(source, key: 0)
                                                        while heap.count > 0 {
                                                            let u = heap.popMin()
                                                            let ui = Int(u)
                                                            pos[ui] = -2
                                                            if u != source { reached.append(u) }
                                                            let du = dist[ui]
                                                            let nh = hop[ui] &+ 1
                                                            let fu = u == source ? Int32(-1) : first[ui]
                                                            var h = off[ui]
                                                            let end = off[ui &+ 1]
                                                            while h < end {
                                                                let v = nbr[h]
                                                                let vi = Int(v)
                                                                let p = pos[vi]
                                                                if p != -2 {
                                                                    let e = inc[h]
                                                                    let nd = du + len[Int(e)]
                                                                    let dv = dist[vi]
                                                                    var better = nd < dv
                                                                    if !better, nd == dv {
                                                                        let hv = hop[vi]
                                                                        better = nh < hv || (nh == hv && u < pred[vi])
                                                                    }
                                                                    if better {
                                                                        dist[vi] = nd
                                                                        hop[vi] = nh
                                                                        pred[vi] = u
                                                                        predEdge[vi] = e
                                                                        first[vi] = fu < 0 ? v : fu
                                                                        if p == -1 {
                                                                            heap.push(v, key: nd)
                                                                        } else {
                                                                            heap.decrease(slot: Int(p), key: nd)
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
            }
        }
        result.reached = reached
        return result
    }

    /// An indexed 4-ary min-heap over borrowed buffers, ordered by (key, hops, node).
    struct Heap {
        let node: UnsafeMutableBufferPointer<Int32>
        let key: UnsafeMutableBufferPointer<Double>
        let position: UnsafeMutableBufferPointer<Int32>
        let hops: UnsafeMutableBufferPointer<Int32>
        var count = 0

        init(
            node: UnsafeMutableBufferPointer<Int32>, key: UnsafeMutableBufferPointer<Double>,
            position: UnsafeMutableBufferPointer<Int32>, hops: UnsafeMutableBufferPointer<Int32>
        ) {
            self.node = node
            self.key = key
            self.position = position
            self.hops = hops
        }

        @inline(__always)
        func precedes(_ ka: Double, _ a: Int32, _ kb: Double, _ b: Int32) -> Bool {
            if ka != kb { return ka < kb }
            let ha = hops[Int(a)], hb = hops[Int(b)]
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
                position[Int(pn)] = Int32(truncatingIfNeeded: i)
                i = parent
            }
            node[i] = v
            key[i] = k
            position[Int(v)] = Int32(truncatingIfNeeded: i)
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
                    position[Int(bestNode)] = Int32(truncatingIfNeeded: i)
                    i = best
                }
                node[i] = v
                key[i] = k
                position[Int(v)] = Int32(truncatingIfNeeded: i)
            }
            return top
        }
    }
}
