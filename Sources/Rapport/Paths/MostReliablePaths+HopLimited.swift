/// Hop-limited most reliable paths by Bellman–Ford rounds over a frontier.
///
/// Round `k` relaxes the edges of the nodes whose best path was improved in round `k − 1`, using
/// the distances those nodes had at the end of that round (kept in the frontier records, so a
/// node improved again during round `k` does not leak a `k`-hop path into round `k`). After round
/// `k`, every node holds its best path of at most `k` edges.
///
/// Each improvement appends a record (node, edge, parent record); a record made in the current round
/// is overwritten in place when a better `k`-hop path appears, since nothing reads it before the
/// next round. Following parent records reconstructs exactly the path the distance belongs to.
///
/// Tie-breaking matches the unlimited search: a later round only wins with a strictly smaller
/// distance (fewer hops win ties), and within a round the smaller predecessor index wins.
enum HopLimitedSearch {
    /// - Complexity: O(h · E_h + V): E_h edges within `maxHops` hops of the source are relaxed at
    ///   most once per round; the O(V) is allocating the per-node result arrays.
    ///
    /// - Parameter blocked: a node no path may enter (used to find paths that avoid the user).
    static func run(graph: Graph, weights: EdgeWeights, source: Int32, maxHops: Int, blocked: Int32 = -1) -> SearchResult {
        let n = graph.nodeCount
        var result = SearchResult(nodeCount: n)
        var recordOfNode = [Int32](repeating: -1, count: n)
        var recordNode: [Int32] = [source]
        var recordEdge: [Int32] = [-1]
        var recordParent: [Int32] = [-1]
        var recordDistance: [Double] = [0]
        var recordRound: [Int32] = [0]
        var reached: [Int32] = []
        recordOfNode[Int(source)] = 0
        result.distance[Int(source)] = 0
        result.hops[Int(source)] = 0

        var frontier: Range<Int> = 0..<1
        var round: Int32 = 1
        graph.offsets.withUnsafeBufferPointer { off in
            graph.neighbors.withUnsafeBufferPointer { nbr in
                graph.incidentEdges.withUnsafeBufferPointer { inc in
                    weights.withReaders { _, len in
                        result.distance.withUnsafeMutableBufferPointer { dist in
                            recordOfNode.withUnsafeMutableBufferPointer { recordOf in
                                while !frontier.isEmpty, Int(round) <= maxHops {
                                    let firstNew = recordNode.count
                                    for r in frontier {
                                        let u = recordNode[r]
                                        let du = recordDistance[r]
                                        var h = off[Int(u)]
                                        let end = off[Int(u) + 1]
                                        while h < end {
                                            let v = nbr[h]
                                            if v == blocked {
                                                h += 1
                                                continue
                                            }
                                            let vi = Int(v)
                                            let e = inc[h]
                                            let nd = du + len(Int(e))
                                            let current = recordOf[vi]
                                            if current >= firstNew {
                                                // Already improved this round: same hop count.
                                                let c = Int(current)
                                                let dv = recordDistance[c]
                                                if nd < dv || (nd == dv && u < recordNode[Int(recordParent[c])]) {
                                                    recordDistance[c] = nd
                                                    recordEdge[c] = e
                                                    recordParent[c] = Int32(truncatingIfNeeded: r)
                                                    dist[vi] = nd
                                                }
                                            } else if nd < dist[vi] {
                                                let c = Int32(truncatingIfNeeded: recordNode.count)
                                                recordNode.append(v)
                                                recordEdge.append(e)
                                                recordParent.append(Int32(truncatingIfNeeded: r))
                                                recordDistance.append(nd)
                                                recordRound.append(round)
                                                recordOf[vi] = c
                                                dist[vi] = nd
                                            }
                                            h += 1
                                        }
                                    }
                                    frontier = firstNew..<recordNode.count
                                    round += 1
                                }
                            }
                        }
                    }
                }
            }
        }

        // Per-node summaries from the winning records; `reached` in node order.
        for v in 0..<n {
            let r = Int(recordOfNode[v])
            guard r > 0 else { continue }
            let parent = Int(recordParent[r])
            result.hops[v] = recordRound[r]
            result.predecessorNode[v] = recordNode[parent]
            result.predecessorEdge[v] = recordEdge[r]
            var first = r
            while recordParent[first] > 0 { first = Int(recordParent[first]) }
            result.firstHop[v] = recordNode[first]
            reached.append(Int32(v))
        }
        result.reached = reached
        result.recordOfNode = recordOfNode
        result.recordNode = recordNode
        result.recordEdge = recordEdge
        result.recordParent = recordParent
        return result
    }
}
