import Foundation

/// A transparent strength model in two lines, for very large networks and for comparisons with other
/// tools (it is the tie strength of the benchmark workload W, `../shared/bench/WORKLOAD.md` step (b)):
///
/// - a tie of the user to v gets its strength from the interactions with v alone:
///   `X(v) = Σᵢ w(kindᵢ) · ρ(rapportᵢ) · 2^(−ageᵢ / h)` and `s = min(1, max(floor, 1 − exp(−X(v) / k)))`;
/// - every other tie gets the declared base strength of its kind, `base(kind)`.
///
/// `w` is `configuration.interactionWeights`, `ρ` = rating / 5 (clamped to 1…5) or
/// `unratedRapport`, `h` = `halfLifeDays`, `k` = `saturation`, `floor` = `floor` (> 0) and `base` =
/// `tieBase`; ages are whole days to "today", interactions after it are ignored, and interactions
/// with people the user has no tie with create nothing. Unlike `StrengthModel` there is no length,
/// source, reciprocity, duration or embeddedness term.
///
/// Example (W's configuration: `w(coffee) = 1`, unrated 0.6, h = 180, k = 3, floor 0.05): one unrated
/// coffee 90 days ago gives X = 0.6 · 2^(−0.5) = 0.424264 and s = 1 − e^(−0.141421) = 0.131876;
/// a tie with no interaction gets the floor, 0.05.
///
/// The strengths take one value per tie kind and one per tie of the user, so they come out as
/// palette `EdgeWeights`: 2 bytes per edge, and the logarithms are taken once per value.
public struct SimpleStrengthModel: Sendable {
    public let configuration: StrengthConfiguration

    public init(configuration: StrengthConfiguration) {
        self.configuration = configuration
    }

    /// One logged contact with a person, as this model reads it.
    public struct Contact: Hashable, Sendable {
        public var person: Int32
        public var kind: InteractionKind
        public var rapport: Int?
        public var date: Day

        public init(person: Int32, kind: InteractionKind, rapport: Int?, date: Day) {
            self.person = person
            self.kind = kind
            self.rapport = rapport
            self.date = date
        }
    }

    /// The strength of every edge of `graph` as of `day`.
    ///
    /// - Parameters:
    ///   - graph: the network.
    ///   - kinds: the declared kind of every edge.
    ///   - user: the node whose ties are measured by their interactions.
    ///   - contacts: the user's interactions, in any order (summed in the order given).
    ///   - day: "today".
    /// - Throws: `PathError.unknownNode` for a user or contact outside the graph,
    ///   `.edgeCountMismatch` unless there is one kind per edge, `.invalidStrength` when a base
    ///   strength or the floor leaves (0, 1].
    /// - Complexity: O(E) to write the codes, O(C + deg(user)) for the C contacts.
    public func weights(graph: Graph, kinds: [TieKind], user: Int32, contacts: [Contact], asOf day: Day)
        throws(PathError) -> EdgeWeights
    {
        guard user >= 0, Int(user) < graph.nodeCount else { throw .unknownNode(user) }
        guard kinds.count == graph.edgeCount else {
            throw .edgeCountMismatch(expected: graph.edgeCount, actual: kinds.count)
        }
        let userTies = graph.halfEdges(of: user)
        // X(v) for the user's neighbours, in a table as large as their number.
        var slot = [Int32: Int](minimumCapacity: userTies.count)
        for (i, h) in userTies.enumerated() { slot[graph.neighbors[h]] = i }
        var volume = [Double](repeating: 0, count: userTies.count)
        // ρ and the decay are the evidence model's own.
        let rules = StrengthModel(configuration: configuration)
        for contact in contacts {
            guard contact.person >= 0, Int(contact.person) < graph.nodeCount else { throw .unknownNode(contact.person) }
            guard let i = slot[contact.person] else { continue }
            let age = contact.date.days(until: day)
            guard age >= 0 else { continue }
            volume[i] += configuration.weight(of: contact.kind) * rules.rapportFactor(contact.rapport)
                * rules.decay(age: age)
        }
        let userStrengths = volume.map { x in
            Swift.min(1, Swift.max(configuration.floor, 1 - Foundation.exp(-x / configuration.saturation)))
        }
        let kindOrder = TieKind.allCases
        let bases = kindOrder.map { configuration.base(of: $0) }
        guard bases.count + userStrengths.count <= Int(UInt16.max) + 1 else {
            // Too many values for 2-byte codes: one strength per edge instead.
            var strengths = kinds.map { configuration.base(of: $0) }
            for (i, h) in userTies.enumerated() { strengths[Int(graph.incidentEdges[h])] = userStrengths[i] }
            return try EdgeWeights(strengths: strengths, for: graph)
        }
        // The kind's code is its position in `TieKind.allCases` (`StrengthModel.slot` / 4).
        var codes = [UInt16](unsafeUninitializedCapacity: kinds.count) { out, initialized in
            kinds.withUnsafeBufferPointer { k in
                for e in 0..<k.count { out[e] = UInt16(truncatingIfNeeded: StrengthModel.slot(k[e], .declared) >> 2) }
            }
            initialized = kinds.count
        }
        for (i, h) in userTies.enumerated() {
            codes[Int(graph.incidentEdges[h])] = UInt16(bases.count + i)
        }
        return try EdgeWeights(codes: codes, palette: bases + userStrengths, for: graph)
    }
}
