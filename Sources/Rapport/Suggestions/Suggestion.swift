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

    public init(
        relevance: Double, reliability: Double, redundancy: Double, qualityGain: Double, insight: Double,
        freshness: Double, introducerCount: Int
    ) {
        self.relevance = relevance
        self.reliability = reliability
        self.redundancy = redundancy
        self.qualityGain = qualityGain
        self.insight = insight
        self.freshness = freshness
        self.introducerCount = introducerCount
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
    public var kind: SuggestionKind
    /// What the user shares with a cold-outreach target: schools, organization, sectors.
    public var shared: [String]
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
