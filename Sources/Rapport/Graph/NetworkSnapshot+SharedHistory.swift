/// Shared history between the user and a contact: schools they both attended, and organizations
/// where the contact is now and the user used to be (the user's `pastOrganizations`, from the
/// LinkedIn archive's Positions.csv). Explanations, drafts and the suggestion ranking read it.
///
/// Shared institutions are a social-distance dimension of tie strength (Gilbert & Karahalios 2009,
/// doi:10.1145/1518701.1518736) and the classic opening of an informational-interview request:
/// a fellow alum or a former colleague's successor is more likely to answer.
public struct SharedHistory: Hashable, Sendable {
    /// Schools both attended, as the user wrote them.
    public var schools: [String]
    /// Organizations where the contact works now (or worked) and the user worked before.
    public var formerEmployers: [String]

    public init(schools: [String] = [], formerEmployers: [String] = []) {
        self.schools = schools
        self.formerEmployers = formerEmployers
    }

    public var isEmpty: Bool { schools.isEmpty && formerEmployers.isEmpty }

    /// Verb phrases for drafts and sentences: "studied at A and B", "worked at C".
    public var phrases: [String] {
        var result: [String] = []
        if !schools.isEmpty { result.append("studied at " + DraftContext.list(schools)) }
        if !formerEmployers.isEmpty { result.append("worked at " + DraftContext.list(formerEmployers)) }
        return result
    }
}

extension NetworkSnapshot {
    /// What `ego` and `other` share: schools (matched by organization key: case, accents,
    /// punctuation and legal suffixes folded) and the user's former employers where `other` is now,
    /// or where `other` also used to be.
    /// - Complexity: O(|schools| + |past organizations|) of the two people.
    public func sharedHistory(ego: Int32, other: Int32) -> SharedHistory {
        let me = people[Int(ego)]
        let them = people[Int(other)]
        let theirSchools = Set(them.schools.map(NameKey.organization))
        let schools = me.schools.filter { theirSchools.contains(NameKey.organization($0)) }
        var theirOrganizations = Set(them.pastOrganizations.map(NameKey.organization))
        if let current = organization(of: other) { theirOrganizations.insert(current.key) }
        let mine = organization(of: ego)?.key
        var seen: Set<String> = []
        let former = me.pastOrganizations.filter {
            let key = NameKey.organization($0)
            return key != mine && theirOrganizations.contains(key) && seen.insert(key).inserted
        }
        return SharedHistory(schools: Self.unique(schools), formerEmployers: former)
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert(NameKey.organization($0)).inserted }
    }
}
