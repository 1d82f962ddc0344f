import Foundation

/// One factor of a strength: its name, its raw input, and what it contributes.
public struct StrengthFactor: Hashable, Sendable, Codable {
    /// A stable identifier: `declared`, `interactions`, `reciprocity`, `embeddedness`, `floor`
    /// (these add up to the strength), and `depth`, `duration`, `recency`, `frequency`, `since`,
    /// `replies`, `sources` (parts of the ones above).
    public let name: String
    /// The raw input: the base strength, the weighted volume Y, the reciprocity evidence R, the
    /// embeddedness evidence M, the depth D, days since the first or last interaction, the volume in
    /// conversations at the depth (`frequency`), days since the tie began (`since`), the smaller side
    /// of the written correspondence (`replies`), the number of imported rows (`sources`).
    public let input: Double
    /// The input in words ("3 interactions, weighted volume 1.84").
    public let detail: String
    /// How much the factor adds to the strength. For the additive factors, the amount it adds after
    /// the ones listed before it; for `depth` 0 (it is the ceiling of `interactions`); for
    /// `duration` what removing the duration credit would take away; for `recency` what the decay
    /// takes away (zero or negative); for `frequency`, `since`, `replies` and `sources` what the
    /// slow volume term, the tie's age, the replies and the source weights change (the last zero or
    /// negative).
    public let contribution: Double
    /// Whether the factor is one of the terms that add up to the strength.
    public let isAdditive: Bool

    /// The non-additive factors of the evidence model's newer terms (the slow volume term, the tie's
    /// age, replies, source weights), which `ties --explain` shows as parts of the additive ones.
    public static let evidenceTerms: Set<String> = ["frequency", "since", "replies", "sources"]
}

/// Why a tie has the strength it has: the factor breakdown and a sentence in plain words.
public struct StrengthExplanation: Hashable, Sendable {
    public let edge: Int32
    /// The two people, as in `snapshot.ties.endpoints`.
    public let personA: Int32
    public let personB: Int32
    public let strength: Double
    public let factors: [StrengthFactor]
    /// "3 one-on-one meetings (last 41 days ago), rapport 4.7/5, they introduced you to 2 people".
    public let sentence: String
    public let evidence: TieEvidence

    /// The factor named `name`, if present.
    public func factor(_ name: String) -> StrengthFactor? { factors.first { $0.name == name } }
}

extension TieStrengths {
    /// The factor breakdown and plain-words sentence of edge `edge`.
    /// - Precondition: `edge` is an edge of the snapshot.
    /// - Complexity: O(Iₑ + Jₑ) (the tie's evidence is gathered a few times over, once per
    ///   counterfactual factor).
    public func explain(edge: Int32) -> StrengthExplanation {
        let ev = evidence(edge: edge)
        let c = configuration
        let s = values[Int(edge)]
        let embed = embeddedness[edge]
        var factors: [StrengthFactor] = []
        let tie = snapshot.ties[Int(edge)]
        let introductions = introductionsByEdge[edge] ?? []

        let afterInteractions = StrengthModel.combine(ev.declared, ev.interactionStrength, 0)
        let afterReciprocity = ev.core
        let afterEmbeddedness = Swift.min(1, ev.core + (embed?.contribution ?? 0))
        factors.append(
            StrengthFactor(
                name: "declared", input: ev.declared, detail: Self.describeDeclared(tie), contribution: ev.declared,
                isAdditive: true))
        var volumeDetail = "\(Self.plural(ev.interactionCount, "interaction")), weighted volume \(Self.format(ev.volume))"
        if ev.writtenExchangeCount > 0 {
            volumeDetail += ", \(Self.plural(ev.writtenExchangeCount, "written exchange"))"
        }
        factors.append(
            StrengthFactor(
                name: "interactions", input: ev.volume, detail: volumeDetail,
                contribution: afterInteractions - ev.declared, isAdditive: true))
        var reciprocityDetail =
            "\(ev.initiatedByThemCount) started by them, \(Self.plural(ev.referralCount, "referral")), "
            + "\(Self.plural(ev.introductionCount, "introduction"))"
        if ev.recommendationCount > 0 { reciprocityDetail += ", \(Self.plural(ev.recommendationCount, "recommendation"))" }
        if ev.replyEvidence > 0 { reciprocityDetail += ", replies \(Self.format(ev.replyEvidence))" }
        factors.append(
            StrengthFactor(
                name: "reciprocity", input: ev.reciprocityEvidence, detail: reciprocityDetail,
                contribution: afterReciprocity - afterInteractions, isAdditive: true))
        factors.append(
            StrengthFactor(
                name: "embeddedness", input: embed?.evidence ?? 0,
                detail: Self.plural(embed?.mutualContacts ?? 0, "mutual contact"),
                contribution: afterEmbeddedness - afterReciprocity, isAdditive: true))
        if s > afterEmbeddedness {
            factors.append(
                StrengthFactor(
                    name: "floor", input: c.floor, detail: "the smallest strength a tie gets",
                    contribution: s - afterEmbeddedness, isAdditive: true))
        }

        factors.append(
            StrengthFactor(
                name: "depth", input: ev.depth, detail: "most intimate contact, faded by age: \(Self.format(ev.depth))",
                contribution: 0, isAdditive: false))
        let withoutDuration = StrengthModel.combine(
            ev.declared,
            model.interactionStrength(volume: ev.volume - ev.durationWeight * ev.durationCredit, depth: ev.depth),
            ev.reciprocityStrength)
        factors.append(
            StrengthFactor(
                name: "duration", input: Double(ev.daysSinceFirst ?? 0),
                detail: ev.daysSinceFirst.map { "first interaction \(Self.plural($0, "day")) ago" }
                    ?? "no interactions",
                contribution: ev.core - withoutDuration, isAdditive: false))
        let fresh = model.evidence(
            edge: edge, in: snapshot, asOf: asOf, introductions: introductions, decaying: false)
        factors.append(
            StrengthFactor(
                name: "recency", input: Double(ev.daysSinceLast ?? 0),
                detail: ev.daysSinceLast.map { "last interaction \(Self.plural($0, "day")) ago" } ?? "no interactions",
                contribution: ev.core - fresh.core, isAdditive: false))
        factors += counterfactualFactors(edge: edge, evidence: ev, introductions: introductions)

        return StrengthExplanation(
            edge: edge, personA: snapshot.ties.endpoints[2 * Int(edge)],
            personB: snapshot.ties.endpoints[2 * Int(edge) + 1], strength: s, factors: factors,
            sentence: Self.sentence(
                ev, tie: tie, embeddedness: embed, introductionsByYou: introductionsByUser(on: edge))
                + sharedHistoryClause(edge: edge),
            evidence: ev)
    }

