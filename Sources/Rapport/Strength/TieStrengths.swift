/// The strength of every tie of one snapshot as of one day, with what is needed to explain each.
///
/// `values[e]` is the strength of edge `e` of `snapshot.graph`. Make one with
/// `StrengthModel.strengths(in:asOf:)`.
public struct TieStrengths: Sendable {
    /// Strength by edge index, each in `[floor, 1]`.
    public let values: [Double]
    /// The day the strengths were computed for.
    public let asOf: Day
    public let model: StrengthModel
    /// The snapshot the strengths belong to.
    public let snapshot: NetworkSnapshot
    let introductionsByEdge: [Int32: [Int]]
    /// Embeddedness terms of the user's ties (other ties have none).
    public let embeddedness: [Int32: Embeddedness]

    init(
        values: [Double], asOf: Day, model: StrengthModel, snapshot: NetworkSnapshot,
        introductionsByEdge: [Int32: [Int]], embeddedness: [Int32: Embeddedness]
    ) {
        self.values = values
        self.asOf = asOf
        self.model = model
        self.snapshot = snapshot
        self.introductionsByEdge = introductionsByEdge
        self.embeddedness = embeddedness
    }

    public var configuration: StrengthConfiguration { model.configuration }

    /// The number of ties.
    public var count: Int { values.count }

    /// The strength of edge `edge`.
    /// - Precondition: `edge` is an edge of the snapshot (trapping otherwise, like an array index).
    public subscript(edge: Int32) -> Double { values[Int(edge)] }

    /// The strength of the tie between two people, or `nil` when they are not tied (or either index
    /// is not a person of the snapshot).
    /// - Complexity: O(min(deg a, deg b)).
    public func strength(between a: Int32, and b: Int32) -> Double? {
        let n = Int32(snapshot.personCount)
        guard a >= 0, b >= 0, a < n, b < n, a != b, let edge = snapshot.tie(between: a, and: b) else { return nil }
        return values[Int(edge)]
    }

    /// Everything the model knows about edge `edge` as of `asOf`.
    /// - Complexity: O(Iₑ + Jₑ).
    public func evidence(edge: Int32) -> TieEvidence {
        precondition(edge >= 0 && Int(edge) < values.count, "edge \(edge) is not a tie of this snapshot")
        return model.evidence(edge: edge, in: snapshot, asOf: asOf, introductions: introductionsByEdge[edge] ?? [])
    }

    /// The best strength the tie ever had up to `asOf`, and when: the model evaluated on each day
    /// an interaction or introduction happened and on `asOf`, with today's embeddedness term.
    /// Lists of fading strong ties compare this with `values[edge]`.
    /// - Complexity: O(Tₑ · (Iₑ + Jₑ)) for the tie's Tₑ distinct dates; ties carry few interactions.
    public func peak(edge: Int32) -> StrengthPeak {
        precondition(edge >= 0 && Int(edge) < values.count, "edge \(edge) is not a tie of this snapshot")
        var days: [Day] = snapshot.interactions(onTie: edge).map(\.date)
        let introductions = introductionsByEdge[edge] ?? []
        days += introductions.compactMap { snapshot.introductions[$0].date }
        var best = StrengthPeak(strength: values[Int(edge)], day: asOf)
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
