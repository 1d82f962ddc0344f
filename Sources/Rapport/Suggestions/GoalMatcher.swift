/// Relevance of people to a goal, in [0, 1].
///
///     relevance(p) = Σ_f w_f · match_f(p) / Σ_f w_f
///
/// over the goal fields `f` that have entries, with `match_f(p)` = 1 when any entry of the field
/// occurs (as whole canonical tokens, see `MatchText`) in the person's:
/// - sectors: sectors, title or the organization's sector;
/// - keywords: title, sectors, organization name or tags;
/// - organizations: organization name (normalized key, legal suffixes ignored);
/// - locations: location;
/// - seniority: title.
///
/// An empty goal gives every person relevance 1 (neutral). Per-string results are memoized, since
/// large directories repeat the same titles, sectors and places.
struct GoalMatcher {
    private let goal: Goal
    private let synonyms: SynonymTable
    private let sectors: [MatchText]
    private let keywords: [MatchText]
    private let organizations: [MatchText]
    private let locations: [MatchText]
    private let seniority: [MatchText]
    private let weightSum: Double

    // Bits: 1 sector, 2 keyword, 4 organization, 8 location, 16 seniority.
    private var titleBits: [String: UInt8] = [:]
    private var sectorBits: [String: UInt8] = [:]
    private var locationBits: [String: UInt8] = [:]
    private var organizationBits: [Int32: UInt8] = [:]
    private var tagBits: [String: UInt8] = [:]

    init(goal: Goal, synonyms: SynonymTable) {
        self.goal = goal
        self.synonyms = synonyms
        func compile(_ list: [String]) -> [MatchText] {
            list.map { MatchText($0, synonyms: synonyms) }.filter { !$0.tokens.isEmpty }
        }
        sectors = compile(goal.sectors)
        keywords = compile(goal.keywords)
        organizations = goal.organizations.map { MatchText(NameKey.organization($0), synonyms: synonyms) }.filter { !$0.tokens.isEmpty }
        locations = compile(goal.locations)
        seniority = compile(goal.seniority)
        let w = goal.weights
        weightSum =
            (sectors.isEmpty ? 0 : w.sectors) + (keywords.isEmpty ? 0 : w.keywords)
            + (organizations.isEmpty ? 0 : w.organizations) + (locations.isEmpty ? 0 : w.locations)
            + (seniority.isEmpty ? 0 : w.seniority)
    }

    /// Whether the goal is neutral (no usable entry or all weights zero).
    var isNeutral: Bool { weightSum <= 0 }

    private func bits(of text: MatchText, sector: Bool, keyword: Bool, organization: Bool, location: Bool, seniorityField: Bool) -> UInt8 {
        var b: UInt8 = 0
        if sector, sectors.contains(where: text.contains) { b |= 1 }
        if keyword, keywords.contains(where: text.contains) { b |= 2 }
        if organization, organizations.contains(where: text.contains) { b |= 4 }
        if location, locations.contains(where: text.contains) { b |= 8 }
        if seniorityField, seniority.contains(where: text.contains) { b |= 16 }
        return b
    }

