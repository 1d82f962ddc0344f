import GRDB
import Rapport

/// What a person reference names in the workspace.
public enum PersonLookup: Sendable, Equatable {
    /// Exactly one person: their id.
    case found(String)
    /// Several people share the name: their ids, in workspace order.
    case ambiguous([String])
    /// Nobody; `closestName` is a display name the reference may have meant.
    case notFound(closestName: String?)
}

extension Workspace {
    /// How many index candidates did-you-mean compares, at most.
    public static let closestNameWindow = 10_000

    /// Resolves a person reference the way the CSV files and `NetworkSnapshot.resolve` do: id, then
    /// email (case-insensitive), then profile URL (when it holds a `/`), then the normalized full
    /// name; when nothing matches, the closest name (`closestName(to:)`).
    /// - Complexity: one primary-key probe, then index lookups whose candidates are checked
    ///   against their rows; never a pass over every person.
    public func lookUpPerson(_ reference: String) throws(StoreError) -> PersonLookup {
        try read { db in
            if let id = try String.fetchOne(db, sql: "SELECT id FROM person WHERE id = ?", arguments: [reference]) {
                return .found(id)
            }
            let email = reference.lowercased()
            if !email.isEmpty, let match = SearchTerms.all(SearchTerms.words(reference)),
                let id = try Self.first(db, match: match, where: { (try? $0.emails())?.contains { $0.lowercased() == email } == true })
            {
                return .found(id)
            }
            if reference.contains("/") {
                let key = ProfileURL.key(reference)
                // The host is written many ways (www., scheme); the path words are what every spelling shares.
                let path = key.firstIndex(of: "/").map { String(key[$0...]) } ?? key
                if let match = SearchTerms.all(SearchTerms.words(path)),
                    let id = try Self.first(db, match: match, where: { $0.profileURL.map(ProfileURL.key) == key })
                {
                    return .found(id)
                }
            }
            let key = NameKey.person(reference)
            var named: [String] = []
            if !key.isEmpty, let match = SearchTerms.all(SearchTerms.words(reference, keptIn: Set(key.split(separator: " ")))) {
                try SearchCandidate.scan(db, match: match) { c in
                    if NameKey.person(c.displayName) == key { named.append(c.id) }
                    return true
                }
            }
            switch named.count {
            case 0: return .notFound(closestName: try Self.closestName(db, to: reference))
            case 1: return .found(named[0])
            default: return .ambiguous(named)
            }
        }
    }

    /// The display name closest to `reference` by edit distance between normalized names, when within
    /// max(2, ⌊length / 3⌋) edits; ties go to the person written first.
    ///
    /// Candidates come from the index, not from every person, in passes that stop at the first
    /// that finds a name within reach: people who share all but one of the reference's name words;
    /// people whose words start with the same two letters as each of its words; the same with one
    /// word sharing only its first letter (at most `closestNameWindow` of each, in workspace
    /// order). So a name that shares all words but one wins over a closer one that shares none, and
    /// a name with two words misspelt in their first two letters is not proposed.
    /// - Complexity: O(candidates · |name|²).
    public func closestName(to reference: String) throws(StoreError) -> String? {
        try read { db in try Self.closestName(db, to: reference) }
    }

    static func closestName(_ db: Database, to reference: String) throws -> String? {
        let key = NameKey.person(reference)
        let target = Array(key.unicodeScalars)
        guard !target.isEmpty else { return nil }
        let limit = max(2, target.count / 3)
        let words = key.split(separator: " ").map(String.init)
        // Passes from the most precise, each only when those before found no name within reach:
        // people who share all but one of the words; people whose words start with the same two
        // letters; the same with one word sharing only its first letter ("Jmes Smiht").
        var allButOne: [String] = []
        if words.count > 1 {
            for skipped in words.indices {
                if let all = SearchTerms.all(words.indices.filter { $0 != skipped }.map { words[$0] }) { allButOne.append(all) }
            }
        }
        let starts = SearchTerms.all(words.map { String($0.prefix(2)) }, prefix: true)
        let looseStarts = SearchTerms.any(
            words.count < 2 ? [] : words.indices.compactMap { loose in
                SearchTerms.all(words.indices.map { String(words[$0].prefix($0 == loose ? 1 : 2)) }, prefix: true)
            })
        var best: (distance: Int, name: String)?
        var seen: [String: Int] = [:]
        for match in [SearchTerms.any(allButOne), starts, looseStarts].compactMap({ $0 }) {
            if best != nil { break }
            var read = 0
            try SearchCandidate.scan(db, match: match) { c in
                read += 1
                let name = c.displayName
                let distance: Int
                if let known = seen[name] {
                    distance = known
                } else {
                    let candidate = Array(NameKey.person(name).unicodeScalars)
                    distance = abs(candidate.count - target.count) <= limit ? NameDistance.levenshtein(target, candidate) : .max
                    seen[name] = distance
                }
                if distance <= limit, distance < (best?.distance ?? .max) { best = (distance, name) }
                return read < closestNameWindow
            }
        }
        return best?.name
    }

    /// The id of the first person, in workspace order, that the index matches and `test` accepts.
    private static func first(_ db: Database, match: String, where test: (SearchCandidate) -> Bool) throws -> String? {
        var found: String?
        try SearchCandidate.scan(db, match: match) { c in
            if test(c) { found = c.id }
            return found == nil
        }
        return found
    }
}

/// Edit distance between names.
public enum NameDistance {
    /// The Levenshtein distance: the fewest insertions, deletions and substitutions of one scalar
    /// that turn `a` into `b` (Levenshtein 1966).
    /// - Complexity: O(|a| · |b|) time, O(|b|) space.
    public static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
