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
        // 0.8 against T = 0.1 · (½ + ¼ + ⅛ + 1/16) = 0.09375, 1 − 0.9 · 0.90625 = 0.184375.
        let strengths = try Self.network(
            [("s", "Strong LLP", [], 0.8)] + (0..<5).map { ("w\($0)", "Weak LLP", [], 0.1) })
        let entries = try ReachCalculator.reach(of: 0, by: .organization, strengths: strengths)
        #expect(entries.map(\.name) == ["Strong LLP", "Weak LLP"])
        #expect(abs(entries[0].reach - 0.8) < 1e-12)
        #expect(abs(entries[1].reach - 0.184375) < 1e-12)
        #expect(entries[1].ties.count == 5)
    }

    @Test func entriesAreSortedByReachThenNameWithTiesStrongestFirst() throws {
        let strengths = try Self.network([
            ("a", "Beta", [], 0.3), ("b", "Alpha", [], 0.3), ("c", "Gamma", [], 0.2), ("d", "Gamma", [], 0.6),
        ])
        let entries = try ReachCalculator.reach(of: 0, by: .organization, strengths: strengths)
        // Gamma: 1 − (1 − 0.6) · (1 − ½ · 0.2) = 0.64; Alpha and Beta 0.3 each, by name.
        #expect(entries.map(\.name) == ["Gamma", "Alpha", "Beta"])
        #expect(abs(entries[0].reach - 0.64) < 1e-12)
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
        // IP law: 1 − 0.5 · (1 − ½ · 0.5 − ¼ · 0.5) = 0.6875; Litigation 0.5. The first spelling names the group.
        #expect(sectors.map(\.name) == ["IP Law", "Litigation"])
        #expect(abs(sectors[0].reach - 0.6875) < 1e-12)
        #expect(calculator.reach(by: .school).map(\.reach) == sectors.map(\.reach))
        #expect(abs(calculator.reach(into: "ip LAW", by: .sector) - 0.6875) < 1e-12)
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
        // b is tied at 0.3 beside a at 0.5: before 1 − 0.5 · (1 − 0.15) = 0.575, after (0.7, 0.5)
        // 1 − 0.3 · (1 − 0.25) = 0.775: gain 0.2.
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
        // Reach 0.5 → (0.7, 0.5): 1 − 0.3 · (1 − 0.25) = 0.775: gain 0.275.
        #expect(abs(try calculator.reachGain(ifTieTo: 2, at: 0.7) - 0.275) < 1e-12)
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

    /// The formula written out: strongest whole, the k-th (k ≥ 2) with weight 2^−(k−1) into the rest.
    static func handReach(_ values: [Double]) -> Double {
        let sorted = values.sorted(by: >)
        guard let first = sorted.first else { return 0 }
        var rest = 0.0
        for (k, s) in sorted.enumerated().dropFirst() { rest += s / Double(1 << min(k, 60)) }
        return first + (1 - first) * rest
    }

    static func reach(_ values: [Double]) throws -> Double {
        let strengths = try network(values.enumerated().map { ("p\($0.offset)", "Org", [], $0.element) })
        return try #require(try ReachCalculator.reach(of: 0, by: .organization, strengths: strengths).first).reach
    }

    @Test func theWorkedExampleOfScoringMd() throws {
        // Docs/Scoring.md §3: 0.8, 0.5, 0.1 → T = 0.25 + 0.025 = 0.275, reach = 1 − 0.2 · 0.725 = 0.855.
        #expect(abs(try Self.reach([0.1, 0.8, 0.5]) - 0.855) < 1e-12)
        // Forty contacts at 0.1: 0.1 + 0.9 · 0.1 · (1 − 2⁻³⁹) ≈ 0.19 (noisy-OR gave 1 − 0.9⁴⁰ ≈ 0.985).
        #expect(abs(try Self.reach(Array(repeating: 0.1, count: 40)) - 0.19) < 1e-9)
        #expect(try Self.reach([0.96]) == 0.96)
    }

    @Test func reachFollowsTheFormulaAndNeverFallsWhenATieIsAdded() async {
        await propertyCheck(input: Gen.double(in: 0.01...1).array(of: 1...12), Gen.double(in: 0.01...1)) {
            values, extra in
            let reach = try Self.reach(values)
            #expect(abs(reach - Self.handReach(values)) < 1e-12)
            #expect(reach >= (values.max() ?? 0) - 1e-12 && reach <= 1)
            let reachMore = try Self.reach(values + [extra])
            #expect(reachMore >= reach - 1e-12)
        }
    }

    @Test func anyNumberOfTiesBelowPoint3GivesLessReachThanOneTieAtPoint6() async {
        await propertyCheck(input: Gen.double(in: 0.001...0.2999).array(of: 1...60)) { values in
            let many = try Self.reach(values)
            let one = try Self.reach([0.6])
            #expect(many < one, "\(values.count) ties below 0.3 reach \(many)")
        }
    }

    @Test func aSecondStrongTieStillAddsSomething() async {
        await propertyCheck(input: Gen.double(in: 0.5...0.99), Gen.double(in: 0.5...0.99)) { a, b in
            let one = try Self.reach([max(a, b)])
            let two = try Self.reach([a, b])
            #expect(two > one + 0.1 * (1 - one) * min(a, b), "\(a), \(b): \(one) → \(two)")
        }
    }
}
