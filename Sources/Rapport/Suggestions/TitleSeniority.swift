/// Seniority of a job title, in [0, 1], from its words.
///
/// The highest-ranked phrase found wins: "Senior Associate" is senior (0.7), "General Counsel"
/// executive (1.0). Titles with no known word get 0.4, no title 0.3. Phrases are matched on
/// folded singular tokens, so "Partners" and "V.P." count.
public enum TitleSeniority {
    /// Phrase → level, checked on whole tokens.
    static let levels: [(phrase: [String], level: Double)] = {
        let table: [(String, Double)] = [
            ("general counsel", 1.0), ("chief", 1.0), ("managing partner", 1.0), ("judge", 1.0), ("justice", 1.0),
            ("founder", 1.0), ("ceo", 1.0), ("cto", 1.0), ("cfo", 1.0), ("coo", 1.0), ("dean", 1.0), ("commissioner", 1.0),
            ("president", 0.85), ("partner", 0.85), ("vp", 0.85), ("vice president", 0.85), ("director", 0.85), ("head", 0.85),
            ("principal", 0.85), ("shareholder", 0.85), ("counsel", 0.7), ("senior", 0.7), ("lead", 0.65), ("manager", 0.6),
            ("professor", 0.7), ("associate", 0.45), ("attorney", 0.45), ("engineer", 0.45), ("agent", 0.45),
            ("advisor", 0.45), ("adviser", 0.45), ("consultant", 0.45), ("analyst", 0.35), ("clerk", 0.35), ("junior", 0.2),
            ("intern", 0.15), ("student", 0.15), ("assistant", 0.25), ("paralegal", 0.25), ("trainee", 0.15),
        ]
        return table.map { (MatchText.baseTokens($0.0), $0.1) }
    }()

    /// The seniority of `title`.
    /// - Complexity: O(words · table size).
    public static func score(_ title: String?) -> Double {
        guard let title, !title.isEmpty else { return 0.3 }
        let tokens = MatchText(tokens: MatchText.baseTokens(title))
        var best: Double?
        for entry in levels where tokens.contains(MatchText(tokens: entry.phrase)) {
            best = max(best ?? 0, entry.level)
        }
        return best ?? 0.4
    }
}

extension MatchText {
    init(tokens: [String]) { self.tokens = tokens }
}
