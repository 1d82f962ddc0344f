import GRDB
import Rapport

/// What `Workspace.searchPeople` found.
public struct PeopleSearchResult: Sendable, Equatable {
    /// The best matches, best first, at most the limit asked for.
    public var people: [Person]
    /// How many people match in all.
    public var total: Int
    /// Whether `people` is the exact top of the ranking over every match. False only when more than
    /// `Workspace.searchRankingWindow` people hold the query's words whole: exact matches were then
    /// looked for among the first of them in workspace order.
    public var isFullyRanked: Bool

    public init(people: [Person], total: Int, isFullyRanked: Bool) {
        self.people = people
        self.total = total
        self.isFullyRanked = isFullyRanked
    }
}

extension Workspace {
    /// How many whole-word matches a search reads, at most, to find its exact matches.
    public static let searchRankingWindow = 20_000

    /// The people whose name, organization, title, emails, id or profile URL hold every word
    /// of `text` — each query word a word of theirs or the start of one, ignoring case and
    /// diacritics — best first:
    /// 1. exact matches: `text` is the person's id, one of their emails, or equals their name,
    ///    organization or title once normalized (`NameKey`);
    /// 2. people who hold every word whole;
    /// 3. people who hold the words only as prefixes ("chr" for "Christine").
    /// Ties keep workspace order (the order people were first written).
    ///
    /// - Parameters:
    ///   - organization: keep only people at this organization (matched by normalized name, as
    ///     `people(atOrganization:)`).
    ///   - limit: the most people returned; `nil` for all.
    /// - Returns: the ranked people and the total; `nil` when `organization` matches nobody.
    /// - Complexity: O(matches) inside SQLite to count them; O(whole-word matches, at most
    ///   `searchRankingWindow`) rows read to rank; never a pass over every person.
    public func searchPeople(_ text: String, organization: String? = nil, limit: Int? = nil) throws(StoreError)
        -> PeopleSearchResult?
    {
        try read { db -> PeopleSearchResult? in
            var members: Set<Int64>?
            if let organization {
                guard let seqs = try Self.organizationMembers(db, named: organization) else { return nil }
                members = Set(seqs)
            }
            let words = SearchTerms.words(text)
            guard let whole = SearchTerms.all(words), let prefixes = SearchTerms.all(words, prefix: true) else {
                return PeopleSearchResult(people: [], total: 0, isFullyRanked: true)
            }
            let accept = { (seq: Int64) in members?.contains(seq) ?? true }
            let cap = limit ?? .max
            var exact = ExactMatch(text)
            var (exacts, wholes) = ([Int64](), [Int64]())
            var complete = true
            try SearchCandidate.scan(db, match: whole) { c in
                guard accept(c.seq) else { return true }
                if exact.matches(c) { exacts.append(c.seq) } else { wholes.append(c.seq) }
                if exacts.count >= cap { return false }
                if exacts.count + wholes.count >= Self.searchRankingWindow {
                    complete = false
                    return false
                }
                return true
            }
            var ranked = Array((exacts + wholes).prefix(cap))
            if ranked.count < cap, exacts.count < cap, complete {
                let seen = Set(exacts + wholes)
                try SearchCandidate.scan(db, match: prefixes) { c in
                    if accept(c.seq), !seen.contains(c.seq) { ranked.append(c.seq) }
                    return ranked.count < cap
                }
            }
            let total: Int
            if let members {
                total = try Int64.fetchAll(
                    db, sql: "SELECT rowid FROM \(SearchIndex.table) WHERE \(SearchIndex.table) MATCH ?", arguments: [prefixes]
                ).count(where: members.contains)
            } else {
                total = try SearchCandidate.count(db, match: prefixes)
            }
            return PeopleSearchResult(
                people: try SearchCandidate.people(db, seqs: ranked), total: total, isFullyRanked: complete)
        }
    }

    /// The people at the organization called `name` (compared by `NameKey.organization`, as the
    /// snapshot groups people), in workspace order; `nil` when nobody works there.
    /// - Complexity: O(people whose organization holds the name's words), through the index.
    public func people(atOrganization name: String) throws(StoreError) -> [Person]? {
        try read { db in
            guard let seqs = try Self.organizationMembers(db, named: name) else { return nil }
            return try SearchCandidate.people(db, seqs: seqs)
        }
    }

