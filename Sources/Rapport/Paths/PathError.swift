import Foundation

/// Problems with the input of the path algorithms.
///
/// Messages name graph positions (node and edge indices), never a person's data.
public enum PathError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A node index outside `0..<nodeCount`.
    case unknownNode(Int32)
    /// The per-edge array does not have one entry per edge of the graph.
    case edgeCountMismatch(expected: Int, actual: Int)
    /// A strength that is NaN, not positive or above 1.
    case invalidStrength(edge: Int, value: Double)
    /// An edge length that is NaN or negative.
    case invalidLength(edge: Int, value: Double)
    /// A hop limit below 1.
    case invalidHopLimit(Int)
    /// A negative result count.
    case invalidCount(Int)

    public var description: String {
        switch self {
        case .unknownNode(let node): return "node \(node) is not in the graph"
        case .edgeCountMismatch(let expected, let actual):
            return "expected one value per edge (\(expected)), got \(actual)"
        case .invalidStrength(let edge, let value):
            return "edge \(edge) has strength \(value); strengths must lie in (0, 1]"
        case .invalidLength(let edge, let value):
            return "edge \(edge) has length \(value); lengths must be finite and >= 0"
        case .invalidHopLimit(let hops): return "the hop limit must be at least 1, got \(hops)"
        case .invalidCount(let count): return "the number of results must be >= 0, got \(count)"
        }
    }
}

/// Per-edge strength and length conversions shared by the path algorithms.
public enum EdgeStrengths {
    /// Checks that `strengths` holds one value in (0, 1] per edge of `graph`.
    /// - Throws: `PathError.edgeCountMismatch` or `.invalidStrength` (the first bad edge).
    /// - Complexity: O(E).
    public static func validate(_ strengths: [Double], for graph: Graph) throws(PathError) {
        guard strengths.count == graph.edgeCount else {
            throw .edgeCountMismatch(expected: graph.edgeCount, actual: strengths.count)
        }
        let bad: Int? = strengths.withUnsafeBufferPointer { s in
            for e in 0..<s.count where !isStrength(s[e]) { return e }
            return nil
        }
        if let e = bad { throw .invalidStrength(edge: e, value: strengths[e]) }
    }

    /// Edge lengths ℓ(e) = −ln s(e), so that the shortest path maximizes the product of strengths.
    ///
    /// A strength of exactly 1 gives length 0. Most strengths repeat (every tie without evidence has
    /// the base strength of its kind), so a 256-slot memo keyed by the value's bit pattern skips most
    /// logarithms; the lengths are the same `log` results either way.
    /// - Throws: `PathError.edgeCountMismatch` or `.invalidStrength`.
    /// - Complexity: O(E).
    public static func lengths(from strengths: [Double], for graph: Graph) throws(PathError) -> [Double] {
        guard strengths.count == graph.edgeCount else {
            throw .edgeCountMismatch(expected: graph.edgeCount, actual: strengths.count)
        }
        // Chunks on the worker pool when there are many edges, each with its own memo, each
        // checking its own strengths as `validate` does (a separate pass was 15 ms of a warm
        // `suggest` at a million people) and keeping its first bad edge.
        let chunks = strengths.count >= 1 << 18 ? 8 : 1
        var firstBad = [Int](repeating: .max, count: chunks)
        let lengths = strengths.withUnsafeBufferPointer { s in
            firstBad.withUnsafeMutableBufferPointer { bad in
                [Double](unsafeUninitializedCapacity: s.count) { out, initialized in
                    WorkerPool.shared.forEachChunk(of: s.count, chunks: chunks) { chunk, range in
                        // UInt64.max is a NaN pattern: never a valid strength, so it marks an empty slot.
                        var key = [UInt64](repeating: .max, count: 256)
                        var length = [Double](repeating: 0, count: 256)
                        for e in range {
                            let v = s[e]
                            guard isStrength(v) else {
                                bad[chunk] = min(bad[chunk], e)
                                out[e] = 0
                                continue
                            }
                            let bits = v.bitPattern
                            let slot = Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> 56)
                            if key[slot] != bits {
                                key[slot] = bits
                                length[slot] = -Foundation.log(v)
                            }
                            out[e] = length[slot]
                        }
                    }
                    initialized = s.count
                }
            }
        }
        if let e = firstBad.min(), e != .max { throw .invalidStrength(edge: e, value: strengths[e]) }
        return lengths
    }

    /// Whether `value` is a strength: in (0, 1], NaN excluded.
    @inline(__always) static func isStrength(_ value: Double) -> Bool { value > 0 && value <= 1 }

    /// Checks that `lengths` holds one finite, non-negative value per edge of `graph`.
    /// - Complexity: O(E).
    static func validateLengths(_ lengths: [Double], for graph: Graph) throws(PathError) {
        guard lengths.count == graph.edgeCount else {
            throw .edgeCountMismatch(expected: graph.edgeCount, actual: lengths.count)
        }
        let bad: Int? = lengths.withUnsafeBufferPointer { l in
            for e in 0..<l.count where !(l[e] >= 0) || !l[e].isFinite { return e }
            return nil
        }
        if let e = bad { throw .invalidLength(edge: e, value: lengths[e]) }
    }
}
