import Foundation

extension StrengthModel {
    /// The declared base strength of a tie: `base(kind)`, contacts as acquaintances, × the inferred
    /// factor for inferred ties.
    /// - Complexity: O(1).
    @inlinable
    public func declaredStrength(of tie: Tie) -> Double {
        let kind: TieKind = tie.origin == .contact ? .acquaintance : tie.kind
        let base = configuration.base(of: kind)
        return tie.isInferred ? base * configuration.inferredFactor : base
    }

    /// The intimacy pⱼ of one interaction before decay and length: `w(kind) · g · ρ(rapport) · σ(source)`,
    /// × the note factor for an invitation that came with a personal note (words > 0).
    ///
    /// `g` is 1 one-on-one and `groupFactor` in a group; `ρ = rating / 5` with the rating clamped to
    /// 1…5, or `unratedRapport`; `σ` the weight of the interaction's source (`[strength.sources]`).
    /// - Complexity: O(1).
    public func intimacy(of interaction: Interaction) -> Double {
        let c = configuration
        var p = c.weight(of: interaction.kind) * c.weight(of: interaction.source) * rapportFactor(interaction.rapport)
        if !interaction.isOneOnOne { p *= c.groupFactor }
        if interaction.kind == .invitation, (interaction.words ?? 0) > 0 { p *= c.noteFactor }
        return p
    }

    /// The quality of one interaction before decay, `intimacy × length factor`: what one unit of
    /// evidence adds to the volume when it is fresh. For written kinds the length comes from the words.
    /// - Complexity: O(1).
    public func quality(of interaction: Interaction) -> Double {
        let written = Self.isWritten(interaction.kind)
        let length =
            written
            ? wordsFactor(Double(interaction.words ?? Int(configuration.wordsNorm)))
            : lengthFactor(minutes: interaction.minutes)
        return intimacy(of: interaction) * length
    }

    /// `ρ`: rating / 5 (clamped to 1…5), or `unratedRapport`.
    @inlinable
    func rapportFactor(_ rating: Int?) -> Double {
        guard let rating else { return configuration.unratedRapport }
        return Double(Swift.min(5, Swift.max(1, rating))) / 5
    }

    /// `ℓ = min(ℓ_max, ℓ_min + (1 − ℓ_min) · √(minutes / norm))`; 1 when the length is unknown.
    ///
    /// Strictly increasing up to the cap, so two short contacts of 2 and 8 minutes differ (a bound
    /// below, as before, put almost every face-to-face contact at the floor), and concave, so that
    /// merging the rows of one written exchange never adds more than the row before.
    @inlinable
    func lengthFactor(minutes: Int?) -> Double {
        guard let minutes, minutes > 0 else { return 1 }
        return length(Double(minutes) / configuration.lengthNormMinutes)
    }

    /// `ℓ_w`: the length factor of `words / wordsNorm`.
    @inlinable
    func wordsFactor(_ words: Double) -> Double {
        length(Swift.max(0, words) / configuration.wordsNorm)
    }

    /// `min(ℓ_max, ℓ_min + (1 − ℓ_min) · √u)` for a length u in units of the norm.
    @inlinable
    func length(_ u: Double) -> Double {
        let c = configuration
        return Swift.min(c.lengthFactorMax, c.lengthFactorMin + (1 - c.lengthFactorMin) * u.squareRoot())
    }

    /// Email and messages: credited by exchange (one a day), not by row.
    @inlinable
    static func isWritten(_ kind: InteractionKind) -> Bool { kind == .email || kind == .message }

    /// `2^(−age / halfLife)`; 1 for an age of 0 or less.
    @inlinable
    func decay(age: Int) -> Double {
        age <= 0 ? 1 : exp2(-Double(age) / configuration.halfLifeDays)
    }

