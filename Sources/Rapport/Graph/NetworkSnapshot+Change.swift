/// Bringing a snapshot up to date after a small write without reading the workspace again (issue
/// 16: one logged coffee must not cost a rebuild of a million-person snapshot).
extension NetworkSnapshot {
    /// This snapshot with `change` applied — what one small write stored, as the workspace holds it
    /// after the write: people and introductions replace the stored ones with the same key;
    /// `interactions` are the ones really inserted (an import skips those it has already), in the
    /// order of their row ids. The result is the same network a `NetworkBuilder` makes from the
    /// workspace after the write (the same people in the same rows, the same edges in the same
    /// order, the same interactions, organizations and introductions), or `nil` when the change is
    /// one this does not patch, and the caller rebuilds.
    ///
    /// What a rebuild does, and so what this reproduces: people come in the order they were first
    /// written, so a new person is the last row; edges are the stored ties in key order, then one
    /// implied tie per pair that only interactions join (in the order of those interactions), then
    /// the inferred colleague ties of the user; interactions are grouped by edge, oldest first,
    /// equal dates in the order written; introductions are in key order.
    ///
    /// Patched: new and changed people, inserted interactions (a pair without a tie gets its implied
    /// tie, placed before the colleague ties), new and changed introductions. Not patched (`nil`):
    /// stored ties, a change of who the user's inferred colleagues are, and an interaction on an
    /// inferred colleague tie (it turns into an implied tie).
    ///
    /// - Parameters:
    ///   - inferColleaguesUpTo: `NetworkBuilder.inferColleaguesUpTo` of the builder this snapshot came from.
    ///   - isStoredTie: whether the workspace stores a tie between two ids. Asked only about the
    ///     user and their colleagues, to tell an inferred colleague tie from a stored one that
    ///     reads the same.
    /// - Complexity: O(V + E) array copies when a tie is added; O(changed rows + interactions +
    ///   introductions + E) otherwise, without reading any store.
    public func applying(
        _ change: NetworkData, inferColleaguesUpTo: Int = NetworkBuilder().inferColleaguesUpTo,
        isStoredTie: (String, String) throws -> Bool
    ) rethrows -> NetworkSnapshot? {
        guard change.ties.isEmpty else { return nil }
        // People: each one replaces its row, or is appended.
        var rows: [(row: Int, person: Person)] = []
        var appendedRows: [String: Int] = [:]
        var organizationsMoved = false
        for person in change.people {
            if let i = index(ofID: person.id) ?? appendedRows[person.id].map(Int32.init) {
                if Int(i) < people.count, people[Int(i)] == person { continue }
                if Int(i) < people.count, people.organizations[Int(i)] != person.organization {
                    organizationsMoved = true
                }
                rows.append((Int(i), person))
            } else {
                let row = people.count + appendedRows.count
                appendedRows[person.id] = row
                rows.append((row, person))
                if person.organization != nil { organizationsMoved = true }
            }
        }
        let newPeople = rows.isEmpty ? people : people.upserting(rows)
        let idTable: IdentifierTable
        if appendedRows.isEmpty {
            idTable = idIndex
        } else {
            guard case .success(let table) = NetworkSnapshot.idIndex(of: newPeople) else { return nil }
            idTable = table
        }
        let (newOrganizations, newOrganizationIndex) =
            organizationsMoved
            ? NetworkBuilder.organizations(of: newPeople)
            : (organizations, organizationIndex + [Int32](repeating: -1, count: appendedRows.count))

        // The user's inferred colleagues must stay who they were: those ties are the last edges.
        let me = idTable.index(of: Person.selfID)
        let colleagues = NetworkSnapshot.colleagues(of: me, in: newOrganizationIndex, upTo: inferColleaguesUpTo)
        guard colleagues == NetworkSnapshot.colleagues(of: selfIndex, in: organizationIndex, upTo: inferColleaguesUpTo)
        else { return nil }
        var inferred = 0
        if let me, !colleagues.isEmpty {
            for c in colleagues {
                guard let e = tie(between: me, and: c) else { return nil }
                if ties.origin(Int(e)) == .sameOrganization, try !isStoredTie(Person.selfID, people.ids[Int(c)]) {
                    inferred += 1
                }
            }
        }
        let firstInferred = graph.edgeCount - inferred

        // Interactions: find or imply each one's tie.
        var implied: [(a: Int32, b: Int32, tie: Tie)] = []
        var impliedByPair: [UInt64: Int] = [:]
        var placed: [(edge: Int, order: Int, interaction: Interaction)] = []
        for (order, var interaction) in change.interactions.enumerated() {
            guard let a = idTable.index(of: interaction.personID), let b = idTable.index(of: interaction.withID), a != b
            else { return nil }
            interaction.sourceKey = nil
            let edge: Int
            if Int(max(a, b)) < people.count, let e = tie(between: a, and: b) {
                guard Int(e) < firstInferred else { return nil }
                edge = Int(e)
            } else if let j = impliedByPair[NetworkBuilder.pairKey(a, b)] {
                edge = firstInferred + j
            } else {
                impliedByPair[NetworkBuilder.pairKey(a, b)] = implied.count
                edge = firstInferred + implied.count
                implied.append(
                    (
                        a, b,
                        Tie(
                            interaction.personID, interaction.withID, kind: .acquaintance, since: interaction.date,
                            origin: .interaction)
                    ))
            }
            placed.append((edge, order, interaction))
        }
        guard let newIntroductions = NetworkSnapshot.upserting(change.introductions, into: introductions, ids: idTable)
        else { return nil }

        // Edges: the implied ties go between the stored and implied ones and the inferred ones.
        var newGraph = graph, newTies = ties, newIndex = interactionIndex
        if !implied.isEmpty {
            var endpoints = ties.endpoints.array
            endpoints.insert(contentsOf: implied.flatMap { [$0.a, $0.b] }, at: 2 * firstInferred)
            guard let g = try? Graph(nodeCount: newPeople.count, endpoints: endpoints) else { return nil }
            newGraph = g
            var kinds = ties.kindCodes.array, since = ties.sinceOrdinals.array, origins = ties.originCodes.array
            kinds.insert(contentsOf: implied.map { $0.tie.kind.columnCode }, at: firstInferred)
            since.insert(contentsOf: implied.map { TieTable.ordinal($0.tie.since) }, at: firstInferred)
            origins.insert(contentsOf: implied.map { $0.tie.origin.columnCode }, at: firstInferred)
            newTies = TieTable(
                ids: newPeople.ids, endpoints: FixedArray(endpoints), kindCodes: FixedArray(kinds),
                sinceOrdinals: FixedArray(since), originCodes: FixedArray(origins)
            )
            // The edges from the first inferred one on move up (they have no interactions).
            newIndex = interactionIndex.insertingEdges(implied.count, at: firstInferred)
        } else if !appendedRows.isEmpty {
            newGraph = graph.appendingNodes(appendedRows.count)
            newTies = TieTable(
                ids: newPeople.ids, endpoints: ties.endpoints, kindCodes: ties.kindCodes,
                sinceOrdinals: ties.sinceOrdinals,
                originCodes: ties.originCodes)
        } else if !rows.isEmpty {
            newTies = TieTable(
                ids: newPeople.ids, endpoints: ties.endpoints, kindCodes: ties.kindCodes,
                sinceOrdinals: ties.sinceOrdinals,
                originCodes: ties.originCodes)
        }
        let newInteractions = NetworkSnapshot.inserting(placed, into: interactions, index: &newIndex)
        do {
            return try NetworkSnapshot(
                people: newPeople, graph: newGraph, ties: newTies, organizations: newOrganizations,
                organizationIndex: newOrganizationIndex, interactions: newInteractions, interactionIndex: newIndex,
                introductions: newIntroductions, idIndex: .success(idTable))
        } catch {
            return nil
        }
    }

