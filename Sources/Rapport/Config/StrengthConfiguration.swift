/// Every weight of the relationship-strength model, in one place.
///
/// `StrengthConfiguration.default` is the single home of the defaults; `Docs/Scoring.md` explains
/// each one. In `rapport.toml` the scalars live in `[strength]`, the weight of each interaction kind
/// in `[strength.interactions]`, the base strength of each declared tie kind in `[strength.ties]` and
/// the weight of each evidence source in `[strength.sources]`, all spelled in snake case
/// (`half_life_days`, `informational_interview`, `former_colleague`, `linkedin`).
public struct StrengthConfiguration: Hashable, Sendable {
    /// Days after which an interaction counts half (Gilbert & Karahalios 2009: recency).
    public var halfLifeDays: Double
    /// Saturation constant k of `1 − exp(−Y / (k·D))`: how many full-quality interactions it takes to
    /// approach the depth ceiling (about 1 − e⁻¹ = 63 % after k of them).
    public var saturation: Double
    /// Weight of a group interaction relative to one-on-one (one-on-one counts double by default).
    public var groupFactor: Double
    /// The length at which an interaction's length factor is 1.
    public var lengthNormMinutes: Double
    /// The length factor `min(ℓ_max, ℓ_min + (1 − ℓ_min) · √(minutes / norm))`: `lengthFactorMin` is
    /// its value for a contact of no length, `lengthFactorMax` its cap.
    public var lengthFactorMin: Double
    public var lengthFactorMax: Double
    /// Rapport factor of an unrated interaction (a rating r counts r / 5).
    public var unratedRapport: Double
    /// Weight δ of the duration term `δ · max_i (c_i · ln(1 + age_i / τ))`; capped at
    /// `τ · ln 2 / halfLifeDays` so that ageing never raises an interaction's total weight.
    public var durationWeight: Double
    /// τ of the duration term, in days.
    public var durationScaleDays: Double
    /// Extra weight of an interaction the other side initiated, as a share of its weight.
    public var initiatedByThemWeight: Double
    /// Reciprocity evidence of one introduction the other side made (status made or met).
    public var introductionWeight: Double
    /// Reciprocity evidence of a referral, as a share of the referral interaction's weight.
    public var referralWeight: Double
    /// Saturation constant of the reciprocity term `1 − exp(−R / k_r)`.
    public var reciprocitySaturation: Double
    /// β: how far volume can lift the interaction term above the depth, `D · β · x / (x + m)`.
    public var volumeLift: Double
    /// m: the volume (in conversations at the depth) at which the lift reaches half of β.
    public var volumeLiftScale: Double
    /// The number of words at which a written exchange's length factor is 1 (`√(words / norm)`).
    public var wordsNorm: Double
    /// ω: share of a written exchange's weight that counts when nobody answered (one-way stream).
    public var oneWayFactor: Double
    /// Reciprocity evidence per unit of the smaller side of a one-on-one written correspondence.
    public var replyWeight: Double
    /// Factor of an invitation that came with a personal note.
    public var noteFactor: Double
    /// λ of the relationship's age term `λ · D · ln(1 + days since the tie began / τ_s)`.
    public var sinceWeight: Double
    /// τ_s of the relationship's age term, in days.
    public var sinceScaleDays: Double
    /// Multiplier of the declared base strength for inferred ties (same current organization).
    public var inferredFactor: Double
    /// The largest amount embeddedness (mutual contacts) can add.
    public var embeddednessMax: Double
    /// The smallest strength any tie gets: strengths are in `[floor, 1]`.
    public var floor: Double
    /// Weight of each interaction kind, 0…1.
    public var interactionWeights: [InteractionKind: Double]
    /// Base strength of each declared tie kind when nothing else is known, 0…1.
    public var tieBase: [TieKind: Double]
    /// Weight of the evidence from each source, 0…1 (`[strength.sources]`).
    public var sourceWeights: [InteractionSource: Double]

