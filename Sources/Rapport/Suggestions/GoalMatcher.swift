/// Relevance of people to a goal, in [0, 1].
///
///     relevance(p) = Σ_f w_f · match_f(p) / Σ_f w_f
///
/// over the goal fields `f` that have entries, with `match_f(p)` the best `MatchText.match` of any
/// entry of the field against the person's texts — 1 when every word of the entry occurs (stemmed,
/// in any order), `0.5 · share of its words` when only some do:
/// - sectors: sectors, title or the organization's sector;
/// - keywords: title, sectors, organization name or tags;
/// - organizations: organization name (normalized key, legal suffixes ignored; whole names only);
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

    /// The best match of each field for one text; `nil` entries of the caches are not computed yet.
    struct Fields {
        var sector: Float = 0, keyword: Float = 0, organization: Float = 0, location: Float = 0, seniority: Float = 0

        mutating func formMax(_ o: Fields) {
            sector = max(sector, o.sector)
            keyword = max(keyword, o.keyword)
            organization = max(organization, o.organization)
            location = max(location, o.location)
            seniority = max(seniority, o.seniority)
        }
    }

    private var titleFields: [Fields?] = []
    private var sectorFields: [Fields?] = []
    private var locationFields: [Fields?] = []
    private var tagFields: [Fields?] = []
    private var organizationFields: [Fields?] = []
    /// Whether `learnAll` rated every value: `relevance` is then `knownRelevance`.
    private(set) var isLearned = false

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

    /// The goal's words in match form, for "closest terms" when nobody matches.
    var words: [String] { (sectors + keywords + organizations + locations + seniority).flatMap(\.tokens) }

    private static func best(_ entries: [MatchText], in t: MatchText) -> Float {
        var b = 0.0
        for e in entries {
            b = max(b, t.match(e))
            if b == 1 { break }
        }
        return Float(b)
    }

    /// The fields `t` can match: 1 sector, 2 keyword, 4 organization (whole names), 8 location, 16 seniority.
    private func fields(of t: MatchText, _ mask: UInt8) -> Fields {
        var f = Fields()
        if mask & 1 != 0 { f.sector = Self.best(sectors, in: t) }
        if mask & 2 != 0 { f.keyword = Self.best(keywords, in: t) }
        if mask & 4 != 0, organizations.contains(where: t.contains) { f.organization = 1 }
        if mask & 8 != 0 { f.location = Self.best(locations, in: t) }
        if mask & 16 != 0 { f.seniority = Self.best(seniority, in: t) }
        return f
    }

    private static func cached(_ table: inout [Fields?], _ code: Int32, count: Int) -> Fields? {
        if table.isEmpty { table = [Fields?](repeating: nil, count: count) }
        return table[Int(code)]
    }

    /// The relevance of person `v`, whose text fields `index` interned; `organizationIndex` maps
    /// people to organizations as in the snapshot.
    /// - Complexity: O(fields of the person) once each distinct value has been seen.
    mutating func relevance(of v: Int32, index: PersonTextIndex, organizationIndex: [Int32]) -> Double {
        guard !isNeutral else { return 1 }
        if isLearned { return knownRelevance(of: v, index: index, organizationIndex: organizationIndex) }
        let title = index.titleCode[Int(v)]
        if title >= 0 { learnTitle(title, index) }
        for k in Int(index.sectorOffsets[Int(v)])..<Int(index.sectorOffsets[Int(v) + 1]) {
            learnSector(index.sectorCodes[k], index)
        }
        let location = index.locationCode[Int(v)]
        if location >= 0 { learnLocation(location, index) }
        for k in Int(index.tagOffsets[Int(v)])..<Int(index.tagOffsets[Int(v) + 1]) {
            learnTag(index.tagCodes[k], index)
        }
        let organization = organizationIndex[Int(v)]
        if organization >= 0 { learnOrganization(organization, index) }
        return knownRelevance(of: v, index: index, organizationIndex: organizationIndex)
    }

    /// Rates every distinct value of `index` at once, so that `knownRelevance` can rate anyone
    /// (the goal summary rates every person, on several threads).
    /// - Complexity: O(distinct values), each matched once.
    mutating func learnAll(index: PersonTextIndex) {
        guard !isNeutral else { return }
        for code in 0..<Int32(index.titles.count) { learnTitle(code, index) }
        for code in 0..<Int32(index.sectors.count) { learnSector(code, index) }
        for code in 0..<Int32(index.locations.count) { learnLocation(code, index) }
        for code in 0..<Int32(index.tags.count) { learnTag(code, index) }
        for o in 0..<Int32(index.organizations.count) { learnOrganization(o, index) }
        isLearned = true
    }

    /// The relevance of person `v` from values already rated (`relevance` or `learnAll`).
    /// - Precondition: every value of `v` is rated.
    func knownRelevance(of v: Int32, index: PersonTextIndex, organizationIndex: [Int32]) -> Double {
        guard !isNeutral else { return 1 }
        var b = Fields()
        let title = index.titleCode[Int(v)]
        if title >= 0 { b.formMax(titleFields[Int(title)]!) }
        for k in Int(index.sectorOffsets[Int(v)])..<Int(index.sectorOffsets[Int(v) + 1]) {
            b.formMax(sectorFields[Int(index.sectorCodes[k])]!)
        }
        let location = index.locationCode[Int(v)]
        if location >= 0 { b.formMax(locationFields[Int(location)]!) }
        for k in Int(index.tagOffsets[Int(v)])..<Int(index.tagOffsets[Int(v) + 1]) {
            b.formMax(tagFields[Int(index.tagCodes[k])]!)
        }
        let organization = organizationIndex[Int(v)]
        if organization >= 0 { b.formMax(organizationFields[Int(organization)]!) }
        let w = goal.weights
        var score = 0.0
        if !sectors.isEmpty { score += w.sectors * Double(b.sector) }
        if !keywords.isEmpty { score += w.keywords * Double(b.keyword) }
        if !organizations.isEmpty { score += w.organizations * Double(b.organization) }
        if !locations.isEmpty { score += w.locations * Double(b.location) }
        if !seniority.isEmpty { score += w.seniority * Double(b.seniority) }
        return min(1, score / weightSum)
    }

    // Each value rated once: its best match per field it can match.
    private mutating func learnTitle(_ code: Int32, _ index: PersonTextIndex) {
        if Self.cached(&titleFields, code, count: index.titles.count) == nil {
            titleFields[Int(code)] = fields(of: index.titleText(code), 1 | 2 | 16)
        }
    }

    private mutating func learnSector(_ code: Int32, _ index: PersonTextIndex) {
        if Self.cached(&sectorFields, code, count: index.sectors.count) == nil {
            sectorFields[Int(code)] = fields(of: index.sectorText(code), 1 | 2)
        }
    }

    private mutating func learnLocation(_ code: Int32, _ index: PersonTextIndex) {
        if Self.cached(&locationFields, code, count: index.locations.count) == nil {
            locationFields[Int(code)] = fields(of: index.locationText(code), 8)
        }
    }

    private mutating func learnTag(_ code: Int32, _ index: PersonTextIndex) {
        if Self.cached(&tagFields, code, count: index.tags.count) == nil {
            tagFields[Int(code)] = fields(of: index.tagText(code), 2)
        }
    }

    private mutating func learnOrganization(_ organization: Int32, _ index: PersonTextIndex) {
        guard Self.cached(&organizationFields, organization, count: index.organizations.count) == nil else { return }
        let text = index.organizationText(Int(organization))
        var t = fields(of: text.key, 4)
        t.formMax(fields(of: text.name, 2))
        if let sector = text.sector { t.formMax(fields(of: sector, 1 | 2)) }
        organizationFields[Int(organization)] = t
    }
}

