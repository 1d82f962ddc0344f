import Rapport

/// Query text turned into words of the person index (`SearchIndex`) and into FTS5 MATCH
/// expressions over them.
enum SearchTerms {
    /// The words of `text` as the index splits a person's text: `'`, `’` and `.` removed, then every
    /// character outside Unicode letters, numbers, marks and private use separates. Case and
    /// diacritics are left for the tokenizer to fold, on both sides alike.
    /// - Complexity: O(length of `text`).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" || scalar == "." { continue }
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// The tokenizer's token characters: categories L*, N*, Co and M*.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .privateUse,
            .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// One quoted FTS5 term: `"word"`, or `"word"*` to match every word that starts with it.
    static func term(_ word: String, prefix: Bool = false) -> String {
        "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (prefix ? "*" : "")
    }

    /// A MATCH expression true for rows that hold every word (or, with `prefix`, a word starting
    /// with each); `nil` for no words.
    static func all(_ words: [String], prefix: Bool = false) -> String? {
        words.isEmpty ? nil : words.map { term($0, prefix: prefix) }.joined(separator: " AND ")
    }

    /// A MATCH expression true for rows that any of `expressions` matches; `nil` when none.
    static func any(_ expressions: [String]) -> String? {
        expressions.isEmpty ? nil : expressions.map { "(" + $0 + ")" }.joined(separator: " OR ")
    }

    /// The words of `text` that survive into its normalized key (`keyWords`): for an organization,
    /// the words left after `NameKey.organization` drops "and" and legal suffixes. A row whose key
    /// equals the query's holds every one of these words (though not necessarily the dropped ones).
    static func words(_ text: String, keptIn keyWords: Set<Substring>) -> [String] {
        words(text).filter { word in
            let key = NameKey.person(word)
            return key != "and" && keyWords.contains(Substring(key))
        }
    }
}
