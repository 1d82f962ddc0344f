extension SuggestionEngine {
    /// Who is excluded and who carries a penalty, from the ego's interactions and introductions.
    ///
    /// - Excluded: the ego's strong ties (strength ≥ `strongTie`: that relationship exists already,
    ///   the point is the next one; weaker direct ties stay, reconnecting is a valid move, as in
    ///   WORKLOAD.md step (f)); an informational interview with the ego within `cooldownDays` before
    ///   `asOf`; an introduction to the ego that is requested (pending) or declined.
    /// - Unanswered: the last interaction on the tie before `asOf` is an email or message the ego
    ///   initiated, within `unansweredRequestDays`.
    /// Events dated after `asOf` have not happened yet and are ignored.
    /// - Complexity: O(deg ego + interactions on the ego's ties + introductions).
    func freshness(for ego: Int32) -> (excluded: Set<Int32>, unanswered: Set<Int32>) {
        let egoID = snapshot.people[Int(ego)].id
        let config = configuration
        var excluded = Set<Int32>()
        var unanswered = Set<Int32>()
        for h in snapshot.graph.halfEdges(of: ego) {
            let v = snapshot.graph.neighbors[h]
            if strengths[Int(snapshot.graph.incidentEdges[h])] >= config.strongTie {
                excluded.insert(v)
                continue
            }
            let past = snapshot.interactions(onTie: snapshot.graph.incidentEdges[h]).filter { $0.date <= asOf }
            if past.contains(where: { $0.kind == .informationalInterview && $0.date.days(until: asOf) <= config.cooldownDays }) {
                excluded.insert(v)
            }
            if let last = past.last, last.kind == .email || last.kind == .message,
                last.date.days(until: asOf) <= config.unansweredRequestDays, Self.initiatedBy(egoID, last)
            {
                unanswered.insert(v)
            }
        }
        for intro in snapshot.introductions where intro.toID == egoID {
            guard intro.status == .requested || intro.status == .declined else { continue }
            if let date = intro.date, date > asOf { continue }
            if let v = snapshot.index(ofID: intro.personID) { excluded.insert(v) }
        }
        return (excluded, unanswered)
    }

    /// Whether the person `id` started `interaction`: `initiatedBy` is `me` for the `withID` side
    /// (the user in the CSV files) and `them` for the `personID` side.
    static func initiatedBy(_ id: String, _ interaction: Interaction) -> Bool {
        switch interaction.initiatedBy {
        case .me?: return interaction.withID == id
        case .them?: return interaction.personID == id
        case nil: return false
        }
    }
}
