/// Computes what is due (issue 9, item 4): thank-you notes, follow-ups, keep-warm check-ins and
/// nudges for unanswered introduction requests.
///
/// Rules, for each person the ego has spoken with (dates are whole days, so month ends and leap
/// days need no special case: 2028-02-29 + 1 day is 2028-03-01, and an interview on 2028-01-31
/// opens its follow-up window on 2028-02-28 and closes it on 2028-03-13):
/// - **thank-you**: the latest informational interview on day d, with no thank-you logged on or
///   after d and no pipeline stage at or past `thanked` since d, is due on d + `thankYouDays`;
/// - **follow-up**: the same interview with no later contact (other than the thank-you) and no
///   `following_up` stage since d is due in the window [d + 28, d + 42];
/// - **keep-warm**: anyone else the ego has spoken with is due at last contact + the cadence of the
///   tie's strength tier (`DueRules.cadence(forStrength:)`);
/// - **intro nudge**: an introduction requested on day r for the ego, still `requested`, with the
///   target not past `intro_requested` in the pipeline, is due on r + 7, addressed to the introducer.
/// Targets whose stage is `closed` get no reminders. Thank-you, follow-up and nudge reminders whose
/// last good day passed more than `staleAfterDays` ago are dropped; the keep-warm rule takes over.
public struct DueCalculator: Sendable {
    public let snapshot: NetworkSnapshot
    /// Strength of each edge of `snapshot.graph`.
    public let strengths: [Double]
    public let rules: DueRules

    /// - Throws: `FollowThroughError.invalidRule` for inconsistent rules.
    public init(snapshot: NetworkSnapshot, strengths: [Double], rules: DueRules = .default) throws(FollowThroughError) {
        try rules.validate()
        self.snapshot = snapshot
        self.strengths = strengths
        self.rules = rules
    }

    /// Everything due up to `asOf + horizonDays` (overdue items included), soonest first.
    ///
    /// - Parameters:
    ///   - ego: the user's node.
    ///   - pipeline: the workspace's pipeline entries (by person id).
    ///   - asOf: today.
    ///   - horizonDays: how far ahead to look.
    /// - Complexity: O(deg(ego) + I_ego + introductions + k log k), with I_ego the ego's interactions
    ///   and k the items returned.
    public func items(for ego: Int32, pipeline: [PipelineEntry], asOf: Day, horizonDays: Int = 14) -> [DueItem] {
        let stages = Dictionary(pipeline.map { ($0.personID, $0) }, uniquingKeysWith: { _, last in last })
        let horizon = asOf.adding(days: max(0, horizonDays))
        let staleBefore = asOf.adding(days: -rules.staleAfterDays)
        var items: [DueItem] = []
        let graph = snapshot.graph
        for h in graph.halfEdges(of: ego) {
            let person = graph.neighbors[h]
            let edge = graph.incidentEdges[h]
            let id = snapshot.people.id(person)
            let entry = stages[id]
            if entry?.stage == .closed { continue }
            let history = snapshot.interactions(onTie: edge).filter { $0.date <= asOf }
            guard let last = history.map(\.date).max() else { continue }
            let name = snapshot.people.displayName(person)
            var pending = false
            if let interview = history.filter({ $0.kind == .informationalInterview }).map(\.date).max() {
                let thanked =
                    history.contains { $0.kind == .thankYou && $0.date >= interview }
                    || (entry.map { $0.stage.rank >= PipelineStage.thanked.rank && $0.since >= interview } ?? false)
                let due = interview.adding(days: rules.thankYouDays)
                if !thanked && due >= staleBefore {
                    pending = true
                    if due <= horizon {
                        items.append(
                            DueItem(
                                reason: .thankYou, node: person, personID: id, due: due, windowEnd: due,
                                since: interview,
                                detail: "thank-you note after your informational interview on \(interview.iso)",
                                action: "send \(name) a short thank-you note naming advice you will act on"))
                    }
                }
                let followedUp =
                    history.contains {
                        $0.date > interview && $0.kind != .thankYou && $0.kind != .informationalInterview
                    }
                    || (entry.map { $0.stage == .followingUp && $0.since > interview } ?? false)
                let open = interview.adding(days: rules.followUpStartDays)
                let close = interview.adding(days: rules.followUpEndDays)
                if !followedUp && close >= staleBefore {
                    pending = true
                    if open <= horizon {
                        items.append(
                            DueItem(
                                reason: .followUp, node: person, personID: id, due: open, windowEnd: close,
                                since: interview,
                                detail:
                                    "follow-up 4–6 weeks after your informational interview on \(interview.iso) (by \(close.iso))",
                                action: "write to \(name) with an update on their advice"))
                    }
                }
            }
            if !pending {
                let s = strengths[Int(edge)]
                if let cadence = rules.cadence(forStrength: s), last.adding(days: cadence) <= horizon {
                    let due = last.adding(days: cadence)
                    items.append(
                        DueItem(
                            reason: .keepWarm, node: person, personID: id, due: due, windowEnd: due, since: last,
                            detail:
                                "\(rules.tier(ofStrength: s)) tie (\(NumberFormat.twoDecimals(s))): check in every \(cadence) days; last contact \(last.iso)",
                            action: "check in with \(name): a short update or an article"))
                }
            }
        }
        items += nudges(for: ego, stages: stages, asOf: asOf, horizon: horizon, staleBefore: staleBefore)
        return items.sorted(by: Self.order)
    }

    private func nudges(for ego: Int32, stages: [String: PipelineEntry], asOf: Day, horizon: Day, staleBefore: Day)
        -> [DueItem]
    {
        let egoID = snapshot.people.id(ego)
        var items: [DueItem] = []
        for intro in snapshot.introductions where intro.toID == egoID && intro.status == .requested {
            guard let requested = intro.date, requested <= asOf,
                let introducer = snapshot.index(ofID: intro.introducerID),
                let target = snapshot.index(ofID: intro.personID)
            else { continue }
            if let entry = stages[intro.personID], entry.stage.rank > PipelineStage.introRequested.rank,
                entry.since >= requested
            {
                continue
            }
            let due = requested.adding(days: rules.introNudgeDays)
            guard due >= staleBefore, due <= horizon else { continue }
            let introducerName = snapshot.people.displayName(introducer)
            let targetName = snapshot.people.displayName(target)
            items.append(
                DueItem(
                    reason: .introNudge, node: introducer, personID: intro.introducerID, due: due, windowEnd: due,
                    since: requested, aboutNode: target,
                    detail: "introduction to \(targetName) requested on \(requested.iso), no answer yet",
                    action: "nudge \(introducerName) about the introduction to \(targetName)"))
        }
        return items
    }

    static func order(_ a: DueItem, _ b: DueItem) -> Bool {
        if a.due != b.due { return a.due < b.due }
        let ra = DueReason.allCases.firstIndex(of: a.reason) ?? 0
        let rb = DueReason.allCases.firstIndex(of: b.reason) ?? 0
        if ra != rb { return ra < rb }
        return a.personID.utf8.lexicographicallyPrecedes(b.personID.utf8)
    }
}