    /// Gathers the evidence on tie `edge` as of `day`: interactions dated after `day` and
    /// introductions dated after it are ignored.
    ///
    /// - Parameters:
    ///   - introductions: indices into `snapshot.introductions` that concern this tie (made or met,
    ///     introducer on one side and recipient on the other).
    ///   - decaying: `false` evaluates as if every interaction happened on `day` (used to show what
    ///     recency costs).
    ///   - countingReplies: `false` evaluates as if nobody had answered in writing (used to show what
    ///     replies add).
    /// - Complexity: O(Iₑ + Jₑ) for the tie's interactions and introductions (a hash table groups the
    ///   written rows by day).
    func evidence(
        edge: Int32, in snapshot: NetworkSnapshot, asOf day: Day, introductions: [Int], decaying: Bool = true,
        countingReplies: Bool = true
    ) -> TieEvidence {
        let c = configuration
        var ev = TieEvidence()
        let tie = snapshot.ties[Int(edge)]
        ev.declared = declaredStrength(of: tie)
        ev.durationWeight = c.effectiveDurationWeight
        var depth = 0.0
        var written = WrittenExchanges()
        for interaction in snapshot.interactions(onTie: edge) {
            let age = interaction.date.days(until: day)
            guard age >= 0 else {
                ev.laterInteractionCount += 1
                continue
            }
            ev.record(interaction, age: age)
            let fade = decaying ? decay(age: age) : 1
            if Self.isWritten(interaction.kind) {
                written.add(interaction, age: age, fade: fade, rapport: rapportFactor(interaction.rapport))
                continue
            }
            let d = intimacy(of: interaction) * fade
            let contribution = d * lengthFactor(minutes: interaction.minutes)
            depth = Swift.max(depth, d)
            ev.frequency += contribution
            ev.durationCredit = Swift.max(ev.durationCredit, contribution * log1p(Double(age) / c.durationScaleDays))
            switch interaction.kind {
            case .referral, .recommendation:
                ev.reciprocityEvidence += c.referralWeight * contribution
            default:
                if interaction.isOneOnOne, interaction.initiatedBy == .them {
                    ev.initiatedByThemCount += 1
                    if interaction.kind != .invitation, interaction.kind != .endorsement { ev.conversationsStartedByThem += 1 }
                    ev.reciprocityEvidence += c.initiatedByThemWeight * contribution
                }
            }
        }
        let text = written.summary(model: self, countingReplies: countingReplies)
        depth = Swift.max(depth, text.depth)
        ev.frequency += text.volume
        ev.writtenVolume = text.volume
        ev.writtenExchangeCount = text.exchanges
        ev.isTwoWay = text.isTwoWay
        ev.writtenFromMe = text.fromMe
        ev.writtenFromThem = text.fromThem
        ev.durationCredit = Swift.max(ev.durationCredit, text.durationCredit)
        ev.replyEvidence = text.isTwoWay ? c.replyWeight * Swift.min(text.fromMe, text.fromThem) : 0
        ev.reciprocityEvidence += ev.replyEvidence
        for i in introductions {
            let introduction = snapshot.introductions[i]
            var weight = 1.0
            if let date = introduction.date {
                let age = date.days(until: day)
                guard age >= 0 else { continue }
                weight = decaying ? decay(age: age) : 1
            }
            ev.introductionCount += 1
            ev.reciprocityEvidence += c.introductionWeight * weight
        }
        ev.depth = Swift.min(1, depth)
        if tie.origin != .interaction, let since = tie.since, since.days(until: day) >= 0 {
            let days = since.days(until: day)
            ev.daysSinceTieStart = days
            ev.sinceCredit = c.sinceWeight * log1p(Double(days) / c.sinceScaleDays)
        }
        ev.interactionStrength = interactionStrength(volume: ev.volume, depth: ev.depth)
        ev.reciprocityStrength = 1 - exp(-ev.reciprocityEvidence / c.reciprocitySaturation)
        ev.core = Self.combine(ev.declared, ev.interactionStrength, ev.reciprocityStrength)
        return ev
    }

    /// `min(1, D · (1 − exp(−x/k) + β · x / (x + m)))` with `x = Y / D`, and 0 without depth.
    ///
    /// The first term saturates after a few conversations at the depth (k of them reach 63 %); the
    /// second, slow one keeps ordering ties of equal depth by their volume up to hundreds of contacts
    /// and is bounded by `β · D`, so volume never buys more than `(1 + β)` times the depth. Increasing
    /// in Y and in D, concave in Y.
    /// - Complexity: O(1).
    @inlinable
    func interactionStrength(volume: Double, depth: Double) -> Double {
        guard depth > 0, volume > 0 else { return 0 }
        let c = configuration
        let x = volume / depth
        return Swift.min(1, depth * (-expm1(-x / c.saturation) + c.volumeLift * x / (x + c.volumeLiftScale)))
    }

    /// Noisy-OR of independent pieces of evidence: `1 − Π(1 − sᵢ)`.
    @inlinable
    static func combine(_ a: Double, _ b: Double, _ c: Double) -> Double {
        1 - (1 - a) * (1 - b) * (1 - c)
    }

    /// The introductions that count for each tie: status made or met, the introducer on one end and
    /// the recipient (`toID`) on the other.
    /// - Complexity: O(J · min degree) for J introductions.
    static func introductionsByEdge(in snapshot: NetworkSnapshot) -> [Int32: [Int]] {
        var result: [Int32: [Int]] = [:]
        for (i, introduction) in snapshot.introductions.enumerated()
        where introduction.status == .made || introduction.status == .met {
            guard let a = snapshot.index(ofID: introduction.introducerID),
                let b = snapshot.index(ofID: introduction.toID),
                let edge = snapshot.tie(between: a, and: b)
            else { continue }
            result[edge, default: []].append(i)
        }
        return result
    }
}
