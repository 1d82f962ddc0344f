import Rapport

/// Someone on the other side of a piece of evidence, as the source names them.
///
/// Identity resolution (`Importer`) matches a party to a person by profile URL, then e-mail, then an
/// unambiguous full name.
public struct EvidenceParty: Hashable, Sendable {
    /// The display name as the source gives it ("Zoë Lefèvre"); may be empty.
    public var name: String
    /// Lowercased e-mail address, when the source has one.
    public var email: String?
    /// LinkedIn profile URL, when the source has one (as written; matching normalizes it).
    public var profileURL: String?

    public init(name: String, email: String? = nil, profileURL: String? = nil) {
        self.name = name
        self.email = email
        self.profileURL = profileURL
    }
}

/// One piece of evidence between the user and one other person: a message, a meeting occurrence, a
/// mail, an invitation, a recommendation, an endorsement. Never holds content, subject or body.
public struct EvidenceRecord: Hashable, Sendable {
    public var source: InteractionSource
    /// The dedupe key, unique within `source`: a Message-ID, an event UID with its occurrence date,
    /// a LinkedIn conversation id with the message's timestamp and ordinal. Importing the same
    /// export again finds every key already stored and adds nothing.
    public var key: String
    public var date: Day
    public var kind: InteractionKind
    /// The other side (the user is always the first side).
    public var party: EvidenceParty
    /// Exactly two participants (the user and `party`).
    public var isOneOnOne: Bool
    /// A meeting's length, from the event's duration.
    public var minutes: Int?
    /// Words written (a LinkedIn message or invitation note); never the text.
    public var words: Int?
    /// Who sent, invited or organized it: `.me` the user, `.them` the party; `nil` when unknown.
    public var initiatedBy: Initiator?
    /// The exchange went both ways: the conversation or mail thread has messages from both sides,
    /// or the party accepted or organized the meeting. Only reciprocated evidence may create a new
    /// person for an unmatched party.
    public var reciprocated: Bool
    /// Where it was read (the row, the VEVENT's BEGIN line, the message's "From " line).
    public var location: SourceLocation

    public init(
        source: InteractionSource, key: String, date: Day, kind: InteractionKind, party: EvidenceParty,
        isOneOnOne: Bool, minutes: Int? = nil, words: Int? = nil, initiatedBy: Initiator?, reciprocated: Bool,
        location: SourceLocation
    ) {
        self.source = source
        self.key = key
        self.date = date
        self.kind = kind
        self.party = party
        self.isOneOnOne = isOneOnOne
        self.minutes = minutes
        self.words = words
        self.initiatedBy = initiatedBy
        self.reciprocated = reciprocated
        self.location = location
    }
}

/// The user as the evidence sources know them: their addresses, names and profile URLs, from the
/// workspace's `me` and the LinkedIn archive's Profile.csv / Email Addresses.csv.
public struct SelfIdentity: Hashable, Sendable {
    /// Lowercased e-mail addresses.
    public var emails: Set<String>
    /// Full names as written ("Avery Quinn"); compare with `NameKey`-style folding.
    public var names: Set<String>
    public var profileURLs: Set<String>

    public init(emails: Set<String> = [], names: Set<String> = [], profileURLs: Set<String> = []) {
        self.emails = emails
        self.names = names
        self.profileURLs = profileURLs
    }

    public var isEmpty: Bool { emails.isEmpty && names.isEmpty && profileURLs.isEmpty }
}

/// What one evidence file gave: the records, and how many rows or items were skipped and why.
public struct EvidenceFile: Hashable, Sendable {
    public var path: String
    public var records: [EvidenceRecord]
    /// Skipped items by reason, in plain words ("draft", "spam", "system message", "declined",
    /// "cancelled", "all-day", "no other attendee", "more than 20 attendees", "bulk or list mail",
    /// "noreply sender", "more than 20 recipients"), for the import report.
    public var skipped: [String: Int]
    public var warnings: [ImportWarning]

    public init(path: String, records: [EvidenceRecord] = [], skipped: [String: Int] = [:], warnings: [ImportWarning] = []) {
        self.path = path
        self.records = records
        self.skipped = skipped
        self.warnings = warnings
    }
}
