import Rapport

/// How a piece of evidence found its person.
public enum EvidenceMatch: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case profileURL = "profile URL"
    case email
    /// An unambiguous full name, folded for case and diacritics.
    case name
    /// A person this import created for a reciprocated, unmatched party.
    case created = "new person"

    public var description: String { rawValue }
}

/// What happened to one party of one evidence file, for `--dry-run` and `--verbose`.
///
/// `description` names only the person's id and the key that matched; `contactDescription` adds the
/// party's name and address (contact data, shown only under `--verbose`).
public struct EvidenceNote: Hashable, Sendable, CustomStringConvertible {
    public enum Outcome: Hashable, Sendable {
        /// Matched a person (`personID`) by `EvidenceMatch`.
        case matched(personID: String, by: EvidenceMatch)
        /// No person, and never a two-way exchange: not created.
        case oneWay
        /// The name fits several people and nothing else tells them apart.
        case ambiguous(candidates: [String])
    }

    /// The first record of this party in the file.
    public var location: SourceLocation
    public var party: EvidenceParty
    public var outcome: Outcome
    /// The party's records in the file.
    public var records: Int

    public var description: String {
        let count = "\(records) record\(records == 1 ? "" : "s")"
        switch outcome {
        case .matched(let id, .created): return "\(location): new person '\(id)' (\(count))"
        case .matched(let id, let by): return "\(location): '\(id)' by \(by) (\(count))"
        case .oneWay: return "\(location): not matched, one-way, not created (\(count))"
        case .ambiguous(let candidates):
            return "\(location): not matched, the name fits \(candidates.joined(separator: ", ")) (\(count))"
        }
    }

    /// `description` followed by who the source names: `— Zoë Lefèvre <zoe@example.com>`.
    public var contactDescription: String {
        var who = party.name
        if let email = party.email { who += (who.isEmpty ? "" : " ") + "<\(email)>" }
        if let url = party.profileURL { who += (who.isEmpty ? "" : " ") + url }
        return description + " — " + (who.isEmpty ? "(no name or address)" : who)
    }
}

/// What one evidence file gave an import.
public struct EvidenceReport: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var source: InteractionSource?
    /// Records the reader produced.
    public var records = 0
    /// Records attached to a person, by how they matched (`.created`: to a person this import
    /// created), duplicates included.
    public var matched: [EvidenceMatch: Int] = [:]
    /// People this file's records created (a reciprocated exchange with someone unknown).
    public var peopleCreated = 0
    /// Records of unknown parties that never wrote back (or only wrote): not created.
    public var oneWay = 0
    /// Records whose party's name fits several people.
    public var ambiguous = 0
    /// Matched records whose key was already stored, or given earlier in this import: nothing added.
    public var duplicates = 0
    /// Records that name the user on both sides.
    public var withYourself = 0
    /// New interactions.
    public var interactionsNew = 0
    /// Items the reader skipped, by reason (`EvidenceFile.skipped`).
    public var skipped: [String: Int] = [:]
    /// One note per party, in order of first appearance.
    public var notes: [EvidenceNote] = []

    public init(path: String, source: InteractionSource? = nil) {
        self.path = path
        self.source = source
    }

    /// `path: 40 records: 31 matched (12 by profile URL, 4 by email, 15 by name), 2 new people,
    /// 3 one-way not created, 1 ambiguous name, 4 already present; skipped: 2 draft, 1 spam`.
    public var summary: String {
        var text = "\(path): \(records) record\(records == 1 ? "" : "s")"
        let known = EvidenceMatch.allCases.filter { $0 != .created }
        let matchedCount = known.reduce(0) { $0 + (matched[$1] ?? 0) }
        var parts: [String] = []
        if matchedCount > 0 {
            let by = known.compactMap { m in matched[m].flatMap { $0 > 0 ? "\($0) by \(m)" : nil } }
            parts.append("\(matchedCount) matched (\(by.joined(separator: ", ")))")
        }
        if peopleCreated > 0 {
            parts.append(
                "\(peopleCreated) new \(peopleCreated == 1 ? "person" : "people") (\(matched[.created] ?? 0) records)")
        }
        if oneWay > 0 { parts.append("\(oneWay) one-way not created") }
        if ambiguous > 0 { parts.append("\(ambiguous) with an ambiguous name not matched") }
        if duplicates > 0 { parts.append("\(duplicates) already present") }
        if withYourself > 0 { parts.append("\(withYourself) with yourself ignored") }
        if !parts.isEmpty { text += ": " + parts.joined(separator: ", ") }
        text += "; \(interactionsNew) new interaction\(interactionsNew == 1 ? "" : "s")"
        if !skipped.isEmpty {
            text +=
                "; skipped: "
                + skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        }
        return text
    }

    public var description: String { summary }
}
