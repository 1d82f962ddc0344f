import Foundation

/// One factor of a strength: its name, its raw input, and what it contributes.
public struct StrengthFactor: Hashable, Sendable, Codable {
    /// A stable identifier: `declared`, `interactions`, `reciprocity`, `embeddedness`, `floor`
    /// (these add up to the strength), and `depth`, `duration`, `recency` (parts of `interactions`).
    public let name: String
    /// The raw input: the base strength, the weighted volume Y, the reciprocity evidence R, the
    /// embeddedness evidence M, the depth D, days since the first or last interaction.
    public let input: Double
    /// The input in words ("3 interactions, weighted volume 1.84").
    public let detail: String
    /// How much the factor adds to the strength. For the additive factors, the amount it adds after
    /// the ones listed before it; for `depth` 0 (it is the ceiling of `interactions`); for
    /// `duration` what removing the duration credit would take away; for `recency` what the decay
    /// takes away (zero or negative).
    public let contribution: Double
    /// Whether the factor is one of the terms that add up to the strength.
    public let isAdditive: Bool
}

/// Why a tie has the strength it has: the factor breakdown and a sentence in plain words.
public struct StrengthExplanation: Hashable, Sendable {
    public let edge: Int32
    /// The two people, as in `snapshot.graph.endpoints`.
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
    /// - Complexity: O(Iₑ + Jₑ).
    public func explain(edge: Int32) -> StrengthExplanation {
        let ev = evidence(edge: edge)
        let c = configuration
        let s = values[Int(edge)]
        let embed = embeddedness[edge]
        var factors: [StrengthFactor] = []
        let tie = snapshot.ties[Int(edge)]

        let afterInteractions = StrengthModel.combine(ev.declared, ev.interactionStrength, 0)
        let afterReciprocity = ev.core
        let afterEmbeddedness = Swift.min(1, ev.core + (embed?.contribution ?? 0))
        factors.append(
            StrengthFactor(
                name: "declared", input: ev.declared, detail: Self.describeDeclared(tie), contribution: ev.declared,
                isAdditive: true))
        factors.append(
            StrengthFactor(
                name: "interactions", input: ev.volume,
                detail: "\(Self.plural(ev.interactionCount, "interaction")), weighted volume \(Self.format(ev.volume))",
                contribution: afterInteractions - ev.declared, isAdditive: true))
        factors.append(
            StrengthFactor(
                name: "reciprocity", input: ev.reciprocityEvidence,
                detail: "\(ev.initiatedByThemCount) started by them, \(Self.plural(ev.referralCount, "referral")), "
                    + "\(Self.plural(ev.introductionCount, "introduction"))",
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
                name: "depth", input: ev.depth, detail: "best conversation, faded by age: \(Self.format(ev.depth))",
                contribution: 0, isAdditive: false))
        let withoutDuration = StrengthModel.combine(
            ev.declared,
            StrengthModel.interactionStrength(volume: ev.frequency, depth: ev.depth, saturation: c.saturation),
            ev.reciprocityStrength)
        factors.append(
            StrengthFactor(
                name: "duration", input: Double(ev.daysSinceFirst ?? 0),
                detail: ev.daysSinceFirst.map { "first interaction \(Self.plural($0, "day")) ago" }
                    ?? "no interactions",
                contribution: ev.core - withoutDuration, isAdditive: false))
        let fresh = model.evidence(
            edge: edge, in: snapshot, asOf: asOf, introductions: introductionsByEdge[edge] ?? [], decaying: false)
        factors.append(
            StrengthFactor(
                name: "recency", input: Double(ev.daysSinceLast ?? 0),
                detail: ev.daysSinceLast.map { "last interaction \(Self.plural($0, "day")) ago" } ?? "no interactions",
                contribution: ev.core - fresh.core, isAdditive: false))

        return StrengthExplanation(
            edge: edge, personA: snapshot.graph.endpoints[2 * Int(edge)],
            personB: snapshot.graph.endpoints[2 * Int(edge) + 1], strength: s, factors: factors,
            sentence: Self.sentence(
                ev, tie: tie, embeddedness: embed, introductionsByYou: introductionsByUser(on: edge)),
            evidence: ev)
    }

    /// How many of the counted introductions on `edge` the user made, or `nil` when the user is not
    /// on the tie (the sentence then speaks of both sides).
    func introductionsByUser(on edge: Int32) -> Int? {
        guard let me = snapshot.selfIndex,
            snapshot.graph.endpoints[2 * Int(edge)] == me || snapshot.graph.endpoints[2 * Int(edge) + 1] == me
        else { return nil }
        let myID = snapshot.people[Int(me)].id
        return (introductionsByEdge[edge] ?? []).filter { i in
            let introduction = snapshot.introductions[i]
            return introduction.introducerID == myID && (introduction.date.map { $0 <= asOf } ?? true)
        }.count
    }

