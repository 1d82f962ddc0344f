import Foundation

/// An immutable, `Sendable` picture of the whole network, ready for analysis.
///
/// People are dense `Int32` indices into `people`, a column store that makes a `Person` only when
/// one is read; ties are the edges of `graph`, each undirected tie once, with their attributes in
/// `ties` at the same index. Interactions are grouped by tie. Make one with `NetworkBuilder`, or read
/// one back from a snapshot file (`NetworkSnapshot(contentsOf:key:)`).
public struct NetworkSnapshot: Sendable {
    public let people: PersonTable
    public let graph: Graph
    /// Attributes of edge `e` of `graph`.
    public let ties: TieTable
    public let organizations: [Organization]
    /// For each person, the index of their current organization in `organizations`, or -1.
    public let organizationIndex: [Int32]
    /// Every interaction, ordered by (edge, date).
    public let interactions: [Interaction]
    /// Where each tie's interactions are in `interactions`: `interactionIndex.range(ofEdge: e)`.
    public let interactionIndex: InteractionIndex
    public let introductions: [Introduction]
    /// The user's node, when the network has one.
    public let selfIndex: Int32?

    let idIndex: IdentifierTable
    let byOrganizationKey: [String: Int32]

    /// - Parameter idIndex: `NetworkSnapshot.idIndex(of: people)`, when the caller built it already.
    /// - Throws: `IdentifierTableError.duplicate` when two people share an id.
    init(
        people: PersonTable, graph: Graph, ties: TieTable, organizations: [Organization], organizationIndex: [Int32],
        interactions: [Interaction], interactionIndex: InteractionIndex, introductions: [Introduction],
        idIndex: Result<IdentifierTable, IdentifierTableError>? = nil
    ) throws(IdentifierTableError) {
        self.people = people
        self.graph = graph
        self.ties = ties
        self.organizations = organizations
        self.organizationIndex = organizationIndex
        self.interactions = interactions
        self.interactionIndex = interactionIndex
        self.introductions = introductions
        let idIndex = try (idIndex ?? NetworkSnapshot.idIndex(of: people)).get()
        self.idIndex = idIndex
        var byOrganizationKey: [String: Int32] = [:]
        for (o, organization) in organizations.enumerated() {
            // `organizationKey(name)` without normalizing the name again.
            let key = organization.key.isEmpty ? organization.name.trimmingCharacters(in: .whitespaces) : organization.key
            byOrganizationKey[key] = Int32(o)
        }
        self.byOrganizationKey = byOrganizationKey
        self.selfIndex = idIndex.index(of: Person.selfID)
    }

    /// The lookup table from id to person.
    static func idIndex(of people: PersonTable) -> Result<IdentifierTable, IdentifierTableError> {
        var table = IdentifierTable()
        for i in 0..<people.ids.count { people.ids.withBytes(i) { table.append($0) } }
        do { try table.build() } catch { return .failure(error) }
        return .success(table)
    }

    public var personCount: Int { people.count }
    public var tieCount: Int { graph.edgeCount }

    /// The node of the person with this id.
    public func index(ofID id: String) -> Int32? { idIndex.index(of: id) }

    /// The node of the first person with this email (case-insensitive).
    /// - Complexity: O(distinct emails + people): a scan, not a hash lookup. Commands resolve a few
    ///   references per run, and a scan keeps a million-person snapshot quick to load.
    public func index(ofEmail email: String) -> Int32? {
        let target = email.lowercased()
        guard !target.isEmpty else { return nil }
        var wanted = target
        let matches = wanted.withUTF8 { t in
            Set(people.emails.values.indices { NetworkSnapshot.equalsLowercased($0, t) }.map(Int32.init))
        }
        guard !matches.isEmpty else { return nil }
        let column = people.emails
        for r in 0..<column.count where column.codes(of: r).contains(where: matches.contains) { return Int32(r) }
        return nil
    }

    /// The node of the first person with this profile URL (scheme, `www.` and trailing `/` ignored).
    public func index(ofProfileURL url: String) -> Int32? {
        var key = ProfileURL.key(url)
        return key.withUTF8 { people.profileKeys.rows(equalTo: UnsafeRawBufferPointer($0)).first }
    }

    /// The people whose normalized full name equals that of `name`.
    public func indices(named name: String) -> [Int32] {
        var key = NameKey.person(name)
        return key.withUTF8 { people.nameKeys.rows(equalTo: UnsafeRawBufferPointer($0)) }
    }

    /// The organization whose normalized key matches `name`.
    public func organization(named name: String) -> Int32? { byOrganizationKey[NetworkSnapshot.organizationKey(name)] }

    /// The key organizations are grouped by: `NameKey.organization`, or for a name of punctuation
    /// only (`\"`), which has no normalized key, the trimmed name itself.
    static func organizationKey(_ name: String) -> String {
        let normalized = NameKey.organization(name)
        return normalized.isEmpty ? name.trimmingCharacters(in: .whitespaces) : normalized
    }

    /// Whether `value` lower-cased equals `lowered` (already lower-case). ASCII is compared byte by
    /// byte; anything else goes through `String.lowercased()`, as the lookup always did.
    static func equalsLowercased(_ value: UnsafeRawBufferPointer, _ lowered: UnsafeBufferPointer<UInt8>) -> Bool {
        if value.allSatisfy({ $0 < 0x80 }) {
            guard value.count == lowered.count else { return false }
            for k in 0..<value.count {
                let c = value[k]
                if (c >= 65 && c <= 90 ? c | 0x20 : c) != lowered[k] { return false }
            }
            return true
        }
        return String(decoding: value, as: UTF8.self).lowercased().utf8.elementsEqual(lowered)
    }

    /// Resolves a reference the way the CSV files do: id, then email, then profile URL, then exact
    /// full name.
    /// - Throws: `NetworkError.unknownPerson` or `.ambiguousPerson` (with the candidates).
    public func resolve(_ reference: String) throws(NetworkError) -> Int32 {
        if let i = index(ofID: reference) { return i }
        if let i = index(ofEmail: reference) { return i }
        if reference.contains("/"), let i = index(ofProfileURL: reference) { return i }
        let named = indices(named: reference)
        if named.count == 1 { return named[0] }
        if named.count > 1 { throw .ambiguousPerson(reference, candidates: named.map { people.id($0) }) }
        throw .unknownPerson(reference)
    }

    /// The organization of a person, if any.
    public func organization(of person: Int32) -> Organization? {
        let o = organizationIndex[Int(person)]
        return o < 0 ? nil : organizations[Int(o)]
    }

    /// The interactions on tie `edge`, oldest first.
    public func interactions(onTie edge: Int32) -> ArraySlice<Interaction> {
        interactions[interactionIndex.range(ofEdge: edge)]
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
