/// The text fields goals look at, interned once per snapshot so that each `suggest` call matches
/// every distinct title, sector, location and tag once and then works on integer codes.
///
/// Large directories repeat a few thousand titles and places across a million people; hashing
/// those strings again on every query would dominate the query time.
struct PersonTextIndex: Sendable {
    /// Distinct strings per field.
    let titles: [String]
    let locations: [String]
    let sectors: [String]
    let tags: [String]
    /// Per person: the code of their title / location in the tables above, −1 when absent.
    let titleCode: [Int32]
    let locationCode: [Int32]
    /// Per person: their sector codes are `sectorCodes[sectorOffsets[v]..<sectorOffsets[v + 1]]`;
    /// likewise for tags.
    let sectorOffsets: [Int32]
    let sectorCodes: [Int32]
    let tagOffsets: [Int32]
    let tagCodes: [Int32]
    /// `TitleSeniority.score` of each distinct title.
    let titleSeniority: [Double]
    /// Each distinct value in match form (folded, singular, synonyms applied).
    let titleText: [MatchText]
    let locationText: [MatchText]
    let sectorText: [MatchText]
    let tagText: [MatchText]
    /// Per organization of the snapshot: its normalized key, its name and its sector in match form.
    let organizationKeyText: [MatchText]
    let organizationNameText: [MatchText]
    let organizationSectorText: [MatchText?]

    /// - Complexity: O(V + total field count) hash lookups, then tokenizing each distinct value once.
    init(people: [Person], organizations: [Organization], synonyms: SynonymTable) {
        var titleTable = Interner(), locationTable = Interner(), sectorTable = Interner(), tagTable = Interner()
        var titleCode = [Int32](repeating: -1, count: people.count)
        var locationCode = [Int32](repeating: -1, count: people.count)
        var sectorOffsets: [Int32] = [0], sectorCodes: [Int32] = []
        var tagOffsets: [Int32] = [0], tagCodes: [Int32] = []
        sectorOffsets.reserveCapacity(people.count + 1)
        tagOffsets.reserveCapacity(people.count + 1)
        for (v, person) in people.enumerated() {
            if let title = person.title, !title.isEmpty { titleCode[v] = titleTable.code(title) }
            if let location = person.location, !location.isEmpty { locationCode[v] = locationTable.code(location) }
            for sector in person.sectors where !sector.isEmpty { sectorCodes.append(sectorTable.code(sector)) }
            sectorOffsets.append(Int32(truncatingIfNeeded: sectorCodes.count))
            for tag in person.tags where !tag.isEmpty { tagCodes.append(tagTable.code(tag)) }
            tagOffsets.append(Int32(truncatingIfNeeded: tagCodes.count))
        }
        titles = titleTable.strings
        locations = locationTable.strings
        sectors = sectorTable.strings
        tags = tagTable.strings
        self.titleCode = titleCode
        self.locationCode = locationCode
        self.sectorOffsets = sectorOffsets
        self.sectorCodes = sectorCodes
        self.tagOffsets = tagOffsets
        self.tagCodes = tagCodes
        titleSeniority = titles.map(TitleSeniority.score)
        titleText = titles.map { MatchText($0, synonyms: synonyms) }
        locationText = locations.map { MatchText($0, synonyms: synonyms) }
        sectorText = sectors.map { MatchText($0, synonyms: synonyms) }
        tagText = tags.map { MatchText($0, synonyms: synonyms) }
        organizationKeyText = organizations.map { MatchText($0.key, synonyms: synonyms) }
        organizationNameText = organizations.map { MatchText($0.name, synonyms: synonyms) }
        organizationSectorText = organizations.map { org in org.sector.map { MatchText($0, synonyms: synonyms) } }
    }

    /// The seniority of person `v`'s title (0.3 without one).
    func seniority(of v: Int32) -> Double {
        let code = titleCode[Int(v)]
        return code >= 0 ? titleSeniority[Int(code)] : TitleSeniority.score(nil)
    }

    private struct Interner {
        var codes: [String: Int32] = [:]
        var strings: [String] = []
        mutating func code(_ s: String) -> Int32 {
            if let c = codes[s] { return c }
            let c = Int32(truncatingIfNeeded: strings.count)
            codes[s] = c
            strings.append(s)
            return c
        }
    }
}
