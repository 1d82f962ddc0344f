import Foundation
import Testing

@testable import Rapport
import RapportTestSupport

/// `StrengthModel.strengths(in:asOf:)` computes large networks in chunks on the worker pool, in
/// place. Each value must be what the model says of that tie alone: the tie's own evidence
/// (`TieStrengths.evidence(edge:)`, one tie at a time), plus the user's embeddedness term, within
/// the floor and 1. Ties of random kinds, so a value written to the wrong tie shows.
@Suite struct ParallelStrengthsTests {
    /// With the default floor every declared strength is in range already, and only the ties with
    /// evidence are clamped; with a floor above some kinds' base, every tie is.
    @Test(arguments: [nil, 0.3] as [Double?])
    func everyChunkGivesEachTieItsOwnStrength(raisedFloor: Double?) throws {
        var random = SplitMix64(seed: 0x57e1_9e17)
        let people = 12_000
        let id = { (i: Int) in i == 0 ? Person.selfID : "p\(i)" }
        var data = NetworkData(people: (0..<people).map { Person(id: id($0), firstName: "F\($0)") })
        var seen = Set<Int>()
        let kinds = TieKind.allCases
        let today = Day(year: 2026, month: 11, day: 1)!
        while data.ties.count < 70_000 {
            // A fifth of the ties are the user's, so embeddedness has mutual contacts to find.
            let a = random.next() % 5 == 0 ? 0 : Int(random.next() % UInt64(people))
            let b = Int(random.next() % UInt64(people))
            guard a != b, seen.insert(min(a, b) * people + max(a, b)).inserted else { continue }
            data.ties.append(Tie(id(a), id(b), kind: kinds[Int(random.next() % UInt64(kinds.count))]))
        }
        let userTies = data.ties.filter { $0.personA == Person.selfID || $0.personB == Person.selfID }
        for k in 0..<3_000 {
            let tie = userTies[Int(random.next() % UInt64(userTies.count))]
            let other = tie.personA == Person.selfID ? tie.personB : tie.personA
            data.interactions.append(
                Interaction(
                    date: today.adding(days: -Int(random.next() % 900)), personID: other,
                    kind: k % 3 == 0 ? .email : .coffee, minutes: k % 3 == 0 ? nil : 30 + k % 60))
        }
        for k in 0..<200 {
            let tie = userTies[k * 7 % userTies.count]
            let other = tie.personA == Person.selfID ? tie.personB : tie.personA
            data.introductions.append(
                Introduction(date: today.adding(days: -k), introducerID: other, personID: id(1 + k), status: .met))
        }
        let snapshot = try NetworkSnapshot(data)
        #expect(snapshot.tieCount >= 1 << 16)
        var configuration = StrengthConfiguration.default
        if let raisedFloor { configuration.floor = raisedFloor }
        let model = StrengthModel(configuration: configuration)
        let strengths = model.strengths(in: snapshot, asOf: today)
        if let raisedFloor {
            #expect(strengths.values.filter { $0 == raisedFloor }.count > 1_000, "bare acquaintances at the floor")
        }
        let floor = model.configuration.floor
        var mismatches = 0
        for e in 0..<snapshot.tieCount {
            let core = strengths.evidence(edge: Int32(e)).core + (strengths.embeddedness[Int32(e)]?.contribution ?? 0)
            let expected = core.isNaN ? floor : min(1, max(floor, core))
            // A bare tie takes its kind's value from a table, which may differ from the evidence
            // path's sum in the last bit (0.2 against 0.19999999999999996); any other tie's value
            // would be off by far more.
            if !(abs(strengths.values[e] - expected) <= 1e-12) { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(!strengths.embeddedness.isEmpty)

        // What the path search reads: a palette of the declared values and one value per changed
        // tie, 2 bytes a tie, giving every tie exactly its strength, and −ln of it as its length.
        let weights = try strengths.weights()
        #expect(weights.isPalette)
        #expect(weights.edgeCount == snapshot.tieCount)
        var wrong = 0
        for e in 0..<Int32(snapshot.tieCount) {
            let s = strengths.values[Int(e)]
            if weights.strength(ofEdge: e) != s || strengths[e] != s || weights.length(ofEdge: e) != -Foundation.log(s)
            {
                wrong += 1
            }
        }
        #expect(wrong == 0)
    }

    /// Strengths given per tie (no codes) are handed to the search per tie.
    @Test func strengthsGivenPerTieStayPerTie() throws {
        let data = NetworkData(
            people: [Person(id: Person.selfID), Person(id: "a"), Person(id: "b")],
            ties: [Tie(Person.selfID, "a", kind: .friend), Tie("a", "b", kind: .colleague)])
        let snapshot = try NetworkSnapshot(data)
        let strengths = TieStrengths(
            values: [0.6, 0.4], asOf: Day(year: 2026, month: 11, day: 1)!, model: StrengthModel(), snapshot: snapshot,
            introductionsByEdge: [:], embeddedness: [:])
        let weights = try strengths.weights()
        #expect(!weights.isPalette && weights.perEdgeStrengths == [0.6, 0.4] && strengths[1] == 0.4)
    }
}
