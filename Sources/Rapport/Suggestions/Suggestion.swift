/// The score breakdown of one suggestion; every component is in [0, 1].
public struct ScoreComponents: Hashable, Sendable, Codable {
    /// Match with the goal (1 when there is no goal).
    public var relevance: Double
    /// The product of strengths along the most reliable warm path; 0 without one.
    public var reliability: Double
    /// Distinct introducers with a usable path, divided by the saturation count, capped at 1.
    public var redundancy: Double
    /// How much a strong tie to this person would raise the user's reach into their organization.
    public var qualityGain: Double
    /// Seniority and connectedness.
    public var insight: Double
    /// 1, or less after a recent unanswered request.
    public var freshness: Double
    /// The number of distinct introducers with a usable path (the raw count behind `redundancy`).
    public var introducerCount: Int
    /// Independent warm paths: `1 − Π_z (1 − r_z)` over the distinct first-hop introducers z (and the
    /// direct tie), r_z being the best path through z shared among the contacts each intermediary
    /// has that the user does not know (see `WarmthTerm`); 0 without a path.
    public var warmth: Double
    /// `warmth` divided by the largest warmth among the candidates of the same call, in [0, 1]:
    /// what the score weighs.
    public var relativeWarmth: Double
    /// 1 when the candidate went to one of the user's schools or is at one of the user's former
    /// employers (`SharedHistory`), else 0; the score is multiplied by `1 + sharedHistoryWeight · it`.
    public var sharedHistory: Double

    public init(
        relevance: Double, reliability: Double, redundancy: Double, qualityGain: Double, insight: Double,
        freshness: Double, introducerCount: Int, warmth: Double = 0, relativeWarmth: Double = 0,
        sharedHistory: Double = 0
    ) {
        self.sharedHistory = sharedHistory
        self.relevance = relevance
        self.reliability = reliability
        self.redundancy = redundancy
        self.qualityGain = qualityGain
        self.insight = insight
        self.freshness = freshness
        self.introducerCount = introducerCount
        self.warmth = warmth
        self.relativeWarmth = relativeWarmth
    }
}

/// Someone who can introduce the user: a first hop of a warm path.
public struct Introducer: Hashable, Sendable, Codable {
    public var node: Int32
    public var id: String
    public var name: String
    /// The strength of the user's tie to the introducer.
    public var strength: Double
    /// The reliability of the best path to the target through this introducer.
    public var reliability: Double

    public init(node: Int32, id: String, name: String, strength: Double, reliability: Double) {
        self.node = node
        self.id = id
        self.name = name
        self.strength = strength
        self.reliability = reliability
    }
}

/// One independent warm path in `ScoreComponents.warmth`: the best path through one introducer.
public struct WarmthTerm: Hashable, Sendable, Codable {
    /// The first hop (the candidate themself for a direct tie).
    public var node: Int32
    public var id: String
    public var name: String
    /// The product of strengths along the best path through this introducer.
    public var reliability: Double
    /// What the path adds to warmth: `reliability` divided by (1 + contacts the user does not know)
    /// for each intermediary on it.
    public var contribution: Double

    public init(node: Int32, id: String, name: String, reliability: Double, contribution: Double) {
        self.node = node
        self.id = id
        self.name = name
        self.reliability = reliability
        self.contribution = contribution
    }
}

/// The kind of next step a suggestion proposes.
public enum SuggestionKind: String, Hashable, Sendable, Codable {
    /// Ask the first hop of the warm path for an introduction.
    case introduction
    /// The user is already tied to the person: ask directly.
    case direct
    /// No warm path within the hop limit: reach out cold, naming what is shared.
    case coldOutreach = "cold_outreach"
}

/// One suggested informational interview, with everything needed to explain it.
public struct Suggestion: Hashable, Sendable, Codable {
    public var node: Int32
    public var id: String
    public var name: String
    public var organization: String?
    public var title: String?
    /// The ranking score (see `SuggestionConfiguration`).
    public var score: Double
    public var components: ScoreComponents
    /// The warm path as hops after the user, each with its strength; empty for cold outreach.
    public var path: [PathHop]
    /// The first hop of a path of two or more hops.
    public var introducer: Introducer?
    /// Other first hops with a usable path, best first.
    public var alternatives: [Introducer]
    /// What `components.warmth` is made of, largest contribution first (at most five).
    public var warmthTerms: [WarmthTerm] = []
    public var kind: SuggestionKind
    /// What the user shares with a cold-outreach target: schools, organization, sectors.
    public var shared: [String]
    /// Shared history with any candidate: "studied at X", "worked at Y" (`SharedHistory.phrases`).
    public var sharedHistory: [String] = []
    /// The next-action sentence.
    public var action: String

    public init(
        node: Int32, id: String, name: String, organization: String?, title: String?, score: Double,
        components: ScoreComponents, path: [PathHop], introducer: Introducer?, alternatives: [Introducer],
        kind: SuggestionKind, shared: [String], action: String
    ) {
        self.node = node
        self.id = id
        self.name = name
        self.organization = organization
        self.title = title
        self.score = score
        self.components = components
        self.path = path
        self.introducer = introducer
        self.alternatives = alternatives
        self.kind = kind
        self.shared = shared
        self.action = action
    }
}

/// Why a tie needs attention.
public enum KeepWarmReason: String, Hashable, Sendable, Codable {
    /// The strength fell well below its peak.
    case fading
    /// No contact for longer than the keep-warm period.
    case noRecentContact = "no_recent_contact"
}

/// A strong (or once strong) tie of the user that is fading.
public struct KeepWarmSuggestion: Hashable, Sendable, Codable {
    public var node: Int32
    public var id: String
    public var name: String
    public var organization: String?
    public var edge: Int32
    public var strength: Double
    public var peakStrength: Double
    /// The day and kind of the last interaction on the tie, if any.
    public var lastInteraction: Day?
    public var lastInteractionKind: InteractionKind?
    public var daysSinceContact: Int?
    public var reasons: [KeepWarmReason]
    /// A suggested reason to reach out, as one sentence.
    public var action: String

    public init(
        node: Int32, id: String, name: String, organization: String?, edge: Int32, strength: Double,
        peakStrength: Double,
        lastInteraction: Day?, lastInteractionKind: InteractionKind?, daysSinceContact: Int?, reasons: [KeepWarmReason],
        action: String
    ) {
        self.node = node
        self.id = id
        self.name = name
        self.organization = organization
        self.edge = edge
        self.strength = strength
        self.peakStrength = peakStrength
        self.lastInteraction = lastInteraction
        self.lastInteractionKind = lastInteractionKind
        self.daysSinceContact = daysSinceContact
        self.reasons = reasons
        self.action = action
    }
}
