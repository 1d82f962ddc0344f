import Rapport
import RapportStore

/// The texts written in the user's name: the two drafts of an ask, and the interview brief.
public enum Writing {
    /// The drafts to `person`: through `via`, or the first hop of the warmest path, or directly.
    public struct DraftSet: Sendable {
        public var toIntroducer: String?
        public var introducerName: String?
        public var toTarget: String
        public var targetName: String

        /// Both drafts as one text, each under a "--- To NAME ---" line.
        public var text: String {
            var text = ""
            if let toIntroducer, let introducerName { text += "--- To \(introducerName) (introducer) ---\n\n\(toIntroducer)\n" }
            return text + "--- To \(targetName) ---\n\n\(toTarget)"
        }
    }

    /// - Parameter planner: a planner over `analysis` already built (a server keeps one per loaded
    ///   network); nil builds one.
    /// - Throws: `UseCaseError.badInput` for the user as the target, or a `via` that is the user or the target.
    public static func drafts(
        _ analysis: Analysis, person: String, via: String?, goal: String?, planner: Planner? = nil
    ) throws -> DraftSet {
        let ego = try analysis.ego()
        let target = try analysis.resolve(person)
        guard target != ego else { throw UseCaseError.badInput("you cannot draft a message to yourself") }
        let planner = try planner ?? Planner(analysis)
        var introducer: Int32?
        var path: [PathHop] = []
        if let via {
            let node = try analysis.resolve(via, role: "introducer")
            guard node != ego, node != target else { throw UseCaseError.badInput("--via must name a third person") }
            introducer = node
            path = try planner.warmPaths(to: target, top: 10).first { $0.hops.first?.node == node }?.hops ?? []
        } else if let best = try planner.warmPaths(to: target, top: 1).first, !best.isDirect {
            path = best.hops
            introducer = best.introducer?.node
        }
        let context = DraftContext(
            snapshot: analysis.snapshot, ego: ego, target: target, path: path, introducer: introducer, goal: goal)
        let location = analysis.session.location
        let drafts = Drafts.render(
            context,
            introRequest: try location.template("intro-request", fallback: DefaultTexts.introRequest),
            interviewRequest: try location.template("interview-request", fallback: DefaultTexts.interviewRequest))
        return DraftSet(
            toIntroducer: drafts.toIntroducer, introducerName: context.introducerName, toTarget: drafts.toTarget,
            targetName: context.targetName)
    }

    /// The one-page brief for an informational interview with `person`.
    /// - Parameter planner: as for `drafts`.
    public static func brief(_ analysis: Analysis, person: String, planner: Planner? = nil) throws -> InterviewBrief {
        let ego = try analysis.ego()
        let target = try analysis.resolve(person)
        guard target != ego else { throw UseCaseError.badInput("you cannot prepare an interview with yourself") }
        let path = try (planner ?? Planner(analysis)).warmPaths(to: target, top: 1).first?.hops ?? []
        let stage = try analysis.session.workspace.pipelineEntry(personID: analysis.snapshot.people.id(target))
        return try InterviewBrief(
            snapshot: analysis.snapshot, ego: ego, target: target, path: path, stage: stage,
            bank: try analysis.session.location.questionBank(), asOf: analysis.asOf)
    }
}

/// The board and the to-do list of follow-through.
public enum FollowUp {
    /// The pipeline grouped by stage (closed ones only with `includeClosed`), as `pipeline --json` shows it.
    public static func board(_ session: Session, asOf: Day, includeClosed: Bool) throws -> [PipelineStageJSON] {
        let snapshot = try session.snapshot()
        let entries = try session.workspace.loadPipeline().filter { includeClosed || $0.stage != .closed }
        return Pipeline.board(entries).map { column in
            PipelineStageJSON(
                stage: column.stage.rawValue,
                people: column.entries.map { e in
                    let node = snapshot.index(ofID: e.personID)
                    let person = node.map { snapshot.people[Int($0)] }
                    return PipelineRowJSON(
                        id: e.personID, name: person?.displayName ?? e.personID,
                        organization: node.flatMap { snapshot.organization(of: $0)?.name } ?? person?.organization,
                        since: e.since, days: e.daysInStage(asOf: asOf), note: e.note)
                })
        }
    }

    /// What is due for the user within `days`.
    public static func due(_ analysis: Analysis, within days: Int) throws -> [DueItem] {
        let calculator = try DueCalculator(snapshot: analysis.snapshot, strengths: analysis.strengths.values)
        return calculator.items(
            for: try analysis.ego(), pipeline: try analysis.session.workspace.loadPipeline(), asOf: analysis.asOf,
            horizonDays: days)
    }

    /// The items as an RFC 5545 calendar of all-day events.
    public static func calendar(_ items: [DueItem], in analysis: Analysis) -> String {
        let events = items.map { ICSCalendar.Event($0, summary: summary($0, analysis), notBefore: analysis.asOf) }
        return ICSCalendar(events: events, stamp: analysis.asOf).render()
    }

    public static func reasonLabel(_ reason: DueReason) -> String {
        switch reason {
        case .thankYou: "thank-you"
        case .followUp: "follow-up"
        case .keepWarm: "check-in"
        case .introNudge: "intro nudge"
        }
    }

    /// The calendar event's title for an item.
    public static func summary(_ item: DueItem, _ a: Analysis) -> String {
        switch item.reason {
        case .thankYou: "Thank \(a.name(item.node))"
        case .followUp: "Follow up with \(a.name(item.node))"
        case .keepWarm: "Check in with \(a.name(item.node))"
        case .introNudge: "Nudge \(a.name(item.node)) about an introduction"
        }
    }
}
