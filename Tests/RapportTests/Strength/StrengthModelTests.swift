import Testing

@testable import Rapport

/// Hand-computed cases. Expected values were worked out from the formulas in Docs/Scoring.md with a
/// calculator (Python `math`), not with this code; each comment shows the arithmetic.
@Suite("Strength model")
struct StrengthModelTests {
    let today = Fixtures.today

    func meeting(_ daysAgo: Int, rapport: Int?) -> InteractionSpec {
        InteractionSpec(
            kind: .meeting, isOneOnOne: true, minutes: 30, rapport: rapport, theyInitiated: false, daysAgo: daysAgo)
    }

    @Test func emptySnapshotGivesNoStrengths() throws {
        let strengths = StrengthModel().strengths(in: try NetworkSnapshot(NetworkData()), asOf: today)
        #expect(strengths.values.isEmpty)
        #expect(strengths.embeddedness.isEmpty)
        #expect(strengths.strength(between: 0, and: 1) == nil)
    }

    @Test func peopleWithoutTiesGiveNoStrengths() throws {
        let data = NetworkData(people: [Person(id: "me"), Person(id: "a")])
        let strengths = StrengthModel().strengths(in: try NetworkSnapshot(data), asOf: today)
        #expect(strengths.values.isEmpty)
        #expect(strengths.strength(between: 0, and: 1) == nil)
        #expect(strengths.strength(between: 0, and: 7) == nil)
        #expect(strengths.strength(between: -1, and: 0) == nil)
    }

    @Test func tieWithoutInteractionsGetsItsDeclaredBase() throws {
        // Defaults: family 0.6, mentor 0.6, friend 0.5, colleague 0.3, classmate 0.25,
        // former colleague 0.2, acquaintance 0.1.
        let expected: [TieKind: Double] = [
            .family: 0.6, .mentor: 0.6, .friend: 0.5, .colleague: 0.3, .classmate: 0.25, .formerColleague: 0.2,
            .acquaintance: 0.1,
        ]
        for (kind, value) in expected {
            #expect(try Fixtures.strength([], kind: kind) == value)
        }
    }

