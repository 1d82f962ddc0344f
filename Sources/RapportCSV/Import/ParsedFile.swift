import Rapport

/// The kinds of file Rapport imports.
public enum ImportFormat: String, CaseIterable, Sendable, Hashable, CustomStringConvertible {
    case linkedin, google, outlook, vcard, people, ties, interactions, introductions
    /// Any CSV read through an explicit `ColumnMapping`.
    case mapped

    public var description: String { rawValue }

    /// Contact exports: each row is a person the user knows, so each gets a tie to the user.
    public var isContactExport: Bool {
        switch self {
        case .linkedin, .google, .outlook, .vcard, .mapped: return true
        case .people, .ties, .interactions, .introductions: return false
        }
    }

    /// Whether rows of this format describe people.
    public var bearsPeople: Bool { isContactExport || self == .people }

    /// Merge order: people-bearing files first, then ties, interactions, introductions.
    var mergeRank: Int {
        switch self {
        case .people: return 0
        case .linkedin, .google, .outlook, .vcard, .mapped: return 1
        case .ties: return 2
        case .interactions: return 3
        case .introductions: return 4
        }
    }
}

/// A person as read from one row, before identity resolution.
public struct PersonRecord: Hashable, Sendable {
    /// The person; `id` is empty when the source gave none (one is generated on merge).
    public var person: Person
    public var location: SourceLocation
    /// "Connected On" or similar: the `since` of the tie to the user.
    public var connectedOn: Day?

    public init(person: Person, location: SourceLocation, connectedOn: Day? = nil) {
        self.person = person
        self.location = location
        self.connectedOn = connectedOn
    }
}

/// A cell that names a person (id, email, profile URL or full name), with where it was read.
public struct PersonReference: Hashable, Sendable, CustomStringConvertible {
    public var text: String
    public var column: String
    public var location: SourceLocation

    public init(_ text: String, column: String, at location: SourceLocation) {
        self.text = text
        self.column = column
        self.location = location
    }

    public var description: String { text }
}

/// A row of `ties.csv`: two references, resolved on merge.
public struct TieRecord: Hashable, Sendable {
    public var personA: PersonReference
    public var personB: PersonReference
    public var kind: TieKind
    public var since: Day?
    public var location: SourceLocation

    public init(
        personA: PersonReference, personB: PersonReference, kind: TieKind, since: Day?, location: SourceLocation
    ) {
        self.personA = personA
        self.personB = personB
        self.kind = kind
        self.since = since
        self.location = location
    }
}

/// A row of `interactions.csv`; `person` and `with` are resolved on merge.
public struct InteractionRecord: Hashable, Sendable {
    public var date: Day
    public var person: PersonReference
    /// The other side; the user when `nil`.
    public var with: PersonReference?
    public var kind: InteractionKind
    public var isOneOnOne: Bool
    public var minutes: Int?
    public var rapport: Int?
    public var initiatedBy: Initiator?
    public var notes: String
    public var location: SourceLocation

    /// A row of `interactions.csv`, or an interaction logged from the command line.
    public init(
        date: Day, person: PersonReference, with: PersonReference? = nil, kind: InteractionKind,
        isOneOnOne: Bool = true,
        minutes: Int? = nil, rapport: Int? = nil, initiatedBy: Initiator? = nil, notes: String = "",
        location: SourceLocation
    ) {
        self.date = date
        self.person = person
        self.with = with
        self.kind = kind
        self.isOneOnOne = isOneOnOne
        self.minutes = minutes
        self.rapport = rapport
        self.initiatedBy = initiatedBy
        self.notes = notes
        self.location = location
    }
}

/// A row of `introductions.csv`; the references are resolved on merge.
public struct IntroductionRecord: Hashable, Sendable {
    public var date: Day?
    public var introducer: PersonReference
    public var person: PersonReference
    /// To whom; the user when `nil`.
    public var to: PersonReference?
    public var status: IntroductionStatus
    public var location: SourceLocation

    public init(
        date: Day?, introducer: PersonReference, person: PersonReference, to: PersonReference? = nil,
        status: IntroductionStatus, location: SourceLocation
    ) {
        self.date = date
        self.introducer = introducer
        self.person = person
        self.to = to
        self.status = status
        self.location = location
    }
}

/// One file read and checked, references still unresolved: the input of `Importer.merge`.
public struct ParsedFile: Hashable, Sendable {
    public var path: String
    public var format: ImportFormat
    public var encoding: SourceEncoding
    public var people: [PersonRecord] = []
    public var ties: [TieRecord] = []
    public var interactions: [InteractionRecord] = []
    public var introductions: [IntroductionRecord] = []
    public var warnings: [ImportWarning] = []

    public init(path: String, format: ImportFormat, encoding: SourceEncoding = .utf8) {
        self.path = path
        self.format = format
        self.encoding = encoding
    }

    /// Rows read, of every kind.
    public var rowCount: Int { people.count + ties.count + interactions.count + introductions.count }
}
