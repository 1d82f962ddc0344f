import Foundation

/// An immutable, `Sendable` picture of the whole network, ready for analysis.
///
/// People are dense `Int32` indices into `people`; ties are the edges of `graph`, each undirected tie
/// once, with its attributes in `ties` at the same index. Interactions are grouped by tie. Lookups by
/// id, email, profile URL and normalized name are dictionaries. Make one with `NetworkBuilder`.
public struct NetworkSnapshot: Sendable {
    public let people: [Person]
    public let graph: Graph
    /// Attributes of edge `e` of `graph`.
    public let ties: [Tie]
    public let organizations: [Organization]
    /// For each person, the index of their current organization in `organizations`, or -1.
    public let organizationIndex: [Int32]
    /// Every interaction, ordered by (edge, date).
    public let interactions: [Interaction]
    /// `graph.edgeCount + 1` entries: the interactions of edge `e` are `interactionOffsets[e]..<interactionOffsets[e + 1]`.
    public let interactionOffsets: [Int]
    public let introductions: [Introduction]
    /// The user's node, when the network has one.
    public let selfIndex: Int32?

    let byID: [String: Int32]
    let byEmail: [String: Int32]
    let byProfileURL: [String: Int32]
    let byName: [String: [Int32]]
    let byOrganizationKey: [String: Int32]

    init(
        people: [Person], graph: Graph, ties: [Tie], organizations: [Organization], organizationIndex: [Int32],
        interactions: [Interaction], interactionOffsets: [Int], introductions: [Introduction],
        byID: [String: Int32], byEmail: [String: Int32], byProfileURL: [String: Int32], byName: [String: [Int32]],
        byOrganizationKey: [String: Int32]
    ) {
        self.people = people
        self.graph = graph
        self.ties = ties
        self.organizations = organizations
        self.organizationIndex = organizationIndex
        self.interactions = interactions
        self.interactionOffsets = interactionOffsets
        self.introductions = introductions
        self.byID = byID
        self.byEmail = byEmail
        self.byProfileURL = byProfileURL
        self.byName = byName
        self.byOrganizationKey = byOrganizationKey
        self.selfIndex = byID[Person.selfID]
    }

    public var personCount: Int { people.count }
    public var tieCount: Int { graph.edgeCount }

    /// The node of the person with this id.
    public func index(ofID id: String) -> Int32? { byID[id] }
    /// The node of the person with this email (case-insensitive).
    public func index(ofEmail email: String) -> Int32? { byEmail[email.lowercased()] }
    /// The node of the person with this profile URL (scheme, `www.` and trailing `/` ignored).
    public func index(ofProfileURL url: String) -> Int32? { byProfileURL[ProfileURL.key(url)] }
    /// The people whose normalized full name equals that of `name`.
    public func indices(named name: String) -> [Int32] { byName[NameKey.person(name)] ?? [] }
    /// The organization whose normalized key matches `name`.
    public func organization(named name: String) -> Int32? { byOrganizationKey[NetworkSnapshot.organizationKey(name)] }

    /// The key organizations are grouped by: `NameKey.organization`, or for a name of punctuation
    /// only (`\"`), which has no normalized key, the trimmed name itself.
    static func organizationKey(_ name: String) -> String {
        let normalized = NameKey.organization(name)
        return normalized.isEmpty ? name.trimmingCharacters(in: .whitespaces) : normalized
    }

    /// Resolves a reference the way the CSV files do: id, then email, then profile URL, then exact
    /// full name.
    /// - Throws: `NetworkError.unknownPerson` or `.ambiguousPerson` (with the candidates).
    public func resolve(_ reference: String) throws(NetworkError) -> Int32 {
        if let i = byID[reference] { return i }
        if let i = byEmail[reference.lowercased()] { return i }
        if reference.contains("/"), let i = byProfileURL[ProfileURL.key(reference)] { return i }
        let named = indices(named: reference)
        if named.count == 1 { return named[0] }
        if named.count > 1 { throw .ambiguousPerson(reference, candidates: named.map { people[Int($0)].id }) }
        throw .unknownPerson(reference)
    }

    /// The organization of a person, if any.
    public func organization(of person: Int32) -> Organization? {
        let o = organizationIndex[Int(person)]
        return o < 0 ? nil : organizations[Int(o)]
    }

    /// The interactions on tie `edge`, oldest first.
    public func interactions(onTie edge: Int32) -> ArraySlice<Interaction> {
        interactions[interactionOffsets[Int(edge)]..<interactionOffsets[Int(edge) + 1]]
    }

    /// The edge joining `a` and `b`, if they are tied.
    /// - Complexity: O(min(deg a, deg b)).
    public func tie(between a: Int32, and b: Int32) -> Int32? {
        let (u, v) = graph.degree(of: a) <= graph.degree(of: b) ? (a, b) : (b, a)
        for h in graph.halfEdges(of: u) where graph.neighbors[h] == v { return graph.incidentEdges[h] }
        return nil
    }
}

/// Problems found while building or querying a network.
public enum NetworkError: Error, Equatable, Sendable, CustomStringConvertible {
    case duplicatePerson(String)
    case unknownPerson(String)
    case ambiguousPerson(String, candidates: [String])
    case selfTie(String)
    case graph(GraphError)

    public var description: String {
        switch self {
        case .duplicatePerson(let id): return "two people have the id '\(id)'"
        case .unknownPerson(let ref): return "no person matches '\(ref)'"
        case .ambiguousPerson(let ref, let candidates):
            return "'\(ref)' matches \(candidates.count) people: \(candidates.joined(separator: ", "))"
        case .selfTie(let id): return "a tie joins '\(id)' to themselves"
        case .graph(let error): return error.description
        }
    }
}

/// Normalization of profile URLs for matching.
public enum ProfileURL {
    /// Lower-cased, without scheme, `www.`, query or trailing slash:
    /// `https://www.linkedin.com/in/maria-chen/` → `linkedin.com/in/maria-chen`.
    public static func key(_ url: String) -> String {
        var s = Substring(url.lowercased().trimmingCharacters(in: .whitespaces))
        for prefix in ["https://", "http://"] where s.hasPrefix(prefix) { s = s.dropFirst(prefix.count) }
        if s.hasPrefix("www.") { s = s.dropFirst(4) }
        if let q = s.firstIndex(where: { $0 == "?" || $0 == "#" }) { s = s[..<q] }
        while s.hasSuffix("/") { s = s.dropLast() }
        return String(s)
    }
}
