import Testing
import Rapport
import RapportGraphviz

/// The `orgs` view at any size: the long tail folded into one node, and messages that say what is
/// drawn and never suggest the command just run.
@Suite struct OrganizationMapTests {
    /// Me and seven organizations A–G of 3, 1, 5, 4, 2, 2 and 1 people (organization indices 0–6 in
    /// that order); my ties: A's first person at 0.9, B's at 0.3 and, with `tieToG`, G's at 0.1.
    static func network(tieToG: Bool) throws -> (NetworkSnapshot, [Double]) {
        var builder = NetworkBuilder()
        try builder.add(Person(id: "me", firstName: "Me"))
        for (name, size) in zip(["A", "B", "C", "D", "E", "F", "G"], [3, 1, 5, 4, 2, 2, 1]) {
            for i in 0..<size { try builder.add(Person(id: "\(name)\(i)", firstName: "\(name)\(i)", organization: name)) }
        }
        try builder.add(Tie("me", "A0", kind: .friend))
        try builder.add(Tie("me", "B0", kind: .friend))
        var strengths = [0.9, 0.3]
        if tieToG {
            try builder.add(Tie("me", "G0", kind: .acquaintance))
            strengths.append(0.1)
        }
        return (try builder.freeze(), strengths)
    }

    static func labels(_ graph: DOTGraph) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: graph.nodes.compactMap { node -> (String, String)? in
                guard case .text(let label)? = node.attributes["label"] else { return nil }
                return (node.id, label)
            })
    }

    @Test func theLongTailBecomesOneNodeAfterTheBestReachedAndLargest() throws {
        let (network, strengths) = try Self.network(tieToG: false)
        let graph = try DiagramView.organizations.graph(
            of: network, strengths: strengths, options: DiagramOptions(organizationLimit: 3))
        // By reach: A 0.9, B 0.3; then by size: C (5). The rest: D 4 + E 2 + F 2 + G 1 = 9 people.
        let labels = Self.labels(graph)
        #expect(Set(labels.keys) == ["n0", "o0", "o1", "o2", "others"])
        #expect(labels["others"] == "4 other organizations\n9 people")
        #expect(labels["o2"] == "C\n5 people")
    }

    @Test func theTailNodeSaysHowManyOfItsOrganizationsYouReach() throws {
        let (network, strengths) = try Self.network(tieToG: true)
        let graph = try DiagramView.organizations.graph(
            of: network, strengths: strengths, options: DiagramOptions(organizationLimit: 2))
        // Shown: A, B. The tail: C 5 + D 4 + E 2 + F 2 + G 1 = 14 people, G reached.
        #expect(Self.labels(graph)["others"] == "5 other organizations\n14 people · you reach 1")
    }

    @Test func forceAndTopDrawNoTailNode() throws {
        let (network, strengths) = try Self.network(tieToG: false)
        let forced = try DiagramView.organizations.graph(
            of: network, strengths: strengths, options: DiagramOptions(force: true, organizationLimit: 3))
        #expect(Self.labels(forced).count == 8)
        let top = try DiagramView.organizations.graph(
            of: network, strengths: strengths, options: DiagramOptions(top: 2, organizationLimit: 1))
        #expect(Set(Self.labels(top).keys) == ["n0", "o0", "o1"])
    }

    @Test func aSmallNodeLimitShrinksTheOrganizationsDrawnInsteadOfRefusing() throws {
        let (network, strengths) = try Self.network(tieToG: false)
        // Limit 4: the user, the tail node and 2 organizations.
        let graph = try DiagramView.organizations.graph(of: network, strengths: strengths, options: DiagramOptions(nodeLimit: 4))
        #expect(Set(Self.labels(graph).keys) == ["n0", "o0", "o1", "others"])
    }

    @Test func twentyThreeThousandOrganizationsDrawAsTheTopHundredAndTheRest() throws {
        var builder = NetworkBuilder()
        try builder.add(Person(id: "me", firstName: "Me"))
        for o in 0..<23_000 { try builder.add(Person(id: "p\(o)", firstName: "P", organization: "Firm \(o)")) }
        let network = try builder.freeze()
        let graph = try DiagramView.organizations.graph(of: network, strengths: [])
        let labels = Self.labels(graph)
        #expect(labels.count == 102)
        #expect(labels["others"] == "22900 other organizations\n22900 people")
        // Ties broken by organization index: the first hundred firms are drawn.
        #expect(labels["o99"] == "Firm 99\n1 person")
    }

    @Test func theOrgsViewsRefusalNeverSuggestsTheOrgsView() {
        let message = RenderError.tooManyNodes(count: 3, limit: 1, view: "orgs").description
        #expect(
            message == "the diagram would have 3 nodes, more than the limit of 1: raise --node-limit, narrow it with --top or --sector, or pass --force")
    }

    @Test func theNetworkAboveTheLimitSaysExactlyWhatItDrawsInstead() throws {
        let fitted = try DiagramView.network.fitted(
            of: try Fixture.snapshot(), strengths: Fixture.strengths, options: DiagramOptions(nodeLimit: 5))
        #expect(fitted.view == .organizations)
        #expect(
            fitted.note
                == "6 people is more than --node-limit 5, so this draws the orgs view instead: 2 organizations, one node each. Pass --force to draw every person.")
        let (network, strengths) = try Self.network(tieToG: false)
        let tail = try DiagramView.network.fitted(
            of: network, strengths: strengths, options: DiagramOptions(nodeLimit: 5))
        #expect(
            tail.note
                == "19 people is more than --node-limit 5, so this draws the orgs view instead: the 3 organizations you reach most, then the largest, and one node for the other 4. Pass --force to draw every person.")
        let small = try DiagramView.network.fitted(of: network, strengths: strengths, options: DiagramOptions(nodeLimit: 50))
        #expect(small.view == .network && small.note == nil)
    }
}
