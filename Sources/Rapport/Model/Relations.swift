/// An undirected relationship between two people.
///
/// Ties come from imports (declared), from contact exports (the user knows each contact), or are
/// inferred (same current organization, same school); inferred ties weigh less.
public struct Tie: Hashable, Sendable, Codable {
    public var personA: String
    public var personB: String
    public var kind: TieKind
    public var since: Day?
    /// Where the tie comes from.
    public var origin: TieOrigin

    public init(_ personA: String, _ personB: String, kind: TieKind, since: Day? = nil, origin: TieOrigin = .declared) {
        self.personA = personA
        self.personB = personB
        self.kind = kind
        self.since = since
        self.origin = origin
    }

    /// True for ties Rapport inferred rather than read; they weigh less than declared ones.
    public var isInferred: Bool { origin == .sameOrganization }

    /// The unordered pair, smaller id first: two ties with the same pair are the same tie.
    public var pair: TiePair { TiePair(personA, personB) }
}

/// Where a tie comes from.
public enum TieOrigin: String, CaseIterable, Sendable, Codable, Hashable {
    /// A row of a ties file, or `rapport` commands.
    case declared
    /// A contact export (LinkedIn, Google, Outlook, vCard): the user knows each contact.
    case contact
    /// Interactions between two people who had no declared tie.
    case interaction
    /// Inferred: the person works at the user's current organization.
    case sameOrganization = "same_organization"
}

/// An unordered pair of person ids.
public struct TiePair: Hashable, Sendable, Codable {
    public let low: String
    public let high: String
    public init(_ a: String, _ b: String) {
        if a.utf8.lexicographicallyPrecedes(b.utf8) || a == b { low = a; high = b } else { low = b; high = a }
    }
}

/// A conversation or contact between the user (or, in batch use, any person) and a person.
public struct Interaction: Hashable, Sendable, Codable {
    public var date: Day
    /// The other person.
    public var personID: String
    /// The side that is not `personID`; the user unless stated.
    public var withID: String
    public var kind: InteractionKind
    public var isOneOnOne: Bool
    public var minutes: Int?
    /// 1–5, how well it went; `nil` when not rated.
    public var rapport: Int?
    public var initiatedBy: Initiator?
    public var notes: String
    /// Where it was read from.
    public var source: InteractionSource
    /// The source's dedupe key (message id, event UID + occurrence, conversation id + date + ordinal);
    /// unique within `source`. `nil` for interactions typed by the user before keys existed.
    public var sourceKey: String?
    /// Words written (a LinkedIn message or invitation note), when the source tells; never the text.
    public var words: Int?

    public init(
        date: Day, personID: String, withID: String = Person.selfID, kind: InteractionKind,
        isOneOnOne: Bool = true, minutes: Int? = nil, rapport: Int? = nil, initiatedBy: Initiator? = nil,
        notes: String = "", source: InteractionSource = .native, sourceKey: String? = nil, words: Int? = nil
    ) {
        self.source = source
        self.sourceKey = sourceKey
        self.words = words
        self.date = date
        self.personID = personID
        self.withID = withID
        self.kind = kind
        self.isOneOnOne = isOneOnOne
        self.minutes = minutes
        self.rapport = rapport
        self.initiatedBy = initiatedBy
        self.notes = notes
    }
}

/// An introduction: `introducerID` introduced `personID` to `toID` (the user unless stated).
public struct Introduction: Hashable, Sendable, Codable {
    public var date: Day?
    public var introducerID: String
    public var personID: String
    public var toID: String
    public var status: IntroductionStatus

    public init(date: Day?, introducerID: String, personID: String, toID: String = Person.selfID, status: IntroductionStatus) {
        self.date = date
        self.introducerID = introducerID
        self.personID = personID
        self.toID = toID
        self.status = status
    }
}

extension Interaction {
    /// Decodes an interaction; `source`, `sourceKey` and `words` may be absent (documents written
    /// before evidence sources existed are native).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            date: try c.decode(Day.self, forKey: .date), personID: try c.decode(String.self, forKey: .personID),
            withID: try c.decode(String.self, forKey: .withID), kind: try c.decode(InteractionKind.self, forKey: .kind),
            isOneOnOne: try c.decode(Bool.self, forKey: .isOneOnOne), minutes: try c.decodeIfPresent(Int.self, forKey: .minutes),
            rapport: try c.decodeIfPresent(Int.self, forKey: .rapport),
            initiatedBy: try c.decodeIfPresent(Initiator.self, forKey: .initiatedBy),
            notes: try c.decode(String.self, forKey: .notes),
            source: try c.decodeIfPresent(InteractionSource.self, forKey: .source) ?? .native,
            sourceKey: try c.decodeIfPresent(String.self, forKey: .sourceKey),
            words: try c.decodeIfPresent(Int.self, forKey: .words))
    }
}
