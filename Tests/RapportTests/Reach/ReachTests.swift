import PropertyBased
import Testing

@testable import Rapport

@Suite("Reach")
struct ReachTests {
    /// The user tied to each (id, organization, sectors, strength); strengths are set directly.
    static func network(_ contacts: [(String, String?, [String], Double)]) throws -> TieStrengths {
        var data = NetworkData(people: [Person(id: "me", organization: "Own Firm")])
        for (id, organization, sectors, _) in contacts {
            data.people.append(
                Person(id: id, firstName: id, organization: organization, sectors: sectors, schools: sectors))
            data.ties.append(Tie("me", id, kind: .acquaintance))
        }
        let snapshot = try NetworkSnapshot(data)
        return TieStrengths(
            values: contacts.map(\.3), asOf: Fixtures.today, model: StrengthModel(), snapshot: snapshot,
            introductionsByEdge: [:], embeddedness: [:])
    }

    @Test func oneStrongTieBeatsFiveWeakTies() throws {
        // 1 − 0.2 = 0.8 against 1 − 0.9⁵ = 0.40951.
        let strengths = try Self.network(
            [("s", "Strong LLP", [], 0.8)] + (0..<5).map { ("w\($0)", "Weak LLP", [], 0.1) })
        let entries = try ReachCalculator.reach(of: 0, by: .organization, strengths: strengths)
        #expect(entries.map(\.name) == ["Strong LLP", "Weak LLP"])
        #expect(abs(entries[0].reach - 0.8) < 1e-12)
        #expect(abs(entries[1].reach - 0.40951) < 1e-12)
        #expect(entries[1].ties.count == 5)
    }

    @Test func entriesAreSortedByReachThenNameWithTiesStrongestFirst() throws {
        let strengths = try Self.network([
            ("a", "Beta", [], 0.3), ("b", "Alpha", [], 0.3), ("c", "Gamma", [], 0.2), ("d", "Gamma", [], 0.6),
        ])
        let entries = try ReachCalculator.reach(of: 0, by: .organization, strengths: strengths)
        // Gamma: 1 − 0.8 · 0.4 = 0.68; Alpha and Beta 0.3 each, by name.
        #expect(entries.map(\.name) == ["Gamma", "Alpha", "Beta"])
        #expect(abs(entries[0].reach - 0.68) < 1e-12)
        #expect(entries[0].ties.map(\.strength) == [0.6, 0.2])
        #expect(entries[0].ties.map(\.person) == [4, 3])
    }

    @Test func sectorsAndSchoolsGroupByFoldedNameAndCountEachPersonOnce() throws {
        let strengths = try Self.network([
            ("a", nil, ["IP Law", "Litigation"], 0.5), ("b", nil, ["ip law"], 0.5),
            ("c", nil, ["IP  law", "ip law"], 0.5),
        ])
        let calculator = try ReachCalculator(ego: 0, strengths: strengths)
        let sectors = calculator.reach(by: .sector)
        // IP law: 1 − 0.5³ = 0.875; Litigation 0.5. The first spelling names the group.
        #expect(sectors.map(\.name) == ["IP Law", "Litigation"])
        #expect(abs(sectors[0].reach - 0.875) < 1e-12)
        #expect(calculator.reach(by: .school).map(\.reach) == sectors.map(\.reach))
        #expect(abs(calculator.reach(into: "ip LAW", by: .sector) - 0.875) < 1e-12)
        #expect(calculator.reach(into: "Tax", by: .sector) == 0)
        #expect(calculator.reach(by: .organization).isEmpty)
    }

    @Test func organizationNamesMatchByNormalizedKey() throws {
        let strengths = try Self.network([("a", "Fenwick & West LLP", [], 0.4)])
        let calculator = try ReachCalculator(ego: 0, strengths: strengths)
        #expect(calculator.reach(into: "fenwick and west", by: .organization) == 0.4)
    }

    @Test func anEgoWithoutTiesHasNoReach() throws {
        let strengths = try Self.network([])
        for grouping in ReachGrouping.allCases {
            #expect(try ReachCalculator.reach(of: 0, by: grouping, strengths: strengths).isEmpty)
        }
    }

