import Foundation

/// The written evidence of one tie (email, messages), grouped into exchanges: one per day, source,
/// kind and format, so a busy correspondence of hundreds of rows counts by the days people wrote.
///
/// For exchange e (intimacy pₑ from its kind, format, best ρ of its rows and source; `Wₑ` words, a row of
/// unknown length counting `wordsNorm`): `dₑ = pₑ · 2^(−aₑ/h)` and `cₑ = dₑ · ℓ_w(Wₑ)`. Over the
/// one-on-one exchanges, `S = Σ cₑ`, `S_me` and `S_them` the sums over the exchanges each side wrote
/// in (a row without a direction counts for both). Then
///
/// `Y_written = ω · S + (1 − ω) · min(S, 2 · min(S_me, S_them)) + ω · S_group`
///
/// — a correspondence counts whole as far as both sides wrote, a one-way stream at ω — and each
/// exchange's depth candidate is `dₑ` when both sides wrote one-on-one (`dₑ · ω` otherwise, and
/// always in a group: a group chat shows no reply to you). Reference: Gilbert & Karahalios (2009)
/// found words exchanged and reciprocity predictive of tie strength, doi:10.1145/1518701.1518736.
struct WrittenExchanges {
    struct Key: Hashable {
        let source: InteractionSource
        let kind: InteractionKind
        let isOneOnOne: Bool
        let day: Day
    }

    struct Exchange {
        var words = 0.0
        var rowsOfUnknownLength = 0
        /// The best ρ of its rows (an unrated row counts `unratedRapport`), so a row never lowers it.
        var rapport = 0.0
        var fromMe = false
        var fromThem = false
        var age = 0
        var fade = 1.0
    }

    /// What the written evidence gives the tie.
    struct Summary {
        var volume = 0.0
        var depth = 0.0
        var durationCredit = 0.0
        var fromMe = 0.0
        var fromThem = 0.0
        var exchanges = 0
        var isTwoWay = false
    }

    /// In the order of their first row (the tie's rows come oldest first), so sums are reproducible.
    private var exchanges: [(key: Key, exchange: Exchange)] = []
    private var indexByKey: [Key: Int] = [:]

    /// Adds one row to its day's exchange.
    /// - Complexity: O(1) expected.
    /// - Parameter rapport: the row's ρ (`StrengthModel.rapportFactor`).
    mutating func add(_ interaction: Interaction, age: Int, fade: Double, rapport: Double) {
        let key = Key(
            source: interaction.source, kind: interaction.kind, isOneOnOne: interaction.isOneOnOne,
            day: interaction.date)
        let index: Int
        if let known = indexByKey[key] {
            index = known
        } else {
            index = exchanges.count
            indexByKey[key] = index
            exchanges.append((key, Exchange(age: age, fade: fade)))
        }
        var e = exchanges[index].exchange
        if let words = interaction.words { e.words += Double(words) } else { e.rowsOfUnknownLength += 1 }
        e.rapport = Swift.max(e.rapport, rapport)
        switch interaction.initiatedBy {
        case .me: e.fromMe = true
        case .them: e.fromThem = true
        case nil:
            e.fromMe = true
            e.fromThem = true
        }
        exchanges[index].exchange = e
    }

    /// Volume, depth, duration credit and the two sides' sums (see the type's formula).
    /// - Parameter countingReplies: `false` counts every exchange as one-way.
    /// - Complexity: O(number of exchanges).
    func summary(model: StrengthModel, countingReplies: Bool) -> Summary {
        let c = model.configuration
        let omega = c.oneWayFactor
        var out = Summary()
        var total = 0.0, group = 0.0
        var anyMe = false, anyThem = false
        var oneOnOne: [(depth: Double, contribution: Double, age: Int)] = []
        for (key, e) in exchanges {
            let words = e.words + Double(e.rowsOfUnknownLength) * c.wordsNorm
            var p = c.weight(of: key.kind) * c.weight(of: key.source) * e.rapport
            if !key.isOneOnOne { p *= c.groupFactor }
            let d = p * e.fade
            let contribution = d * model.wordsFactor(words)
            out.exchanges += 1
            if key.isOneOnOne {
                total += contribution
                if e.fromMe { out.fromMe += contribution }
                if e.fromThem { out.fromThem += contribution }
                anyMe = anyMe || e.fromMe
                anyThem = anyThem || e.fromThem
                oneOnOne.append((d, contribution, e.age))
            } else {
                group += contribution
                out.depth = Swift.max(out.depth, d * omega)
                out.durationCredit = Swift.max(
                    out.durationCredit, contribution * omega * log1p(Double(e.age) / c.durationScaleDays))
            }
        }
        out.isTwoWay = countingReplies && anyMe && anyThem
        let share = out.isTwoWay ? 1 : omega
        for e in oneOnOne {
            out.depth = Swift.max(out.depth, e.depth * share)
            out.durationCredit = Swift.max(
                out.durationCredit, e.contribution * share * log1p(Double(e.age) / c.durationScaleDays))
        }
        let answered = out.isTwoWay ? Swift.min(total, 2 * Swift.min(out.fromMe, out.fromThem)) : 0
        out.volume = omega * total + (1 - omega) * answered + omega * group
        return out
    }
}
