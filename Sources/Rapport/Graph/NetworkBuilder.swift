import Foundation

/// Collects people, ties, interactions and introductions, then freezes them into a
/// `NetworkSnapshot`.
///
/// The builder trusts that people are already resolved (one `Person` per id; the importers merge
/// duplicates before). Ties between the same pair merge: the closer kind and the earlier `since`
/// win. An interaction between two people without a tie creates one (`TieOrigin.interaction`).
/// People who work at the user's current organization get an inferred colleague tie with the user.
public struct NetworkBuilder: Sendable {
    private var people: [Person] = []
    private var indexByID: [String: Int32] = [:]
    /// Tie index by the unordered pair of node indices (`pairKey`): integer keys, because hashing two
    /// id strings per tie dominated building a ten-million-tie network.
    private var tieIndexByPair: [UInt64: Int] = [:]
    private var endpoints: [Int32] = []
    private var ties: [Tie] = []
    private var interactions: [Interaction] = []
    private var introductions: [Introduction] = []

    /// Infer colleague ties between the user and people at the user's current organization, up to
    /// this organization size (an inferred tie to each of 5,000 colleagues says nothing).
    public var inferColleaguesUpTo: Int = 200

    public init() {}

    public var personCount: Int { people.count }

    /// Adds a person.
    /// - Throws: `NetworkError.duplicatePerson` when the id is taken.
    public mutating func add(_ person: Person) throws(NetworkError) {
        guard indexByID[person.id] == nil else { throw .duplicatePerson(person.id) }
        indexByID[person.id] = Int32(people.count)
        people.append(person)
    }

    /// Adds a tie; a second tie between the same two people merges into the first.
    /// - Throws: `.unknownPerson` or `.selfTie`.
    public mutating func add(_ tie: Tie) throws(NetworkError) {
        guard let a = indexByID[tie.personA] else { throw .unknownPerson(tie.personA) }
        guard let b = indexByID[tie.personB] else { throw .unknownPerson(tie.personB) }
        guard a != b else { throw .selfTie(tie.personA) }
        let key = NetworkBuilder.pairKey(a, b)
        if let existing = tieIndexByPair[key] {
            ties[existing] = ties[existing].merged(with: tie)
        } else {
            tieIndexByPair[key] = ties.count
            ties.append(tie)
            endpoints.append(a)
            endpoints.append(b)
        }
    }

    /// Adds an interaction between `personID` and `withID`.
    /// - Throws: `.unknownPerson` or `.selfTie`.
    public mutating func add(_ interaction: Interaction) throws(NetworkError) {
        guard indexByID[interaction.personID] != nil else { throw .unknownPerson(interaction.personID) }
        guard indexByID[interaction.withID] != nil else { throw .unknownPerson(interaction.withID) }
        guard interaction.personID != interaction.withID else { throw .selfTie(interaction.personID) }
        interactions.append(interaction)
    }

    /// Adds an introduction.
    /// - Throws: `.unknownPerson` when a side is unknown, `.selfTie` when someone introduces themselves.
    public mutating func add(_ introduction: Introduction) throws(NetworkError) {
        for id in [introduction.introducerID, introduction.personID, introduction.toID] where indexByID[id] == nil {
            throw .unknownPerson(id)
        }
        guard introduction.introducerID != introduction.personID, introduction.personID != introduction.toID else {
            throw .selfTie(introduction.personID)
        }
        introductions.append(introduction)
    }

