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
/// An empty goal gives every person relevance 1 (neutral). Each distinct title, sector, location,
/// tag and organization is matched once per matcher (`PersonTextIndex` codes), so scoring a
/// million people costs array lookups.
struct GoalMatcher {
    private let goal: Goal
    private let sectors: [MatchText]
    private let keywords: [MatchText]
    private let organizations: [MatchText]
    private let locations: [MatchText]
    private let seniority: [MatchText]
    private let weightSum: Double

    // Bits: 1 sector, 2 keyword, 4 organization, 8 location, 16 seniority; 0xFF = not computed yet.
    private static let unknown: UInt8 = 0xFF
    private var titleBits: [UInt8] = []
    private var sectorBits: [UInt8] = []
    private var locationBits: [UInt8] = []
    private var tagBits: [UInt8] = []
    private var organizationBits: [UInt8] = []

    init(goal: Goal, synonyms: SynonymTable) {
        self.goal = goal
        func compile(_ list: [String]) -> [MatchText] {
            list.map { MatchText($0, synonyms: synonyms) }.filter { !$0.tokens.isEmpty }
        }
        sectors = compile(goal.sectors)
        keywords = compile(goal.keywords)
        organizations = goal.organizations.map { MatchText(NameKey.organization($0), synonyms: synonyms) }.filter {
            !$0.tokens.isEmpty
        }
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

    private func bits(of t: MatchText, _ mask: UInt8) -> UInt8 {
        var b: UInt8 = 0
        if mask & 1 != 0, sectors.contains(where: t.contains) { b |= 1 }
        if mask & 2 != 0, keywords.contains(where: t.contains) { b |= 2 }
        if mask & 4 != 0, organizations.contains(where: t.contains) { b |= 4 }
        if mask & 8 != 0, locations.contains(where: t.contains) { b |= 8 }
        if mask & 16 != 0, seniority.contains(where: t.contains) { b |= 16 }
        return b
    }

    private static func cached(_ table: inout [UInt8], _ code: Int32, count: Int) -> UInt8 {
        if table.isEmpty { table = [UInt8](repeating: unknown, count: count) }
        return table[Int(code)]
    }

    /// The relevance of person `v`, whose text fields `index` interned; `organizationIndex` maps
    /// people to organizations as in the snapshot.
    /// - Complexity: O(fields of the person) once each distinct value has been seen.
    mutating func relevance(of v: Int32, index: PersonTextIndex, organizationIndex: [Int32]) -> Double {
        guard !isNeutral else { return 1 }
        var b: UInt8 = 0
        let title = index.titleCode[Int(v)]
        if title >= 0 {
            var t = Self.cached(&titleBits, title, count: index.titles.count)
            if t == Self.unknown {
                t = bits(of: index.titleText(title), 1 | 2 | 16)
                titleBits[Int(title)] = t
            }
            b |= t
        }
        for k in Int(index.sectorOffsets[Int(v)])..<Int(index.sectorOffsets[Int(v) + 1]) {
            let code = index.sectorCodes[k]
            var t = Self.cached(&sectorBits, code, count: index.sectors.count)
            if t == Self.unknown {
                t = bits(of: index.sectorText(code), 1 | 2)
                sectorBits[Int(code)] = t
            }
            b |= t
        }
        let location = index.locationCode[Int(v)]
        if location >= 0 {
            var t = Self.cached(&locationBits, location, count: index.locations.count)
            if t == Self.unknown {
                t = bits(of: index.locationText(location), 8)
                locationBits[Int(location)] = t
            }
            b |= t
        }
        for k in Int(index.tagOffsets[Int(v)])..<Int(index.tagOffsets[Int(v) + 1]) {
            let code = index.tagCodes[k]
            var t = Self.cached(&tagBits, code, count: index.tags.count)
            if t == Self.unknown {
                t = bits(of: index.tagText(code), 2)
                tagBits[Int(code)] = t
            }
            b |= t
        }
        let organization = organizationIndex[Int(v)]
        if organization >= 0 {
            var t = Self.cached(&organizationBits, organization, count: index.organizations.count)
            if t == Self.unknown {
                let o = Int(organization)
                let text = index.organizationText(o)
                t = bits(of: text.key, 4) | bits(of: text.name, 2)
                if let sector = text.sector { t |= bits(of: sector, 1 | 2) }
                organizationBits[Int(organization)] = t
            }
            b |= t
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
            ("founder", 1.0), ("ceo", 1.0), ("cto", 1.0), ("cfo", 1.0), ("coo", 1.0), ("dean", 1.0),
            ("commissioner", 1.0),
            ("president", 0.85), ("partner", 0.85), ("vp", 0.85), ("vice president", 0.85), ("director", 0.85),
            ("head", 0.85),
            ("principal", 0.85), ("shareholder", 0.85), ("counsel", 0.7), ("senior", 0.7), ("lead", 0.65),
            ("manager", 0.6),
            ("professor", 0.7), ("associate", 0.45), ("attorney", 0.45), ("engineer", 0.45), ("agent", 0.45),
            ("advisor", 0.45), ("adviser", 0.45), ("consultant", 0.45), ("analyst", 0.35), ("clerk", 0.35),
            ("junior", 0.2),
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