    /// The plain-words summary of a tie's evidence, seen from the user when `introductionsByYou` is
    /// given.
    static func sentence(
        _ ev: TieEvidence, tie: Tie, embeddedness: Embeddedness?, introductionsByYou: Int?
    ) -> String {
        var parts: [String] = []
        if ev.interactionCount > 0 {
            var kinds: [(count: Int, order: Int, text: String)] = []
            for (order, kind) in InteractionKind.allCases.enumerated() {
                guard let counts = ev.countsByKind[kind] else { continue }
                let conversational = ![.email, .message, .thankYou, .referral, .invitation, .recommendation, .endorsement].contains(kind)
                if conversational {
                    if counts.oneOnOne > 0 {
                        kinds.append(
                            (
                                counts.oneOnOne, order,
                                "\(counts.oneOnOne) one-on-one \(Self.noun(kind, counts.oneOnOne))"
                            ))
                    }
                    if counts.group > 0 {
                        kinds.append((counts.group, order, "\(counts.group) group \(Self.noun(kind, counts.group))"))
                    }
                } else {
                    kinds.append((counts.total, order, "\(counts.total) \(Self.noun(kind, counts.total))"))
                }
            }
            kinds.sort { ($0.count, -$0.order) > ($1.count, -$1.order) }
            var text = Self.list(kinds.map(\.text))
            if let last = ev.daysSinceLast {
                text += last == 0 ? " (last today)" : " (last \(Self.plural(last, "day")) ago)"
            }
            parts.append(text)
            if ev.ratedCount > 0 {
                parts.append("rapport \(Self.format(Double(ev.rapportSum) / Double(ev.ratedCount), digits: 1))/5")
            }
            if ev.initiatedByThemCount > 0 {
                parts.append(
                    ev.initiatedByThemCount == ev.interactionCount
                        ? "they started every one" : "they started \(ev.initiatedByThemCount) of them")
            }
        } else {
            parts.append("no interactions yet")
        }
        if ev.laterInteractionCount > 0 {
            parts.append("\(ev.laterInteractionCount) dated later not counted")
        }
        if let byYou = introductionsByYou {
            let byThem = ev.introductionCount - byYou
            if byThem > 0 { parts.append("they introduced you to \(Self.plural(byThem, "person", plural: "people"))") }
            if byYou > 0 { parts.append("you introduced them to \(Self.plural(byYou, "person", plural: "people"))") }
        } else if ev.introductionCount > 0 {
            parts.append("\(Self.plural(ev.introductionCount, "introduction")) between them")
        }
        if ev.referralCount > 0 {
            parts.append(
                ev.referralCount == 1 ? "they referred you once" : "they referred you \(ev.referralCount) times")
        }
        if let embeddedness, embeddedness.mutualContacts > 0 {
            parts.append(Self.plural(embeddedness.mutualContacts, "mutual contact"))
        }
        if tie.origin != .interaction || tie.kind != .acquaintance {
            parts.append(describeDeclared(tie))
        }
        return parts.joined(separator: ", ")
    }

    static func describeDeclared(_ tie: Tie) -> String {
        let kind = tie.kind.rawValue.replacingOccurrences(of: "_", with: " ")
        switch tie.origin {
        case .declared: return "declared \(kind)"
        case .contact: return "imported contact (counts as acquaintance)"
        case .interaction: return "known through interactions (\(kind))"
        case .sameOrganization: return "inferred \(kind) (same organization)"
        }
    }

    static func noun(_ kind: InteractionKind, _ count: Int) -> String {
        let singular: String
        switch kind {
        case .informationalInterview: singular = "informational interview"
        case .coffee: singular = "coffee"
        case .meeting: singular = "meeting"
        case .call: singular = "call"
        case .videoCall: singular = "video call"
        case .email: singular = "email"
        case .message: singular = "message"
        case .event: singular = "event"
        case .referral: singular = "referral"
        case .thankYou: singular = "thank-you note"
        case .invitation: singular = "invitation"
        case .recommendation: singular = "recommendation"
        case .endorsement: singular = "endorsement"
        }
        return count == 1 ? singular : singular + "s"
    }

    static func plural(_ n: Int, _ word: String, plural: String? = nil) -> String {
        "\(n) \(n == 1 ? word : plural ?? word + "s")"
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }

    static func format(_ x: Double, digits: Int = 2) -> String {
        String(format: "%.\(digits)f", x)
    }
}
