import Rapport

/// Everything one HTML report shows, as plain values: the input of `ReportPage`.
///
/// Build it with `ReportContent.init(snapshot:strengths:ego:...)` from a scored network, or fill it
/// by hand (tests, other front ends). Every string in it may be contact data; `ReportPage` escapes
/// all of them.
public struct ReportContent: Sendable, Hashable {
    /// The page title, e.g. "Rapport — Alex Rivera".
    public var title: String
    /// The day the scores are computed for (`--as-of`).
    public var asOf: Day
    /// Whom the report is for (the ego's display name).
    public var egoName: String
    /// The goal in words ("sector: intellectual property; organization: Wilson & Okafor"), or empty.
    public var goal: String
    public var summary: ReportSummary
    /// Reach by organization, most reach first.
    public var reach: [ReportReachRow]
    /// Ranked suggestions, best first.
    public var suggestions: [ReportSuggestion]
    /// Fading strong ties worth a check-in.
    public var keepWarm: [ReportKeepWarm]
    /// Diagrams shown inline, in order.
    public var diagrams: [ReportDiagram]

    public init(
        title: String, asOf: Day, egoName: String, goal: String = "", summary: ReportSummary,
        reach: [ReportReachRow] = [], suggestions: [ReportSuggestion] = [], keepWarm: [ReportKeepWarm] = [],
        diagrams: [ReportDiagram] = []
    ) {
        self.title = title
        self.asOf = asOf
        self.egoName = egoName
        self.goal = goal
        self.summary = summary
        self.reach = reach
        self.suggestions = suggestions
        self.keepWarm = keepWarm
        self.diagrams = diagrams
    }
}

/// The three strength tiers the diagrams draw: weak (s < 0.3, dashed), medium, strong (s ≥ 0.6).
public enum StrengthTier: String, CaseIterable, Sendable, Hashable, Codable {
    case strong, medium, weak

    /// Lower bound of `medium`, the same as the diagrams' dashed-line threshold.
    public static let mediumFrom = 0.3
    /// Lower bound of `strong`.
    public static let strongFrom = 0.6

    public init(strength: Double) {
        if strength >= StrengthTier.strongFrom {
            self = .strong
        } else if strength >= StrengthTier.mediumFrom {
            self = .medium
        } else {
            self = .weak
        }
    }

    /// "strong (s ≥ 0.6)" and so on.
    public var label: String {
        switch self {
        case .strong: return "strong (s ≥ 0.6)"
        case .medium: return "medium (0.3 ≤ s < 0.6)"
        case .weak: return "weak (s < 0.3)"
        }
    }
}

/// Counts for the summary section.
public struct ReportSummary: Sendable, Hashable {
    public var people: Int
    public var organizations: Int
    /// Every tie of the network, by tier.
    public var ties: [StrengthTier: Int]
    /// The ego's own ties, by tier.
    public var egoTies: [StrengthTier: Int]

    public init(people: Int, organizations: Int, ties: [StrengthTier: Int], egoTies: [StrengthTier: Int]) {
        self.people = people
        self.organizations = organizations
        self.ties = ties
        self.egoTies = egoTies
    }

    public var tieCount: Int { ties.values.reduce(0, +) }
    public var egoTieCount: Int { egoTies.values.reduce(0, +) }
}

/// A person and the strength of a tie to them (a reach carrier, a hop of a path, an introducer).
public struct ReportPerson: Sendable, Hashable {
    public var name: String
    public var strength: Double

    public init(name: String, strength: Double) {
        self.name = name
        self.strength = strength
    }
}

/// One bar of the reach chart.
public struct ReportReachRow: Sendable, Hashable {
    public var organization: String
    /// `ReachFormula.reach` over `ties`, in [0, 1].
    public var reach: Double
    /// The ego's ties there, strongest first.
    public var ties: [ReportPerson]

    public init(organization: String, reach: Double, ties: [ReportPerson]) {
        self.organization = organization
        self.reach = reach
        self.ties = ties
    }
}

/// One ranked suggestion with its explanation.
public struct ReportSuggestion: Sendable, Hashable {
    public var rank: Int
    public var name: String
    public var organization: String
    public var title: String
    public var score: Double
    public var components: ScoreComponents
    /// `introduction`, `direct` or `cold_outreach`.
    public var kind: SuggestionKind
    /// The warm path after the ego, each hop with the strength of the tie into it.
    public var path: [ReportPerson]
    /// Other introducers, with the reliability of the path through each.
    public var alternatives: [ReportPerson]
    /// What a cold-outreach target shares with the ego.
    public var shared: [String]
    /// The next step, as one sentence.
    public var action: String

    public init(
        rank: Int, name: String, organization: String, title: String, score: Double, components: ScoreComponents,
        kind: SuggestionKind, path: [ReportPerson], alternatives: [ReportPerson], shared: [String], action: String
    ) {
        self.rank = rank
        self.name = name
        self.organization = organization
        self.title = title
        self.score = score
        self.components = components
        self.kind = kind
        self.path = path
        self.alternatives = alternatives
        self.shared = shared
        self.action = action
    }
}

/// One fading tie of the keep-warm list.
public struct ReportKeepWarm: Sendable, Hashable {
    public var name: String
    public var organization: String
    public var strength: Double
    public var peakStrength: Double
    public var lastContact: Day?
    public var daysSinceContact: Int?
    public var action: String

    public init(
        name: String, organization: String, strength: Double, peakStrength: Double, lastContact: Day?,
        daysSinceContact: Int?, action: String
    ) {
        self.name = name
        self.organization = organization
        self.strength = strength
        self.peakStrength = peakStrength
        self.lastContact = lastContact
        self.daysSinceContact = daysSinceContact
        self.action = action
    }
}

/// A diagram to inline: an SVG document as Graphviz wrote it (prolog and all; `ReportPage` strips it).
public struct ReportDiagram: Sendable, Hashable {
    /// A stable id for the figure element: `ego`, `suggestions`.
    public var id: String
    public var caption: String
    public var svg: String

    public init(id: String, caption: String, svg: String) {
        self.id = id
        self.caption = caption
        self.svg = svg
    }
}
