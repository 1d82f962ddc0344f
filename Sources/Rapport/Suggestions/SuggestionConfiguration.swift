/// The weights and defaults of the suggestion score, in one documented place.
///
/// The score of a candidate `v` is
///
///     score(v) = gate(relevance) · Σ_c w_c · c(v) / Σ_c w_c · freshness(v)
///     gate(x)  = relevanceFloor + (1 − relevanceFloor) · x
///
/// over the components c ∈ {reliability, redundancy, relativeWarmth, qualityGain, insight}, each in
/// [0, 1].
/// Relevance gates rather than adds, so a strong path to someone outside the goal does not outrank
/// a relevant person; the floor keeps the rest of the network ordered behind them.
/// `freshness` is 1, or `1 − unansweredRequestPenalty` after a recent unanswered request.
///
/// Every value can be set by its snake_case key (`init(values:)`), which is what the `[suggest]`
/// section of the configuration file feeds.
public struct SuggestionConfiguration: Hashable, Sendable, Codable {
    /// Share of the score kept by a candidate with relevance 0 (`relevance_floor`).
    public var relevanceFloor = 0.1
    /// Weight of the warm-path reliability, the product of strengths (`reliability_weight`).
    public var reliabilityWeight = 0.40
    /// Weight of the number of distinct introducers (`redundancy_weight`).
    public var redundancyWeight = 0.10
    /// Weight of the relative warmth, the independent warm paths through distinct introducers
    /// (`warmth_weight`); see `ScoreComponents.warmth`.
    public var warmthWeight = 0.15
    /// Weight of the reach gained into the candidate's organization (`quality_gain_weight`).
    public var qualityGainWeight = 0.25
    /// Weight of seniority and connectedness (`insight_weight`).
    public var insightWeight = 0.25
    /// Bonus for shared history, a school in common or the user's former employer
    /// (`shared_history_weight`): the score is multiplied by `1 + w` for such a candidate.
    public var sharedHistoryWeight = 0.1
    /// Share of insight that comes from seniority; the rest is connectedness (`seniority_share`).
    public var seniorityShare = 0.6
    /// The strength of the tie a conversation would create, for quality gain (`hypothetical_tie_strength`).
    public var hypotheticalTieStrength = 0.7
    /// The smallest reliability of a path that counts as usable (`redundancy_threshold`).
    public var redundancyThreshold = 0.05
    /// The introducer count at which redundancy reaches 1 (`redundancy_saturation`).
    public var redundancySaturation = 3.0
    /// Days after an informational interview during which the person is not suggested (`cooldown_days`).
    public var cooldownDays = 90
    /// Days during which an unanswered email or message from the user counts as pending
    /// (`unanswered_request_days`).
    public var unansweredRequestDays = 30
    /// Share of the score removed after a recent unanswered request (`unanswered_request_penalty`).
    public var unansweredRequestPenalty = 0.5
    /// The longest introduction path, in ties (`max_hops`).
    public var maxHops = 3
    /// The most suggestions per organization in the top K (`per_organization`).
    public var perOrganization = 2
    /// Leave out people the user already has a strong direct tie with (`exclude_strong_ties`, 1 or 0):
    /// the point is a new deep relationship; strong ties show up as introducers and in keep-warm.
    /// Weaker direct ties stay candidates, since reconnecting is a valid move (as in WORKLOAD.md (f)).
    public var excludeStrongTies = true
    /// Ties at or above this strength are strong (`strong_tie`).
    public var strongTie = 0.5
    /// Ties below this strength are weak (`weak_tie`); in between, moderate.
    public var weakTie = 0.25
    /// Keep-warm: days without contact after which a strong tie needs attention (`keep_warm_days`).
    public var keepWarmDays = 120
    /// Keep-warm: a tie fades when its strength falls below this share of its peak (`keep_warm_fading_ratio`).
    public var keepWarmFadingRatio = 0.6

    /// The defaults above.
    public static let `default` = SuggestionConfiguration()

    public init() {}

