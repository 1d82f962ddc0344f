extension SuggestionEngine {
    /// The ego's strong ties (now, or at their peak) that are fading, most valuable first.
    ///
    /// A tie is listed when max(strength, peak) ≥ `strongTie` and either its strength fell below
    /// `keepWarmFadingRatio` · peak, or the last interaction before `asOf` is at least
    /// `noContactDays` old (or there is none). Order: max(strength, peak) descending, then id.
    ///
    /// - Parameters:
    ///   - ego: the user.
    ///   - peakStrengths: the highest strength each edge has had, one value in (0, 1] per edge.
    ///   - noContactDays: days without contact that make a tie stale; `nil` uses `keepWarmDays`.
    /// - Throws: `SuggestionError.unknownPerson`, `.invalidStrengths` for a malformed peak array,
    ///   `.invalidLimit` for negative days.
    /// - Complexity: O(E) for the peak check plus O(deg ego + interactions on the ego's ties).
    public func keepWarm(for ego: Int32, peakStrengths: [Double], noContactDays: Int? = nil) throws(SuggestionError)
        -> [KeepWarmSuggestion]
    {
        guard ego >= 0, Int(ego) < snapshot.personCount else { throw .unknownPerson(ego) }
        do { try EdgeStrengths.validate(peakStrengths, for: snapshot.graph) } catch { throw .invalidStrengths(error) }
        let staleAfter = noContactDays ?? configuration.keepWarmDays
        guard staleAfter >= 0 else { throw .invalidLimit(name: "noContactDays", value: staleAfter) }
        var result: [KeepWarmSuggestion] = []
        for h in snapshot.graph.halfEdges(of: ego) {
            let v = snapshot.graph.neighbors[h]
            let e = snapshot.graph.incidentEdges[h]
            let now = weights.strength(ofEdge: e)
            let peak = max(peakStrengths[Int(e)], now)
            guard peak >= configuration.strongTie else { continue }
            let last = snapshot.interactions(onTie: e).last { $0.date <= asOf }
            let days = last.map { $0.date.days(until: asOf) }
            var reasons: [KeepWarmReason] = []
            if now < configuration.keepWarmFadingRatio * peak { reasons.append(.fading) }
            if (days ?? Int.max) >= staleAfter { reasons.append(.noRecentContact) }
            guard !reasons.isEmpty else { continue }
            let person = snapshot.people[Int(v)]
            result.append(
                KeepWarmSuggestion(
                    node: v, id: person.id, name: person.displayName, organization: snapshot.organization(of: v)?.name,
                    edge: e,
                    strength: now, peakStrength: peak, lastInteraction: last?.date, lastInteractionKind: last?.kind,
                    daysSinceContact: days, reasons: reasons,
                    action: keepWarmSentence(person, now: now, peak: peak, last: last, days: days, reasons: reasons)))
        }
        result.sort { a, b in
            a.peakStrength != b.peakStrength
                ? a.peakStrength > b.peakStrength : a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
        }
        return result
    }

    /// "Re-engage Ann Lee: last spoke 14 months ago (coffee on 2025-09-02); strength 0.31, down from
    /// 0.78. Send an update on your search and ask how things are going."
    func keepWarmSentence(
        _ person: Person, now: Double, peak: Double, last: Interaction?, days: Int?, reasons: [KeepWarmReason]
    ) -> String {
        var parts: [String] = []
        if let last, let days {
            let kind = last.kind.rawValue.replacingOccurrences(of: "_", with: " ")
            parts.append("last spoke \(Self.ago(days)) (\(kind) on \(last.date.iso))")
        } else {
            parts.append("no recorded contact")
        }
        if reasons.contains(.fading) {
            parts.append("strength \(Self.format(now)), down from \(Self.format(peak))")
        }
        return "Re-engage \(person.displayName): \(parts.joined(separator: "; ")). "
            + "Send an update on your search and ask how things are going."
    }

    /// "3 days ago", "5 weeks ago", "14 months ago", "2 years ago".
    static func ago(_ days: Int) -> String {
        func unit(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s") ago" }
        if days < 14 { return days == 0 ? "today" : unit(days, "day") }
        if days < 60 { return unit(days / 7, "week") }
        if days < 730 { return unit(days * 12 / 365, "month") }
        return unit(days / 365, "year")
    }
}
