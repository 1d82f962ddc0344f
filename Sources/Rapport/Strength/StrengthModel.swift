import Foundation

/// Computes a relationship strength s ∈ [floor, 1] ⊂ (0, 1] for every tie of a network.
///
/// The model follows the dimensions of tie strength in Granovetter (1973) — time, intensity,
/// intimacy, reciprocal services — and the predictors found by Gilbert & Karahalios (2009):
/// recency (days since the last contact), duration (days since the first, and the tie's `since`),
/// words exchanged and reciprocity of written evidence. See `TieEvidence`
/// for the per-tie formula and `Docs/Scoring.md` for the defaults and why. Then:
///
/// `s = clamp(s_core + ε · (1 − exp(−M)) · (1 − s_core), floor, 1)`, where the embeddedness term uses
/// `M = Σ_{z mutual} s_core(u, z) · s_core(v, z)` and `ε = embeddednessMax`.
///
/// Embeddedness is computed for the ties of the user (`snapshot.selfIndex`) only: every question
/// Rapport answers starts at the user, and full triangle counting on 10M ties would cost more than
/// the rest of the model together. Other ties get no embeddedness term.
///
/// Example: one one-on-one informational interview 41 days ago at rapport 5, 30 minutes, on a tie
/// known only through interactions (acquaintance, 0.1): p = 1, D = c = 2^(−41/180) = 0.8539,
/// Y = c + 0.1 · c · ln(1 + 41/30) = 0.9275, x = Y/D = 1.0861,
/// s_int = D · (1 − e^(−x/1.5) + 0.5 · x/(x + 20)) = 0.4620, s = 1 − 0.9 · (1 − 0.4620) = 0.5158.
///
/// References: M. Granovetter, "The Strength of Weak Ties", AJS 78(6), 1973, doi:10.1086/225469;
/// E. Gilbert and K. Karahalios, "Predicting Tie Strength with Social Media", CHI 2009,
/// doi:10.1145/1518701.1518736.
public struct StrengthModel: Sendable {
    public let configuration: StrengthConfiguration

    public init(configuration: StrengthConfiguration = .default) {
        self.configuration = configuration
    }

    /// The strength of every tie of `snapshot` as of `day`.
    ///
    /// Interactions and introductions dated after `day` are ignored. An empty snapshot gives empty
    /// strengths; a tie with no interactions gets its declared base strength (at least `floor`).
    /// - Complexity: O(V + E + I + J·d) time for V people, E ties, I interactions, J introductions
    ///   (d: the smaller degree of an introduction's two sides), plus Σ deg(v) over the user's
    ///   neighbours v for embeddedness; O(E) memory for the result, O(V) scratch.
    public func strengths(in snapshot: NetworkSnapshot, asOf day: Day) -> TieStrengths {
        let edgeCount = snapshot.tieCount
        let introductions = Self.introductionsByEdge(in: snapshot)
        let table = declaredTable()
        // The declared strength by the ties' one-byte column codes: kind code × origin count + origin code.
        let origins = TieOrigin.byColumnCode.count
        let byCode = TieKind.byColumnCode.flatMap { k in TieOrigin.byColumnCode.map { o in table[Self.slot(k, o)] } }
        // Every tie's declared strength as a 2-byte code into `byCode` (20 MB at ten million ties,
        // where a strength per tie took 78 MB), in chunks on the worker pool; every entry is
        // written by exactly one chunk, so the array starts uninitialized.
        let chunks = edgeCount >= 1 << 16 ? 16 : 1
        let codes = [UInt16](unsafeUninitializedCapacity: edgeCount) { out, filled in
            snapshot.ties.kindCodes.withUnsafeBufferPointer { kinds in
                snapshot.ties.originCodes.withUnsafeBufferPointer { originCodes in
                    WorkerPool.shared.forEachChunk(of: edgeCount, chunks: chunks) { range in
                        for e in range {
                            out[e] = UInt16(truncatingIfNeeded: Int(kinds[e]) * origins + Int(originCodes[e]))
                        }
                    }
                }
            }
            filled = edgeCount
        }
        // The few ties the evidence, the introductions or embeddedness change, by edge.
        var changed: [Int32: Double] = [:]
        let withEvidence = snapshot.interactionIndex.edges
        var cores = [Double](repeating: 0, count: withEvidence.count)
        cores.withUnsafeMutableBufferPointer { out in
            WorkerPool.shared.forEachChunk(of: withEvidence.count, chunks: withEvidence.count >= 256 ? 16 : 1) {
                range in
                for k in range {
                    let edge = withEvidence[k]
                    out[k] =
                        evidence(edge: edge, in: snapshot, asOf: day, introductions: introductions[edge] ?? []).core
                }
            }
        }
        changed.reserveCapacity(withEvidence.count + introductions.count)
        for (k, edge) in withEvidence.enumerated() { changed[edge] = cores[k] }
        for (edge, list) in introductions {
            changed[edge] = evidence(edge: edge, in: snapshot, asOf: day, introductions: list).core
        }
        // The cores are final here: embeddedness reads them before they take its terms and the floor.
        // A local function, not a closure value: it borrows `codes` instead of holding a copy, which
        // would make the hand-over below copy 20 MB.
        func core(_ e: Int) -> Double { changed[Int32(e)] ?? byCode[Int(codes[e])] }
        let embeddedness = egoEmbeddedness(in: snapshot, core: core)
        for (edge, term) in embeddedness { changed[edge] = core(Int(edge)) + term.contribution }
        let floor = configuration.floor
        let clamp = { (s: Double) in s.isNaN ? floor : Swift.min(1, Swift.max(floor, s)) }
        for (edge, value) in changed { changed[edge] = clamp(value) }
        // The codes handed over, not shared: the changed ties' codes are written into them.
        return TieStrengths(
            declared: byCode.map(clamp), codes: consume codes, changed: changed, asOf: day, model: self,
            snapshot: snapshot, introductionsByEdge: introductions, embeddedness: embeddedness)
    }