    /// The documented defaults (see `Docs/Scoring.md`).
    public static let `default` = StrengthConfiguration(
        halfLifeDays: 180, saturation: 1.5, groupFactor: 0.5, lengthNormMinutes: 30,
        lengthFactorMin: 0.25, lengthFactorMax: 1.5, unratedRapport: 0.6,
        durationWeight: 0.1, durationScaleDays: 30, initiatedByThemWeight: 0.3,
        introductionWeight: 0.8, referralWeight: 0.5, reciprocitySaturation: 1.0,
        volumeLift: 0.5, volumeLiftScale: 20, wordsNorm: 100, oneWayFactor: 0.3, replyWeight: 0.5,
        noteFactor: 2, sinceWeight: 0.25, sinceScaleDays: 365,
        inferredFactor: 0.5, embeddednessMax: 0.05, floor: 0.01,
        interactionWeights: [
            .informationalInterview: 1.0, .coffee: 1.0, .meeting: 1.0, .videoCall: 0.8, .call: 0.7,
            .referral: 0.6, .email: 0.6, .message: 0.6, .thankYou: 0.15, .event: 0.1,
            .recommendation: 0.6, .invitation: 0.15, .endorsement: 0.05,
        ],
        tieBase: [
            .family: 0.6, .mentor: 0.6, .friend: 0.5, .colleague: 0.3, .classmate: 0.25,
            .formerColleague: 0.2, .acquaintance: 0.1,
        ],
        sourceWeights: [.native: 1.0, .linkedin: 0.9, .calendar: 0.9, .mail: 0.8])

    /// The weight of an interaction kind (0 when a custom configuration left it out).
    public func weight(of kind: InteractionKind) -> Double { interactionWeights[kind] ?? 0 }

    /// The base strength of a tie kind (0 when a custom configuration left it out).
    public func base(of kind: TieKind) -> Double { tieBase[kind] ?? 0 }

    /// The weight of an evidence source (0 when a custom configuration left it out).
    public func weight(of source: InteractionSource) -> Double { sourceWeights[source] ?? 0 }

    /// δ actually used: `min(durationWeight, durationScaleDays · ln 2 / halfLifeDays)`.
    public var effectiveDurationWeight: Double {
        min(durationWeight, durationScaleDays * 0.693_147_180_559_945_3 / halfLifeDays)
    }
}

extension StrengthConfiguration {
    /// A scalar key of `[strength]`: its TOML name, where it lives, and its allowed range.
    struct ScalarKey: Sendable {
        let name: String
        let path: WritableKeyPath<StrengthConfiguration, Double> & Sendable
        let range: ClosedRange<Double>
        let openBelow: Bool
    }

    static let scalarKeys: [ScalarKey] = [
        .init(name: "half_life_days", path: \.halfLifeDays, range: 0...36_500, openBelow: true),
        .init(name: "saturation", path: \.saturation, range: 0...1000, openBelow: true),
        .init(name: "group_factor", path: \.groupFactor, range: 0...1, openBelow: true),
        .init(name: "length_norm_minutes", path: \.lengthNormMinutes, range: 0...1440, openBelow: true),
        .init(name: "length_factor_min", path: \.lengthFactorMin, range: 0...1, openBelow: true),
        .init(name: "length_factor_max", path: \.lengthFactorMax, range: 1...10, openBelow: false),
        .init(name: "unrated_rapport", path: \.unratedRapport, range: 0...1, openBelow: true),
        .init(name: "duration_weight", path: \.durationWeight, range: 0...1, openBelow: false),
        .init(name: "duration_scale_days", path: \.durationScaleDays, range: 0...36_500, openBelow: true),
        .init(name: "initiated_by_them_weight", path: \.initiatedByThemWeight, range: 0...10, openBelow: false),
        .init(name: "introduction_weight", path: \.introductionWeight, range: 0...10, openBelow: false),
        .init(name: "referral_weight", path: \.referralWeight, range: 0...10, openBelow: false),
        .init(name: "reciprocity_saturation", path: \.reciprocitySaturation, range: 0...1000, openBelow: true),
        .init(name: "volume_lift", path: \.volumeLift, range: 0...10, openBelow: false),
        .init(name: "volume_lift_scale", path: \.volumeLiftScale, range: 0...100_000, openBelow: true),
        .init(name: "words_norm", path: \.wordsNorm, range: 0...100_000, openBelow: true),
        .init(name: "one_way_factor", path: \.oneWayFactor, range: 0...1, openBelow: false),
        .init(name: "reply_weight", path: \.replyWeight, range: 0...10, openBelow: false),
        .init(name: "note_factor", path: \.noteFactor, range: 1...10, openBelow: false),
        .init(name: "since_weight", path: \.sinceWeight, range: 0...10, openBelow: false),
        .init(name: "since_scale_days", path: \.sinceScaleDays, range: 0...36_500, openBelow: true),
        .init(name: "inferred_factor", path: \.inferredFactor, range: 0...1, openBelow: false),
        .init(name: "embeddedness_max", path: \.embeddednessMax, range: 0...0.5, openBelow: false),
        .init(name: "floor", path: \.floor, range: 0...0.5, openBelow: true),
    ]

