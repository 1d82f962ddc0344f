import Foundation
import PropertyBased
import Testing

@testable import Rapport

@Suite("Suggestion ranking")
struct SuggestionRankingTests {
    let ip = Goal(sectors: ["IP"])

    @Test func strongIntroducerBeatsWeakIntroducerForEquallyRelevantTargets() throws {
        var net = SuggestionTestNetwork()
        net.person("a", "Ann Strong", org: "Alpha Co")
        net.person("b", "Bob Weak", org: "Beta Co")
        net.person("x", "Xia Target", org: "Org X", title: "Associate", sectors: ["intellectual property"])
        net.person("y", "Yan Target", org: "Org Y", title: "Associate", sectors: ["intellectual property"])
        net.tie("me", "a", 0.9)
        net.tie("me", "b", 0.2)
        net.tie("a", "x", 0.6)
        net.tie("b", "y", 0.6)
        let (engine, me) = try net.engine()
        let result = try engine.suggest(for: me, goal: ip, top: 0, maxHops: 3, perOrganization: 2)
        let ids = result.map(\.id)
        #expect(ids.firstIndex(of: "x")! < ids.firstIndex(of: "y")!)
        let x = try #require(result.first { $0.id == "x" })
        // 0.9 · 0.6 and 0.2 · 0.6, by hand.
        #expect(abs(x.components.reliability - 0.54) < 1e-12)
        #expect(abs(try #require(result.first { $0.id == "y" }).components.reliability - 0.12) < 1e-12)
        #expect(
            x.action
                == "Ask Ann Strong (0.90) to introduce you to Xia Target, Associate at Org X (intellectual property)")
        #expect(x.kind == .introduction)
        #expect(x.path.map(\.id) == ["a", "x"])
        #expect(x.path.map(\.name) == ["Ann Strong", "Xia Target"])
        #expect(x.path.map(\.strength) == [0.9, 0.6])
    }

    @Test func targetAtAnOrganizationWithAStrongTieRanksBelowOneWithNone() throws {
        var net = SuggestionTestNetwork()
        net.person("a", "Ann Insider", org: "Wilson LLP")
        net.person("b", "Bob Bridge", org: "Other Co")
        net.person("x", "Xia Wilson", org: "Wilson LLP", title: "Associate", sectors: ["IP"])
        net.person("y", "Yan Baker", org: "Baker LLP", title: "Associate", sectors: ["IP"])
        net.tie("me", "a", 0.8)
        net.tie("me", "b", 0.8)
        net.tie("b", "x", 0.5)
        net.tie("b", "y", 0.5)
        let (engine, me) = try net.engine()
        let result = try engine.suggest(for: me, goal: ip, top: 0, maxHops: 3, perOrganization: 2)
        let ids = result.map(\.id)
        #expect(ids.firstIndex(of: "y")! < ids.firstIndex(of: "x")!)
        // Quality gain at Wilson (Ann at 0.8): reach 0.8 → 1 − 0.2 · (1 − ½ · 0.7) = 0.87, so
        // (0.87 − 0.8) / 0.7 = 0.1; at Baker, where the user knows nobody, 1.
        #expect(abs(try #require(result.first { $0.id == "x" }).components.qualityGain - 0.1) < 1e-12)
        #expect(abs(try #require(result.first { $0.id == "y" }).components.qualityGain - 1) < 1e-12)
    }

    /// Four equal targets at one firm and a weaker one elsewhere.
    static func crowdedFirm() -> SuggestionTestNetwork {
        var net = SuggestionTestNetwork()
        net.person("a", "Ann Hub", org: "Hub Co")
        net.tie("me", "a", 0.9)
        for i in 1...4 {
            net.person("big\(i)", "Big Person\(i)", org: "Big LLP", title: "Partner", sectors: ["IP"])
            net.tie("a", "big\(i)", 0.7)
        }
        net.person("small", "Small Person", org: "Small LLP", title: "Associate", sectors: ["IP"])
        net.tie("a", "small", 0.3)
        return net
    }

    @Test func diversificationCapsEachOrganization() throws {
        let (engine, me) = try Self.crowdedFirm().engine()
        let capped = try engine.suggest(for: me, goal: ip, top: 3, maxHops: 3, perOrganization: 2)
        #expect(capped.map(\.id) == ["big1", "big2", "small"])
        let uncapped = try engine.suggest(for: me, goal: ip, top: 3, maxHops: 3, perOrganization: 0)
        #expect(uncapped.map(\.id) == ["big1", "big2", "big3"])
        // Everyone but the user and Ann, a strong direct tie (an introducer, not a target).
        let all = try engine.suggest(for: me, goal: ip, top: 0, maxHops: 3, perOrganization: 2)
        #expect(all.count == 5)
        #expect(!all.contains { $0.id == "a" })
    }

    @Test func resultsAreDeterministicWhateverTheInputOrder() throws {
        let net = Self.crowdedFirm()
        var reversed = net
        reversed.people = [net.people[0]] + net.people.dropFirst().reversed()
        reversed.ties = net.ties.reversed()
        let (e1, me1) = try net.engine()
        let (e2, me2) = try reversed.engine()
        let first = try e1.suggest(for: me1, goal: ip, top: 0, maxHops: 3, perOrganization: 2)
        let again = try e1.suggest(for: me1, goal: ip, top: 0, maxHops: 3, perOrganization: 2)
        let other = try e2.suggest(for: me2, goal: ip, top: 0, maxHops: 3, perOrganization: 2)
        #expect(first == again)
        #expect(first.map(\.id) == other.map(\.id))
        #expect(first.map(\.score) == other.map(\.score))
        // Equal scores fall back to id order.
        #expect(first.prefix(4).map(\.id) == ["big1", "big2", "big3", "big4"])
    }

    @Test func strongerIntroducerTieNeverLowersTheTargetsReliability() async throws {
        await propertyCheck(count: 100, input: Gen.int(in: 0...1_000_000)) { seed in
            guard let (graph, strengths) = try? MostReliablePathsTests.randomGraph(seed: seed), graph.nodeCount >= 3
            else { return }
            var net = SuggestionTestNetwork()
            for v in 1..<graph.nodeCount { net.person("p\(v)", "Person \(v)", org: "Org \(v)") }
            // Each edge from its smaller end's half-edge.
            for u in 0..<Int32(graph.nodeCount) {
                for h in graph.halfEdges(of: u) where u < graph.neighbors[h] {
                    let e = Int(graph.incidentEdges[h]), a = u, b = graph.neighbors[h]
                    net.tie(a == 0 ? "me" : "p\(a)", b == 0 ? "me" : "p\(b)", strengths[e])
                }
            }
            var stronger = net
            // Node 1 is the introducer: every tie of theirs becomes at least 0.95.
            stronger.ties = net.ties.map { t in t.0 == "p1" || t.1 == "p1" ? (t.0, t.1, max(t.2, 0.95)) : t }
            guard let (before, me) = try? net.engine(), let (after, me2) = try? stronger.engine(),
                let r1 = try? before.suggest(for: me, goal: Goal(), top: 0, maxHops: 3, perOrganization: 0),
                let r2 = try? after.suggest(for: me2, goal: Goal(), top: 0, maxHops: 3, perOrganization: 0)
            else {
                Issue.record("engine failed for seed \(seed)")
                return
            }
            let old = Dictionary(uniqueKeysWithValues: r1.map { ($0.id, $0.components.reliability) })
            for s in r2 { #expect(s.components.reliability >= (old[s.id] ?? 0) - 1e-15) }
        }
    }

    @Test func unknownEgoAndBadLimitsThrow() throws {
        let (engine, me) = try Self.crowdedFirm().engine()
        #expect(throws: SuggestionError.unknownPerson(99)) {
            try engine.suggest(for: 99, goal: Goal(), top: 3, maxHops: 3, perOrganization: 2)
        }
        #expect(throws: SuggestionError.invalidLimit(name: "top", value: -1)) {
            try engine.suggest(for: me, goal: Goal(), top: -1, maxHops: 3, perOrganization: 2)
        }
        #expect(throws: SuggestionError.invalidLimit(name: "maxHops", value: 0)) {
            try engine.suggest(for: me, goal: Goal(), top: 1, maxHops: 0, perOrganization: 2)
        }
        #expect(SuggestionError.unknownPerson(99).description == "person 99 is not in the network")
    }

    @Test func strongDirectTiesAreLeftOutUnlessConfigured() throws {
        let net = Self.crowdedFirm()
        var keep = SuggestionConfiguration.default
        keep.excludeStrongTies = false
        let (engine, me) = try net.engine(keep)
        let all = try engine.suggest(for: me, goal: Goal(), top: 0)
        let ann = try #require(all.first { $0.id == "a" })
        #expect(
            ann.action == "Request an informational interview directly: you are already connected (strong tie, 0.90)")
        // Ann's organization has no other tie of the user: gain = max(0, 0.7 − 0.9) / 0.7 = 0.
        #expect(ann.components.qualityGain == 0)
    }

    @Test func noGoalIsNeutralAndStillRanks() throws {
        let (engine, me) = try Self.crowdedFirm().engine()
        let result = try engine.suggest(for: me, goal: Goal(), top: 0, maxHops: 3, perOrganization: 2)
        #expect(result.allSatisfy { $0.components.relevance == 1 })
        #expect(result.first?.id == "big1")
    }
}

