/// A person in the network: a contact, a prospect, or the user (the *ego*).
///
/// Identity is the `id`; `emails`, `profileURL` and the normalized full name are secondary keys
/// used to resolve references across files (DESIGN §4).
public struct Person: Hashable, Sendable, Codable {
    /// The id of the user in every workspace.
    public static let selfID = "me"

    public var id: String
    public var firstName: String
    public var lastName: String
    public var emails: [String]
    public var profileURL: String?
    /// Name of the current organization, as written in the source.
    public var organization: String?
    public var title: String?
    /// Sectors or practice areas ("intellectual property", "litigation").
    public var sectors: [String]
    public var schools: [String]
    public var location: String?
    public var tags: [String]
    public var notes: [String]

    public init(
        id: String, firstName: String = "", lastName: String = "", emails: [String] = [],
        profileURL: String? = nil, organization: String? = nil, title: String? = nil,
        sectors: [String] = [], schools: [String] = [], location: String? = nil,
        tags: [String] = [], notes: [String] = []
    ) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.emails = emails
        self.profileURL = profileURL
        self.organization = organization
        self.title = title
        self.sectors = sectors
        self.schools = schools
        self.location = location
        self.tags = tags
        self.notes = notes
    }

    /// Whether this is the user.
    public var isSelf: Bool { id == Person.selfID }

    /// "First Last", or the id when both are empty.
    public var displayName: String { Person.displayName(firstName: firstName, lastName: lastName, id: id) }

    static func displayName(firstName: String, lastName: String, id: String) -> String {
        switch (firstName.isEmpty, lastName.isEmpty) {
        case (true, true): return id
        case (false, true): return firstName
        case (true, false): return lastName
        case (false, false): return firstName + " " + lastName
        }
    }

    /// The key used to match people by name across files: case-folded, diacritics and
    /// punctuation removed, whitespace collapsed.
    public var nameKey: String { NameKey.person(displayName) }
}
