import Foundation

extension SuggestionEngine {
    /// Builds the full, self-explaining suggestion for a chosen candidate.
    func explain(_ v: Int32, context: inout ScoringContext) -> Suggestion {
        let person = snapshot.people[Int(v)]
        let components = context.components(of: v)
        let score = ScoringContext.score(components, configuration)
        let organization = snapshot.organization(of: v)?.name
        let path = context.paths.path(to: v).map(named)

        var introducer: Introducer?
        var alternatives: [Introducer] = []
        let kind: SuggestionKind
        var shared: [String] = []
        let action: String
        if path.isEmpty {
            kind = .coldOutreach
            shared = sharedGround(v, context: context)
            action = coldOutreachSentence(shared: shared, maxHops: context.paths.maxHops)
        } else {
            let options = context.introducerOptions(for: v)
            let first = path[0].node
            alternatives = options.filter {
                $0.key != first && $0.key != v && $0.value >= configuration.redundancyThreshold
            }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(5)
            .map { makeIntroducer($0.key, reliability: $0.value, context: context) }
            if path.count == 1 {
                kind = .direct
                action =
                    "Request an informational interview directly: you are already connected "
                    + "(\(tieLabel(path[0].strength)), \(Self.format(path[0].strength)))"
            } else {
                kind = .introduction
                let chosen = makeIntroducer(first, reliability: components.reliability, context: context)
                introducer = chosen
                if path.count > 2 {
                    // A longer chain: the introducer knows the next link, not the target.
                    let next = snapshot.people[Int(path[1].node)].displayName
                    action = "Ask \(chosen.name) (\(Self.format(chosen.strength))) to introduce you to \(next) (\(Self.format(path[1].strength))), who can connect you with \(describe(person, organization: organization))"
                } else {
                    action = "Ask \(chosen.name) (\(Self.format(chosen.strength))) to introduce you to \(describe(person, organization: organization))"
                }
            }
        }
        var suggestion = Suggestion(
            node: v, id: person.id, name: person.displayName, organization: organization, title: person.title,
            score: score,
            components: components, path: path, introducer: introducer, alternatives: alternatives, kind: kind,
            shared: shared,
            action: action)
        if !path.isEmpty { suggestion.warmthTerms = context.warmthTerms(of: v) }
        suggestion.sharedHistory = snapshot.sharedHistory(ego: context.ego, other: v).phrases
        return suggestion
    }

    /// A hop with the person's id and name filled in.
    func named(_ hop: PathHop) -> PathHop {
        var hop = hop
        let person = snapshot.people[Int(hop.node)]
        hop.id = person.id
        hop.name = person.displayName
        return hop
    }

    func makeIntroducer(_ z: Int32, reliability: Double, context: ScoringContext) -> Introducer {
        let person = snapshot.people[Int(z)]
        return Introducer(
            node: z, id: person.id, name: person.displayName, strength: context.egoStrength[Int(z)], reliability: reliability
        )
    }

    /// "Dana Lee, Senior Associate at Wilson LLP (IP litigation)": name, then title, organization and
    /// sectors when known.
    func describe(_ person: Person, organization: String?) -> String {
        var text = person.displayName
        if let title = person.title, !title.isEmpty { text += ", \(title)" }
        if let organization, !organization.isEmpty { text += " at \(organization)" }
        let sectors = person.sectors.filter { !$0.isEmpty }
        if !sectors.isEmpty { text += " (\(sectors.joined(separator: ", ")))" }
        return text
    }

    /// "weak tie", "moderate tie" or "strong tie", by the configured thresholds.
    func tieLabel(_ strength: Double) -> String {
        if strength >= configuration.strongTie { return "strong tie" }
        if strength < configuration.weakTie { return "weak tie" }
        return "moderate tie"
    }

    /// What the ego and `v` have in common, most personal first: schools, then organization, then
    /// sectors. Each entry reads "studied at X", "work at X" or "work in X".
    func sharedGround(_ v: Int32, context: ScoringContext) -> [String] {
        let person = snapshot.people[Int(v)]
        var shared: [String] = []
        for school in person.schools where context.egoSchools.contains(NameKey.person(school)) {
            shared.append("studied at \(school)")
        }
        let o = snapshot.organizationIndex[Int(v)]
        if o >= 0, o == snapshot.organizationIndex[Int(context.ego)] {
            shared.append("work at \(snapshot.organizations[Int(o)].name)")
        }
        for name in snapshot.sharedHistory(ego: context.ego, other: v).formerEmployers {
            shared.append("worked at \(name)")
        }
        let index = textIndex
        for k in Int(index.sectorOffsets[Int(v)])..<Int(index.sectorOffsets[Int(v) + 1]) {
            let code = Int(index.sectorCodes[k])
            if context.egoSectors.contains(index.sectorText(Int32(code))) { shared.append("work in \(index.sectors[code])") }
        }
        return shared
    }

    /// "Cold outreach: you both studied at Georgetown Law", joining several shared items with "and".
    func coldOutreachSentence(shared: [String], maxHops: Int?) -> String {
        guard !shared.isEmpty else {
            let within = maxHops.map { " within \($0) \($0 == 1 ? "hop" : "hops")" } ?? ""
            return "Cold outreach: no mutual contact\(within); introduce yourself and your goal"
        }
        // Group consecutive items with the same verb: "studied at A and B".
        var parts: [String] = []
        var lastVerb = ""
        for item in shared {
            let verb = ["studied at ", "work at ", "worked at "].first { item.hasPrefix($0) } ?? "work in "
            let object = String(item.dropFirst(verb.count))
            if verb == lastVerb, let previous = parts.popLast() {
                parts.append(previous + " and " + object)
            } else {
                parts.append(verb + object)
                lastVerb = verb
            }
        }
        return "Cold outreach: you both " + parts.joined(separator: ", and both ")
    }

    /// Two decimals, as printed in actions: 0.82.
    static func format(_ value: Double) -> String { NumberFormat.twoDecimals(value) }
}