    /// The number of people in the workspace.
    /// - Complexity: O(people), inside SQLite (a pass over its smallest index).
    public func personCount() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? 0 }
    }

    /// The `seq`s of the people at organization `name`, in order; `nil` for none.
    static func organizationMembers(_ db: Database, named name: String) throws -> [Int64]? {
        let key = organizationKey(name)
        let words = SearchTerms.words(name, keptIn: Set(key.split(separator: " ")))
        var seqs: [Int64] = []
        var isMember = Remembered { organizationKey($0) == key }
        if let match = SearchTerms.all(words) {
            try SearchCandidate.scan(db, match: match) { c in
                if let o = c.organization, isMember(o) { seqs.append(c.seq) }
                return true
            }
        } else {
            // A name with no indexed word ("&", "—"): compared row by row.
            let rows = try Row.fetchCursor(db, sql: "SELECT seq, organization FROM person WHERE organization IS NOT NULL ORDER BY seq")
            while let row = try rows.next() {
                if isMember(row[1]) { seqs.append(row[0]) }
            }
        }
        return seqs.isEmpty ? nil : seqs
    }

    /// The key people are grouped into organizations by, as `NetworkSnapshot` computes it:
    /// `NameKey.organization`, or for a name of punctuation only, the trimmed name itself.
    static func organizationKey(_ name: String) -> String {
        let normalized = NameKey.organization(name)
        return normalized.isEmpty ? name.trimmingCharacters(in: .whitespaces) : normalized
    }
}

/// A test on strings many people share (organization names, titles), run once per distinct value.
struct Remembered {
    private var answers: [String: Bool] = [:]
    private let test: (String) -> Bool

    init(_ test: @escaping (String) -> Bool) { self.test = test }

    mutating func callAsFunction(_ value: String) -> Bool {
        if let known = answers[value] { return known }
        let answer = test(value)
        answers[value] = answer
        return answer
    }
}

/// Whether a person is an exact match for a query: the query is their id or one of their emails, or
/// equals their name, organization or title once normalized (`NameKey`). ASCII names and
/// organizations are compared byte by byte (`ASCIIKey`); titles, which many people share, once per
/// distinct value.
struct ExactMatch {
    let text: String
    let nameKey: [UInt8]
    let organizationKey: [UInt8]
    let email: String?
    private var isOrganization: Remembered
    private var isTitle: Remembered

    init(_ query: String) {
        let text = query.trimmingCharacters(in: .whitespaces)
        let (nameKey, organizationKey) = (NameKey.person(text), Workspace.organizationKey(text))
        self.text = text
        self.nameKey = Array(nameKey.utf8)
        self.organizationKey = Array(organizationKey.utf8)
        email = text.contains("@") ? text.lowercased() : nil
        isOrganization = Remembered { Workspace.organizationKey($0) == organizationKey }
        isTitle = Remembered { !nameKey.isEmpty && NameKey.person($0) == nameKey }
    }

    mutating func matches(_ c: SearchCandidate) -> Bool {
        if c.id == text { return true }
        if !nameKey.isEmpty {
            switch ASCIIKey.compare(c.displayName, to: nameKey) {
            case .equal: return true
            case .notASCII where NameKey.person(c.displayName).utf8.elementsEqual(nameKey): return true
            default: break
            }
        }
        if let o = c.organization, !organizationKey.isEmpty {
            // An organization's key is its name's key less trailing legal suffixes: equal to the
            // query's only if the name's key is the query's key or starts with it.
            switch ASCIIKey.compare(o, to: organizationKey) {
            case .equal: return true
            case .extends, .notASCII: if isOrganization(o) { return true }
            case .differs: break
            }
        }
        if let t = c.title, isTitle(t) { return true }
        if let email, let emails = try? c.emails(), emails.contains(where: { $0.lowercased() == email }) { return true }
        return false
    }
}
