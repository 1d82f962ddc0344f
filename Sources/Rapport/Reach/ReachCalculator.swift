/// How far one person (the ego, usually the user) reaches into organizations, sectors and schools.
///
/// `reach(g) = s₁ + (1 − s₁) · Σ_{k ≥ 2} 2^−(k−1) · s_k` over the ego's ties into g sorted strongest
/// first (`ReachFormula`): the strongest tie counts whole, the next ones with halving weights. It is
/// dominated by the strongest ties — one tie at 0.8 gives 0.8, five at 0.1 give 0.19, no number of
/// ties below 0.3 reaches 0.51 — which is the "quality over quantity" rule of DESIGN §5
/// (Granovetter 1973, doi:10.1086/225469).
///
/// The calculator groups the ego's ties once (O(deg ego · groups per person)); listing reach and
/// asking for reach gains are then cheap, so a suggestion engine can ask for thousands of gains.
public struct ReachCalculator: Sendable {
    public let ego: Int32
    public let strengths: TieStrengths
    /// The ego's strength to each neighbour.
    let strengthToNeighbor: [Int32: Double]
    /// Accumulated groups by grouping, then by group key.
    let groups: [ReachGrouping: [String: Group]]

    struct Group: Sendable {
        var name: String
        var ties: [ReachTie]
    }

    /// Groups the ego's ties by organization, sector and school.
    /// - Throws: `ScoringError.unknownPerson` when `ego` is not a person of the strengths' snapshot.
    /// - Complexity: O(deg(ego) · (1 + sectors + schools per neighbour)).
    public init(ego: Int32, strengths: TieStrengths) throws(ScoringError) {
        let snapshot = strengths.snapshot
        guard ego >= 0, Int(ego) < snapshot.personCount else { throw .unknownPerson(ego) }
        self.ego = ego
        self.strengths = strengths
        let graph = snapshot.graph
        var toNeighbor: [Int32: Double] = [:]
        var groups: [ReachGrouping: [String: Group]] = [:]
        for grouping in ReachGrouping.allCases { groups[grouping] = [:] }
        for h in graph.halfEdges(of: ego) {
            let v = graph.neighbors[h]
            let s = strengths.values[Int(graph.incidentEdges[h])]
            toNeighbor[v] = s
            for grouping in ReachGrouping.allCases {
                for (key, name) in Self.groups(of: v, by: grouping, in: snapshot) {
                    groups[grouping, default: [:]][key, default: Group(name: name, ties: [])].ties.append(
                        ReachTie(person: v, strength: s))
                }
            }
        }
        self.strengthToNeighbor = toNeighbor
        self.groups = groups
    }

    /// The ego's reach into every group it has a tie into, highest first (ties broken by name),
    /// each with the ties that carry it, strongest first. Empty when the ego has no ties there.
    /// - Complexity: O(G log G + T log T) for G groups holding T ties.
    public func reach(by grouping: ReachGrouping) -> [ReachEntry] {
        let entries = (groups[grouping] ?? [:]).map { key, group in
            let ties = group.ties.sorted { ($0.strength, -$0.person) > ($1.strength, -$1.person) }
            return ReachEntry(
                key: key, name: group.name, reach: ReachFormula.reach(sortedDescending: ties.map(\.strength)),
                ties: ties)
        }
        return entries.sorted { a, b in
            if a.reach != b.reach { return a.reach > b.reach }
            if a.name != b.name { return a.name < b.name }
            return a.key < b.key
        }
    }

    /// The ego's reach into one group, named as users write it ("Fenwick & West LLP", "ip law");
    /// 0 when the ego has no tie there.
    /// - Complexity: O(length of the name + t log t) for the t ties there.
    public func reach(into name: String, by grouping: ReachGrouping) -> Double {
        let key = grouping == .organization ? NameKey.organization(name) : NameKey.person(name)
        guard let group = groups[grouping]?[key] else { return 0 }
        return ReachFormula.reach(group.ties.map(\.strength))
    }

    /// How much the ego's reach into `person`'s group would rise if the ego had a tie of strength
    /// `strength` to them (an existing weaker tie is replaced; a stronger one is kept). For sectors
    /// and schools, the largest gain over the person's groups. 0 when the person has no group.
    ///
    /// `gain = reach(others ∪ {max(s, s_old)}) − reach(others ∪ {s_old})` with `ReachFormula`, where
    /// `others` are the ego's other ties into the group; high (= s) where the ego has no tie there,
    /// small where a strong tie exists.
    /// - Throws: `ScoringError.unknownPerson` for an index outside the snapshot,
    ///   `.egoIsCandidate` when `person` is the ego, `.invalidStrength` unless 0 < strength ≤ 1.
    /// - Complexity: O(groups of the person · t log t) for t ego ties into them — O(1) when the ego
    ///   has at most a handful of ties per group.
    public func reachGain(ifTieTo person: Int32, at strength: Double, by grouping: ReachGrouping = .organization)
        throws(ScoringError) -> Double
    {
        guard person >= 0, Int(person) < strengths.snapshot.personCount else { throw .unknownPerson(person) }
        guard person != ego else { throw .egoIsCandidate(person) }
        guard strength > 0, strength <= 1 else { throw .invalidStrength(strength) }
        let old = strengthToNeighbor[person] ?? 0
        let new = Swift.max(old, strength)
        var best = 0.0
        for (key, _) in Self.groups(of: person, by: grouping, in: strengths.snapshot) {
            let others = (groups[grouping]?[key]?.ties ?? []).filter { $0.person != person }.map(\.strength)
                .sorted(by: >)
            let before = ReachFormula.reach(sortedOthers: others, adding: old)
            let after = ReachFormula.reach(sortedOthers: others, adding: new)
            best = Swift.max(best, after - before)
        }
        return best
    }

    /// The groups a person belongs to, as (key, display name): the current organization, or each
    /// sector or school (folded keys, so "IP Law" and "ip law" are one group).
    static func groups(of person: Int32, by grouping: ReachGrouping, in snapshot: NetworkSnapshot) -> [(String, String)]
    {
        switch grouping {
        case .organization:
            let o = snapshot.organizationIndex[Int(person)]
            guard o >= 0 else { return [] }
            let organization = snapshot.organizations[Int(o)]
            return [(organization.key, organization.name)]
        case .sector:
            return folded(snapshot.people[Int(person)].sectors)
        case .school:
            return folded(snapshot.people[Int(person)].schools)
        }
    }

    private static func folded(_ names: [String]) -> [(String, String)] {
        var seen: Set<String> = []
        var result: [(String, String)] = []
        for name in names {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            let key = NameKey.person(trimmed)
            guard !key.isEmpty, seen.insert(key).inserted else { continue }
            result.append((key, trimmed))
        }
        return result
    }
}

extension ReachCalculator {
    /// The ego's reach by `grouping`: `ReachCalculator(ego:strengths:).reach(by:)` in one call.
    /// - Throws: `ScoringError.unknownPerson` when `ego` is not in the snapshot.
    public static func reach(of ego: Int32, by grouping: ReachGrouping, strengths: TieStrengths)
        throws(ScoringError) -> [ReachEntry]
    {
        try ReachCalculator(ego: ego, strengths: strengths).reach(by: grouping)
    }
}
