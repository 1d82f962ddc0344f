import Foundation
import Rapport

extension Person {
    /// This person completed by another record of the same person: single-valued fields keep their
    /// value unless empty; lists (e-mails, sectors, schools, tags, former employers) are unions in
    /// first-seen order, compared case-insensitively; every distinct note is kept. The user's
    /// placeholder first name "Me" (`rapport init` without `--me`) counts as empty: a real name
    /// replaces it, and a placeholder never replaces a real name.
    /// - Complexity: O(total length of the lists).
    func merging(_ other: Person) -> Person {
        var result = self
        if firstName.isEmpty || (hasPlaceholderName && !other.firstName.isEmpty) { result.firstName = other.firstName }
        if lastName.isEmpty { result.lastName = other.lastName }
        if (profileURL ?? "").isEmpty, let url = other.profileURL, !url.isEmpty { result.profileURL = url }
        if (organization ?? "").isEmpty, let value = other.organization, !value.isEmpty { result.organization = value }
        if (title ?? "").isEmpty, let value = other.title, !value.isEmpty { result.title = value }
        if (location ?? "").isEmpty, let value = other.location, !value.isEmpty { result.location = value }
        result.emails = Person.union(emails, other.emails, caseInsensitive: true)
        result.sectors = Person.union(sectors, other.sectors, caseInsensitive: true)
        result.schools = Person.union(schools, other.schools, caseInsensitive: true)
        result.tags = Person.union(tags, other.tags, caseInsensitive: true)
        result.notes = Person.union(notes, other.notes, caseInsensitive: false)
        result.pastOrganizations = Person.union(pastOrganizations, other.pastOrganizations, caseInsensitive: true)
        return result
    }

    static func union(_ a: [String], _ b: [String], caseInsensitive: Bool) -> [String] {
        // `b == a` is the common case of a re-import (a million people whose lists did not change):
        // every value of `b` is then seen already, and the union is `a`, without a set or a
        // lowercased copy of each value.
        if b.isEmpty || b == a { return a }
        func key(_ s: String) -> String { caseInsensitive ? s.lowercased() : s }
        var seen = Set(a.map(key))
        var result = a
        for value in b where !value.isEmpty && seen.insert(key(value)).inserted { result.append(value) }
        return result
    }

    /// The base of a generated id: `maria-chen-wilson` (name and first word of the organization),
    /// else the e-mail's local part, else the last path component of the profile URL.
    var generatedIDBase: String {
        func slug(_ words: [Substring]) -> String { words.joined(separator: "-") }
        let name = NameKey.person(firstName + " " + lastName)
        if !name.isEmpty {
            var words = name.split(separator: " ")
            if let org = NameKey.organization(organization ?? "").split(separator: " ").first { words.append(org) }
            return slug(words)
        }
        if let email = emails.first, let local = email.split(separator: "@").first {
            let words = NameKey.person(String(local)).split(separator: " ")
            if !words.isEmpty { return slug(words) }
        }
        if let url = profileURL, let last = ProfileURL.key(url).split(separator: "/").last {
            let words = NameKey.person(String(last)).split(separator: " ")
            if !words.isEmpty { return slug(words) }
        }
        return "contact"
    }
}


