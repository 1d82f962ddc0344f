/// Phrases that mean the same thing in a goal: "IP" and "intellectual property", "tech
/// transactions" and "technology transactions".
///
/// Each entry maps an alias phrase to a canonical phrase. Text is compared in canonical form:
/// folded, singular tokens (`MatchText`) with every alias replaced by its canonical phrase, longest
/// alias first, left to right, in one pass (a canonical phrase is not rewritten again).
///
/// The table is editable: `init(parsing:)` reads `alias = canonical` lines, so users can keep their
/// own list next to the configuration file.
public struct SynonymTable: Hashable, Sendable {
    /// The entries as given, (alias, canonical).
    public let entries: [Entry]
    /// Rewrites keyed by the first token of the alias, longest alias first.
    let rules: [String: [Rule]]

    public struct Entry: Hashable, Sendable, Codable {
        public var alias: String
        public var canonical: String
        public init(alias: String, canonical: String) {
            self.alias = alias
            self.canonical = canonical
        }
    }

    struct Rule: Hashable, Sendable {
        let alias: [String]
        let canonical: [String]
    }

    /// The built-in table, aimed at legal and business job searches.
    public static let `default` = SynonymTable(
        entries: [
            ("ip", "intellectual property"),
            ("tech", "technology"),
            ("tech transactions", "technology transactions"),
            ("m&a", "mergers and acquisitions"),
            ("vc", "venture capital"),
            ("pe", "private equity"),
            ("gc", "general counsel"),
            ("vp", "vice president"),
            ("svp", "senior vice president"),
            ("evp", "executive vice president"),
            ("ai", "artificial intelligence"),
            ("ml", "machine learning"),
            ("ux", "user experience"),
            ("ui", "user interface"),
            ("swe", "software engineer"),
            ("biotech", "biotechnology"),
            ("fintech", "financial technology"),
            ("atty", "attorney"),
            ("lawyer", "attorney"),
            ("nyc", "new york"),
            ("sf", "san francisco"),
            ("govt", "government"),
            ("dept", "department"),
            ("mgmt", "management"),
        ].map { Entry(alias: $0.0, canonical: $0.1) })

    /// A table with these entries; later entries for the same alias win.
    public init(entries: [Entry]) {
        self.entries = entries
        var byAlias: [[String]: [String]] = [:]
        for entry in entries {
            let alias = MatchText.baseTokens(entry.alias)
            let canonical = MatchText.baseTokens(entry.canonical)
            guard !alias.isEmpty, !canonical.isEmpty, alias != canonical else { continue }
            byAlias[alias] = canonical
        }
        var rules: [String: [Rule]] = [:]
        for (alias, canonical) in byAlias {
            rules[alias[0], default: []].append(Rule(alias: alias, canonical: canonical))
        }
        for key in rules.keys {
            rules[key]?.sort {
                ($0.alias.count, $1.alias.joined(separator: " ")) > ($1.alias.count, $0.alias.joined(separator: " "))
            }
        }
        self.rules = rules
    }

