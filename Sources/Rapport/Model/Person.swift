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
    /// Former employers, as written in the source (the user's from the LinkedIn archive's
    /// Positions.csv). Contacts now at one of the user's former employers or schools share history
    /// with the user.
    public var pastOrganizations: [String]

    public init(
        id: String, firstName: String = "", lastName: String = "", emails: [String] = [],
        profileURL: String? = nil, organization: String? = nil, title: String? = nil,
        sectors: [String] = [], schools: [String] = [], location: String? = nil,
        tags: [String] = [], notes: [String] = [], pastOrganizations: [String] = []
    ) {
        self.pastOrganizations = pastOrganizations
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

extension Person {
    /// Decodes a person; `pastOrganizations` may be absent (documents written before it existed).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), firstName: try c.decode(String.self, forKey: .firstName),
            lastName: try c.decode(String.self, forKey: .lastName), emails: try c.decode([String].self, forKey: .emails),
            profileURL: try c.decodeIfPresent(String.self, forKey: .profileURL),
            organization: try c.decodeIfPresent(String.self, forKey: .organization),
            title: try c.decodeIfPresent(String.self, forKey: .title),
            sectors: try c.decode([String].self, forKey: .sectors), schools: try c.decode([String].self, forKey: .schools),
            location: try c.decodeIfPresent(String.self, forKey: .location),
            tags: try c.decode([String].self, forKey: .tags), notes: try c.decode([String].self, forKey: .notes),
            pastOrganizations: try c.decodeIfPresent([String].self, forKey: .pastOrganizations) ?? [])
    }
}