    /// `frequency`, `since`, `replies` and `sources`: what each of the terms added for evidence
    /// sources changes, by evaluating the tie without it.
    func counterfactualFactors(edge: Int32, evidence ev: TieEvidence, introductions: [Int]) -> [StrengthFactor] {
        func core(_ change: (inout StrengthConfiguration) -> Void, countingReplies: Bool = true) -> Double {
            var configuration = self.configuration
            change(&configuration)
            return StrengthModel(configuration: configuration).evidence(
                edge: edge, in: snapshot, asOf: asOf, introductions: introductions, countingReplies: countingReplies
            ).core
        }
        let conversations = ev.depth > 0 ? ev.volume / ev.depth : 0
        let imported = ev.countsBySource.values.reduce(0) { $0 + $1.total }
        let sources = Dictionary(grouping: ev.countsBySource, by: \.key.source).mapValues {
            $0.reduce(0) { $0 + $1.value.total }
        }
        let sourceDetail =
            imported == 0
            ? "no imported evidence"
            : InteractionSource.allCases.compactMap { source in
                sources[source].map { "\(Self.sourceName(source)) \($0) (weight \(Self.format(configuration.weight(of: source))))" }
            }.joined(separator: ", ")
        return [
            StrengthFactor(
                name: "frequency", input: conversations,
                detail: "volume of \(Self.format(conversations, digits: 1)) conversations at the depth",
                contribution: ev.core - core { $0.volumeLift = 0 }, isAdditive: false),
            StrengthFactor(
                name: "since", input: Double(ev.daysSinceTieStart ?? 0),
                detail: ev.daysSinceTieStart.map { "tie began \(Self.plural($0, "day")) ago" } ?? "start of the tie unknown",
                contribution: ev.core - core { $0.sinceWeight = 0 }, isAdditive: false),
            StrengthFactor(
                name: "replies", input: Swift.min(ev.writtenFromMe, ev.writtenFromThem),
                detail: ev.writtenExchangeCount == 0
                    ? "no written exchanges"
                    : ev.isTwoWay ? "both sides wrote" : "only one side wrote",
                contribution: ev.core - core({ _ in }, countingReplies: false), isAdditive: false),
            StrengthFactor(
                name: "sources", input: Double(imported), detail: sourceDetail,
                contribution: ev.core
                    - core { c in for s in InteractionSource.allCases { c.sourceWeights[s] = 1 } },
                isAdditive: false),
        ]
    }

    /// How many of the counted introductions on `edge` the user made, or `nil` when the user is not
    /// on the tie (the sentence then speaks of both sides).
    func introductionsByUser(on edge: Int32) -> Int? {
        guard let me = snapshot.selfIndex,
            snapshot.ties.endpoints[2 * Int(edge)] == me || snapshot.ties.endpoints[2 * Int(edge) + 1] == me
        else { return nil }
        let myID = snapshot.people.id(me)
        return (introductionsByEdge[edge] ?? []).filter { i in
            let introduction = snapshot.introductions[i]
            return introduction.introducerID == myID && (introduction.date.map { $0 <= asOf } ?? true)
        }.count
    }

    /// ", shared history: studied at X, worked at Y" for a tie of the user's with shared history,
    /// else "" (`NetworkSnapshot.sharedHistory`). It explains; it does not change the strength.
    func sharedHistoryClause(edge: Int32) -> String {
        guard let me = snapshot.selfIndex else { return "" }
        let a = snapshot.ties.endpoints[2 * Int(edge)], b = snapshot.ties.endpoints[2 * Int(edge) + 1]
        guard a == me || b == me else { return "" }
        let phrases = snapshot.sharedHistory(ego: me, other: a == me ? b : a).phrases
        return phrases.isEmpty ? "" : ", shared history: " + phrases.joined(separator: ", ")
    }
}
