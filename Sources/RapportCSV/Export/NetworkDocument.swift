import Rapport

/// The whole network as one JSON document: what `rapport export --format json` writes and
/// `rapport import` reads back (schema in Docs/JSON.md).
///
/// People, interactions and introductions keep the model's own field names; each tie carries its
/// strength as of `asOf` (informative: an import recomputes strengths and ignores it).
public struct NetworkDocument: Codable, Hashable, Sendable {
    /// Always `rapport-network`: how an import tells this document from any other JSON.
    public var format: String
    /// The schema version; this build reads and writes `NetworkDocument.currentVersion`.
    public var version: Int
    /// The day the strengths are computed for.
    public var asOf: Day?
    public var people: [Person]
    public var ties: [ExportedTie]
    public var interactions: [Interaction]
    public var introductions: [Introduction]

    public static let formatName = "rapport-network"
    public static let currentVersion = 1

    /// A document of `data`, each tie with the strength `strength` gives it (nil leaves it out).
    /// - Complexity: O(P + T + I + N), plus the cost of `strength` per tie.
    public init(data: NetworkData, asOf: Day?, strength: (Tie) -> Double?) {
        format = NetworkDocument.formatName
        version = NetworkDocument.currentVersion
        self.asOf = asOf
        people = data.people
        ties = data.ties.map { ExportedTie($0, strength: strength($0)) }
        interactions = data.interactions
        introductions = data.introductions
    }

    /// The plain network, strengths dropped.
    public var data: NetworkData {
        NetworkData(people: people, ties: ties.map(\.tie), interactions: interactions, introductions: introductions)
    }
}

/// A tie with its strength.
public struct ExportedTie: Codable, Hashable, Sendable {
    public var personA: String
    public var personB: String
    public var kind: TieKind
    public var since: Day?
    public var origin: TieOrigin
    /// The strength in [0, 1] as of the document's `asOf`.
    public var strength: Double?

    public init(_ tie: Tie, strength: Double?) {
        personA = tie.personA
        personB = tie.personB
        kind = tie.kind
        since = tie.since
        origin = tie.origin
        self.strength = strength
    }

    public var tie: Tie { Tie(personA, personB, kind: kind, since: since, origin: origin) }
}
