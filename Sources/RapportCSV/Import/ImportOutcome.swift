import Rapport

/// How a row was recognized as someone already known.
public enum MatchReason: String, Sendable, Hashable, CustomStringConvertible {
    case id
    case email
    case profileURL = "profile URL"
    case nameAndOrganization = "name and organization"

    public var description: String { rawValue }
}

/// One row that merged into a person instead of creating one.
public struct MergeNote: Hashable, Sendable, CustomStringConvertible {
    /// The row.
    public var location: SourceLocation
    /// The person it merged into.
    public var intoID: String
    public var reason: MatchReason

    public init(location: SourceLocation, intoID: String, reason: MatchReason) {
        self.location = location
        self.intoID = intoID
        self.reason = reason
    }

    /// `path:line:column: merged into 'id' (same email)`; the matched value itself is not printed.
    public var description: String { "\(location): merged into '\(intoID)' (same \(reason))" }
}

/// Exactly what a store must write for an import: every person and tie inserted or changed (in
/// their final state), new interactions, and introductions inserted or changed.
public struct NetworkChanges: Hashable, Sendable {
    public var upsertPeople: [Person] = []
    public var upsertTies: [Tie] = []
    public var newInteractions: [Interaction] = []
    public var upsertIntroductions: [Introduction] = []

    public init() {}

    public var isEmpty: Bool {
        upsertPeople.isEmpty && upsertTies.isEmpty && newInteractions.isEmpty && upsertIntroductions.isEmpty
    }
}

/// Counts and merges of one import.
public struct ImportReport: Hashable, Sendable, CustomStringConvertible {
    public var peopleNew = 0
    public var peopleUpdated = 0
    public var tiesNew = 0
    public var tiesUpdated = 0
    public var interactionsNew = 0
    public var introductionsNew = 0
    public var introductionsUpdated = 0
    /// Rows that changed nothing (already known, or repeated within the files).
    public var rowsUnchanged = 0
    /// Rows that merged into a person found by identity rather than their own id, and rows that
    /// repeat an id already given in the same import.
    public var merges: [MergeNote] = []

    public init() {}

    public var totalNew: Int { peopleNew + tiesNew + interactionsNew + introductionsNew }
    public var totalUpdated: Int { peopleUpdated + tiesUpdated + introductionsUpdated }

    /// One line, e.g. `3 new, 1 updated (people 2 new/1 updated, ties 1/0, interactions 0, introductions 0/0); 5 rows unchanged; 1 merged by identity`.
    public var summary: String {
        var text = "\(totalNew) new, \(totalUpdated) updated (people \(peopleNew) new/\(peopleUpdated) updated, "
        text += "ties \(tiesNew) new/\(tiesUpdated) updated, interactions \(interactionsNew) new, "
        text += "introductions \(introductionsNew) new/\(introductionsUpdated) updated)"
        if rowsUnchanged > 0 { text += "; \(rowsUnchanged) rows unchanged" }
        if !merges.isEmpty { text += "; \(merges.count) merged by identity" }
        return text
    }

    public var description: String { summary }
}

/// The result of `Importer.merge`: the merged whole, the changes to write, the report, warnings.
public struct ImportOutcome: Hashable, Sendable {
    public var data: NetworkData
    public var changes: NetworkChanges
    public var report: ImportReport
    public var warnings: [ImportWarning]
    /// One report per evidence file (LinkedIn archive files, calendars, mailboxes), in order.
    public var evidence: [EvidenceReport] = []
    /// Files of an archive that were found and not read.
    public var ignoredFiles: [String] = []
}
