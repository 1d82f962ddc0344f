import Rapport

// The `suggest --json` contract (Docs/JSON.md): field names are part of the interface.

/// A person and a tie strength in `--json` output: a path hop, an introducer, a tie carrying reach.
public struct HopJSON: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var strength: Double

    public init(id: String, name: String, strength: Double) {
        self.id = id
        self.name = name
        self.strength = strength
    }
}

/// One independent warm path in `warmth`: the introducer (the person themself for a direct tie).
public struct WarmthJSON: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var reliability: Double
    public var contribution: Double
}

/// The `--json` shape of one suggestion.
public struct SuggestionJSON: Encodable, Sendable {
    public var rank: Int
    public var id: String
    public var name: String
    public var organization: String?
    public var title: String?
    public var score: Double
    public var components: ScoreComponents
    public var kind: String
    public var path: [HopJSON]
    public var introducer: HopJSON?
    public var alternatives: [HopJSON]
    /// The independent paths behind `components.warmth`, largest contribution first.
    public var warmth: [WarmthJSON]
    public var shared: [String]
    /// Schools and former employers in common with the user ("studied at X", "worked at Y").
    public var sharedHistory: [String]
    public var action: String

    public init(_ s: Suggestion, rank: Int) {
        self.rank = rank
        id = s.id
        name = s.name
        organization = s.organization
        title = s.title
        score = s.score
        components = s.components
        kind = s.kind.rawValue
        path = s.path.map { HopJSON(id: $0.id ?? "", name: $0.name ?? "", strength: $0.strength) }
        introducer = s.introducer.map { HopJSON(id: $0.id, name: $0.name, strength: $0.strength) }
        alternatives = s.alternatives.map { HopJSON(id: $0.id, name: $0.name, strength: $0.strength) }
        warmth = s.warmthTerms.map {
            WarmthJSON(id: $0.id, name: $0.name, reliability: $0.reliability, contribution: $0.contribution)
        }
        shared = s.shared
        sharedHistory = s.sharedHistory
        action = s.action
    }

    /// A ranked list, rank 1 first.
    public static func list(_ suggestions: [Suggestion]) -> [SuggestionJSON] {
        suggestions.enumerated().map { SuggestionJSON($1, rank: $0 + 1) }
    }
}

/// The `suggest --keep-warm --json` shape of one fading tie.
public struct KeepWarmJSON: Encodable, Sendable {
    public var id: String
    public var name: String
    public var organization: String?
    public var strength: Double
    public var peakStrength: Double
    public var lastInteraction: String?
    public var lastInteractionKind: String?
    public var daysSinceContact: Int?
    public var reasons: [String]
    public var action: String

    public init(_ k: KeepWarmSuggestion) {
        id = k.id
        name = k.name
        organization = k.organization
        strength = k.strength
        peakStrength = k.peakStrength
        lastInteraction = k.lastInteraction?.iso
        lastInteractionKind = k.lastInteractionKind?.rawValue
        daysSinceContact = k.daysSinceContact
        reasons = k.reasons.map(\.rawValue)
        action = k.action
    }
}

/// The `path --json` shape of one warm path.
public struct PathJSON: Encodable, Sendable {
    public var reliability: Double
    public var hops: [HopJSON]

    public init(_ path: WarmPath, in analysis: Analysis) {
        reliability = path.reliability
        hops = path.hops.map {
            HopJSON(id: analysis.snapshot.people.id($0.node), name: analysis.name($0.node), strength: $0.strength)
        }
    }
}