    /// The relevance of `person` (node `node`, organization `organization` in `snapshot`).
    /// - Complexity: amortized O(fields of the person) with warm memo tables.
    mutating func relevance(of person: Person, organizationIndex: Int32, in snapshot: NetworkSnapshot) -> Double {
        guard !isNeutral else { return 1 }
        var b: UInt8 = 0
        if let title = person.title, !title.isEmpty {
            if let cached = titleBits[title] {
                b |= cached
            } else {
                let t = bits(of: MatchText(title, synonyms: synonyms), sector: true, keyword: true, organization: false, location: false, seniorityField: true)
                titleBits[title] = t
                b |= t
            }
        }
        for sector in person.sectors {
            if let cached = sectorBits[sector] {
                b |= cached
            } else {
                let t = bits(of: MatchText(sector, synonyms: synonyms), sector: true, keyword: true, organization: false, location: false, seniorityField: false)
                sectorBits[sector] = t
                b |= t
            }
        }
        if organizationIndex >= 0 {
            if let cached = organizationBits[organizationIndex] {
                b |= cached
            } else {
                let org = snapshot.organizations[Int(organizationIndex)]
                var t = bits(of: MatchText(org.key, synonyms: synonyms), sector: false, keyword: false, organization: true, location: false, seniorityField: false)
                t |= bits(of: MatchText(org.name, synonyms: synonyms), sector: false, keyword: true, organization: false, location: false, seniorityField: false)
                if let sector = org.sector {
                    t |= bits(of: MatchText(sector, synonyms: synonyms), sector: true, keyword: true, organization: false, location: false, seniorityField: false)
                }
                organizationBits[organizationIndex] = t
                b |= t
            }
        }
        if let location = person.location, !location.isEmpty {
            if let cached = locationBits[location] {
                b |= cached
            } else {
                let t = bits(of: MatchText(location, synonyms: synonyms), sector: false, keyword: false, organization: false, location: true, seniorityField: false)
                locationBits[location] = t
                b |= t
            }
        }
        for tag in person.tags {
            if let cached = tagBits[tag] {
                b |= cached
            } else {
                let t = bits(of: MatchText(tag, synonyms: synonyms), sector: false, keyword: true, organization: false, location: false, seniorityField: false)
                tagBits[tag] = t
                b |= t
            }
        }
        let w = goal.weights
        var score = 0.0
        if b & 1 != 0, !sectors.isEmpty { score += w.sectors }
        if b & 2 != 0, !keywords.isEmpty { score += w.keywords }
        if b & 4 != 0, !organizations.isEmpty { score += w.organizations }
        if b & 8 != 0, !locations.isEmpty { score += w.locations }
        if b & 16 != 0, !seniority.isEmpty { score += w.seniority }
        return min(1, score / weightSum)
    }
}

/// Seniority of a job title, in [0, 1], from its words.
///
/// The highest-ranked phrase found wins: "Senior Associate" is senior (0.7), "General Counsel"
/// executive (1.0). Titles with no known word get 0.4, no title 0.3. Phrases are matched on
/// folded singular tokens, so "Partners" and "V.P." count.
public enum TitleSeniority {
    /// Phrase → level, checked on whole tokens.
    static let levels: [(phrase: [String], level: Double)] = {
        let table: [(String, Double)] = [
            ("general counsel", 1.0), ("chief", 1.0), ("managing partner", 1.0), ("judge", 1.0), ("justice", 1.0),
            ("founder", 1.0), ("ceo", 1.0), ("cto", 1.0), ("cfo", 1.0), ("coo", 1.0), ("dean", 1.0), ("commissioner", 1.0),
            ("president", 0.85), ("partner", 0.85), ("vp", 0.85), ("vice president", 0.85), ("director", 0.85), ("head", 0.85),
            ("principal", 0.85), ("shareholder", 0.85), ("counsel", 0.7), ("senior", 0.7), ("lead", 0.65), ("manager", 0.6),
            ("professor", 0.7), ("associate", 0.45), ("attorney", 0.45), ("engineer", 0.45), ("agent", 0.45),
            ("advisor", 0.45), ("adviser", 0.45), ("consultant", 0.45), ("analyst", 0.35), ("clerk", 0.35), ("junior", 0.2),
            ("intern", 0.15), ("student", 0.15), ("assistant", 0.25), ("paralegal", 0.25), ("trainee", 0.15),
        ]
        return table.map { (MatchText.baseTokens($0.0), $0.1) }
    }()

    /// The seniority of `title`.
    /// - Complexity: O(words · table size).
    public static func score(_ title: String?) -> Double {
        guard let title, !title.isEmpty else { return 0.3 }
        let tokens = MatchText(tokens: MatchText.baseTokens(title))
        var best: Double?
        for entry in levels where tokens.contains(MatchText(tokens: entry.phrase)) {
            best = max(best ?? 0, entry.level)
        }
        return best ?? 0.4
    }
}

extension MatchText {
    init(tokens: [String]) { self.tokens = tokens }
}
