import Rapport
import Testing
import RapportGraphviz

@Suite struct DiagramViewTests {
    let snapshot: NetworkSnapshot
    init() throws { snapshot = try Fixture.snapshot() }

    func graph(
        _ view: DiagramView, _ options: DiagramOptions = DiagramOptions(), strengths: [Double] = Fixture.strengths
    ) throws -> DOTGraph {
        try view.graph(of: snapshot, strengths: strengths, options: options)
    }

    func personIDs(_ graph: DOTGraph) -> Set<String> {
        Set((graph.nodes + graph.clusters.flatMap(\.nodes)).map(\.id)).subtracting(["legend"])
    }

    @Test func minStrengthDropsWeakTiesAndThePeopleOnlyTheyConnected() throws {
        // Ties ≥ 0.45: me–Maria 0.8, Maria–Raj 0.5, Sam–Lee 0.7. Dana (only 0.4) drops; the user stays.
        let g = try graph(.network, DiagramOptions(minStrength: 0.45))
        #expect(personIDs(g) == ["n0", "n1", "n2", "n3", "n4"])
        #expect(Set(g.edges.map { "\($0.from)-\($0.to)" }) == ["n0-n1", "n1-n2", "n3-n4"])
    }

    @Test func topKeepsThePeopleWithTheStrongestTies() throws {
        // Strongest tie per person: Maria 0.8, Lee 0.7, Sam 0.7, Raj 0.5, Dana 0.4; ties go to the lower index.
        let g = try graph(.network, DiagramOptions(top: 2))
        #expect(personIDs(g) == ["n0", "n1", "n3"])
    }

    @Test func sectorKeepsMatchingPeopleAndTheUser() throws {
        // "intellectual" matches Maria and Lee (case-insensitive); Dana's "IP licensing" does not.
        let g = try graph(.network, DiagramOptions(sector: "INTELLECTUAL"))
        #expect(personIDs(g) == ["n0", "n1", "n3"])
    }

    @Test func egoRadiusTwoReachesFriendsOfFriends() throws {
        #expect(personIDs(try graph(.ego(radius: 2))) == ["n0", "n1", "n2", "n3", "n4", "n5"])
        // Only ties ≥ 0.5 count for the search: me–Maria, then Maria–Raj.
        #expect(personIDs(try graph(.ego(radius: 2), DiagramOptions(minStrength: 0.5))) == ["n0", "n1", "n2"])
    }

    @Test func aboveTheNodeLimitTheViewRefusesAndSuggestsTheOrgsView() throws {
        #expect(throws: RenderError.tooManyNodes(count: 6, limit: 5, view: "network")) {
            try graph(.network, DiagramOptions(nodeLimit: 5))
        }
        let message = RenderError.tooManyNodes(count: 6, limit: 5, view: "network").description
        #expect(
            message
                == "the diagram would have 6 nodes, more than the limit of 5: draw the `orgs` view, narrow it with --min-strength, --top or --sector, or pass --force")
        #expect(personIDs(try graph(.network, DiagramOptions(nodeLimit: 5, force: true))).count == 6)
    }

    @Test func strengthsMustMatchTheEdgesAndLieInTheUnitInterval() throws {
        #expect(throws: RenderError.self) { try graph(.network, strengths: [0.5]) }
        #expect(throws: RenderError.self) { try graph(.network, strengths: [0.8, 0.2, .nan, 0.7, 0.4, 0.1]) }
        #expect(throws: RenderError.self) { try graph(.network, strengths: [0.8, 0.2, -0.5, 0.7, 0.4, 0.1]) }
    }

    @Test func pathsMustFollowTiesAndEndAtTheTarget() throws {
        #expect(throws: RenderError.notTied(0, 2)) { try graph(.path(target: 2, paths: [[0, 2]])) }
        #expect(throws: RenderError.nodeOutOfRange(9)) { try graph(.path(target: 9, paths: [])) }
        #expect(throws: RenderError.self) { try graph(.path(target: 2, paths: [[0, 1]])) }
        #expect(throws: RenderError.self) { try graph(.path(target: 2, paths: [[]])) }
    }

    @Test func unknownOrganizationNamesTheInput() throws {
        #expect(throws: RenderError.unknownOrganization("Globex")) { try graph(.organization("Globex")) }
    }

    @Test func viewsAroundTheUserNeedTheUser() throws {
        var builder = NetworkBuilder()
        try builder.add(Person(id: "a", firstName: "A"))
        let lonely = try builder.freeze()
        #expect(throws: RenderError.noUser) { try DiagramView.ego(radius: 1).graph(of: lonely, strengths: []) }
        #expect(throws: RenderError.invalidOption("the radius must be at least 1")) { try graph(.ego(radius: 0)) }
    }

    @Test func oneStrongTieGivesMoreReachThanFiveWeakOnes() throws {
        // Reach into Big = 0.1 + 0.9 · 0.1 · (½ + ¼ + ⅛ + 1/16) = 0.184 from five ties at 0.1 (Docs/Scoring.md
        // §3); into Small = 0.8 from one tie.
        var builder = NetworkBuilder()
        try builder.add(Person(id: "me", firstName: "Me"))
        for i in 0..<5 { try builder.add(Person(id: "b\(i)", firstName: "B\(i)", organization: "Big")) }
        try builder.add(Person(id: "s", firstName: "S", organization: "Small"))
        for i in 0..<5 { try builder.add(Tie("me", "b\(i)", kind: .acquaintance)) }
        try builder.add(Tie("me", "s", kind: .friend))
        let network = try builder.freeze()
        let g = try DiagramView.organizations.graph(of: network, strengths: [0.1, 0.1, 0.1, 0.1, 0.1, 0.8])
        let labels = g.nodes.compactMap { node -> String? in
            if case .text(let label)? = node.attributes["label"] { return label }
            return nil
        }
        #expect(labels.contains("Big\n5 people · reach 0.18"))
        #expect(labels.contains("Small\n1 person · reach 0.80"))
        let top = try DiagramView.organizations.graph(
            of: network, strengths: [0.1, 0.1, 0.1, 0.1, 0.1, 0.8], options: DiagramOptions(top: 1))
        #expect(top.nodes.map(\.id) == ["n0", "o1"])
    }

    @Test func engineFollowsSize() {
        #expect(DiagramView.network.recommendedEngine(nodeCount: 150) == .dot)
        #expect(DiagramView.network.recommendedEngine(nodeCount: 151) == .sfdp)
        #expect(DiagramView.organizations.recommendedEngine(nodeCount: 40) == .twopi)
    }

    @Test func largeViewsAskForScaledOverlapRemoval() throws {
        var builder = NetworkBuilder()
        try builder.add(Person(id: "me", firstName: "Me"))
        for i in 0..<200 { try builder.add(Person(id: "p\(i)", firstName: "P\(i)")) }
        let g = try DiagramView.network.graph(of: try builder.freeze(), strengths: [])
        #expect(g.attributes["overlap"] == .text("scale"))
    }
}