/// Seniority of a job title, in [0, 1], from its words.
///
/// The highest-ranked phrase found wins, by the documented ladder (Docs/Scoring.md §5)
/// intern 0.15 < associate 0.45 < senior 0.7 < manager/principal 0.75 < director/partner/head 0.85
/// < VP/chief/founder 1.0: "Senior Associate" is senior (0.7), "VP of Engineering" and "General
/// Counsel" 1.0. Titles with no known word get 0.4, no title 0.3. Phrases are matched on folded,
/// stemmed tokens, so "Partners", "Directors" and "V.P." count.
public enum TitleSeniority {
    /// Phrase → level, checked on whole tokens.
    static let levels: [(phrase: [String], level: Double)] = {
        // intern < associate < senior < manager/principal < director/partner/head < VP/chief/founder
        let table: [(String, Double)] = [
            ("intern", 0.15), ("student", 0.15), ("trainee", 0.15), ("junior", 0.2), ("assistant", 0.25),
            ("paralegal", 0.25), ("analyst", 0.35), ("clerk", 0.35),
            ("associate", 0.45), ("attorney", 0.45), ("engineer", 0.45), ("agent", 0.45), ("advisor", 0.45),
            ("adviser", 0.45), ("consultant", 0.45), ("designer", 0.45), ("developer", 0.45),
            ("lead", 0.65), ("senior", 0.7), ("counsel", 0.7), ("professor", 0.7), ("staff", 0.7),
            ("manager", 0.75), ("principal", 0.75),
            ("director", 0.85), ("partner", 0.85), ("head", 0.85), ("shareholder", 0.85),
            ("judge", 1.0), ("dean", 1.0), ("commissioner", 1.0),
            ("vp", 1.0), ("vice president", 1.0), ("president", 1.0), ("chief", 1.0), ("founder", 1.0),
            ("cofounder", 1.0), ("co founder", 1.0), ("ceo", 1.0), ("cto", 1.0), ("cfo", 1.0), ("coo", 1.0),
            ("general counsel", 1.0), ("managing partner", 1.0), ("justice", 1.0),
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
