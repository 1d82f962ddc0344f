import Foundation
import Testing

@testable import Rapport

/// `SimpleStrengthModel` (W's step (b)) against values computed by hand (Python `math`).
@Suite("Simple strength model")
struct SimpleStrengthModelTests {
    /// W's configuration, as the bench supplies it.
    static var configuration: StrengthConfiguration {
        var c = StrengthConfiguration.default
        c.halfLifeDays = 180
        c.saturation = 3
        c.unratedRapport = 0.6
        c.floor = 0.05
        c.interactionWeights = [.coffee: 1, .videoCall: 0.8, .call: 0.7, .email: 0.3]
        c.tieBase = [.colleague: 0.4, .friend: 0.6, .acquaintance: 0.1]
        return c
    }

    @Test func userTiesFromInteractionsOthersFromTheirKind() throws {
        // 0 is the user; ties 0–1, 0–2, 0–3, 1–2 (friend), 2–4 (acquaintance).
        let graph = try Graph(nodeCount: 5, endpoints: [0, 1, 2, 0, 0, 3, 1, 2, 2, 4])
        let kinds: [TieKind] = [.colleague, .colleague, .friend, .friend, .acquaintance]
        let today = try #require(Day(iso: "2026-11-01"))
        let contacts = [
            // Node 1: one unrated coffee 90 days ago.
            SimpleStrengthModel.Contact(person: 1, kind: .coffee, rapport: nil, date: today.adding(days: -90)),
            // Node 2: a video call today at rapport 5 and a call 180 days ago at rapport 5.
            SimpleStrengthModel.Contact(person: 2, kind: .videoCall, rapport: 5, date: today),
            SimpleStrengthModel.Contact(person: 2, kind: .call, rapport: 5, date: today.adding(days: -180)),
            // Node 4 is not the user's tie: ignored. A contact after today: ignored.
            SimpleStrengthModel.Contact(person: 4, kind: .coffee, rapport: 5, date: today),
            SimpleStrengthModel.Contact(person: 1, kind: .coffee, rapport: 5, date: today.adding(days: 3)),
        ]
        let weights = try SimpleStrengthModel(configuration: Self.configuration)
            .weights(graph: graph, kinds: kinds, user: 0, contacts: contacts, asOf: today)
        #expect(weights.isPalette)
        let s = weights.perEdgeStrengths
        // 1 − exp(−0.6 · 2^(−1/2) / 3) and 1 − exp(−(0.8 + 0.7 · 0.5) / 3), by hand.
        #expect(abs(s[0] - 0.13187655460541514) < 1e-15)
        #expect(abs(s[1] - 0.31841433380615203) < 1e-15)
        #expect(s[2] == 0.05, "no interaction: the floor, whatever the declared kind")
        #expect(s[3] == 0.6)
        #expect(s[4] == 0.1)
        for e in 0..<5 { #expect(weights.length(ofEdge: Int32(e)) == -log(s[e])) }
    }

    @Test func badInputThrows() throws {
        let graph = try Graph(nodeCount: 3, endpoints: [0, 1, 1, 2])
        let model = SimpleStrengthModel(configuration: Self.configuration)
        let today = try #require(Day(iso: "2026-11-01"))
        #expect(throws: PathError.unknownNode(7)) {
            try model.weights(graph: graph, kinds: [.friend, .friend], user: 7, contacts: [], asOf: today)
        }
        #expect(throws: PathError.edgeCountMismatch(expected: 2, actual: 1)) {
            try model.weights(graph: graph, kinds: [.friend], user: 0, contacts: [], asOf: today)
        }
        // Family has no base strength in this configuration (0): an error on the edge that uses it.
        #expect(throws: PathError.invalidStrength(edge: 1, value: 0)) {
            try model.weights(graph: graph, kinds: [.friend, .family], user: 0, contacts: [], asOf: today)
        }
    }

    @Test func tieKindsParseFromExactBytes() {
        func parse(_ text: String) -> TieKind? {
            var text = text
            return text.withUTF8 { TieKind(exactBytes: UnsafeRawBufferPointer($0)) }
        }
        for kind in TieKind.allCases { #expect(parse(kind.rawValue) == kind) }
        for other in ["", "Friend", "former colleague", "colleagues", "mentorx", "famil"] { #expect(parse(other) == nil, "\(other)") }
    }
}
