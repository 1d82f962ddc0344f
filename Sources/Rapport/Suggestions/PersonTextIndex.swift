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
    let titleCode: FixedArray<Int32>
    let locationCode: FixedArray<Int32>
    /// Per person: their sector codes are `sectorCodes[sectorOffsets[v]..<sectorOffsets[v + 1]]`;
    /// likewise for tags.
    let sectorOffsets: FixedArray<UInt32>
    let sectorCodes: FixedArray<Int32>
    let tagOffsets: FixedArray<UInt32>
    let tagCodes: FixedArray<Int32>
    /// `TitleSeniority.score` of each distinct title.
    let titleSeniority: [Double]
    /// The snapshot's organizations and the synonyms, to put values in match form on demand.
    let organizations: [Organization]
    let synonyms: SynonymTable
    /// The match forms made so far, shared by every matcher of this index.
    let cache: MatchTextCache

    /// - Complexity: O(V + total field count) integer copies: the people's columns already store
    ///   each distinct value once, so only the distinct values are tokenized.
    init(people: PersonTable, organizations: [Organization], synonyms: SynonymTable) {
        (titles, titleCode) = PersonTextIndex.codes(people.titles)
        (locations, locationCode) = PersonTextIndex.codes(people.locations)
        (sectors, sectorOffsets, sectorCodes) = PersonTextIndex.codes(people.sectors)
        (tags, tagOffsets, tagCodes) = PersonTextIndex.codes(people.tags)
        titleSeniority = titles.map(TitleSeniority.score)
        self.organizations = organizations
        self.synonyms = synonyms
        cache = MatchTextCache(
            synonyms: synonyms,
            counts: [.title: titles.count, .location: locations.count, .sector: sectors.count, .tag: tags.count],
            organizationCount: organizations.count)
    }

    // Each distinct value in match form (folded, singular, synonyms applied). Made on demand and
    // kept in `cache`: a million-person directory has some 25,000 organizations, most of which a
    // query never reaches, and the goal summary after a query needs the same forms again.
    func titleText(_ code: Int32) -> MatchText { cache.text(.title, Int(code)) { titles[Int(code)] } }
    func locationText(_ code: Int32) -> MatchText { cache.text(.location, Int(code)) { locations[Int(code)] } }
    func sectorText(_ code: Int32) -> MatchText { cache.text(.sector, Int(code)) { sectors[Int(code)] } }
    func tagText(_ code: Int32) -> MatchText { cache.text(.tag, Int(code)) { tags[Int(code)] } }
    /// Organization `o`'s normalized key, name and sector in match form.
    func organizationText(_ o: Int) -> (key: MatchText, name: MatchText, sector: MatchText?) {
        cache.organization(o) { organizations[o] }
    }

    /// The seniority of person `v`'s title (0.3 without one).
    func seniority(of v: Int32) -> Double {
        let code = titleCode[Int(v)]
        return code >= 0 ? titleSeniority[Int(code)] : TitleSeniority.score(nil)
    }

    /// A column's distinct non-empty values and each row's code among them (−1: none or empty).
    private static func codes(_ column: InternedColumn) -> ([String], FixedArray<Int32>) {
        let (values, renumber) = nonEmptyValues(column.values)
        // Without an empty value the codes stay as they are: the column's own array, shared.
        guard values.count < column.values.count else { return (values, column.codes) }
        return (values, FixedArray(column.codes.map { $0 < 0 ? -1 : renumber[Int($0)] }))
    }

    /// A list column's distinct non-empty values, and per row the codes among them (empty items dropped).
    private static func codes(_ column: InternedListColumn) -> ([String], FixedArray<UInt32>, FixedArray<Int32>) {
        let (values, renumber) = nonEmptyValues(column.values)
        // Without an empty value no item is dropped: the column's own arrays, shared (a million
        // rows took 12 ms to copy).
        guard values.count < column.values.count else { return (values, column.offsets, column.codes) }
        var offsets: [UInt32] = [0], codes: [Int32] = []
        offsets.reserveCapacity(column.count + 1)
        codes.reserveCapacity(column.codes.count)
        // Through buffers: a slice per row retains and releases the column's storage, 22 ms of a
        // warm `suggest` at a million people.
        column.offsets.withUnsafeBufferPointer { rows in
            column.codes.withUnsafeBufferPointer { items in
                renumber.withUnsafeBufferPointer { renumber in
                    for r in 0..<rows.count - 1 {
                        for i in Int(rows[r])..<Int(rows[r + 1]) {
                            let code = renumber[Int(items[i])]
                            if code >= 0 { codes.append(code) }
                        }
                        offsets.append(UInt32(truncatingIfNeeded: codes.count))
                    }
                }
            }
        }
        return (values, FixedArray(offsets), FixedArray(codes))
    }

    /// The non-empty strings of `values`, and for each string its position among them (−1 if empty).
    private static func nonEmptyValues(_ values: StringColumn) -> ([String], [Int32]) {
        var kept: [String] = [], renumber = [Int32](repeating: -1, count: values.count)
        for i in 0..<values.count where values.starts[i + 1] > values.starts[i] {
            renumber[i] = Int32(kept.count)
            kept.append(values[i])
        }
        return (kept, renumber)
    }
}
