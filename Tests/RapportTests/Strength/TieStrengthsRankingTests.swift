import Testing

@testable import Rapport

@Suite("Ranking, fading ties and introductions in words")
struct TieStrengthsRankingTests {
    let today = Fixtures.today

    func coffee(_ person: String, daysAgo: Int) -> Interaction {
        Interaction(date: today.adding(days: -daysAgo), personID: person, kind: .coffee, minutes: 30, rapport: 5)
    }

    /// me–a friend (0.5), me–b mentor (0.6), me–c acquaintance with one coffee 400 days ago, a–b colleague.
    func network() throws -> NetworkSnapshot {
        try NetworkSnapshot(
            NetworkData(
                people: ["me", "a", "b", "c"].map { Person(id: $0) },
                ties: [
                    Tie("me", "a", kind: .friend), Tie("me", "b", kind: .mentor), Tie("me", "c", kind: .acquaintance),
                    Tie("a", "b", kind: .colleague),
                ],
                interactions: [coffee("c", daysAgo: 400)]))
    }

    @Test func tiesOfAPersonComeStrongestFirst() throws {
        let strengths = StrengthModel().strengths(in: try network(), asOf: today)
        let ranked = try strengths.ties(of: 0)
        // b: 0.6 + embeddedness, a: 0.5 + embeddedness, c: 0.215701 (see StrengthModelTests).
        #expect(ranked.map(\.person) == [2, 1, 3])
        #expect(abs(ranked[2].strength - 0.21570066270391852) < 1e-12)
        #expect(try strengths.ties(of: 3).map(\.person) == [0])
        #expect(throws: ScoringError.unknownPerson(4)) { try strengths.ties(of: 4) }
        #expect(strengths.rankedEdges(limit: 2) == [1, 0])
        #expect(strengths.rankedEdges().count == 4)
        #expect(strengths.rankedEdges(limit: 0).isEmpty)
    }

    @Test func fadingTiesListStrongTiesThatLostStrength() throws {
        let strengths = StrengthModel().strengths(in: try network(), asOf: today)
        // c peaked at 0.559353 on the day of the coffee and is at 0.215701 now: lost 0.343652.
        let fading = try strengths.fadingTies(of: 0)
        #expect(fading.map(\.person) == [3])
        #expect(abs(fading[0].loss - (0.5593531642992386 - 0.21570066270391852)) < 1e-12)
        #expect(fading[0].peak.day == today.adding(days: -400))
        #expect(try strengths.fadingTies(of: 0, minimumPeak: 0.6).isEmpty)
        #expect(try strengths.fadingTies(of: 0, minimumLoss: 0.4).isEmpty)
    }

    @Test func introductionsAreToldFromTheUsersSide() throws {
        let data = NetworkData(
            people: ["me", "p", "x", "y", "z"].map { Person(id: $0) },
            ties: [Tie("me", "p", kind: .friend), Tie("x", "y", kind: .acquaintance)],
            introductions: [
                Introduction(date: today.adding(days: -10), introducerID: "p", personID: "x", status: .made),
                Introduction(date: today.adding(days: -10), introducerID: "me", personID: "z", toID: "p", status: .met),
                Introduction(date: today.adding(days: -10), introducerID: "p", personID: "y", status: .requested),
                Introduction(date: nil, introducerID: "x", personID: "z", toID: "y", status: .made),
            ])
        let strengths = StrengthModel().strengths(in: try NetworkSnapshot(data), asOf: today)
        #expect(
            strengths.explain(edge: 0).sentence
                == "no interactions yet, they introduced you to 1 person, you introduced them to 1 person, declared friend"
        )
        #expect(
            strengths.explain(edge: 1).sentence
                == "no interactions yet, 1 introduction between them, declared acquaintance")
        // x–y: R = 0.8 (undated, no fading), s_rec = 1 − e^(−0.8) = 0.550671, s = 1 − 0.9 · 0.449329 = 0.595604.
        #expect(abs(strengths.values[1] - 0.5956039) < 1e-6)
    }
}
