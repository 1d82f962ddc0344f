import Foundation

/// What the strength model knows about one tie as of a day: the inputs of every factor and the
/// factor values, before embeddedness.
///
/// Evidence comes in *units*: each spoken or one-off interaction (meeting, call, event, referral,
/// invitation, recommendation, endorsement, …) is one unit; written kinds (email, message) count one
/// unit per *exchange*, all the rows of one day with one person from one source in one format. For a
/// unit j, `aⱼ` days old:
/// - intimacy `pⱼ = w(kind) · g(one-on-one) · ρ(rapport) · σ(source)` (× the note factor for an
///   invitation with a personal note) and depth candidate `dⱼ = pⱼ · 2^(−aⱼ/h)`;
/// - contribution `cⱼ = dⱼ · ℓⱼ`, with `ℓ` the length factor of the minutes (spoken) or of the words
///   (written);
/// - depth `D = min(1, maxⱼ dⱼ · κⱼ)`: the most intimate contact, faded by age (κ = ω for written
///   exchanges nobody answered, 1 otherwise);
/// - volume `Y = Σ_spoken cⱼ + Y_written + δ · maxⱼ (cⱼ κⱼ · ln(1 + aⱼ/τ)) + λ · D · ln(1 + A/τ_s)`
///   (A: days since the tie began, from its `since`);
/// - interactions `s_int = min(1, D · (1 − exp(−x/k) + β · x/(x + m)))`, `x = Y / D`;
/// - reciprocity `R = Σ_{one-on-one, they initiated} ρ_init·cⱼ + Σ_{referrals, recommendations} ρ_ref·cⱼ
///   + ρ_reply · min(S_me, S_them) + Σ_{introductions} ρ_intro·2^(−a/h)` and `s_rec = 1 − exp(−R / k_r)`;
/// - declared `s_decl = base(kind)` (× the inferred factor for inferred ties; contacts count as acquaintances);
/// - `s_core = 1 − (1 − s_decl)(1 − s_int)(1 − s_rec)`.
///
/// References: Granovetter (1973), *The Strength of Weak Ties*, doi:10.1086/225469; Gilbert &
/// Karahalios (2009), *Predicting Tie Strength with Social Media*, doi:10.1145/1518701.1518736.
public struct TieEvidence: Hashable, Sendable {
    init() {}