    static let section = "strength"
    static let interactionsSection = "strength.interactions"
    static let tiesSection = "strength.ties"
    static let sourcesSection = "strength.sources"

    /// Reads `[strength]`, `[strength.interactions]`, `[strength.ties]` and `[strength.sources]` over
    /// the defaults.
    /// - Throws: `ConfigurationError.unknownKey` (naming the known keys) or `.invalidValue`.
    init(document: TOMLDocument) throws(ConfigurationError) {
        self = .default
        let scalars = Dictionary(uniqueKeysWithValues: Self.scalarKeys.map { ($0.name, $0) })
        for (key, entry) in document.table(Self.section).sorted(by: { $0.value.location < $1.value.location }) {
            guard let spec = scalars[key] else {
                throw .unknownKey(entry.location, section: Self.section, key: key, known: Self.scalarKeys.map(\.name))
            }
            let lower =
                spec.openBelow
                ? "greater than \(Self.format(spec.range.lowerBound))"
                : "at least \(Self.format(spec.range.lowerBound))"
            let expected = "a number \(lower) and at most \(Self.format(spec.range.upperBound))"
            guard let d = entry.value.doubleValue, d.isFinite, spec.range.contains(d),
                !(spec.openBelow && d == spec.range.lowerBound)
            else { throw .invalidValue(entry.location, section: Self.section, key: key, expected: expected) }
            self[keyPath: spec.path] = d
        }
        interactionWeights = try Self.weights(
            document.table(Self.interactionsSection), section: Self.interactionsSection, over: interactionWeights)
        tieBase = try Self.weights(document.table(Self.tiesSection), section: Self.tiesSection, over: tieBase)
        sourceWeights = try Self.weights(
            document.table(Self.sourcesSection), section: Self.sourcesSection, over: sourceWeights)
    }

    private static func weights<Kind: RawRepresentable & CaseIterable & Hashable>(
        _ table: [String: TOMLEntry], section: String, over defaults: [Kind: Double]
    ) throws(ConfigurationError) -> [Kind: Double] where Kind.RawValue == String {
        var result = defaults
        for (key, entry) in table.sorted(by: { $0.value.location < $1.value.location }) {
            guard let kind = Kind(rawValue: key) else {
                throw .unknownKey(entry.location, section: section, key: key, known: Kind.allCases.map(\.rawValue))
            }
            guard let d = entry.value.doubleValue, d.isFinite, (0...1).contains(d) else {
                throw .invalidValue(entry.location, section: section, key: key, expected: "a number from 0 to 1")
            }
            result[kind] = d
        }
        return result
    }

    private static func format(_ d: Double) -> String {
        d.rounded() == d && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }
}