    /// The embeddedness term of each of the user's ties.
    /// - Complexity: O(V) scratch plus O(Σ deg(v)) over the user's neighbours v.
    func egoEmbeddedness(in snapshot: NetworkSnapshot, core: (Int) -> Double) -> [Int32: Embeddedness] {
        guard let ego = snapshot.selfIndex, configuration.embeddednessMax > 0 else { return [:] }
        let graph = snapshot.graph
        let egoEdges = graph.halfEdges(of: ego)
        guard !egoEdges.isEmpty else { return [:] }
        var toEgo = [Double](repeating: -1, count: graph.nodeCount)
        for h in egoEdges { toEgo[Int(graph.neighbors[h])] = core(Int(graph.incidentEdges[h])) }
        var result: [Int32: Embeddedness] = [:]
        result.reserveCapacity(egoEdges.count)
        for h in egoEdges {
            let v = graph.neighbors[h]
            var mutual = 0
            var evidence = 0.0
            for k in graph.halfEdges(of: v) {
                let z = Int(graph.neighbors[k])
                let sz = toEgo[z]
                guard sz >= 0, z != Int(ego) else { continue }
                mutual += 1
                evidence += sz * core(Int(graph.incidentEdges[k]))
            }
            guard mutual > 0 else { continue }
            let edge = graph.incidentEdges[h]
            let term = configuration.embeddednessMax * -expm1(-evidence)
            result[edge] = Embeddedness(
                mutualContacts: mutual, evidence: evidence, term: term, contribution: term * (1 - core(Int(edge))))
        }
        return result
    }

    /// Declared base strengths by (kind, origin), so the hot loop does no hashing.
    func declaredTable() -> [Double] {
        var table = [Double](repeating: 0, count: TieKind.allCases.count * TieOrigin.allCases.count)
        for kind in TieKind.allCases {
            for origin in TieOrigin.allCases {
                table[Self.slot(kind, origin)] = declaredStrength(of: Tie("a", "b", kind: kind, origin: origin))
            }
        }
        return table
    }

    @inline(__always)
    static func slot(_ kind: TieKind, _ origin: TieOrigin) -> Int {
        let k: Int
        switch kind {
        case .mentor: k = 0
        case .friend: k = 1
        case .colleague: k = 2
        case .classmate: k = 3
        case .formerColleague: k = 4
        case .acquaintance: k = 5
        case .family: k = 6
        }
        let o: Int
        switch origin {
        case .declared: o = 0
        case .contact: o = 1
        case .interaction: o = 2
        case .sameOrganization: o = 3
        }
        return k * 4 + o
    }
}

/// The embeddedness of one tie: how many mutual contacts, the evidence `M = Σ s(u,z)·s(v,z)`, the
/// term `ε · (1 − exp(−M))`, and what it adds to the tie, `term · (1 − s_core)` (it fills part of
/// what is left below 1, so a strong tie is not pushed to exactly 1).
public struct Embeddedness: Hashable, Sendable {
    public let mutualContacts: Int
    public let evidence: Double
    public let term: Double
    public let contribution: Double
}
