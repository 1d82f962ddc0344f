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
///
/// Stored compactly, 80 bytes instead of the 176 of two `PersonReference`s and a location: ten
/// million of them set a million-person import's peak memory. The two reference texts are kept
/// as they are (an id of up to 15 bytes lives inside its `String`); what every row of one file
/// shares — the path and the two column names — sits in one `Context`; lines and columns are
/// 32-bit. The public properties read and write it as before.
public struct TieRecord: Hashable, Sendable {
    private var a: String
    private var b: String
    private var context: Context
    private var line: Int32
    private var column: Int32
    private var aLine: Int32
    private var aColumn: Int32
    private var bLine: Int32
    private var bColumn: Int32
    public var kind: TieKind
    public var since: Day?

    /// What the rows of one file share: the record's path, each reference's path and column.
    final class Context: Sendable {
        let path: String
        let aPath: String
        let aColumn: String
        let bPath: String
        let bColumn: String

        init(path: String, aPath: String, aColumn: String, bPath: String, bColumn: String) {
            (self.path, self.aPath, self.aColumn, self.bPath, self.bColumn) = (path, aPath, aColumn, bPath, bColumn)
        }

        /// A context for one file's rows: its references in columns `aColumn` and `bColumn`.
        convenience init(path: String, aColumn: String, bColumn: String) {
            self.init(path: path, aPath: path, aColumn: aColumn, bPath: path, bColumn: bColumn)
        }

        func fits(_ a: PersonReference, _ b: PersonReference, _ location: SourceLocation) -> Bool {
            location.path == path && a.location.path == aPath && a.column == aColumn && b.location.path == bPath
                && b.column == bColumn
        }
    }

    public init(
        personA: PersonReference, personB: PersonReference, kind: TieKind, since: Day?, location: SourceLocation
    ) {
        self.init(
            personA: personA, personB: personB, kind: kind, since: since, location: location,
            sharing: Context(
                path: location.path, aPath: personA.location.path, aColumn: personA.column,
                bPath: personB.location.path, bColumn: personB.column))
    }

    /// A record whose paths and columns are `shared`'s when they match it (the rows of one file),
    /// else a context of its own.
    init(
        personA: PersonReference, personB: PersonReference, kind: TieKind, since: Day?, location: SourceLocation,
        sharing shared: Context
    ) {
        a = personA.text
        b = personB.text
        context =
            shared.fits(personA, personB, location)
            ? shared
            : Context(
                path: location.path, aPath: personA.location.path, aColumn: personA.column,
                bPath: personB.location.path, bColumn: personB.column)
        line = Int32(clamping: location.line)
        column = Int32(clamping: location.column)
        aLine = Int32(clamping: personA.location.line)
        aColumn = Int32(clamping: personA.location.column)
        bLine = Int32(clamping: personB.location.line)
        bColumn = Int32(clamping: personB.location.column)
        self.kind = kind
        self.since = since
    }

    /// A row of the file whose path and reference columns are `context`'s, at column 1 of `line`,
    /// with references `a` and `b` at the positions given (the native ties reader's path).
    init(
        a: String, at aPosition: FieldPosition, b: String, at bPosition: FieldPosition, kind: TieKind, since: Day?,
        line: Int, sharing context: Context
    ) {
        (self.a, self.b, self.context) = (a, b, context)
        (self.line, column) = (Int32(clamping: line), 1)
        (aLine, aColumn, bLine, bColumn) = (aPosition.line, aPosition.column, bPosition.line, bPosition.column)
        self.kind = kind
        self.since = since
    }

    /// The texts of the two references, without building them (the merge's fast path).
    var personAText: String { a }
    var personBText: String { b }

    public var personA: PersonReference {
        get { Self.reference(a, context.aColumn, context.aPath, aLine, aColumn) }
        set { self = rebuilt(personA: newValue) }
    }

    public var personB: PersonReference {
        get { Self.reference(b, context.bColumn, context.bPath, bLine, bColumn) }
        set { self = rebuilt(personB: newValue) }
    }

    public var location: SourceLocation {
        get { SourceLocation(path: context.path, line: Int(line), column: Int(column)) }
        set { self = rebuilt(location: newValue) }
    }

    private static func reference(_ text: String, _ column: String, _ path: String, _ line: Int32, _ at: Int32)
        -> PersonReference
    {
        PersonReference(text, column: column, at: SourceLocation(path: path, line: Int(line), column: Int(at)))
    }

    /// This record with some of its references or its location replaced.
    private func rebuilt(
        personA: PersonReference? = nil, personB: PersonReference? = nil, location: SourceLocation? = nil
    )
        -> TieRecord
    {
        TieRecord(
            personA: personA ?? self.personA, personB: personB ?? self.personB, kind: kind, since: since,
            location: location ?? self.location, sharing: context)
    }

    public static func == (x: TieRecord, y: TieRecord) -> Bool {
        x.personA == y.personA && x.personB == y.personB && x.kind == y.kind && x.since == y.since
            && x.location == y.location
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(personA)
        hasher.combine(personB)
        hasher.combine(kind)
        hasher.combine(since)
        hasher.combine(location)
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
    /// The ties of the second part of a ties file read in two parts, not yet after `ties`: see
    /// `ContactFile.parse(…, joiningParts:)` and `joinParts()`. Empty otherwise.
    var secondPartTies: [TieRecord] = []

    public init(path: String, format: ImportFormat, encoding: SourceEncoding = .utf8) {
        self.path = path
        self.format = format
        self.encoding = encoding
    }

    /// Rows read, of every kind.
    public var rowCount: Int {
        people.count + ties.count + secondPartTies.count + interactions.count + introductions.count
    }

    /// Appends the second part's ties, if any were left apart, to `ties` (which has room for them).
    /// - Complexity: O(rows of the second part).
    public mutating func joinParts() {
        guard !secondPartTies.isEmpty else { return }
        ties += secondPartTies
        secondPartTies = []
    }
}