    @Test func reachGainIsHighestWhereTheUserHasNoStrongTie() throws {
        let strengths = try Self.network([
            ("a", "Alpha", [], 0.5), ("b", "Alpha", [], 0.3), ("c", "Beta", [], 0.9),
        ])
        let calculator = try ReachCalculator(ego: 0, strengths: strengths)
        // b is tied at 0.3; the other Alpha tie leaves 0.5: gain = 0.5 · ((1 − 0.3) − (1 − 0.7)) = 0.2.
        #expect(abs(try calculator.reachGain(ifTieTo: 2, at: 0.7) - 0.2) < 1e-12)
        // A weaker hypothetical tie than the existing one changes nothing.
        #expect(try calculator.reachGain(ifTieTo: 1, at: 0.2) == 0)
        // c is the only Beta tie, at 0.9: a tie at 1 gains (1 − 0.9) − (1 − 1) = 0.1.
        #expect(abs(try calculator.reachGain(ifTieTo: 3, at: 1) - 0.1) < 1e-12)
    }

    @Test func reachGainForSomeoneNewAtAnOrganization() throws {
        var data = NetworkData(people: [
            Person(id: "me"), Person(id: "a", organization: "Alpha"), Person(id: "n", organization: "Alpha"),
            Person(id: "loner"),
        ])
        data.ties = [Tie("me", "a", kind: .acquaintance)]
        let snapshot = try NetworkSnapshot(data)
        let strengths = TieStrengths(
            values: [0.5], asOf: Fixtures.today, model: StrengthModel(), snapshot: snapshot, introductionsByEdge: [:],
            embeddedness: [:])
        let calculator = try ReachCalculator(ego: 0, strengths: strengths)
        // Reach 0.5 → 1 − 0.5 · 0.3 = 0.85: gain 0.35.
        #expect(abs(try calculator.reachGain(ifTieTo: 2, at: 0.7) - 0.35) < 1e-12)
        #expect(try calculator.reachGain(ifTieTo: 3, at: 0.7) == 0)
    }

    @Test func reachRejectsBadInputWithTypedErrors() throws {
        let strengths = try Self.network([("a", "Alpha", [], 0.5)])
        #expect(throws: ScoringError.unknownPerson(9)) { try ReachCalculator(ego: 9, strengths: strengths) }
        let calculator = try ReachCalculator(ego: 0, strengths: strengths)
        #expect(throws: ScoringError.unknownPerson(-1)) { try calculator.reachGain(ifTieTo: -1, at: 0.5) }
        #expect(throws: ScoringError.egoIsCandidate(0)) { try calculator.reachGain(ifTieTo: 0, at: 0.5) }
        #expect(throws: ScoringError.invalidStrength(0)) { try calculator.reachGain(ifTieTo: 1, at: 0) }
        #expect(throws: ScoringError.invalidStrength(1.5)) { try calculator.reachGain(ifTieTo: 1, at: 1.5) }
        #expect(throws: ScoringError.self) { try calculator.reachGain(ifTieTo: 1, at: .nan) }
        #expect(
            ScoringError.invalidStrength(1.5).description == "a strength must be greater than 0 and at most 1, not 1.5")
        #expect(ScoringError.unknownPerson(9).description == "no person has index 9 in this network")
    }

    @Test func reachIsTheNoisyOrOfTheTiesAndNeverFallsWhenATieIsAdded() async {
        await propertyCheck(input: Gen.double(in: 0.01...1).array(of: 1...12), Gen.double(in: 0.01...1)) {
            values, extra in
            let strengths = try Self.network(values.enumerated().map { ("p\($0.offset)", "Org", [], $0.element) })
            let reach = try #require(try ReachCalculator.reach(of: 0, by: .organization, strengths: strengths).first)
                .reach
            var miss = 1.0
            for s in values { miss *= 1 - s }
            #expect(abs(reach - (1 - miss)) < 1e-12)
            #expect(reach >= (values.max() ?? 0) - 1e-12 && reach <= 1)
            let more = try Self.network(
                (values + [extra]).enumerated().map { ("p\($0.offset)", "Org", [], $0.element) })
            let reachMore = try #require(try ReachCalculator.reach(of: 0, by: .organization, strengths: more).first)
                .reach
            #expect(reachMore >= reach)
        }
    }
}