@Suite("Warmth")
struct WarmthTests {
    /// Docs/Scoring.md §4: Maria (0.8) and Ken (0.5) both know the target at 0.1; Maria knows three
    /// more people the user does not, Ken one.
    @Test func theWorkedExampleOfScoringMd() throws {
        var network = SuggestionTestNetwork()
        network.person("maria", "Maria Chen")
        network.person("ken", "Ken Ito")
        network.person("t", "Tara Target")
        for id in ["m1", "m2", "m3", "k1"] { network.person(id, "Other \(id)") }
        network.tie("me", "maria", 0.8)
        network.tie("me", "ken", 0.5)
        network.tie("maria", "t", 0.1)
        network.tie("ken", "t", 0.1)
        for id in ["m1", "m2", "m3"] { network.tie("maria", id, 0.1) }
        network.tie("ken", "k1", 0.1)
        let (engine, me) = try network.engine()
        let all = try engine.suggest(for: me, goal: Goal(), top: 0, maxHops: 3, perOrganization: 0)
        let target = try #require(all.first { $0.id == "t" })
        // Maria 0.8 · 0.1 / (1 + 4) = 0.016, Ken 0.5 · 0.1 / (1 + 2) = 0.016667.
        let expected = 1 - (1 - 0.016) * (1 - 0.05 / 3)
        #expect(abs(target.components.warmth - expected) < 1e-12)
        #expect(abs(target.components.reliability - 0.08) < 1e-12)
        #expect(target.warmthTerms.map(\.id) == ["ken", "maria"])
        #expect(abs(target.warmthTerms[1].reliability - 0.08) < 1e-12)
        // Someone Maria alone knows: one path, 0.8 · 0.1 / 5.
        let m1 = try #require(all.first { $0.id == "m1" })
        #expect(abs(m1.components.warmth - 0.016) < 1e-12)
        // The target is the warmest candidate.
        #expect(target.components.relativeWarmth == 1)
        #expect(abs(m1.components.relativeWarmth - 0.016 / expected) < 1e-12)
    }
}
