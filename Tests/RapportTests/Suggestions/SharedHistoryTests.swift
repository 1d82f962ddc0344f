import Foundation
import Testing

@testable import Rapport

/// Shared history (issue 13 item 1): contacts at the user's former employers or from the user's
/// schools are named in explanations and drafts, and rank higher.
@Suite struct SharedHistoryTests {
    /// Me (former employer Acme LLP, school Halvorsen University) with three contacts tied to one
    /// introducer the same way: Ana now at "ACME, L.L.P." (the same organization once the legal
    /// suffix is folded), Ben a Halvorsen alum, Cy with nothing in common.
    func network() throws -> (SuggestionEngine, Int32, NetworkSnapshot) {
        var net = SuggestionTestNetwork()
        net.people[0] = Person(
            id: "me", firstName: "Avery", organization: "Halvorsen Law Clinic", schools: ["Halvorsen University"],
            pastOrganizations: ["Acme LLP", "Halvorsen Law Clinic"])
        net.person("z", "Zed Introducer", org: "Hub Co")
        net.person("ana", "Ana Alpha", org: "ACME, L.L.P.")
        net.person("ben", "Ben Beta", org: "Beta Corp", schools: ["halvorsen university"])
        net.person("cy", "Cy Gamma", org: "Gamma Inc")
        net.tie("me", "z", 0.8)
        for id in ["ana", "ben", "cy"] { net.tie("z", id, 0.5) }
        let (engine, ego) = try net.engine()
        return (engine, ego, engine.snapshot)
    }

    @Test func theSnapshotNamesSchoolsAndFormerEmployersInCommon() throws {
        let (_, ego, snapshot) = try network()
        let ana = try #require(snapshot.index(ofID: "ana"))
        let ben = try #require(snapshot.index(ofID: "ben"))
        let cy = try #require(snapshot.index(ofID: "cy"))
        #expect(snapshot.sharedHistory(ego: ego, other: ana).phrases == ["worked at Acme LLP"])
        #expect(snapshot.sharedHistory(ego: ego, other: ben).phrases == ["studied at Halvorsen University"])
        #expect(snapshot.sharedHistory(ego: ego, other: cy).isEmpty)
        // The user's current organization is not a *former* employer, even if listed in the past too.
        #expect(snapshot.sharedHistory(ego: ego, other: ego).formerEmployers == ["Acme LLP"])
    }

    @Test func sharedHistoryMultipliesTheScoreByOnePointOneAndIsExplained() throws {
        let (engine, ego, _) = try network()
        let suggestions = try engine.suggest(for: ego, top: 10)
        let byID = Dictionary(uniqueKeysWithValues: suggestions.map { ($0.id, $0) })
        let ana = try #require(byID["ana"]), ben = try #require(byID["ben"]), cy = try #require(byID["cy"])
        // Same path (0.8 · 0.5), same introducer count, same quality gain and insight inputs: only
        // shared history differs, and the weight is 0.1, so the scores stand in the ratio 1.1.
        #expect(ana.components.sharedHistory == 1)
        #expect(ben.components.sharedHistory == 1)
        #expect(cy.components.sharedHistory == 0)
        #expect(abs(ana.components.reliability - 0.4) < 1e-12)
        #expect(abs(ana.score / cy.score - 1.1) < 1e-9)
        #expect(abs(ben.score / cy.score - 1.1) < 1e-9)
        #expect(suggestions.last?.id == "cy")
        #expect(ana.sharedHistory == ["worked at Acme LLP"])
        #expect(ben.sharedHistory == ["studied at Halvorsen University"])
        #expect(cy.sharedHistory.isEmpty)
    }

    @Test func theWeightIsAConfigurationKey() throws {
        let configuration = try SuggestionConfiguration(values: ["shared_history_weight": 0])
        #expect(configuration.sharedHistoryWeight == 0)
        let (engine, ego, _) = try network()
        let plain = try SuggestionEngine(
            snapshot: engine.snapshot, strengths: engine.strengths, configuration: configuration,
            asOf: SuggestionTestNetwork.today)
        let scores = Dictionary(uniqueKeysWithValues: try plain.suggest(for: ego, top: 10).map { ($0.id, $0.score) })
        #expect(abs((scores["ana"] ?? 0) - (scores["cy"] ?? -1)) < 1e-12)
    }

    @Test func draftsSayTheUserWorkedThereToo() throws {
        let (_, ego, snapshot) = try network()
        let ana = try #require(snapshot.index(ofID: "ana"))
        #expect(DraftContext.common(snapshot: snapshot, ego: ego, target: ana) == ["worked at Acme LLP"])
    }
}