    /// The people the builder ties to the user as colleagues: everyone else at the user's current
    /// organization, none when there are more than `limit`.
    static func colleagues(of me: Int32?, in organizationIndex: [Int32], upTo limit: Int) -> [Int32] {
        guard let me, organizationIndex[Int(me)] >= 0 else { return [] }
        let mine = organizationIndex[Int(me)]
        var found: [Int32] = []
        for (i, o) in organizationIndex.enumerated() where o == mine && i != Int(me) {
            found.append(Int32(i))
            if found.count > limit { return [] }
        }
        return found
    }

    /// `interactions` (grouped by edge with `index`) with `placed` added: each after the ones of
    /// its edge with the same or an earlier date, as the builder's stable sort puts a later-written
    /// interaction. `index` is updated.
    /// - Complexity: O(I + G + k log k) for k placed and G edges with interactions.
    static func inserting(
        _ placed: [(edge: Int, order: Int, interaction: Interaction)], into interactions: [Interaction],
        index: inout InteractionIndex
    ) -> [Interaction] {
        guard !placed.isEmpty else { return interactions }
        let sorted = placed.sorted {
            ($0.edge, $0.interaction.date, $0.order) < ($1.edge, $1.interaction.date, $1.order)
        }
        var result: [Interaction] = []
        result.reserveCapacity(interactions.count + placed.count)
        var next = 0
        var added: [Int32: Int] = [:]
        for p in sorted {
            let group = index.range(ofEdge: Int32(p.edge))
            let at = interactions[group].firstIndex { $0.date > p.interaction.date } ?? group.upperBound
            result.append(contentsOf: interactions[next..<at])
            result.append(p.interaction)
            next = at
            added[Int32(p.edge), default: 0] += 1
        }
        result.append(contentsOf: interactions[next...])
        index = index.adding(added)
        return result
    }

