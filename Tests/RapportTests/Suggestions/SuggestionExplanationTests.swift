import Foundation
import Testing

@testable import Rapport

@Suite("Suggestion explanations and exclusions")
struct SuggestionExplanationTests {
    static func daysAgo(_ n: Int) -> Day { SuggestionTestNetwork.today.adding(days: -n) }

    @Test func introductionSentenceHasTheDocumentedShape() throws {
        var net = SuggestionTestNetwork()
        net.person("maria", "Maria Chen", org: "Chen & Co")
        net.person("dana", "Dana Lee", org: "Wilson LLP", title: "Senior Associate", sectors: ["IP litigation"])
        net.person("sam", "Sam Alt", org: "Alt Co")
        net.tie("me", "maria", 0.82)
        net.tie("maria", "dana", 0.61)
        net.tie("me", "sam", 0.4)
        net.tie("sam", "dana", 0.3)
        let (engine, me) = try net.engine()
        let dana = try #require(
            try engine.suggest(for: me, goal: Goal(sectors: ["intellectual property"]), top: 1).first)
        #expect(
            dana.action
                == "Ask Maria Chen (0.82) to introduce you to Dana Lee, Senior Associate at Wilson LLP (IP litigation)")
        #expect(dana.introducer?.id == "maria")
        #expect(dana.introducer?.strength == 0.82)
        #expect(dana.alternatives.map(\.id) == ["sam"])
        #expect(abs((dana.alternatives.first?.reliability ?? 0) - 0.12) < 1e-12)
        #expect(dana.components.introducerCount == 2)
        #expect(abs(dana.components.redundancy - 2.0 / 3.0) < 1e-12)
    }

    @Test func aLongerChainAsksForTheNextLinkNotTheTarget() throws {
        var net = SuggestionTestNetwork()
        net.person("maria", "Maria Chen", org: "Chen & Co")
        net.person("ravi", "Ravi Das", org: "Das LLP")
        net.person("dana", "Dana Lee", org: "Wilson LLP", title: "Partner", sectors: ["IP litigation"])
        net.tie("me", "maria", 0.8)
        net.tie("maria", "ravi", 0.7)
        net.tie("ravi", "dana", 0.6)
        let (engine, me) = try net.engine()
        let dana = try #require(try engine.suggest(for: me, goal: Goal(sectors: ["intellectual property"]), top: 3).first { $0.id == "dana" })
        #expect(dana.path.count == 3)
        #expect(dana.action == "Ask Maria Chen (0.80) to introduce you to Ravi Das (0.70), who can connect you with Dana Lee, Partner at Wilson LLP (IP litigation)")
    }

    @Test func directTieSentenceNamesTheTieStrength() throws {
        var net = SuggestionTestNetwork()
        net.person("kim", "Kim Park", org: "Park LLP", title: "Partner")
        net.tie("me", "kim", 0.12)
        let (engine, me) = try net.engine()
        let kim = try #require(try engine.suggest(for: me, goal: Goal(), top: 1).first)
        #expect(kim.kind == .direct)
        #expect(kim.action == "Request an informational interview directly: you are already connected (weak tie, 0.12)")
        #expect(kim.introducer == nil)
    }

    @Test func coldOutreachNamesTheSharedSchool() throws {
        var net = SuggestionTestNetwork()
        net.person("far", "Fay Far", org: "Remote LLP", title: "Counsel", schools: ["Georgetown Law"])
        net.person("none", "Nils None", org: "Nowhere Inc", title: "Counsel")
        let (engine, me) = try net.engine()
        let result = try engine.suggest(for: me, goal: Goal(), top: 0)
        let fay = try #require(result.first { $0.id == "far" })
        #expect(fay.kind == .coldOutreach)
        #expect(fay.path.isEmpty)
        #expect(fay.components.reliability == 0)
        #expect(fay.action == "Cold outreach: you both studied at Georgetown Law")
        let nils = try #require(result.first { $0.id == "none" })
        #expect(nils.action == "Cold outreach: no mutual contact within 3 hops; introduce yourself and your goal")
    }

    @Test func coldOutreachBeyondTheHopLimit() throws {
        var net = SuggestionTestNetwork()
        net.person("a", "Ann A", org: "A Co")
        net.person("b", "Bob B", org: "B Co")
        net.person("far", "Fay Far", org: "Remote LLP", schools: ["Georgetown Law"])
        net.tie("me", "a", 0.9)
        net.tie("a", "b", 0.9)
        net.tie("b", "far", 0.9)
        let (engine, me) = try net.engine()
        let two = try engine.suggest(for: me, goal: Goal(), top: 0, maxHops: 2, perOrganization: 2)
        #expect(two.first { $0.id == "far" }?.kind == .coldOutreach)
        let three = try engine.suggest(for: me, goal: Goal(), top: 0, maxHops: 3, perOrganization: 2)
        #expect(three.first { $0.id == "far" }?.kind == .introduction)
    }

    @Test func recentInformationalInterviewAndPendingIntroductionsExclude() throws {
        var net = SuggestionTestNetwork()
        for id in ["recent", "old", "pending", "declined", "made", "emailed"] {
            net.person(id, "Person \(id)", org: "Org \(id)")
            net.tie("me", id, 0.3)
        }
        net.interactions.append(Interaction(date: Self.daysAgo(30), personID: "recent", kind: .informationalInterview))
        net.interactions.append(Interaction(date: Self.daysAgo(120), personID: "old", kind: .informationalInterview))
        net.interactions.append(
            Interaction(date: Self.daysAgo(10), personID: "emailed", kind: .email, initiatedBy: .me))
        net.introductions.append(
            Introduction(date: Self.daysAgo(5), introducerID: "old", personID: "pending", status: .requested))
        net.introductions.append(
            Introduction(date: Self.daysAgo(50), introducerID: "old", personID: "declined", status: .declined))
        net.introductions.append(
            Introduction(date: Self.daysAgo(50), introducerID: "old", personID: "made", status: .made))
        let (engine, me) = try net.engine()
        let result = try engine.suggest(for: me, goal: Goal(), top: 0)
        #expect(Set(result.map(\.id)) == ["old", "made", "emailed"])
        #expect(result.first { $0.id == "emailed" }?.components.freshness == 0.5)
        #expect(result.first { $0.id == "old" }?.components.freshness == 1)

        var shortCooldown = SuggestionConfiguration.default
        shortCooldown.cooldownDays = 20
        let (relaxed, _) = try net.engine(shortCooldown)
        #expect(try relaxed.suggest(for: me, goal: Goal(), top: 0).contains { $0.id == "recent" })
    }

    @Test func warmPathsToOnePersonArePerIntroducerAndNamed() throws {
        var net = SuggestionTestNetwork()
        net.person("maria", "Maria Chen")
        net.person("sam", "Sam Alt")
        net.person("dana", "Dana Lee")
        net.tie("me", "maria", 0.82)
        net.tie("maria", "dana", 0.61)
        net.tie("me", "sam", 0.4)
        net.tie("sam", "dana", 0.3)
        net.tie("me", "dana", 0.1)
        let (engine, me) = try net.engine()
        let dana = try #require(engine.snapshot.index(ofID: "dana"))
        let paths = try engine.paths(to: dana, from: me, top: 3)
        #expect(
            paths.map { $0.hops.map { $0.name ?? "" } } == [
                ["Maria Chen", "Dana Lee"], ["Sam Alt", "Dana Lee"], ["Dana Lee"],
            ])
        #expect(abs(paths[0].reliability - 0.82 * 0.61) < 1e-12)
        #expect(paths[2].isDirect)
        #expect(try engine.paths(to: dana, from: me, top: 1).count == 1)
    }

    @Test func keepWarmListsFadingAndStaleStrongTies() throws {
        var net = SuggestionTestNetwork()
        net.person("fading", "Fay Fading", org: "F Co")
        net.person("stale", "Sal Stale", org: "S Co")
        net.person("fine", "Fin Fine", org: "G Co")
        net.person("weak", "Wes Weak", org: "W Co")
        net.tie("me", "fading", 0.3)
        net.tie("me", "stale", 0.7)
        net.tie("me", "fine", 0.7)
        net.tie("me", "weak", 0.2)
        net.interactions.append(Interaction(date: Self.daysAgo(20), personID: "fading", kind: .coffee))
        net.interactions.append(Interaction(date: Self.daysAgo(426), personID: "stale", kind: .coffee))
        net.interactions.append(Interaction(date: Self.daysAgo(10), personID: "fine", kind: .call))
        let (engine, me) = try net.engine()
        var peak = engine.strengths
        let fadingNode = try #require(engine.snapshot.index(ofID: "fading"))
        let fading = try #require(engine.snapshot.tie(between: me, and: fadingNode))
        peak[Int(fading)] = 0.8
        let list = try engine.keepWarm(for: me, peakStrengths: peak)
        #expect(list.map(\.id) == ["fading", "stale"])
        #expect(list[0].reasons == [.fading])
        #expect(list[1].reasons == [.noRecentContact])
        #expect(list[1].daysSinceContact == 426)
        #expect(
            list[1].action
                == "Re-engage Sal Stale: last spoke 14 months ago (coffee on 2025-09-01). Send an update on your search and ask how things are going."
        )
        #expect(list[0].action.contains("strength 0.30, down from 0.80"))
        #expect(throws: SuggestionError.self) { try engine.keepWarm(for: me, peakStrengths: []) }
    }
}