    /// Freezes everything into a snapshot.
    /// - Complexity: O(V + E + I log I) for I interactions.
    public func freeze() throws(NetworkError) -> NetworkSnapshot {
        var ties = self.ties
        var tieIndexByPair = self.tieIndexByPair
        var endpoints = self.endpoints
        func addImplied(_ tie: Tie, _ a: Int32, _ b: Int32, key: UInt64) {
            tieIndexByPair[key] = ties.count
            ties.append(tie)
            endpoints.append(a)
            endpoints.append(b)
        }

        // Interactions imply a tie.
        for interaction in interactions {
            let a = indexByID[interaction.personID]!, b = indexByID[interaction.withID]!
            let key = NetworkBuilder.pairKey(a, b)
            if tieIndexByPair[key] == nil {
                addImplied(Tie(interaction.personID, interaction.withID, kind: .acquaintance, since: interaction.date, origin: .interaction), a, b, key: key)
            }
        }

        // Organizations by normalized key; the first spelling names it.
        var organizations: [Organization] = []
        var byOrganizationKey: [String: Int32] = [:]
        var organizationIndex = [Int32](repeating: -1, count: people.count)
        // Normalizing a name costs microseconds; a million people share some 25,000 spellings.
        var keyBySpelling: [String: String] = [:]
        for (i, person) in people.enumerated() {
            guard let raw = person.organization, !raw.isEmpty else { continue }
            let key: String
            if let known = keyBySpelling[raw] {
                key = known
            } else {
                key = NetworkSnapshot.organizationKey(raw)
                keyBySpelling[raw] = key
            }
            let name = raw.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { continue }
            if let o = byOrganizationKey[key] {
                organizationIndex[i] = o
                if organizations[Int(o)].name != name, !organizations[Int(o)].aliases.contains(name) {
                    organizations[Int(o)].aliases.append(name)
                }
            } else {
                byOrganizationKey[key] = Int32(organizations.count)
                organizationIndex[i] = Int32(organizations.count)
                organizations.append(Organization(name: name))
            }
        }

        // The user's colleagues.
        if let me = indexByID[Person.selfID], organizationIndex[Int(me)] >= 0 {
            let mine = organizationIndex[Int(me)]
            let colleagues = organizationIndex.indices.filter { organizationIndex[$0] == mine && $0 != Int(me) }
            if colleagues.count <= inferColleaguesUpTo {
                for c in colleagues {
                    let key = NetworkBuilder.pairKey(me, Int32(c))
                    if tieIndexByPair[key] == nil {
                        addImplied(Tie(Person.selfID, people[c].id, kind: .colleague, origin: .sameOrganization), me, Int32(c), key: key)
                    }
                }
            }
        }

        let graph: Graph
        do { graph = try Graph(nodeCount: people.count, endpoints: endpoints) } catch { throw .graph(error) }

        // Group interactions by tie, oldest first; ties with equal dates keep input order.
        let tagged = interactions.enumerated().map { (offset, interaction) in
            (edge: tieIndexByPair[NetworkBuilder.pairKey(indexByID[interaction.personID]!, indexByID[interaction.withID]!)]!, order: offset, interaction: interaction)
        }.sorted { ($0.edge, $0.interaction.date, $0.order) < ($1.edge, $1.interaction.date, $1.order) }
        var interactionOffsets = [Int](repeating: 0, count: ties.count + 1)
        for t in tagged { interactionOffsets[t.edge + 1] += 1 }
        for e in 0..<ties.count { interactionOffsets[e + 1] += interactionOffsets[e] }

        var byEmail: [String: Int32] = [:]
        var byProfileURL: [String: Int32] = [:]
        var byName: [String: [Int32]] = [:]
        for (i, person) in people.enumerated() {
            for email in person.emails where !email.isEmpty { byEmail[email.lowercased()] = byEmail[email.lowercased()] ?? Int32(i) }
            if let url = person.profileURL, !url.isEmpty { byProfileURL[ProfileURL.key(url)] = byProfileURL[ProfileURL.key(url)] ?? Int32(i) }
            byName[person.nameKey, default: []].append(Int32(i))
        }

        return NetworkSnapshot(
            people: people, graph: graph, ties: ties, organizations: organizations, organizationIndex: organizationIndex,
            interactions: tagged.map(\.interaction), interactionOffsets: interactionOffsets, introductions: introductions,
            byID: indexByID, byEmail: byEmail, byProfileURL: byProfileURL, byName: byName,
            byOrganizationKey: byOrganizationKey)
    }
}

extension NetworkBuilder {
    /// The unordered pair of two node indices as one integer.
    @inline(__always)
    static func pairKey(_ a: Int32, _ b: Int32) -> UInt64 {
        let (low, high) = a < b ? (a, b) : (b, a)
        return UInt64(UInt32(bitPattern: low)) << 32 | UInt64(UInt32(bitPattern: high))
    }
}

extension TieKind {
    /// Closeness order used when two declarations of one tie disagree: family and mentor first.
    public var closeness: Int {
        switch self {
        case .family: return 6
        case .mentor: return 5
        case .friend: return 4
        case .colleague: return 3
        case .classmate: return 2
        case .formerColleague: return 1
        case .acquaintance: return 0
        }
    }
}

extension Tie {
    /// This tie combined with another declaration of the same pair: the closer kind, the earlier
    /// `since`, and `declared` over any other origin. Importers and the builder merge the same way.
    public func merged(with other: Tie) -> Tie {
        var result = self
        if other.kind.closeness > kind.closeness { result.kind = other.kind }
        switch (since, other.since) {
        case (nil, let s?): result.since = s
        case (let a?, let b?) where b < a: result.since = b
        default: break
        }
        if other.origin == .declared { result.origin = .declared }
        return result
    }
}
