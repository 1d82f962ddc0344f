/// An editable bank of informational-interview questions, grouped by when to ask them.
///
/// The text format, one question per line (a leading `- ` is optional):
/// ```
/// # comment
/// [general]
/// What does a typical week look like in your role?
/// [sector: intellectual property]
/// - How do you stay current with Federal Circuit decisions?
/// [seniority: senior]
/// What do you look for when you hire junior lawyers?
/// ```
/// Sector headings match a person's sectors after case, accent and punctuation folding
/// ("IP Litigation" matches `[sector: ip litigation]`); seniority headings are `early`, `mid` and
/// `senior` (see `SeniorityTier`).
public struct QuestionBank: Hashable, Sendable {
    public var general: [String]
    /// Folded sector key → questions.
    public var bySector: [String: [String]]
    public var bySeniority: [SeniorityTier: [String]]

    /// Fewest and most questions a brief carries.
    public static let minimumQuestions = 8
    public static let maximumQuestions = 12

    public init(
        general: [String] = [], bySector: [String: [String]] = [:], bySeniority: [SeniorityTier: [String]] = [:]
    ) {
        self.general = general
        self.bySector = bySector
        self.bySeniority = bySeniority
    }

    /// Parses the text format.
    /// - Throws: `FollowThroughError.questionBankSyntax` with the line number for an unknown heading
    ///   or a question before any heading.
    /// - Complexity: O(n) in the length of the text.
    public init(parsing text: String) throws(FollowThroughError) {
        self.init()
        enum Section { case general, sector(String), seniority(SeniorityTier) }
        var section: Section?
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else {
                    throw .questionBankSyntax(line: number, reason: "a heading must end with ']'")
                }
                let inside = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                let parts = inside.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                switch parts.first?.lowercased() {
                case "general" where parts.count == 1:
                    section = .general
                case "sector" where parts.count == 2 && !NameKey.person(parts[1]).isEmpty:
                    section = .sector(NameKey.person(parts[1]))
                case "seniority" where parts.count == 2:
                    guard let tier = SeniorityTier(rawValue: parts[1].lowercased()) else {
                        throw .questionBankSyntax(line: number, reason: "seniority must be early, mid or senior")
                    }
                    section = .seniority(tier)
                default:
                    throw .questionBankSyntax(
                        line: number, reason: "headings are [general], [sector: NAME] or [seniority: early|mid|senior]")
                }
                continue
            }
            var question = line
            if question.hasPrefix("- ") {
                question = String(question.dropFirst(2)).trimmingCharacters(in: .whitespaces)
            }
            guard !question.isEmpty else { continue }
            switch section {
            case nil: throw .questionBankSyntax(line: number, reason: "a question before any heading")
            case .general: general.append(question)
            case .sector(let key): bySector[key, default: []].append(question)
            case .seniority(let tier): bySeniority[tier, default: []].append(question)
            }
        }
    }

    /// The bank shipped with Rapport.
    public static var standard: QuestionBank {
        // The default text is tested to parse; an empty bank here would only mean a broken build.
        (try? QuestionBank(parsing: DefaultTexts.questionBank)) ?? QuestionBank()
    }

    /// 8–12 questions for a person: up to three for each of their sectors the bank knows (five in
    /// all), up to three for their seniority, then general questions up to ten, then any left over up
    /// to the minimum. No question appears twice; the order is the bank's.
    ///
    /// - Parameters:
    ///   - sectors: the person's sectors or practice areas, most important first.
    ///   - title: the person's job title (its seniority comes from `TitleSeniority`).
    /// - Throws: `FollowThroughError.tooFewQuestions` when the bank cannot supply eight.
    /// - Complexity: O(bank size).
    public func questions(sectors: [String], title: String?) throws(FollowThroughError) -> [String] {
        var chosen: [String] = []
        var seen = Set<String>()
        var leftovers: [String] = []
        func take(_ list: [String], limit: Int) {
            var taken = 0
            for q in list where !seen.contains(q) {
                if taken < limit && chosen.count < Self.maximumQuestions {
                    chosen.append(q)
                    seen.insert(q)
                    taken += 1
                } else {
                    leftovers.append(q)
                }
            }
        }
        var sectorBudget = 5
        var usedSectors = Set<String>()
        for sector in sectors {
            let key = NameKey.person(sector)
            guard let list = bySector[key], !usedSectors.contains(key) else { continue }
            usedSectors.insert(key)
            let before = chosen.count
            take(list, limit: min(3, sectorBudget))
            sectorBudget -= chosen.count - before
        }
        take(bySeniority[SeniorityTier(title: title)] ?? [], limit: 3)
        take(general, limit: max(0, 10 - chosen.count))
        for q in leftovers where chosen.count < Self.minimumQuestions && !seen.contains(q) {
            chosen.append(q)
            seen.insert(q)
        }
        guard chosen.count >= Self.minimumQuestions else {
            throw .tooFewQuestions(available: chosen.count, needed: Self.minimumQuestions)
        }
        return chosen
    }
}

/// Seniority bands for choosing questions, from `TitleSeniority.score`: below 0.4 `early`
/// (students, clerks, analysts), below 0.7 `mid` (associates, attorneys, unknown titles), else
/// `senior` (senior associates, counsel, partners, judges).
public enum SeniorityTier: String, CaseIterable, Sendable, Codable, Hashable {
    case early, mid, senior

    public init(title: String?) {
        let score = TitleSeniority.score(title)
        self = score < 0.4 ? .early : score < 0.7 ? .mid : .senior
    }
}
