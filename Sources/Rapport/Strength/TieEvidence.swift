import Foundation

/// What the strength model knows about one tie as of a day: the inputs of every factor and the
/// factor values, before embeddedness.
///
/// Per interaction i (dated on or before the day, age aᵢ in days):
/// `qᵢ = w(kind) · g(one-on-one) · ℓ(minutes) · ρ(rapport)` and `cᵢ = qᵢ · 2^(−aᵢ/h)`.
/// - depth `D = min(1, maxᵢ cᵢ)` — the best conversation, faded by age;
/// - volume `Y = Σ cᵢ + δ · maxᵢ (cᵢ · ln(1 + aᵢ/τ))` — frequency plus a small duration credit;
/// - interactions `s_int = D · (1 − exp(−Y / (k·D)))` — saturates towards the depth;
/// - reciprocity `R = Σ_{they initiated} ρ_init·cᵢ + Σ_{referrals} ρ_ref·cᵢ + Σ_{introductions} ρ_intro·2^(−a/h)`
///   and `s_rec = 1 − exp(−R / k_r)`;
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
    /// Counts by kind and format, for the sentence.
    public internal(set) var countsByKind: [InteractionKind: FormatCount] = [:]
    /// Sum and count of rapport ratings.
    public internal(set) var rapportSum = 0
    public internal(set) var ratedCount = 0
    /// Interactions the other side initiated.
    public internal(set) var initiatedByThemCount = 0
    /// Referral interactions.
    public internal(set) var referralCount = 0
    /// Introductions (made or met) that one side made for the other.
    public internal(set) var introductionCount = 0
    /// Days since the first and the last counted interaction.
    public internal(set) var daysSinceFirst: Int?
    public internal(set) var daysSinceLast: Int?
    /// Σ cᵢ.
    public internal(set) var frequency: Double = 0
    /// `maxᵢ cᵢ · ln(1 + aᵢ/τ)`, before the weight δ.
    public internal(set) var durationCredit: Double = 0
    /// δ used.
    public internal(set) var durationWeight: Double = 0
    /// `D`.
    public internal(set) var depth: Double = 0
    /// `R`.
    public internal(set) var reciprocityEvidence: Double = 0
    /// `s_int`.
    public internal(set) var interactionStrength: Double = 0
    /// `s_rec`.
    public internal(set) var reciprocityStrength: Double = 0
    /// `s_core`.
    public internal(set) var core: Double = 0

    /// `Y`.
    public var volume: Double { frequency + durationWeight * durationCredit }

    /// How many interactions of one kind were one-on-one and how many in a group.
    public struct FormatCount: Hashable, Sendable {
        public internal(set) var oneOnOne = 0
        public internal(set) var group = 0
        public var total: Int { oneOnOne + group }
    }
}
