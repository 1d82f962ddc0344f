import Rapport

/// The owner of a LinkedIn archive, from `Profile.csv`, `Email Addresses.csv`, `Positions.csv` and
/// `Education.csv`: the user's own name, addresses, employers and schools.
///
/// Former employers and schools are shared history with contacts who are there now
/// (`Person.pastOrganizations`).
public struct LinkedInProfile: Hashable, Sendable {
    public var firstName: String
    public var lastName: String
    public var headline: String?
    public var location: String?
    /// `Email Addresses.csv`, lowercased, the primary address first, then in file order.
    public var emails: [String]
    /// `Positions.csv`, in file order (LinkedIn writes the most recent first).
    public var positions: [Position]
    /// `Education.csv`, in file order.
    public var education: [School]

    /// One row of `Positions.csv`.
    public struct Position: Hashable, Sendable {
        public var company: String
        public var title: String?
        public var location: String?
        /// The first day of the start month (`Jan 2020` → 2020-01-01).
        public var startedOn: Day?
        /// The first day of the end month; `nil` for a current position.
        public var finishedOn: Day?

        public init(
            company: String, title: String? = nil, location: String? = nil, startedOn: Day? = nil,
            finishedOn: Day? = nil
        ) {
            self.company = company
            self.title = title
            self.location = location
            self.startedOn = startedOn
            self.finishedOn = finishedOn
        }

        /// Whether the position has no end date.
        public var isCurrent: Bool { finishedOn == nil }
    }

    /// One row of `Education.csv`.
    public struct School: Hashable, Sendable {
        public var name: String
        public var startedOn: Day?
        public var finishedOn: Day?
        public var degree: String?

        public init(name: String, startedOn: Day? = nil, finishedOn: Day? = nil, degree: String? = nil) {
            self.name = name
            self.startedOn = startedOn
            self.finishedOn = finishedOn
            self.degree = degree
        }
    }

    public init(
        firstName: String = "", lastName: String = "", headline: String? = nil, location: String? = nil,
        emails: [String] = [], positions: [Position] = [], education: [School] = []
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.headline = headline
        self.location = location
        self.emails = emails
        self.positions = positions
        self.education = education
    }

    /// "First Last", or empty when Profile.csv was absent.
    public var fullName: String { [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ") }

    /// Companies of the positions with no end date, in file order, each once.
    public var currentEmployers: [String] { unique(positions.filter(\.isCurrent).map(\.company)) }

    /// Companies of ended positions that are not also current employers, each once: the user's
    /// former employers.
    public var formerEmployers: [String] {
        let current = Set(currentEmployers.map(NameKey.organization))
        return unique(positions.filter { !$0.isCurrent }.map(\.company)).filter {
            !current.contains(NameKey.organization($0))
        }
    }

    /// The school names, each once.
    public var schools: [String] { unique(education.map(\.name)) }

    private func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { !$0.isEmpty && seen.insert(NameKey.organization($0)).inserted }
    }
}

extension LinkedInProfile {
    /// Column names, with the variants of older exports.
    enum Columns {
        static let firstName = ["First Name"], lastName = ["Last Name"], headline = ["Headline"]
        static let location = ["Geo Location", "Location"]
        static let email = ["Email Address", "E-mail Address", "Email"], primary = ["Primary"]
        static let company = ["Company Name", "Company"], title = ["Title"], positionLocation = ["Location"]
        static let startedOn = ["Started On", "Start Date"], finishedOn = ["Finished On", "End Date"]
        static let school = ["School Name", "School"], degree = ["Degree Name", "Degree"]
    }

    /// Fills the name, headline and location from `Profile.csv` (its first data row).
    mutating func read(profile table: LinkedInTable) {
        guard let row = table.rows.first else { return }
        firstName = row.text(Columns.firstName)
        lastName = row.text(Columns.lastName)
        headline = nonEmpty(row.text(Columns.headline))
        location = nonEmpty(row.text(Columns.location))
    }

    /// Fills `emails` from `Email Addresses.csv`: primary first (`Primary` is `Yes`), lowercased, each once.
    /// - Throws: `.unreadableBoolean` for a `Primary` cell that is not yes/no.
    mutating func read(emails table: LinkedInTable) throws(ImportError) {
        var primary: [String] = []
        var others: [String] = []
        for row in table.rows {
            let address = row.text(Columns.email).lowercased()
            guard !address.isEmpty else { continue }
            let flag = row.text(Columns.primary)
            guard flag.isEmpty || CellValues.boolean(flag) != nil else {
                throw ImportError(.unreadableBoolean(column: "Primary", value: flag), at: row.location(Columns.primary))
            }
            if CellValues.boolean(flag) == true { primary.append(address) } else { others.append(address) }
        }
        var seen: Set<String> = []
        emails = (primary + others).filter { seen.insert($0).inserted }
    }

    /// Fills `positions` from `Positions.csv`.
    /// - Throws: `.unreadableDate` at a start or end cell that is not a month.
    mutating func read(positions table: LinkedInTable) throws(ImportError) {
        positions = []
        for row in table.rows {
            let company = row.text(Columns.company)
            guard !company.isEmpty else { continue }
            positions.append(
                Position(
                    company: company, title: nonEmpty(row.text(Columns.title)),
                    location: nonEmpty(row.text(Columns.positionLocation)),
                    startedOn: try row.linkedInMonth(Columns.startedOn),
                    finishedOn: try row.linkedInMonth(Columns.finishedOn)))
        }
    }

    /// Fills `education` from `Education.csv`.
    /// - Throws: `.unreadableDate` at a start or end cell that is not a month or year.
    mutating func read(education table: LinkedInTable) throws(ImportError) {
        education = []
        for row in table.rows {
            let name = row.text(Columns.school)
            guard !name.isEmpty else { continue }
            education.append(
                School(
                    name: name, startedOn: try row.linkedInMonth(Columns.startedOn),
                    finishedOn: try row.linkedInMonth(Columns.finishedOn), degree: nonEmpty(row.text(Columns.degree))))
        }
    }
}

func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
