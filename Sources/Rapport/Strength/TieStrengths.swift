import Foundation

/// The strength of every tie of one snapshot as of one day, with what is needed to explain each.
///
/// `values[e]` is the strength of edge `e` of `snapshot.graph`. Make one with
/// `StrengthModel.strengths(in:asOf:)`.
///
/// Most ties have their declared strength, one of a few dozen values by kind and origin; only the
/// ties that evidence, introductions or embeddedness touch have one of their own. So the strengths
/// are kept as a palette with a 2-byte code per tie: the declared values, then one value per changed
/// tie (`weights()` hands them to the path search as they are: 20 MB at ten million ties instead of
/// the 157 MB of a strength and a length per tie). `values`, one `Double` per tie, is made on first
/// use and kept.
public struct TieStrengths: Sendable {
    /// The strength by code: the declared strengths (kind code × origin count + origin code,
    /// clamped to the range), then one per tie whose strength is another.
    let palette: [Double]
    /// Per tie, its code into `palette`; empty when the strengths were given per tie.
    let codes: [UInt16]
    /// The ties whose strength has no code of its own, with that strength: empty unless the palette
    /// would need more than 65,536 codes.
    let changed: [Int32: Double]
    private let perEdge: PerEdgeStrengths
    /// The day the strengths were computed for.
    public let asOf: Day
    public let model: StrengthModel
    /// The snapshot the strengths belong to.
    public let snapshot: NetworkSnapshot
    let introductionsByEdge: [Int32: [Int]]
    /// Embeddedness terms of the user's ties (other ties have none).
    public let embeddedness: [Int32: Embeddedness]

    /// Strengths as declared values by code, with the ties whose strength is another (the model's).
    /// With `values` (tests build them so) they are given per tie and `codes` is empty.
    ///
    /// Each changed tie gets a code of its own after the declared ones, in edge order (so the palette
    /// is the same from run to run), written into `codes`: pass an array no one else holds
    /// (`consume`), and it is edited in place, so `weights()` can hand it on without a copy (20 MB
    /// at ten million ties). Beyond 65,536 codes the changed ties stay in `changed`.
    init(
        declared: [Double] = [], codes: [UInt16] = [], changed: [Int32: Double] = [:], values: [Double]? = nil,
        asOf: Day, model: StrengthModel, snapshot: NetworkSnapshot, introductionsByEdge: [Int32: [Int]],
        embeddedness: [Int32: Embeddedness]
    ) {
        precondition(values == nil || codes.isEmpty, "strengths per tie or by code, not both")
        var (palette, codes, changed) = (declared, codes, changed)
        if !codes.isEmpty, palette.count + changed.count <= Int(UInt16.max) + 1 {
            for edge in changed.keys.sorted() {
                codes[Int(edge)] = UInt16(palette.count)
                palette.append(changed[edge]!)
            }
            changed = [:]
        }
        (self.palette, self.codes, self.changed) = (palette, codes, changed)
        perEdge = PerEdgeStrengths(values)
        self.asOf = asOf
        self.model = model
        self.snapshot = snapshot
        self.introductionsByEdge = introductionsByEdge
        self.embeddedness = embeddedness
    }

    /// Strength by edge index, each in `[floor, 1]`.
    /// - Complexity: O(E) the first time (one array of a `Double` per tie), then O(1).
    public var values: [Double] {
        perEdge.values {
            var values = codes.map { palette[Int($0)] }
            for (edge, value) in changed { values[Int(edge)] = value }
            return values
        }
    }

    /// The strengths as the path search reads them: the palette and the 2-byte code per tie, the
    /// same arrays; per tie when they were given so, or when more than 65,536 values would be needed.
    /// - Throws: `PathError` for a strength outside (0, 1] (the model's never is).
    /// - Complexity: O(E) (the codes are checked).
    public func weights() throws(PathError) -> EdgeWeights {
        let graph = snapshot.graph
        guard !codes.isEmpty || graph.edgeCount == 0, changed.isEmpty else {
            return try EdgeWeights(strengths: values, for: graph)
        }
        return try EdgeWeights(codes: codes, palette: palette, for: graph)
    }

    public var configuration: StrengthConfiguration { model.configuration }

    /// The number of ties.
    public var count: Int { codes.isEmpty ? values.count : codes.count }

    /// The strength of edge `edge`.
    /// - Precondition: `edge` is an edge of the snapshot (trapping otherwise, like an array index).
    public subscript(edge: Int32) -> Double {
        guard !codes.isEmpty else { return values[Int(edge)] }
        return changed[edge] ?? palette[Int(codes[Int(edge)])]
    }

    /// The strength of the tie between two people, or `nil` when they are not tied (or either index
    /// is not a person of the snapshot).
    /// - Complexity: O(min(deg a, deg b)).
    public func strength(between a: Int32, and b: Int32) -> Double? {
        let n = Int32(snapshot.personCount)
        guard a >= 0, b >= 0, a < n, b < n, a != b, let edge = snapshot.tie(between: a, and: b) else { return nil }
        return self[edge]
    }

    /// Everything the model knows about edge `edge` as of `asOf`.
    /// - Complexity: O(Iₑ + Jₑ).
    public func evidence(edge: Int32) -> TieEvidence {
        precondition(edge >= 0 && Int(edge) < count, "edge \(edge) is not a tie of this snapshot")
        return model.evidence(edge: edge, in: snapshot, asOf: asOf, introductions: introductionsByEdge[edge] ?? [])
    }

    /// The best strength the tie ever had up to `asOf`, and when: the model evaluated on each day
    /// an interaction or introduction happened and on `asOf`, with today's embeddedness term.
    /// Lists of fading strong ties compare this with `values[edge]`.
    /// - Complexity: O(Tₑ · (Iₑ + Jₑ)) for the tie's Tₑ distinct dates; ties carry few interactions.
    public func peak(edge: Int32) -> StrengthPeak {
        precondition(edge >= 0 && Int(edge) < count, "edge \(edge) is not a tie of this snapshot")
        var days: [Day] = snapshot.interactions(onTie: edge).map(\.date)
        let introductions = introductionsByEdge[edge] ?? []
        days += introductions.compactMap { snapshot.introductions[$0].date }
        var best = StrengthPeak(strength: self[edge], day: asOf)
        let term = embeddedness[edge]?.term ?? 0
        let c = configuration
        for day in Set(days) where day < asOf {
            let core = model.evidence(edge: edge, in: snapshot, asOf: day, introductions: introductions).core
            let s = core.isNaN ? c.floor : Swift.min(1, Swift.max(c.floor, core + term * (1 - core)))
            if s > best.strength || (s == best.strength && day < best.day) {
                best = StrengthPeak(strength: s, day: day)
            }
        }
        return best
    }

    /// The best strength the tie ever had up to `asOf` (see `peak(edge:)`).
    public func peakStrength(edge: Int32) -> Double { peak(edge: edge).strength }
}

/// The strength a tie had at its best, and the day it had it.
public struct StrengthPeak: Hashable, Sendable, Codable {
    public let strength: Double
    public let day: Day
}

/// The strengths one per tie, made once on first use and shared by every copy of a `TieStrengths`
/// (reads from several threads wait for the one that makes them).
private final class PerEdgeStrengths: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [Double]?

    init(_ values: [Double]?) { made = values }

    func values(_ make: () -> [Double]) -> [Double] {
        lock.withLock {
            if let made { return made }
            let values = make()
            made = values
            return values
        }
    }
}