    @Test func declaredKindsAreOrderedFromFamilyToAcquaintance() throws {
        let order: [TieKind] = [.mentor, .friend, .colleague, .classmate, .formerColleague, .acquaintance]
        let values = try order.map { try Fixtures.strength([], kind: $0) }
        for i in 1..<values.count { #expect(values[i - 1] > values[i]) }
        #expect(try Fixtures.strength([], kind: .family) >= values[0])
    }

    @Test func inferredAndContactTiesWeighLessThanDeclaredOnes() throws {
        let model = StrengthModel()
        // Inferred colleague: 0.3 × 0.5 = 0.15. A contact counts as an acquaintance whatever its kind.
        #expect(model.declaredStrength(of: Tie("a", "b", kind: .colleague, origin: .sameOrganization)) == 0.15)
        #expect(model.declaredStrength(of: Tie("a", "b", kind: .friend, origin: .contact)) == 0.1)
        let colleagues = try NetworkSnapshot(
            NetworkData(people: [
                Person(id: "me", organization: "Fenwick & West"), Person(id: "c", organization: "Fenwick & West LLP"),
            ]))
        let strengths = model.strengths(in: colleagues, asOf: today)
        #expect(colleagues.ties.first?.origin == .sameOrganization)
        #expect(strengths.values == [0.15])
    }

    @Test func oneRecentInterviewMatchesTheHandComputedValue() throws {
        // p = 1 · 1 · 1 · 1, D = 2^(−41/180) = 0.853949, ℓ = 1 so c = D,
        // Y = c + 0.1 · c · ln(1 + 41/30) = 0.927515, x = Y/D = 1.086148,
        // s_int = D · (1 − e^(−x/1.5) + 0.5 · x/(x + 20)) = 0.461981,
        // tie created by the interaction (acquaintance 0.1, no since credit): s = 1 − 0.9 · (1 − 0.461981) = 0.515783.
        let interview = InteractionSpec(
            kind: .informationalInterview, isOneOnOne: true, minutes: 30, rapport: 5, theyInitiated: false, daysAgo: 41)
        let snapshot = try NetworkSnapshot(
            NetworkData(
                people: [Person(id: "me"), Person(id: "p")],
                interactions: [interview.interaction(with: "p", asOf: today)]))
        let strengths = StrengthModel().strengths(in: snapshot, asOf: today)
        #expect(abs(strengths.values[0] - 0.5157831161654611) < 1e-12)
    }

    @Test func anIntroductionAloneIsStrongEvidence() throws {
        // R = 0.8 · 2^(−30/180) = 0.712719, s_rec = 1 − e^(−R) = 0.509691, s = 1 − 0.9 · 0.490309 = 0.558722.
        let s = try Fixtures.strength([], introductions: 1)
        #expect(abs(s - 0.5587216794170942) < 1e-12)
    }

    @Test func interactionsDatedAfterTheDayAreIgnored() throws {
        let future = meeting(-10, rapport: 5)
        let value = try Fixtures.strength([future])
        #expect(abs(value - 0.1) < 1e-12)
        let snapshot = try Fixtures.pair([future])
        let explanation = StrengthModel().strengths(in: snapshot, asOf: today).explain(edge: 0)
        #expect(explanation.evidence.laterInteractionCount == 1)
        #expect(explanation.sentence == "no interactions yet, 1 dated later not counted, declared acquaintance")
    }

    @Test func mutualContactsAddASmallEmbeddednessTermToTheUsersTies() throws {
        // Triangle of declared friends (0.5 each). For me–a: M = s(me,b) · s(a,b) = 0.25,
        // term = 0.05 · (1 − e^(−0.25)) = 0.011060, times what is left (1 − 0.5): s = 0.505530.
        // The tie a–b is not the user's: 0.5.
        let data = NetworkData(
            people: [Person(id: "me"), Person(id: "a"), Person(id: "b")],
            ties: [Tie("me", "a", kind: .friend), Tie("me", "b", kind: .friend), Tie("a", "b", kind: .friend)])
        let strengths = StrengthModel().strengths(in: try NetworkSnapshot(data), asOf: today)
        #expect(abs(strengths.values[0] - 0.5055299804232149) < 1e-12)
        #expect(abs(strengths.values[1] - 0.5055299804232149) < 1e-12)
        #expect(strengths.values[2] == 0.5)
        #expect(strengths.embeddedness[0]?.mutualContacts == 1)
    }

    @Test func explanationSaysWhatHappenedInPlainWords() throws {
        // Meetings 41, 100, 200 days ago at rapport 5, 5, 4 (p = 1, 1, 0.8; 30 minutes, ℓ = 1) and two
        // introductions 30 days ago: D = 2^(−41/180) = 0.853949, Y = Σ c + 0.1 · max c·ln(1 + a/30)
        // = 2.004463, x = 2.347288, s_int = D · (1 − e^(−x/1.5) + 0.5 · x/(x + 20)) = 0.720221,
        // R = 2 · 0.8 · 2^(−30/180) = 1.425438, s = 1 − 0.9 · (1 − s_int) · e^(−R) = 0.939466.
        let snapshot = try Fixtures.pair(
            [meeting(200, rapport: 4), meeting(100, rapport: 5), meeting(41, rapport: 5)], introductions: 2)
        let strengths = StrengthModel().strengths(in: snapshot, asOf: today)
        let explanation = strengths.explain(edge: 0)
        #expect(abs(explanation.strength - 0.9394662675248779) < 1e-12)
        #expect(
            explanation.sentence
                == "3 one-on-one meetings (last 41 days ago), rapport 4.7/5, they introduced you to 2 people, declared acquaintance"
        )
        let additive = explanation.factors.filter(\.isAdditive).map(\.contribution).reduce(0, +)
        #expect(abs(additive - explanation.strength) < 1e-12)
        #expect(explanation.factor("declared")?.contribution == 0.1)
        #expect(explanation.factor("duration")?.input == 200)
        #expect(explanation.factor("recency")?.input == 41)
        #expect((explanation.factor("recency")?.contribution ?? 0) < 0)
        #expect((explanation.factor("duration")?.contribution ?? 0) > 0)
    }