    /// `introductions` (in key order) with each of `changed` replacing the one with its key or
    /// inserted in order; `nil` for one naming an unknown person or introducing someone to themselves.
    static func upserting(_ changed: [Introduction], into introductions: [Introduction], ids: IdentifierTable)
        -> [Introduction]?
    {
        var result = introductions
        for i in changed {
            guard [i.introducerID, i.personID, i.toID].allSatisfy({ ids.index(of: $0) != nil }),
                i.introducerID != i.personID, i.personID != i.toID
            else { return nil }
            // The first position whose key is not smaller.
            var low = 0, high = result.count
            while low < high {
                let mid = (low + high) / 2
                if introductionKeyPrecedes(result[mid], i) { low = mid + 1 } else { high = mid }
            }
            let same = low < result.count && !introductionKeyPrecedes(i, result[low])
            if same { result[low] = i } else { result.insert(i, at: low) }
        }
        return result
    }

    /// Whether `a` comes before `b` in the introduction table's key order (introducer, person,
    /// recipient), each compared as SQLite's BINARY collation does: byte by byte.
    private static func introductionKeyPrecedes(_ a: Introduction, _ b: Introduction) -> Bool {
        for (x, y) in [(a.introducerID, b.introducerID), (a.personID, b.personID), (a.toID, b.toID)] where x != y {
            return x.utf8.lexicographicallyPrecedes(y.utf8)
        }
        return false
    }
}

extension Graph {
    /// The graph with `count` more nodes, none of them tied yet.
    func appendingNodes(_ count: Int) -> Graph {
        guard let last = offsets.last,
            let graph = Graph(
                nodeCount: nodeCount + count, edgeCount: edgeCount,
                offsets: offsets + repeatElement(last, count: count),
                neighbors: neighbors, incidentEdges: incidentEdges)
        else { preconditionFailure("a graph's arrays stay in range with nodes added") }
        return graph
    }
}