    /// Every key `init(values:)` accepts.
    public static let keys: [String] = [
        "relevance_floor", "reliability_weight", "redundancy_weight", "warmth_weight", "quality_gain_weight", "insight_weight",
        "shared_history_weight",
        "seniority_share", "hypothetical_tie_strength", "redundancy_threshold", "redundancy_saturation",
        "cooldown_days", "unanswered_request_days", "unanswered_request_penalty", "max_hops", "per_organization",
        "strong_tie", "weak_tie", "keep_warm_days", "keep_warm_fading_ratio", "exclude_strong_ties",
    ]

    /// The defaults with the given keys overridden.
    /// - Throws: `SuggestionError.unknownConfigurationKey` for a key not in `keys`;
    ///   `.invalidConfigurationValue` for a value out of range (shares in [0, 1], weights ≥ 0 with a
    ///   positive sum, day counts whole and ≥ 0, `max_hops` ≥ 1, `per_organization` ≥ 0,
    ///   `exclude_strong_ties` 0 or 1).
    public init(values: [String: Double]) throws(SuggestionError) {
        self.init()
        for key in values.keys.sorted() {
            guard let value = values[key] else { continue }
            try set(key, to: value)
        }
        let total = componentWeightSum
        guard total > 0 else {
            throw .invalidConfigurationValue(
                key: "reliability_weight", value: reliabilityWeight, expected: "component weights with a positive sum")
        }
        guard weakTie <= strongTie else {
            throw .invalidConfigurationValue(key: "weak_tie", value: weakTie, expected: "a value <= strong_tie")
        }
    }

    private mutating func set(_ key: String, to value: Double) throws(SuggestionError) {
        func share() throws(SuggestionError) -> Double {
            guard value >= 0, value <= 1 else {
                throw .invalidConfigurationValue(key: key, value: value, expected: "a number in [0, 1]")
            }
            return value
        }
        func weight() throws(SuggestionError) -> Double {
            guard value >= 0, value.isFinite else {
                throw .invalidConfigurationValue(key: key, value: value, expected: "a finite number >= 0")
            }
            return value
        }
        func whole(minimum: Int) throws(SuggestionError) -> Int {
            guard value.isFinite, value.rounded() == value, value >= Double(minimum), value <= 1_000_000 else {
                throw .invalidConfigurationValue(key: key, value: value, expected: "a whole number >= \(minimum)")
            }
            return Int(value)
        }
        switch key {
        case "relevance_floor": relevanceFloor = try share()
        case "reliability_weight": reliabilityWeight = try weight()
        case "redundancy_weight": redundancyWeight = try weight()
        case "warmth_weight": warmthWeight = try weight()
        case "quality_gain_weight": qualityGainWeight = try weight()
        case "insight_weight": insightWeight = try weight()
        case "shared_history_weight": sharedHistoryWeight = try weight()
        case "seniority_share": seniorityShare = try share()
        case "hypothetical_tie_strength":
            guard value > 0, value <= 1 else {
                throw .invalidConfigurationValue(key: key, value: value, expected: "a number in (0, 1]")
            }
            hypotheticalTieStrength = value
        case "redundancy_threshold": redundancyThreshold = try share()
        case "redundancy_saturation":
            guard value >= 1, value.isFinite else {
                throw .invalidConfigurationValue(key: key, value: value, expected: "a number >= 1")
            }
            redundancySaturation = value
        case "cooldown_days": cooldownDays = try whole(minimum: 0)
        case "unanswered_request_days": unansweredRequestDays = try whole(minimum: 0)
        case "unanswered_request_penalty": unansweredRequestPenalty = try share()
        case "max_hops": maxHops = try whole(minimum: 1)
        case "per_organization": perOrganization = try whole(minimum: 0)
        case "strong_tie": strongTie = try share()
        case "weak_tie": weakTie = try share()
        case "keep_warm_days": keepWarmDays = try whole(minimum: 0)
        case "keep_warm_fading_ratio": keepWarmFadingRatio = try share()
        case "exclude_strong_ties":
            guard value == 0 || value == 1 else {
                throw .invalidConfigurationValue(key: key, value: value, expected: "1 (true) or 0 (false)")
            }
            excludeStrongTies = value == 1
        default: throw .unknownConfigurationKey(key)
        }
    }

    /// The sum of the component weights (positive).
    var componentWeightSum: Double {
        reliabilityWeight + redundancyWeight + warmthWeight + qualityGainWeight + insightWeight
    }
}