    @Test func explanationOfATieWithoutInteractionsNamesItsKind() throws {
        let strengths = StrengthModel().strengths(in: try Fixtures.pair([], kind: .mentor), asOf: today)
        let explanation = strengths.explain(edge: 0)
        #expect(explanation.sentence == "no interactions yet, declared mentor")
        #expect(explanation.factor("interactions")?.contribution == 0)
        #expect(explanation.factor("declared")?.contribution == 0.6)
    }

    @Test func peakStrengthRemembersAFadedTie() throws {
        // One coffee 400 days ago at rapport 5, 30 minutes. On its day: D = Y = 1, x = 1,
        // s_int = 1 − e^(−1/1.5) + 0.5 · 1/21 = 0.510392, s = 1 − 0.9 · 0.489608 = 0.559353.
        // Today: D = c = 2^(−400/180) = 0.214311, Y = c · (1 + 0.1 · ln(1 + 400/30)) = 0.271373,
        // x = 1.266259, s_int = D · (1 − e^(−x/1.5) + 0.5 · x/(x + 20)) = 0.128556, s = 0.215701.
        let coffee = InteractionSpec(
            kind: .coffee, isOneOnOne: true, minutes: 30, rapport: 5, theyInitiated: false, daysAgo: 400)
        let strengths = StrengthModel().strengths(in: try Fixtures.pair([coffee]), asOf: today)
        #expect(abs(strengths.values[0] - 0.21570066270391852) < 1e-12)
        let peak = strengths.peak(edge: 0)
        #expect(abs(peak.strength - 0.5593531642992386) < 1e-12)
        #expect(peak.day == today.adding(days: -400))
        #expect(strengths.peakStrength(edge: 0) == peak.strength)
    }

    @Test func aTieWithoutHistoryPeaksToday() throws {
        let strengths = StrengthModel().strengths(in: try Fixtures.pair([], kind: .friend), asOf: today)
        #expect(strengths.peak(edge: 0) == StrengthPeak(strength: 0.5, day: today))
    }

    /// `count` one-on-one unrated meetings on consecutive days, `totalMinutes` spread evenly.
    func shortTalks(_ count: Int, totalMinutes: Int) -> [InteractionSpec] {
        (0..<count).map { i in
            InteractionSpec(
                kind: .meeting, isOneOnOne: true, minutes: totalMinutes / count + (i < totalMinutes % count ? 1 : 0),
                rapport: nil, theyInitiated: false, daysAgo: i)
        }
    }

    @Test func moreTotalTimeOrdersTiesOfEqualDepthAndFrequency() throws {
        // Issue 14: a friend with 20 short talks and 81 minutes scored the same as an acquaintance
        // with 20 talks and 36 minutes (every talk at the length floor). Same depth (0.6, today),
        // same count: the longer total time is now visibly stronger.
        let friend = try Fixtures.strength(shortTalks(20, totalMinutes: 81))
        let acquaintance = try Fixtures.strength(shortTalks(20, totalMinutes: 36))
        #expect(friend > acquaintance + 0.01, "\(friend) vs \(acquaintance)")
    }

    @Test func moreContactsOrderTiesOfEqualDepthLongAfterFive() throws {
        // The old volume term levelled off after about five conversations at the depth.
        let s = try [5, 10, 20, 40, 80].map { try Fixtures.strength(shortTalks($0, totalMinutes: 2 * $0)) }
        for i in 1..<s.count { #expect(s[i] > s[i - 1] + 0.01, "\(s)") }
        // And volume still never buys more than 1.5 times the depth: s_int ≤ 1.5 · 0.6 = 0.9.
        #expect(try Fixtures.strength(shortTalks(400, totalMinutes: 4000)) < 1 - 0.9 * (1 - 0.9))
    }

    @Test func floorKeepsZeroWeightTiesAboveZero() throws {
        var configuration = StrengthConfiguration.default
        configuration.tieBase[.acquaintance] = 0
        #expect(try Fixtures.strength([], configuration: configuration) == 0.01)
    }
}
