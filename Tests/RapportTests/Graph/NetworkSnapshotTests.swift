import Testing
@testable import Rapport
import RapportTestSupport

@Suite struct GraphTests {
    @Test func csrListsEachEdgeTwiceAndOnceInTheEdgeList() throws {
        // A path 0-1-2 plus 0-2: a triangle.
        let g = try Graph(nodeCount: 4, endpoints: [0, 1, 1, 2, 2, 0])
        #expect(g.edgeCount == 3)
        #expect(g.neighbors.count == 6)
        #expect(g.degree(of: 0) == 2)
        #expect(g.degree(of: 3) == 0)
        #expect(Set(g.halfEdges(of: 1).map { g.neighbors[$0] }) == [0, 2])
        // The edge of each half-edge is also a half-edge of the neighbour, back to this node.
        for h in g.halfEdges(of: 2) {
            let back = g.halfEdges(of: g.neighbors[h]).filter { g.incidentEdges[$0] == g.incidentEdges[h] }
            #expect(back.map { g.neighbors[$0] } == [2])
        }
    }

    @Test func rejectsSelfLoopsAndUnknownNodes() {
        #expect(throws: GraphError.selfLoop(edge: 1)) { try Graph(nodeCount: 3, endpoints: [0, 1, 2, 2]) }
        #expect(throws: GraphError.nodeOutOfRange(edge: 0)) { try Graph(nodeCount: 2, endpoints: [0, 5]) }
        #expect(throws: GraphError.nodeOutOfRange(edge: 1)) { try Graph(nodeCount: 2, endpoints: [0, 1, -1, 0]) }
    }

    /// Above `parallelScatterThreshold` the scatter runs in parts over ranges of nodes. The arrays
    /// must be exactly what appending each edge to both endpoints' lists, in edge order, gives.
    @Test(arguments: [(nodes: 40_000, hub: false), (nodes: 40_000, hub: true), (nodes: 3, hub: false)])
    func theParallelScatterGivesTheSerialLayout(nodes: Int, hub: Bool) throws {
        var random = SplitMix64(seed: 0x5ca7_7e12 &+ UInt64(nodes) &+ (hub ? 1 : 0))
        var endpoints: [Int32] = []
        let edges = Graph.parallelScatterThreshold / 2 + 1_000
        while endpoints.count < 2 * edges {
            // With `hub`, node 7 takes half of the edges: one part's range is then a single node.
            let a = hub && random.next() % 2 == 0 ? 7 : Int32(random.next() % UInt64(nodes))
            let b = Int32(random.next() % UInt64(nodes))
            if a != b { endpoints += [a, b] }
        }
        var lists = [[(Int32, Int32)]](repeating: [], count: nodes)
        for e in 0..<edges {
            let a = endpoints[2 * e], b = endpoints[2 * e + 1]
            lists[Int(a)].append((b, Int32(e)))
            lists[Int(b)].append((a, Int32(e)))
        }
        let g = try Graph(nodeCount: nodes, endpoints: endpoints)
        #expect(g.neighbors.count >= Graph.parallelScatterThreshold)
        var offsets = [0]
        for list in lists { offsets.append(offsets.last! + list.count) }
        #expect(g.offsets == offsets)
        #expect(Array(g.neighbors) == lists.flatMap { $0.map(\.0) })
        #expect(Array(g.incidentEdges) == lists.flatMap { $0.map(\.1) })
    }

    @Test func nodeRangesSplitTheHalfEdgesEvenlyAndCoverEveryNode() {
        // Degrees 4, 0, 4, 4, 4 (16 half-edges) in 4 parts: a boundary per 4 half-edges.
        #expect(Graph.nodeRanges(offsets: [0, 4, 4, 8, 12, 16], parts: 4) == [0, 1, 3, 4, 5])
        // More parts than nodes: empty ranges, still from 0 to the node count.
        #expect(Graph.nodeRanges(offsets: [0, 1, 2], parts: 4) == [0, 0, 1, 1, 2])
        #expect(Graph.nodeRanges(offsets: [0], parts: 2) == [0, 0, 0])
    }
}

@Suite struct NetworkBuilderTests {
    func sample() throws -> NetworkSnapshot {
        var b = NetworkBuilder()
        try b.add(Person(id: "me", firstName: "Alex", lastName: "Rivera", organization: "Halvorsen Law School"))
        try b.add(
            Person(
                id: "p1", firstName: "Maria", lastName: "Chen", emails: ["Maria@Wilson.com"],
                profileURL: "https://www.linkedin.com/in/maria-chen/", organization: "Wilson & Okafor LLP"))
        try b.add(Person(id: "p2", firstName: "Dana", lastName: "Lee", organization: "Wilson & Okafor, L.L.P."))
        try b.add(Person(id: "p3", firstName: "Sam", lastName: "Ito", organization: "Halvorsen Law School"))
        try b.add(Tie("me", "p1", kind: .acquaintance))
        try b.add(Tie("p1", "me", kind: .mentor, since: Day(iso: "2024-01-01")))
        try b.add(Tie("p1", "p2", kind: .colleague))
        try b.add(Interaction(date: Day(iso: "2026-10-01")!, personID: "p2", kind: .event, isOneOnOne: false))
        return try b.freeze()
    }

    @Test func duplicateTiesMergeToTheCloserKind() throws {
        let s = try sample()
        let e = try #require(s.tie(between: s.index(ofID: "me")!, and: s.index(ofID: "p1")!))
        #expect(s.ties[Int(e)].kind == .mentor)
        #expect(s.ties[Int(e)].since == Day(iso: "2024-01-01"))
    }

    @Test func interactionsImplyATieAndColleaguesAreInferred() throws {
        let s = try sample()
        let me = s.index(ofID: "me")!
        let e = try #require(s.tie(between: me, and: s.index(ofID: "p2")!))
        #expect(s.ties[Int(e)].origin == .interaction)
        #expect(s.interactions(onTie: e).count == 1)
        let colleague = try #require(s.tie(between: me, and: s.index(ofID: "p3")!))
        #expect(s.ties[Int(colleague)].isInferred)
        // me-p1, p1-p2, me-p2 (interaction), me-p3 (same organization)
        #expect(s.tieCount == 4)
    }

    @Test func organizationsShareNormalizedKeys() throws {
        let s = try sample()
        #expect(s.organizationIndex[Int(s.index(ofID: "p1")!)] == s.organizationIndex[Int(s.index(ofID: "p2")!)])
        #expect(s.organizations.count == 2)
        #expect(s.organization(named: "wilson & okafor") != nil)
    }

    @Test func lookupsByEmailURLAndName() throws {
        let s = try sample()
        let p1 = s.index(ofID: "p1")
        #expect(s.index(ofEmail: "maria@wilson.com") == p1)
        #expect(s.index(ofProfileURL: "linkedin.com/in/maria-chen") == p1)
        #expect(try s.resolve("Maria Chen") == p1)
        #expect(throws: NetworkError.unknownPerson("Nobody Here")) { try s.resolve("Nobody Here") }
    }

    @Test func unknownPeopleAndSelfTiesThrow() {
        var b = NetworkBuilder()
        #expect(throws: NetworkError.unknownPerson("x")) { try b.add(Tie("x", "y", kind: .friend)) }
        try? b.add(Person(id: "a"))
        #expect(throws: NetworkError.selfTie("a")) { try b.add(Tie("a", "a", kind: .friend)) }
        #expect(throws: NetworkError.duplicatePerson("a")) { try b.add(Person(id: "a")) }
    }
}
