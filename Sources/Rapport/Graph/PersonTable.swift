/// The people of a snapshot, stored by column: a `Person` value is made only when one is asked for.
///
/// `people[i]` still reads like an array of `Person`, so small tools and tests need not care; hot
/// paths over a million people use the columns (`ids`, `organizations`, `titles`, …), whose
/// repeated values are stored once (`InternedColumn`). The table also keeps each person's name key
/// and profile-URL key, so lookups by name or URL never normalize a million names again.
public struct PersonTable: RandomAccessCollection, Sendable, Equatable {
    public let ids: StringColumn
    public let firstNames: InternedColumn
    public let lastNames: InternedColumn
    public let emails: InternedListColumn
    public let profileURLs: InternedColumn
    public let organizations: InternedColumn
    public let titles: InternedColumn
    public let sectors: InternedListColumn
    public let schools: InternedListColumn
    public let locations: InternedColumn
    public let tags: InternedListColumn
    public let notes: InternedListColumn
    /// `Person.pastOrganizations` of each person.
    public let pastOrganizations: InternedListColumn
    /// `NameKey.person(displayName)` of each person.
    public let nameKeys: InternedColumn
    /// `ProfileURL.key(profileURL)` of each person with a non-empty profile URL.
    public let profileKeys: InternedColumn

    public var startIndex: Int { 0 }
    public var endIndex: Int { ids.count }

    /// Person `i`, made from the columns.
    public subscript(i: Int) -> Person {
        Person(
            id: ids[i], firstName: firstNames[i] ?? "", lastName: lastNames[i] ?? "", emails: emails[i],
            profileURL: profileURLs[i], organization: organizations[i], title: titles[i], sectors: sectors[i],
            schools: schools[i], location: locations[i], tags: tags[i], notes: notes[i],
            pastOrganizations: pastOrganizations[i])
    }

    /// The id of person `i`, without making the rest of the person.
    public func id(_ i: Int32) -> String { ids[Int(i)] }

    /// `Person.displayName` of person `i`, without making the rest of the person.
    public func displayName(_ i: Int32) -> String {
        Person.displayName(firstName: firstNames[Int(i)] ?? "", lastName: lastNames[Int(i)] ?? "", id: ids[Int(i)])
    }

    /// The single-valued columns besides `ids`, in the one order the snapshot file stores them
    /// (`init(ids:single:lists:)` reads them back in it).
    var singleColumns: [InternedColumn] {
        [firstNames, lastNames, profileURLs, organizations, titles, locations, nameKeys, profileKeys]
    }

    /// The list columns, in the one order the snapshot file stores them.
    var listColumns: [InternedListColumn] { [emails, sectors, schools, tags, notes, pastOrganizations] }

    static let singleColumnCount = 8, listColumnCount = 6

    /// A table from columns in the order of `singleColumns` and `listColumns`, or `nil` when there
    /// are not exactly that many.
    init?(ids: StringColumn, single: [InternedColumn], lists: [InternedListColumn]) {
        guard single.count == PersonTable.singleColumnCount, lists.count == PersonTable.listColumnCount else { return nil }
        self.init(
            ids: ids, firstNames: single[0], lastNames: single[1], emails: lists[0], profileURLs: single[2],
            organizations: single[3], titles: single[4], sectors: lists[1], schools: lists[2], locations: single[5],
            tags: lists[3], notes: lists[4], pastOrganizations: lists[5], nameKeys: single[6], profileKeys: single[7])
    }

    /// Whether every offset and code points inside its column and all columns have one row per person.
    func isWellFormed() -> Bool {
        let n = ids.count
        return ids.isWellFormed()
            && singleColumns.allSatisfy { $0.count == n && $0.isWellFormed() }
            && listColumns.allSatisfy { $0.count == n && $0.isWellFormed() }
    }

    init(
        ids: StringColumn, firstNames: InternedColumn, lastNames: InternedColumn, emails: InternedListColumn,
        profileURLs: InternedColumn, organizations: InternedColumn, titles: InternedColumn, sectors: InternedListColumn,
        schools: InternedListColumn, locations: InternedColumn, tags: InternedListColumn, notes: InternedListColumn,
        pastOrganizations: InternedListColumn, nameKeys: InternedColumn, profileKeys: InternedColumn
    ) {
        self.ids = ids
        self.firstNames = firstNames
        self.lastNames = lastNames
        self.emails = emails
        self.profileURLs = profileURLs
        self.organizations = organizations
        self.titles = titles
        self.sectors = sectors
        self.schools = schools
        self.locations = locations
        self.tags = tags
        self.notes = notes
        self.pastOrganizations = pastOrganizations
        self.nameKeys = nameKeys
        self.profileKeys = profileKeys
    }

    /// Appends people one at a time and interns their fields.
    struct Builder {
        private var ids = StringColumnBuilder()
        private var firstNames = InternedColumnBuilder(), lastNames = InternedColumnBuilder()
        private var emails = InternedListColumnBuilder(interning: false)
        private var profileURLs = InternedColumnBuilder(interning: false), organizations = InternedColumnBuilder()
        private var titles = InternedColumnBuilder(), locations = InternedColumnBuilder()
        private var sectors = InternedListColumnBuilder(), schools = InternedListColumnBuilder()
        private var tags = InternedListColumnBuilder(), notes = InternedListColumnBuilder(interning: false)
        private var pastOrganizations = InternedListColumnBuilder()
        private var nameKeys = InternedColumnBuilder(interning: false), profileKeys = InternedColumnBuilder(interning: false)
        /// Name keys by (first-name code, last-name code): normalizing a name costs microseconds, and
        /// a directory repeats name pairs.
        private var nameKeyByPair: [UInt64: Int32] = [:]

        var count: Int { ids.count }

        func id(at i: Int) -> String { ids.withBytes(i) { String(decoding: $0, as: UTF8.self) } }

        mutating func append(_ person: Person) {
            ids.append(person.id)
            let first = firstNames.code(person.firstName), last = lastNames.code(person.lastName)
            firstNames.append(code: first)
            lastNames.append(code: last)
            emails.append(person.emails)
            profileURLs.append(person.profileURL)
            organizations.append(person.organization)
            titles.append(person.title)
            sectors.append(person.sectors)
            schools.append(person.schools)
            locations.append(person.location)
            tags.append(person.tags)
            notes.append(person.notes)
            pastOrganizations.append(person.pastOrganizations)
            if person.firstName.isEmpty && person.lastName.isEmpty {
                nameKeys.append(person.nameKey)  // the id is the display name
            } else {
                let pair = UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: last))
                if let code = nameKeyByPair[pair] {
                    nameKeys.append(code: code)
                } else {
                    let code = nameKeys.code(person.nameKey)
                    nameKeyByPair[pair] = code
                    nameKeys.append(code: code)
                }
            }
            if let url = person.profileURL, !url.isEmpty { profileKeys.append(ProfileURL.key(url)) } else { profileKeys.append(nil) }
        }

        func build() -> PersonTable {
            PersonTable(
                ids: ids.build(), firstNames: firstNames.build(), lastNames: lastNames.build(), emails: emails.build(),
                profileURLs: profileURLs.build(), organizations: organizations.build(), titles: titles.build(),
                sectors: sectors.build(), schools: schools.build(), locations: locations.build(), tags: tags.build(),
                notes: notes.build(), pastOrganizations: pastOrganizations.build(), nameKeys: nameKeys.build(), profileKeys: profileKeys.build())
        }
    }
}
