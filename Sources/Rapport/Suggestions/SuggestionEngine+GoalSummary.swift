/// How many people a goal matches, and what to try when it matches nobody.
public struct GoalSummary: Hashable, Sendable, Codable {
    /// People other than the user with relevance above 0.
    public var matched: Int
    /// People other than the user.
    public var total: Int
    /// When nobody matches: up to three words that occur in the network's titles, sectors,
    /// organizations, locations and tags, closest to the goal's words (edit distance on stems).
    public var closestTerms: [String]

    public init(matched: Int, total: Int, closestTerms: [String]) {
        self.matched = matched
        self.total = total
        self.closestTerms = closestTerms
    }
}

extension SuggestionEngine {
    /// How many people match `goal` ("7 of 2,311 people match 'engineering'"), and the closest
    /// terms in the network when none does.
    /// - Throws: `SuggestionError.unknownPerson` for an ego outside the snapshot.
    /// - Complexity: O(V) relevance lookups; O(D · L²) over the D distinct words of the network's
    ///   texts when nobody matches.
    public func summary(of goal: Goal, for ego: Int32) throws(SuggestionError) -> GoalSummary {
        guard ego >= 0, Int(ego) < snapshot.personCount else { throw .unknownPerson(ego) }
        let total = snapshot.personCount - 1
        // Every distinct value rated once (by the suggestion before, usually), then the people
        // counted in chunks on the pool (each chunk reads the rated values; a million people took
        // 0.1 s on one thread).
        let rated = learnedMatcher(for: goal), index = textIndex, organizationIndex = snapshot.organizationIndex
        guard !rated.isNeutral else { return GoalSummary(matched: total, total: total, closestTerms: []) }
        let n = snapshot.personCount
        let chunks = n >= 1 << 16 ? 8 : 1
        var counts = [Int](repeating: 0, count: chunks)
        counts.withUnsafeMutableBufferPointer { counts in
            WorkerPool.shared.forEachChunk(of: n, chunks: chunks) { chunk, range in
                var matched = 0
                for v in Int32(range.lowerBound)..<Int32(range.upperBound) where v != ego {
                    if rated.knownRelevance(of: v, index: index, organizationIndex: organizationIndex) > 0 {
                        matched += 1
                    }
                }
                counts[chunk] = matched
            }
        }
        let matched = counts.reduce(0, +)
        guard matched == 0 else { return GoalSummary(matched: matched, total: total, closestTerms: []) }
        let values = goal.sectors + goal.keywords + goal.organizations + goal.locations + goal.seniority
        return GoalSummary(matched: 0, total: total, closestTerms: closestTerms(to: values.flatMap(NameKey.tokens)))
    }

    /// Up to `limit` words of the network's texts nearest to the goal's folded `words`: Levenshtein
    /// distance between the words or between their stems, whichever is smaller, and at most
    /// max(2, a third of the goal word's length); nearest first, then alphabetical.
    func closestTerms(to words: [String], limit: Int = 3) -> [String] {
        var vocabulary = Set<String>()
        let index = textIndex
        for text in index.titles + index.sectors + index.locations + index.tags {
            vocabulary.formUnion(NameKey.tokens(text))
        }
        for organization in snapshot.organizations { vocabulary.formUnion(NameKey.tokens(organization.name)) }
        let targets = Set(words.filter { !MatchText.stopWords.contains($0) }).map {
            (word: Array($0.utf8), stem: Array(PorterStemmer.stem($0).utf8), limit: max(2, $0.count / 3))
        }
        var scored: [(distance: Int, word: String)] = []
        for word in vocabulary where word.count > 2 && !MatchText.stopWords.contains(word) {
            let bytes = Array(word.utf8), stem = Array(PorterStemmer.stem(word).utf8)
            var best = Int.max
            for t in targets {
                let d = min(Self.editDistance(bytes, t.word), Self.editDistance(stem, t.stem))
                if d <= t.limit { best = min(best, d) }
            }
            if best < Int.max { scored.append((best, word)) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.word < $1.word }
        return scored.prefix(limit).map(\.word)
    }

    /// Levenshtein distance between two byte strings.
    /// - Complexity: O(|a| · |b|).
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...max(1, b.count) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            if b.isEmpty { current[0] = i }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
