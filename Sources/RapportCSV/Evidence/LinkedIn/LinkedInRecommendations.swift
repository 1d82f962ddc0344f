import Rapport

/// One recommendation or endorsement row, reduced to its evidence: who, when, how many words.
struct LinkedInTestimonial: Hashable, Sendable {
    var party: LinkedInName
    var timestamp: String
    var day: Day?
    var words: Int?
    var location: SourceLocation
}

/// `Recommendations_Received.csv`, `Recommendations_Given.csv` (`First Name, Last Name, Company,
/// Job Title, Text, Creation Date, Status`) and `Endorsement_Received_Info.csv` (`Endorsement
/// Date, Skill Name, Endorser First Name, Endorser Last Name, Endorser Public Url, Endorsement Status`).
struct LinkedInTestimonials: Sendable {
    enum Kind: Sendable {
        case recommendationReceived, recommendationGiven, endorsementReceived

        var file: String {
            switch self {
            case .recommendationReceived: return "Recommendations_Received.csv"
            case .recommendationGiven: return "Recommendations_Given.csv"
            case .endorsementReceived: return "Endorsement_Received_Info.csv"
            }
        }
    }

    var kind: Kind
    var path: String
    var rows: [LinkedInTestimonial]
    var warnings: [ImportWarning]

    enum Columns {
        static let firstName = ["First Name"], lastName = ["Last Name"]
        static let text = ["Text", "Body", "Recommendation"], created = ["Creation Date", "Created Date", "Date"]
        static let endorserFirst = ["Endorser First Name"], endorserLast = ["Endorser Last Name"]
        static let endorserURL = ["Endorser Public Url", "Endorser Profile Url"], endorsed = ["Endorsement Date"]
    }

    /// - Throws: the CSV reader's errors, `.missingColumn` (the names and the date),
    ///   `.unreadableDate` at the date cell.
    /// - Complexity: O(bytes).
    init(kind: Kind, path: String, bytes: [UInt8]) throws(ImportError) {
        let isEndorsement = kind == .endorsementReceived
        let first = isEndorsement ? Columns.endorserFirst : Columns.firstName
        let last = isEndorsement ? Columns.endorserLast : Columns.lastName
        let date = isEndorsement ? Columns.endorsed : Columns.created
        let table = try LinkedInTable(path: path, bytes: bytes, file: kind.file, required: [first, last, date])
        self.kind = kind
        self.path = path
        warnings = table.warnings
        let hasText = table.column(Columns.text) != nil
        rows = []
        for row in table.rows {
            let name = [row.text(first), row.text(last)].filter { !$0.isEmpty }.joined(separator: " ")
            let url = isEndorsement ? nonEmpty(row.text(Columns.endorserURL)) : nil
            rows.append(
                LinkedInTestimonial(
                    party: LinkedInName(name: name, url: url), timestamp: row.text(date),
                    day: try row.linkedInDay(date),
                    words: !isEndorsement && hasText ? WordCount.words(row.text(Columns.text)) : nil,
                    location: row.location))
        }
    }

    /// One record per row.
    ///
    /// A recommendation (`.recommendation`) is a reciprocal service, like a referral: received is
    /// `.them`, given is `.me`, `reciprocated` true, `words` from the text. An endorsement
    /// (`.endorsement`) is one click: `.them`, not reciprocated, no words.
    /// Key: `<recommendation-received|recommendation-given|endorsement>:<party>|<date>|<ordinal>`.
    /// - Complexity: O(rows).
    func evidence() -> EvidenceFile {
        var file = EvidenceFile(path: path, warnings: warnings)
        let prefix: String
        let interaction: InteractionKind
        switch kind {
        case .recommendationReceived: (prefix, interaction) = ("recommendation-received", .recommendation)
        case .recommendationGiven: (prefix, interaction) = ("recommendation-given", .recommendation)
        case .endorsementReceived: (prefix, interaction) = ("endorsement", .endorsement)
        }
        var keys = LinkedInDedupeKeys(prefix: prefix)
        for row in rows {
            guard let (day, party) = file.dated(row.day, row.party) else { continue }
            file.records.append(
                EvidenceRecord(
                    source: .linkedin, key: keys.key("\(party)|\(row.timestamp)"), date: day, kind: interaction,
                    party: EvidenceParty(name: row.party.name, profileURL: row.party.url), isOneOnOne: true,
                    words: row.words, initiatedBy: kind == .recommendationGiven ? .me : .them,
                    reciprocated: kind != .endorsementReceived, location: row.location))
        }
        return file
    }
}
