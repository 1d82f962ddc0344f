import Foundation

/// The strength s(e) ∈ (0, 1] and length ℓ(e) = −ln s(e) of every edge of a graph: what the path
/// algorithms and Adamic–Adar read.
///
/// Two layouts, one type:
/// - **per edge**: one strength and one length per edge (16 bytes per edge), for strengths given
///   one per edge;
/// - **palette**: one `UInt16` code per edge into a short table of distinct strengths, for models
///   whose strengths take few values (`StrengthModel`, `TieStrengths.weights()`: the declared
///   values by kind and origin, and one per tie the evidence changed; `SimpleStrengthModel`: one
///   per tie kind, one per tie of the user). At ten million edges that is 20 MB instead of 160 MB,
///   and the logarithms are taken once per distinct value.
///
/// Both layouts give bit-for-bit the same strengths and lengths for the same values.
public struct EdgeWeights: Sendable {
    /// Per edge (no codes) or per code.
    let strengths: [Double]
    let lengths: [Double]
    /// One code per edge into `strengths`/`lengths`; empty in the per-edge layout.
    let codes: [UInt16]
    /// Whether the weights use a palette of codes.
    public let isPalette: Bool
    /// The number of edges these weights describe.
    public let edgeCount: Int

    /// Per-edge weights: checks every strength and takes its logarithm.
    /// - Throws: `PathError.edgeCountMismatch` or `.invalidStrength`.
    /// - Complexity: O(E).
    public init(strengths: [Double], for graph: Graph) throws(PathError) {
        let lengths = try EdgeStrengths.lengths(from: strengths, for: graph)
        self.init(checkedStrengths: strengths, lengths: lengths)
    }

    /// Per-edge weights from arrays the caller has already checked (`lengths[e] = −ln strengths[e]`).
    init(checkedStrengths strengths: [Double], lengths: [Double]) {
        self.strengths = strengths
        self.lengths = lengths
        codes = []
        isPalette = false
        edgeCount = strengths.count
    }

    /// Palette weights: edge `e` has strength `palette[codes[e]]`.
    /// - Throws: `PathError.edgeCountMismatch` unless there is one code per edge of `graph`,
    ///   `.invalidStrength` for a palette value outside (0, 1] (named by the first edge using it) or a
    ///   code outside the palette (named with the value NaN).
    /// - Complexity: O(E + palette size).
    public init(codes: [UInt16], palette: [Double], for graph: Graph) throws(PathError) {
        guard codes.count == graph.edgeCount else {
            throw .edgeCountMismatch(expected: graph.edgeCount, actual: codes.count)
        }
        let size = palette.count
        let badCode: Int? = codes.withUnsafeBufferPointer { c in
            for e in 0..<c.count where Int(c[e]) >= size { return e }
            return nil
        }
        if let e = badCode { throw .invalidStrength(edge: e, value: .nan) }
        for (code, value) in palette.enumerated() where !(value > 0) || value > 1 {
            // Only a value some edge uses is an error; report that edge.
            if let e = codes.firstIndex(of: UInt16(code)) { throw .invalidStrength(edge: e, value: value) }
        }
        strengths = palette
        lengths = palette.map { $0 > 0 ? -Foundation.log($0) : .infinity }
        self.codes = codes
        isPalette = true
        edgeCount = codes.count
    }

    /// A lower bound of every edge's length, never negative: the shortest length of the palette
    /// (whose unused values may be invalid: they only lower the bound), 0 in the per-edge layout,
    /// where finding it would cost a pass over the edges.
    var shortestLength: Double {
        guard isPalette, let shortest = lengths.min(), shortest > 0 else { return 0 }
        return shortest
    }

    /// s(e).
    public func strength(ofEdge e: Int32) -> Double { value(e, strengths: true) }

    /// ℓ(e) = −ln s(e).
    public func length(ofEdge e: Int32) -> Double { value(e, strengths: false) }

    func value(_ e: Int32, strengths wanted: Bool) -> Double {
        let table = wanted ? strengths : lengths
        return isPalette ? table[Int(codes[Int(e)])] : table[Int(e)]
    }

    /// Every edge's strength, one per edge (materializes a palette).
    /// - Complexity: O(E).
    public var perEdgeStrengths: [Double] {
        isPalette ? codes.map { strengths[Int($0)] } : strengths
    }

    /// Calls `body` with unchecked readers of the strengths and the lengths, for hot loops.
    func withReaders<R>(_ body: (EdgeValueReader, EdgeValueReader) -> R) -> R {
        strengths.withUnsafeBufferPointer { s in
            lengths.withUnsafeBufferPointer { l in
                codes.withUnsafeBufferPointer { c in
                    body(
                        EdgeValueReader(values: s, codes: c, isPalette: isPalette),
                        EdgeValueReader(values: l, codes: c, isPalette: isPalette))
                }
            }
        }
    }
}

/// Reads one per-edge value without bounds checks: `values[e]`, or `values[codes[e]]` in the palette
/// layout (a branch every call takes the same way).
struct EdgeValueReader {
    let values: UnsafeBufferPointer<Double>
    let codes: UnsafeBufferPointer<UInt16>
    let isPalette: Bool

    init(values: UnsafeBufferPointer<Double>, codes: UnsafeBufferPointer<UInt16>, isPalette: Bool) {
        self.values = values
        self.codes = codes
        self.isPalette = isPalette
    }

    @inline(__always)
    func callAsFunction(_ e: Int) -> Double {
        isPalette ? values[Int(codes[e])] : values[e]
    }
}