    /// The declared base strength `s_decl`.
    public internal(set) var declared: Double = 0
    /// Interactions on or before the day.
    public internal(set) var interactionCount = 0
    /// Interactions after the day (logged for the future; not counted).
    public internal(set) var laterInteractionCount = 0
    /// Number of them held one-on-one.
    public internal(set) var oneOnOneCount = 0
    /// Counts of the native interactions (typed or read from `interactions.csv`) by kind and format.
    public internal(set) var countsByKind: [InteractionKind: FormatCount] = [:]
    /// Counts of the imported evidence (LinkedIn, calendar, mail) by source, kind and format.
    public internal(set) var countsBySource: [EvidenceKey: DirectionCount] = [:]
    /// Sum and count of rapport ratings.
    public internal(set) var rapportSum = 0
    public internal(set) var ratedCount = 0
    /// One-on-one interactions the other side initiated, other than written ones and services (the
    /// ones the `initiated_by_them_weight` of reciprocity counts; invitations and endorsements included).
    public internal(set) var initiatedByThemCount = 0
    /// Of those, the conversations (not invitations or endorsements): "they started 3 of them".
    public internal(set) var conversationsStartedByThem = 0
    /// Referral interactions.
    public internal(set) var referralCount = 0
    /// Recommendations, either way.
    public internal(set) var recommendationCount = 0
    /// Introductions (made or met) that one side made for the other.
    public internal(set) var introductionCount = 0
    /// Days since the first and the last counted interaction.
    public internal(set) var daysSinceFirst: Int?
    public internal(set) var daysSinceLast: Int?
    /// Days since the tie began by its `since` (a LinkedIn "Connected On" date, a declared date);
    /// `nil` when unknown, in the future, or when the tie was created by its interactions.
    public internal(set) var daysSinceTieStart: Int?
    /// Σ cⱼ over spoken and one-off units plus the written volume `Y_written`.
    public internal(set) var frequency: Double = 0
    /// `Y_written = ω · S + (1 − ω) · min(S, 2 · min(S_me, S_them)) + ω · S_group`.
    public internal(set) var writtenVolume: Double = 0
    /// Written exchanges (one a day per person, source and format).
    public internal(set) var writtenExchangeCount = 0
    /// Whether both sides wrote one-on-one (the written evidence counts whole, not at ω).
    public internal(set) var isTwoWay = false
    /// S_me and S_them: the weight of the one-on-one exchanges in which the user, and the other side, wrote.
    public internal(set) var writtenFromMe: Double = 0
    public internal(set) var writtenFromThem: Double = 0
    /// `maxⱼ cⱼ κⱼ · ln(1 + aⱼ/τ)`, before the weight δ.
    public internal(set) var durationCredit: Double = 0
    /// δ used.
    public internal(set) var durationWeight: Double = 0
    /// `λ · ln(1 + A/τ_s)`: the relationship's age, in conversations at the depth.
    public internal(set) var sinceCredit: Double = 0
    /// `D`.
    public internal(set) var depth: Double = 0
    /// `R`.
    public internal(set) var reciprocityEvidence: Double = 0
    /// `ρ_reply · min(S_me, S_them)`, the part of R that replies give.
    public internal(set) var replyEvidence: Double = 0
    /// `s_int`.
    public internal(set) var interactionStrength: Double = 0
    /// `s_rec`.
    public internal(set) var reciprocityStrength: Double = 0
    /// `s_core`.
    public internal(set) var core: Double = 0

    /// `Y`.
    public var volume: Double { frequency + durationWeight * durationCredit + depth * sinceCredit }

    /// How many interactions of one kind were one-on-one and how many in a group.
    public struct FormatCount: Hashable, Sendable {
        public internal(set) var oneOnOne = 0
        public internal(set) var group = 0
        public var total: Int { oneOnOne + group }
    }

    /// Imported evidence of one kind from one source, in one format.
    public struct EvidenceKey: Hashable, Sendable {
        public let source: InteractionSource
        public let kind: InteractionKind
        public let isOneOnOne: Bool
    }

    /// How many rows came from each side; `withNote` counts the rows with words (an invitation's note).
    public struct DirectionCount: Hashable, Sendable {
        public internal(set) var fromMe = 0
        public internal(set) var fromThem = 0
        public internal(set) var unknown = 0
        public internal(set) var withNote = 0
        public var total: Int { fromMe + fromThem + unknown }
    }

    /// Counts one interaction for the sentence and the factor details.
    mutating func record(_ interaction: Interaction, age: Int) {
        interactionCount += 1
        daysSinceFirst = Swift.max(daysSinceFirst ?? age, age)
        daysSinceLast = Swift.min(daysSinceLast ?? age, age)
        if interaction.isOneOnOne { oneOnOneCount += 1 }
        if let rating = interaction.rapport {
            rapportSum += Swift.min(5, Swift.max(1, rating))
            ratedCount += 1
        }
        if interaction.kind == .referral { referralCount += 1 }
        if interaction.kind == .recommendation { recommendationCount += 1 }
        if interaction.source == .native {
            if interaction.isOneOnOne {
                countsByKind[interaction.kind, default: .init()].oneOnOne += 1
            } else {
                countsByKind[interaction.kind, default: .init()].group += 1
            }
            return
        }
        let key = EvidenceKey(source: interaction.source, kind: interaction.kind, isOneOnOne: interaction.isOneOnOne)
        var count = countsBySource[key, default: .init()]
        switch interaction.initiatedBy {
        case .me: count.fromMe += 1
        case .them: count.fromThem += 1
        case nil: count.unknown += 1
        }
        if (interaction.words ?? 0) > 0 { count.withNote += 1 }
        countsBySource[key] = count
    }
}
