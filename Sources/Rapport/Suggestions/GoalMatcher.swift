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
                t = bits(of: index.titleText[Int(title)], 1 | 2 | 16)
                titleBits[Int(title)] = t
            }
            b |= t
        }
        for k in Int(index.sectorOffsets[Int(v)])..<Int(index.sectorOffsets[Int(v) + 1]) {
            let code = index.sectorCodes[k]
            var t = Self.cached(&sectorBits, code, count: index.sectors.count)
            if t == Self.unknown {
                t = bits(of: index.sectorText[Int(code)], 1 | 2)
                sectorBits[Int(code)] = t
            }
            b |= t
        }
        let location = index.locationCode[Int(v)]
        if location >= 0 {
            var t = Self.cached(&locationBits, location, count: index.locations.count)
            if t == Self.unknown {
                t = bits(of: index.locationText[Int(location)], 8)
                locationBits[Int(location)] = t
            }
            b |= t
        }
        for k in Int(index.tagOffsets[Int(v)])..<Int(index.tagOffsets[Int(v) + 1]) {
            let code = index.tagCodes[k]
            var t = Self.cached(&tagBits, code, count: index.tags.count)
            if t == Self.unknown {
                t = bits(of: index.tagText[Int(code)], 2)
                tagBits[Int(code)] = t
            }
            b |= t
        }
        let organization = organizationIndex[Int(v)]
        if organization >= 0 {
            var t = Self.cached(&organizationBits, organization, count: index.organizationKeyText.count)
            if t == Self.unknown {
                let o = Int(organization)
                t = bits(of: index.organizationKeyText[o], 4) | bits(of: index.organizationNameText[o], 2)
                if let sector = index.organizationSectorText[o] { t |= bits(of: sector, 1 | 2) }
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
