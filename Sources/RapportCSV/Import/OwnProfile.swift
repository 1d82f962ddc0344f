import Foundation
import Rapport

/// The user's own profile from their LinkedIn archive (Profile.csv, Email Addresses.csv,
/// Positions.csv, Education.csv), in the terms an import needs to update `me`.
///
/// The LinkedIn reader's `LinkedInProfile` maps onto it field for field.
public struct OwnProfile: Hashable, Sendable {
    /// One row of Positions.csv.
    public struct Position: Hashable, Sendable {
        public var company: String
        public var title: String
        public var startedOn: Day?
        /// `nil` for a current position.
        public var finishedOn: Day?

        public init(company: String, title: String = "", startedOn: Day? = nil, finishedOn: Day? = nil) {
            self.company = company
            self.title = title
            self.startedOn = startedOn
            self.finishedOn = finishedOn
        }
    }

    public var firstName: String
    public var lastName: String
    public var location: String
    public var emails: [String]
    public var profileURL: String?
    public var positions: [Position]
    /// School names from Education.csv.
    public var schools: [String]

    public init(
        firstName: String = "", lastName: String = "", location: String = "", emails: [String] = [],
        profileURL: String? = nil, positions: [Position] = [], schools: [String] = []
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.location = location
        self.emails = emails
        self.profileURL = profileURL
        self.positions = positions
        self.schools = schools
    }

    /// The current position: among those without an end date, the one started last (a position
    /// without a start date counts as the oldest); `nil` when every position has ended.
    public var currentPosition: Position? {
        positions.enumerated().filter { $0.element.finishedOn == nil && !$0.element.company.isEmpty }
            .max { a, b in
                let (x, y) = (a.element.startedOn?.ordinal ?? Int32.min, b.element.startedOn?.ordinal ?? Int32.min)
                return x != y ? x < y : a.offset > b.offset  // equal starts: the first listed wins
            }?.element
    }

    /// Companies of the finished positions, most recent first, each once (compared without case),
    /// leaving out the current organization.
    public var pastOrganizations: [String] {
        let current = currentPosition.map { NameKey.organization($0.company) }
        let finished = positions.filter { $0.finishedOn != nil && !$0.company.isEmpty }
            .sorted { ($0.finishedOn?.ordinal ?? 0) > ($1.finishedOn?.ordinal ?? 0) }
        var seen: Set<String> = current.map { [$0] } ?? []
        return finished.compactMap { seen.insert(NameKey.organization($0.company)).inserted ? $0.company : nil }
    }

    /// `me` completed by this profile. Fields the user already has keep their value (an import
    /// fills, it does not overwrite what the user typed), except the placeholder first name "Me" of
    /// `rapport init` without `--me`, which the profile's real name replaces. E-mails, schools and
    /// former employers are unions.
    /// - Complexity: O(positions + list lengths).
    public func update(_ me: Person) -> Person {
        var result = me
        let first = firstName.trimmed, last = lastName.trimmed
        if !first.isEmpty, result.firstName.isEmpty || me.hasPlaceholderName { result.firstName = first }
        // A last name only completes the profile's own first name ("Avery" + "Quinn"), never another.
        if result.lastName.isEmpty, !last.isEmpty, NameKey.person(result.firstName) == NameKey.person(first) {
            result.lastName = last
        }
        if (result.profileURL ?? "").isEmpty, let url = profileURL, !url.isEmpty { result.profileURL = url }
        if (result.location ?? "").isEmpty, !location.trimmed.isEmpty { result.location = location.trimmed }
        if let current = currentPosition {
            if (result.organization ?? "").isEmpty { result.organization = current.company }
            if (result.title ?? "").isEmpty, !current.title.isEmpty { result.title = current.title }
        }
        result.emails = Person.union(result.emails, emails.map(IdentityKeys.lowercased), caseInsensitive: true)
        result.schools = Person.union(result.schools, schools.map(\.trimmed), caseInsensitive: true)
        result.pastOrganizations = Person.union(result.pastOrganizations, pastOrganizations, caseInsensitive: true)
        return result
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