    /// Parses `alias = canonical` lines. Blank lines, `#` comments and `[section]` headers are
    /// skipped; either side may be quoted.
    /// - Throws: `SuggestionError.invalidSynonymLine` with the 1-based line number.
    /// - Complexity: O(n) in the length of the text.
    public init(parsing text: String) throws(SuggestionError) {
        var entries: [Entry] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(raw)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || (trimmed.hasPrefix("[") && trimmed.hasSuffix("]")) { continue }
            guard let equals = trimmed.firstIndex(of: "=") else { throw .invalidSynonymLine(line: number + 1) }
            let alias = Self.unquote(trimmed[..<equals])
            let canonical = Self.unquote(trimmed[trimmed.index(after: equals)...])
            guard !MatchText.baseTokens(alias).isEmpty, !MatchText.baseTokens(canonical).isEmpty else {
                throw .invalidSynonymLine(line: number + 1)
            }
            entries.append(Entry(alias: alias, canonical: canonical))
        }
        self.init(entries: entries)
    }

    /// This table with `other`'s entries added (they win on the same alias).
    public func merging(_ other: SynonymTable) -> SynonymTable { SynonymTable(entries: entries + other.entries) }

    /// Replaces aliases in folded tokens by their canonical phrases.
    /// - Complexity: O(n · r) for n tokens and r rules sharing a first token.
    func rewrite(_ tokens: [String]) -> [String] {
        guard !rules.isEmpty else { return tokens }
        var out: [String] = []
        out.reserveCapacity(tokens.count)
        var i = 0
        outer: while i < tokens.count {
            if let candidates = rules[tokens[i]] {
                for rule in candidates where i + rule.alias.count <= tokens.count {
                    if tokens[i..<(i + rule.alias.count)].elementsEqual(rule.alias) {
                        out.append(contentsOf: rule.canonical)
                        i += rule.alias.count
                        continue outer
                    }
                }
            }
            out.append(tokens[i])
            i += 1
        }
        return out
    }

    private static func unquote(_ text: Substring) -> String {
        var s = text.trimmingWhitespace()
        if s.count >= 2, let first = s.first, first == "\"" || first == "'", s.last == first {
            s = s.dropFirst().dropLast()
        }
        return String(s)
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var s = self
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return s
    }
}

/// Text in the form goals are matched in: case- and diacritic-folded tokens, punctuation removed,
/// each word reduced to its Porter stem (engineer, engineers, engineering → "engin"; patents →
/// "patent"), synonyms replaced by their canonical phrase.
struct MatchText: Hashable, Sendable {
    let tokens: [String]

    init(_ text: String, synonyms: SynonymTable) {
        tokens = synonyms.rewrite(Self.baseTokens(text))
    }

    /// Tokens already folded and stemmed (`baseTokens`), with the synonyms applied.
    init(stemmedTokens: [String], synonyms: SynonymTable) {
        tokens = synonyms.rewrite(stemmedTokens)
    }

    /// Folded, stemmed tokens without synonym rewriting. `NameKey.tokens` turns `&` into `and` and
    /// joins across periods and apostrophes, so "M&A" reads "m and a" and "P.C." reads "pc";
    /// acronyms of one or two letters (IP, UX) are never stemmed.
    static func baseTokens(_ text: String) -> [String] {
        NameKey.tokens(text).map(PorterStemmer.stem)
    }

    /// Whether `phrase` occurs in this text as a contiguous run of whole tokens.
    /// - Complexity: O(n · m).
    func contains(_ phrase: MatchText) -> Bool {
        let p = phrase.tokens
        guard !p.isEmpty, p.count <= tokens.count else { return false }
        for start in 0...(tokens.count - p.count) where tokens[start] == p[0] {
            if tokens[start..<(start + p.count)].elementsEqual(p) { return true }
        }
        return false
    }

    /// How well `phrase` matches this text, in [0, 1]: 1 when every word of the phrase occurs, in
    /// any order ("software engineer" in "Engineer, Software"); otherwise `partialMatchWeight` times
    /// the share of its words that occur ("software engineer" in "VP of Engineering": 0.5 · ½).
    /// - Complexity: O(n · m).
    func match(_ phrase: MatchText) -> Double {
        let words = phrase.tokens.filter { !Self.stopWords.contains($0) }
        let p = words.isEmpty ? phrase.tokens : words
        guard !p.isEmpty else { return 0 }
        var found = 0
        for word in p where tokens.contains(word) { found += 1 }
        if found == p.count { return 1 }
        return Self.partialMatchWeight * Double(found) / Double(p.count)
    }

    /// Words that carry no meaning on their own ("VP of Engineering"); a phrase is matched on its
    /// other words.
    static let stopWords: Set<String> = ["of", "and", "the", "for", "in", "at", "a", "an", "to", "on", "with"]

    /// What a phrase found only in part is worth, per share of its words.
    static let partialMatchWeight = 0.5
}
