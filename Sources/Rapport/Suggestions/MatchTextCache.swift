import Foundation

/// The match forms of a snapshot's distinct texts (`MatchText`: folded, stemmed, synonyms applied),
/// made on demand and kept for the life of a `SuggestionEngine`, so that every `suggest` call and
/// goal summary of one engine tokenizes and stems each distinct title, sector, location, tag and
/// organization at most once. Stems are memoized by word as well: a million-person directory has
/// some hundred thousand organization names but only a few thousand distinct words in them.
///
/// The values are exactly those `MatchText(_:synonyms:)` gives; only the work is shared. A lock
/// makes the cache safe for the batch mode's threads.
final class MatchTextCache: @unchecked Sendable {
    /// An organization's normalized key, name and sector, in match form.
    typealias OrganizationText = (key: MatchText, name: MatchText, sector: MatchText?)

    enum Field: Int, CaseIterable {
        case title, location, sector, tag
    }

    private let lock = NSLock()
    private let synonyms: SynonymTable
    private var texts: [[MatchText?]]
    private var organizations: [OrganizationText?]
    private var stems: [String: String] = [:]

    /// - Parameter counts: the number of distinct values per `Field`, and of organizations.
    init(synonyms: SynonymTable, counts: [Field: Int], organizationCount: Int) {
        self.synonyms = synonyms
        texts = Field.allCases.map { [MatchText?](repeating: nil, count: counts[$0] ?? 0) }
        organizations = [OrganizationText?](repeating: nil, count: organizationCount)
    }

    /// The match form of value `code` of `field`, made from `text()` the first time.
    func text(_ field: Field, _ code: Int, _ text: () -> String) -> MatchText {
        lock.withLock {
            if let known = texts[field.rawValue][code] { return known }
            let made = matchText(text())
            texts[field.rawValue][code] = made
            return made
        }
    }

    /// Organization `o`'s match forms, made from `organization()` the first time.
    func organization(_ o: Int, _ organization: () -> Organization) -> OrganizationText {
        lock.withLock {
            if let known = organizations[o] { return known }
            let value = organization()
            let made = (matchText(value.key), matchText(value.name), value.sector.map(matchText))
            organizations[o] = made
            return made
        }
    }

    /// `MatchText(text, synonyms:)`, with the stems memoized. Call with the lock held.
    private func matchText(_ text: String) -> MatchText {
        let tokens = NameKey.tokens(text).map { word in
            if let stem = stems[word] { return stem }
            let stem = PorterStemmer.stem(word)
            stems[word] = stem
            return stem
        }
        return MatchText(stemmedTokens: tokens, synonyms: synonyms)
    }
}
