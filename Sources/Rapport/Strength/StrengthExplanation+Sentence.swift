import Foundation

extension TieStrengths {
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
                let conversational = ![.email, .message, .thankYou, .referral, .invitation, .recommendation, .endorsement]
                    .contains(kind)
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
            let imported = importedEvidence(ev)
            var text = DraftContext.list(kinds.map(\.text) + imported.contacts)
            if !text.isEmpty, let last = ev.daysSinceLast {
                text += last == 0 ? " (last today)" : " (last \(Self.plural(last, "day")) ago)"
            }
            if !text.isEmpty { parts.append(text) }
            parts += imported.services
            if ev.ratedCount > 0 {
                parts.append("rapport \(Self.format(Double(ev.rapportSum) / Double(ev.ratedCount), digits: 1))/5")
            }
            if ev.conversationsStartedByThem > 0 {
                parts.append(
                    ev.conversationsStartedByThem == ev.interactionCount
                        ? "they started every one" : "they started \(ev.conversationsStartedByThem) of them")
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

    /// The imported evidence in words, by source: contacts ("14 LinkedIn messages (6 from them,
    /// one-on-one)", "3 one-on-one meetings from your calendar", "2 emails each way") and services
    /// ("wrote you a recommendation", "endorsed you", "invited you to connect with a personal note").
    static func importedEvidence(_ ev: TieEvidence) -> (contacts: [String], services: [String]) {
        var contacts: [String] = []
        var services: [String] = []
        for source in InteractionSource.allCases where source != .native {
            for kind in InteractionKind.allCases {
                let one = ev.countsBySource[TieEvidence.EvidenceKey(source: source, kind: kind, isOneOnOne: true)]
                let group = ev.countsBySource[TieEvidence.EvidenceKey(source: source, kind: kind, isOneOnOne: false)]
                guard one != nil || group != nil else { continue }
                var all = one ?? .init()
                if let group {
                    all.fromMe += group.fromMe
                    all.fromThem += group.fromThem
                    all.unknown += group.unknown
                    all.withNote += group.withNote
                }
                switch kind {
                case .email, .message:
                    contacts.append(written(kind, source: source, all: all, oneOnOne: one?.total ?? 0))
                case .recommendation:
                    if all.fromThem > 0 {
                        services.append(all.fromThem == 1 ? "wrote you a recommendation" : "wrote you \(all.fromThem) recommendations")
                    }
                    if all.fromMe > 0 {
                        services.append(
                            all.fromMe == 1 ? "you wrote them a recommendation" : "you wrote them \(all.fromMe) recommendations")
                    }
                    if all.unknown > 0 { services.append(plural(all.unknown, "recommendation")) }
                case .endorsement:
                    let times = all.fromThem + all.unknown
                    if times > 0 { services.append(times == 1 ? "endorsed you" : "endorsed you \(times) times") }
                    if all.fromMe > 0 { services.append(all.fromMe == 1 ? "you endorsed them" : "you endorsed them \(all.fromMe) times") }
                case .invitation:
                    let note = all.withNote > 0 ? " with a personal note" : ""
                    if all.fromThem + all.unknown > 0 { services.append("invited you to connect" + note) }
                    if all.fromMe > 0 { services.append("you invited them to connect" + (all.fromThem > 0 ? "" : note)) }
                default:
                    let from = source == .calendar ? "from your calendar" : "from \(sourceName(source))"
                    if let one, one.total > 0 { contacts.append("\(one.total) one-on-one \(noun(kind, one.total)) \(from)") }
                    if let group, group.total > 0 { contacts.append("\(group.total) group \(noun(kind, group.total)) \(from)") }
                }
            }
        }
        return (contacts, services)
    }

    /// "14 LinkedIn messages (6 from them, one-on-one)", "2 emails each way".
    static func written(_ kind: InteractionKind, source: InteractionSource, all: TieEvidence.DirectionCount, oneOnOne: Int)
        -> String
    {
        let prefix = source == .linkedin ? "LinkedIn " : ""
        if all.unknown == 0, all.fromMe == all.fromThem, all.fromMe > 0 {
            let format = oneOnOne == all.total ? "" : oneOnOne == 0 ? " (in a group)" : " (\(oneOnOne) one-on-one)"
            return "\(all.fromMe) \(prefix)\(noun(kind, all.fromMe)) each way" + format
        }
        let format =
            oneOnOne == all.total ? "one-on-one" : oneOnOne == 0 ? "in a group" : "\(oneOnOne) one-on-one"
        return "\(all.total) \(prefix)\(noun(kind, all.total)) (\(all.fromThem) from them, \(format))"
    }

    /// The source as the sentence names it.
    static func sourceName(_ source: InteractionSource) -> String {
        switch source {
        case .native: return "your log"
        case .linkedin: return "LinkedIn"
        case .calendar: return "your calendar"
        case .mail: return "your mail"
        }
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


    static func format(_ x: Double, digits: Int = 2) -> String { NumberFormat.decimal(x, digits: digits) }
}
