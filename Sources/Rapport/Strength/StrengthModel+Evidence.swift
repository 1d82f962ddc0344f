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

    /// The quality qᵢ of one interaction before decay: `w(kind) · g · ℓ(minutes) · ρ(rapport)`.
    ///
    /// `g` is 1 one-on-one and `groupFactor` in a group; `ℓ = √(minutes / norm)` bounded to
    /// `[lengthFactorMin, lengthFactorMax]` (1 when the length is unknown); `ρ = rating / 5` with the
    /// rating clamped to 1…5, or `unratedRapport`.
    /// - Complexity: O(1).
    public func quality(of interaction: Interaction) -> Double {
        let c = configuration
        var q = c.weight(of: interaction.kind)
        if !interaction.isOneOnOne { q *= c.groupFactor }
        if let minutes = interaction.minutes, minutes > 0 {
            let factor = (Double(minutes) / c.lengthNormMinutes).squareRoot()
            q *= Swift.min(c.lengthFactorMax, Swift.max(c.lengthFactorMin, factor))
        }
        if let rating = interaction.rapport {
            q *= Double(Swift.min(5, Swift.max(1, rating))) / 5
        } else {
            q *= c.unratedRapport
        }
        return q
    }

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
    /// - Complexity: O(Iₑ + Jₑ) for the tie's interactions and introductions.
    func evidence(
        edge: Int32, in snapshot: NetworkSnapshot, asOf day: Day, introductions: [Int], decaying: Bool = true
    ) -> TieEvidence {
        let c = configuration
        var ev = TieEvidence()
        ev.declared = declaredStrength(of: snapshot.ties[Int(edge)])
        ev.durationWeight = c.effectiveDurationWeight
        var maxContribution = 0.0
        for interaction in snapshot.interactions(onTie: edge) {
            let age = interaction.date.days(until: day)
            guard age >= 0 else {
                ev.laterInteractionCount += 1
                continue
            }
            let q = quality(of: interaction)
            let contribution = q * (decaying ? decay(age: age) : 1)
            ev.interactionCount += 1
            ev.frequency += contribution
            maxContribution = Swift.max(maxContribution, contribution)
            let credit = contribution * log1p(Double(age) / c.durationScaleDays)
            ev.durationCredit = Swift.max(ev.durationCredit, credit)
            ev.daysSinceFirst = Swift.max(ev.daysSinceFirst ?? age, age)
            ev.daysSinceLast = Swift.min(ev.daysSinceLast ?? age, age)
            if interaction.isOneOnOne {
                ev.oneOnOneCount += 1
                ev.countsByKind[interaction.kind, default: .init()].oneOnOne += 1
            } else {
                ev.countsByKind[interaction.kind, default: .init()].group += 1
            }
            if let rating = interaction.rapport {
                ev.rapportSum += Swift.min(5, Swift.max(1, rating))
                ev.ratedCount += 1
            }
            if interaction.initiatedBy == .them {
                ev.initiatedByThemCount += 1
                ev.reciprocityEvidence += c.initiatedByThemWeight * contribution
            }
            if interaction.kind == .referral {
                ev.referralCount += 1
                ev.reciprocityEvidence += c.referralWeight * contribution
            }
        }
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
        ev.depth = Swift.min(1, maxContribution)
        ev.interactionStrength = Self.interactionStrength(volume: ev.volume, depth: ev.depth, saturation: c.saturation)
        ev.reciprocityStrength = 1 - exp(-ev.reciprocityEvidence / c.reciprocitySaturation)
        ev.core = Self.combine(ev.declared, ev.interactionStrength, ev.reciprocityStrength)
        return ev
    }

    /// `D · (1 − exp(−Y / (k·D)))`, and 0 without depth. Increasing in both Y and D.
    @inlinable
    static func interactionStrength(volume: Double, depth: Double, saturation: Double) -> Double {
        guard depth > 0, volume > 0 else { return 0 }
        return depth * -expm1(-volume / (saturation * depth))
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
