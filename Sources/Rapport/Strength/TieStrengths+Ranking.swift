/// One of a person's ties, as listed by `TieStrengths.ties(of:)`.
public struct RankedTie: Hashable, Sendable, Codable {
    /// The person at the other end.
    public let person: Int32
    public let edge: Int32
    public let strength: Double
}

/// A tie that was strong and is fading: input for keep-warm suggestions.
public struct FadingTie: Hashable, Sendable, Codable {
    public let person: Int32
    public let edge: Int32
    /// Strength as of `TieStrengths.asOf`.
    public let strength: Double
    /// The best strength the tie had, and when.
    public let peak: StrengthPeak

    /// How much strength the tie has lost since its peak.
    public var loss: Double { peak.strength - strength }
}

extension TieStrengths {
    /// The ties of `person`, strongest first (equal strengths by person index).
    /// - Throws: `ScoringError.unknownPerson` when `person` is not in the snapshot.
    /// - Complexity: O(d log d) for the person's d ties.
    public func ties(of person: Int32) throws(ScoringError) -> [RankedTie] {
        guard person >= 0, Int(person) < snapshot.personCount else { throw .unknownPerson(person) }
        let graph = snapshot.graph
        return graph.halfEdges(of: person).map { h in
            RankedTie(
                person: graph.neighbors[h], edge: graph.incidentEdges[h], strength: values[Int(graph.incidentEdges[h])])
        }.sorted { a, b in a.strength != b.strength ? a.strength > b.strength : a.person < b.person }
    }

    /// The edges of the whole network, strongest first (equal strengths by edge index); the first
    /// `limit` of them when given.
    /// - Complexity: O(E log E).
    public func rankedEdges(limit: Int? = nil) -> [Int32] {
        let values = self.values
        var order = [Int32](0..<Int32(values.count))
        order.sort { (a: Int32, b: Int32) -> Bool in
            let sa = values[Int(a)]
            let sb = values[Int(b)]
            return sa != sb ? sa > sb : a < b
        }
        guard let limit, limit >= 0 else { return order }
        return Array(order.prefix(limit))
    }

    /// `person`'s ties that once reached `minimumPeak` and have since lost at least `minimumLoss`,
    /// largest loss first (equal losses by person index): the strong ties to keep warm.
    /// - Throws: `ScoringError.unknownPerson` when `person` is not in the snapshot.
    /// - Complexity: O(Σ Tₑ · Iₑ) over the person's ties (see `peak(edge:)`).
    public func fadingTies(of person: Int32, minimumPeak: Double = 0.5, minimumLoss: Double = 0.15)
        throws(ScoringError) -> [FadingTie]
    {
        var result: [FadingTie] = []
        for tie in try ties(of: person)
        where snapshot.interactionIndex.hasInteractions(tie.edge)
            || introductionsByEdge[tie.edge] != nil
        {
            let peak = peak(edge: tie.edge)
            guard peak.strength >= minimumPeak, peak.strength - tie.strength >= minimumLoss else { continue }
            result.append(FadingTie(person: tie.person, edge: tie.edge, strength: tie.strength, peak: peak))
        }
        return result.sorted { a, b in a.loss != b.loss ? a.loss > b.loss : a.person < b.person }
    }
}
