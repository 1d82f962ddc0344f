import Foundation

/// Collects people, ties, interactions and introductions, then freezes them into a
/// `NetworkSnapshot`.
///
/// The builder trusts that people are already resolved (one `Person` per id; the importers merge
/// duplicates before). Ties between the same pair merge: the closer kind and the earlier `since`
/// win. An interaction between two people without a tie creates one (`TieOrigin.interaction`).
/// People who work at the user's current organization get an inferred colleague tie with the user.
public struct NetworkBuilder: Sendable {
    private var people = PersonTable.Builder()
    private var indexByID: [String: Int32] = [:]
    /// Tie index by the unordered pair of node indices (`pairKey`): integer keys, because hashing two
    /// id strings per tie dominated building a ten-million-tie network.
    private var tieIndexByPair = PairIndex()
    /// How many ties `addDistinctTie` added, which are not in `tieIndexByPair`.
    private var unindexedTies = 0
    private var endpoints: [Int32] = []
    private var ties = TieTable.Builder()
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
            ties.merge(tie, into: existing)
        } else {
            tieIndexByPair.insert(key, ties.count)
            ties.append(tie)
            endpoints.append(a)
            endpoints.append(b)
        }
    }

    /// Adds a tie that the caller knows to be the only one between `a` and `b` — a workspace's tie
    /// table, keyed by the pair, guarantees it — without recording it for merges: loading ten
    /// million ties then skips ten million hash-table inserts. Do not also add a tie between the
    /// same two people with `add(_:)`.
    /// - Throws: `.unknownPerson` for a node not added yet, `.selfTie`.
    public mutating func addDistinctTie(
        _ a: Int32, _ b: Int32, kind: TieKind, since: Day? = nil, origin: TieOrigin = .declared
    ) throws(NetworkError) {
        guard a >= 0, Int(a) < people.count else { throw .unknownPerson("#\(a)") }
        guard b >= 0, Int(b) < people.count else { throw .unknownPerson("#\(b)") }
        guard a != b else { throw .selfTie(people.id(at: Int(a))) }
        ties.append(Tie("", "", kind: kind, since: since, origin: origin))
        endpoints.append(a)
        endpoints.append(b)
        unindexedTies += 1
    }

    /// The node of a person added so far.
    public func index(ofID id: String) -> Int32? { indexByID[id] }

    /// Adds an interaction between `personID` and `withID`, with its source and word count but
    /// without its `sourceKey`: the key only dedupes imports (which work on the workspace, not on
    /// a snapshot), and leaving it out keeps a snapshot file small and equal to the snapshot built.
    /// - Throws: `.unknownPerson` or `.selfTie`.
    public mutating func add(_ interaction: Interaction) throws(NetworkError) {
        guard indexByID[interaction.personID] != nil else { throw .unknownPerson(interaction.personID) }
        guard indexByID[interaction.withID] != nil else { throw .unknownPerson(interaction.withID) }
        guard interaction.personID != interaction.withID else { throw .selfTie(interaction.personID) }
        var interaction = interaction
        interaction.sourceKey = nil
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
        try freeze(idIndex: nil)
    }

    /// `freeze()` with the id lookup table already built by the caller — the ids of the people
    /// added, appended in the order they were added and built — so a loader that resolved its ties
    /// through it does not hash a million ids a second time.
    package func freeze(reusing idIndex: IdentifierTable) throws(NetworkError) -> NetworkSnapshot {
        precondition(idIndex.count == people.count, "the table holds the ids of the people added, in order")
        return try freeze(idIndex: idIndex)
    }

    private func freeze(idIndex: IdentifierTable?) throws(NetworkError) -> NetworkSnapshot {
        let people = self.people.build()
        var ties = self.ties
        var tieIndexByPair = self.tieIndexByPair
        var endpoints = self.endpoints
        func addImplied(_ tie: Tie, _ a: Int32, _ b: Int32, key: UInt64) {
            tieIndexByPair.insert(key, ties.count)
            ties.append(tie)
            endpoints.append(a)
            endpoints.append(b)
        }

        let (organizations, organizationIndex) = NetworkBuilder.organizations(of: people)
        var colleagues: [Int32] = []
        let me = indexByID[Person.selfID]
        if let me, organizationIndex[Int(me)] >= 0 {
            let mine = organizationIndex[Int(me)]
            colleagues = organizationIndex.indices.filter { organizationIndex[$0] == mine && $0 != Int(me) }.map(
                Int32.init)
            if colleagues.count > inferColleaguesUpTo { colleagues = [] }
        }
        if unindexedTies > 0 {
            // Index the few pairs asked about below, not every tie.
            var wanted = Set(
                interactions.map { NetworkBuilder.pairKey(indexByID[$0.personID]!, indexByID[$0.withID]!) })
            if let me { wanted.formUnion(colleagues.map { NetworkBuilder.pairKey(me, $0) }) }
            NetworkBuilder.index(wanted, among: endpoints, into: &tieIndexByPair)
        }

        // Interactions imply a tie.
        for interaction in interactions {
            let a = indexByID[interaction.personID]!, b = indexByID[interaction.withID]!
            let key = NetworkBuilder.pairKey(a, b)
            if tieIndexByPair[key] == nil {
                addImplied(
                    Tie(
                        interaction.personID, interaction.withID, kind: .acquaintance, since: interaction.date,
                        origin: .interaction), a, b, key: key)
            }
        }

        // The user's colleagues.
        if let me {
            for c in colleagues {
                let key = NetworkBuilder.pairKey(me, c)
                if tieIndexByPair[key] == nil {
                    addImplied(
                        Tie(Person.selfID, people.ids[Int(c)], kind: .colleague, origin: .sameOrganization), me, c,
                        key: key)
                }
            }
        }

        let graph: Graph
        do { graph = try Graph(nodeCount: people.count, endpoints: endpoints) } catch { throw .graph(error) }

        // Group interactions by tie, oldest first; ties with equal dates keep input order.
        let tagged = interactions.enumerated().map { (offset, interaction) in
            (
                edge: tieIndexByPair[
                    NetworkBuilder.pairKey(indexByID[interaction.personID]!, indexByID[interaction.withID]!)]!,
                order: offset, interaction: interaction
            )
        }.sorted { ($0.edge, $0.interaction.date, $0.order) < ($1.edge, $1.interaction.date, $1.order) }

        let tieTable = TieTable(
            ids: people.ids, endpoints: FixedArray(endpoints), kindCodes: FixedArray(ties.kindCodes),
            sinceOrdinals: FixedArray(ties.sinceOrdinals), originCodes: FixedArray(ties.originCodes))
        do {
            return try NetworkSnapshot(
                people: people, graph: graph, ties: tieTable, organizations: organizations,
                organizationIndex: organizationIndex, interactions: tagged.map(\.interaction),
                interactionIndex: InteractionIndex(groupedEdges: tagged.lazy.map(\.edge)), introductions: introductions,
                idIndex: idIndex.map { .success($0) })
        } catch {
            // `add` refuses these first.
            switch error {
            case .duplicate(let id): throw .duplicatePerson(id)
            }
        }
    }

    /// Adds to `index` the ties among `endpoints` whose pair is in `wanted` and not indexed yet.
    /// - Complexity: O(E) sequential reads; a hash lookup only for ties touching a wanted node.
    static func index(_ wanted: Set<UInt64>, among endpoints: [Int32], into index: inout PairIndex) {
        guard !wanted.isEmpty else { return }
        // A key's high half is the pair's smaller node.
        let smaller = wanted.map { Int($0 >> 32) }
        let largest = smaller.max() ?? 0
        var isWanted = [Bool](repeating: false, count: largest + 1)
        for node in smaller { isWanted[node] = true }
        for e in 0..<endpoints.count / 2 {
            let a = endpoints[2 * e], b = endpoints[2 * e + 1]
            let low = Int(min(a, b))
            guard low <= largest, isWanted[low] else { continue }
            let key = pairKey(a, b)
            if wanted.contains(key), index[key] == nil { index.insert(key, e) }
        }
    }

    /// Groups people by organization key; the first spelling names an organization and later ones
    /// become its aliases.
    /// - Complexity: O(V) plus one normalization per distinct spelling (a million people share some
    ///   25,000; normalizing costs microseconds).
    static func organizations(of people: PersonTable) -> ([Organization], [Int32]) {
        var organizations: [Organization] = []
        var byKey: [String: Int32] = [:]
        var organizationIndex = [Int32](repeating: -1, count: people.count)
        let column = people.organizations
        // Per spelling code: -2 not seen yet, -1 no organization, else its index.
        var bySpelling = [Int32](repeating: -2, count: column.values.count)
        for (i, code) in column.codes.enumerated() where code >= 0 {
            var o = bySpelling[Int(code)]
            if o == -2 {
                o = -1
                let raw = column.values[Int(code)]
                let name = raw.trimmingCharacters(in: .whitespaces)
                if !name.isEmpty {
                    let key = NetworkSnapshot.organizationKey(raw)
                    if let known = byKey[key] {
                        o = known
                        if organizations[Int(known)].name != name, !organizations[Int(known)].aliases.contains(name) {
                            organizations[Int(known)].aliases.append(name)
                        }
                    } else {
                        o = Int32(organizations.count)
                        byKey[key] = o
                        organizations.append(Organization(name: name))
                    }
                }
                bySpelling[Int(code)] = o
            }
            organizationIndex[i] = o
        }
        return (organizations, organizationIndex)
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
    public func merged(with other: Tie) -> Tie { merged(kind: other.kind, since: other.since, origin: other.origin) }

    /// `merged(with:)` a declaration of this pair with `kind`, `since` and `origin`: the ids
    /// play no part, so a bulk merge need not build the other tie.
    package func merged(kind otherKind: TieKind, since otherSince: Day?, origin otherOrigin: TieOrigin) -> Tie {
        var result = self
        if otherKind.closeness > kind.closeness { result.kind = otherKind }
        switch (since, otherSince) {
        case (nil, let s?): result.since = s
        case (let a?, let b?) where b < a: result.since = b
        default: break
        }
        if otherOrigin == .declared { result.origin = .declared }
        return result
    }
}
