import Foundation
import Testing

@testable import Rapport

/// Expected values: Tests/RapportTests/Paths/Fixtures/tiny/README.md, a copy of the bench kit's
/// fixtures/tiny/README.md (computed by `w_reference.py` and the
/// four Python peers), rounded there to 6 decimals.
@Suite("Paths on the bench tiny fixture")
struct TinyFixturePathTests {
    let tolerance = 5e-7

    @Test func reliabilitiesMatchTheFixtureReadme() throws {
        let fixture = try BenchFixture.tiny()
        let paths = try MostReliablePaths(graph: fixture.graph, strengths: fixture.strengths, source: fixture.ego)
        // Ann: strong direct tie; Bob: weak direct tie, r = s; Cat: no interactions → floor.
        #expect(abs(paths.reliability(of: fixture.node("p000001")) - 0.625165) < tolerance)
        #expect(abs(paths.reliability(of: fixture.node("p000002")) - 0.179236) < tolerance)
        #expect(abs(paths.reliability(of: fixture.node("p000003")) - 0.05) < 1e-12)
        // Gus: best path via Bob (0.179236 · 0.4), not via Ann (0.625165 · 0.1).
        #expect(abs(paths.reliability(of: fixture.node("p000007")) - 0.071694) < tolerance)
        // Kim and Lee are unreachable.
        #expect(!paths.isReached(fixture.node("p000011")))
        #expect(!paths.isReached(fixture.node("p000012")))
        #expect(paths.reliability(of: fixture.node("p000012")) == 0)
        #expect(paths.hops[Int(fixture.node("p000011"))] == -1)
    }

    @Test func bestPathToGusGoesThroughBob() throws {
        let fixture = try BenchFixture.tiny()
        let paths = try MostReliablePaths(graph: fixture.graph, strengths: fixture.strengths, source: fixture.ego)
        let hops = paths.path(to: fixture.node("p000007"))
        #expect(hops.map(\.node) == [fixture.node("p000002"), fixture.node("p000007")])
        #expect(abs(hops[0].strength - 0.179236) < tolerance)
        #expect(hops[1].strength == 0.4)
        #expect(paths.firstHop[Int(fixture.node("p000007"))] == fixture.node("p000002"))
        #expect(paths.path(to: fixture.ego).isEmpty)
    }

    @Test func hopLimitedSearchAgreesWithinTheLimit() throws {
        let fixture = try BenchFixture.tiny()
        let unlimited = try MostReliablePaths(graph: fixture.graph, strengths: fixture.strengths, source: fixture.ego)
        let two = try MostReliablePaths(
            graph: fixture.graph, strengths: fixture.strengths, source: fixture.ego, maxHops: 2)
        // Jo is 3 hops away (me → Ann → Dan → Jo): 0.625165 · 0.4 · 0.6.
        let jo = fixture.node("p000010")
        #expect(abs(unlimited.reliability(of: jo) - 0.625165 * 0.4 * 0.6) < tolerance)
        #expect(unlimited.hops[Int(jo)] == 3)
        #expect(!two.isReached(jo))
        #expect(abs(two.reliability(of: fixture.node("p000007")) - 0.071694) < tolerance)
        for v in 0..<Int32(fixture.ids.count) where unlimited.hops[Int(v)] >= 0 && unlimited.hops[Int(v)] <= 2 {
            #expect(two.distance[Int(v)] == unlimited.distance[Int(v)])
            #expect(two.path(to: v) == unlimited.path(to: v))
        }
    }

    @Test func adamicAdarOfGusMatchesTheFixtureReadme() throws {
        let fixture = try BenchFixture.tiny()
        let aa = try fixture.graph.weightedAdamicAdar(from: fixture.ego, strengths: fixture.strengths)
        #expect(abs(aa[Int(fixture.node("p000007"))] - 0.198312) < tolerance)
        // Bob is a direct tie, the ego itself and Jo (3 hops) score 0.
        #expect(aa[Int(fixture.node("p000002"))] == 0)
        #expect(aa[Int(fixture.ego)] == 0)
        #expect(aa[Int(fixture.node("p000010"))] == 0)
    }

    @Test func warmPathsToGusOfferBobThenAnn() throws {
        let fixture = try BenchFixture.tiny()
        let found = try WarmPaths.bestPathsByFirstHop(
            graph: fixture.graph, strengths: fixture.strengths, from: fixture.ego, to: fixture.node("p000007"),
            maxHops: 3, top: 3)
        #expect(
            found.map { $0.hops.map(\.node) } == [
                [fixture.node("p000002"), fixture.node("p000007")],
                [fixture.node("p000001"), fixture.node("p000007")],
            ])
        #expect(abs(found[0].reliability - 0.071694) < tolerance)
        #expect(abs(found[1].reliability - 0.625165 * 0.1) < tolerance)
        #expect(found[0].introducer?.node == fixture.node("p000002"))
    }
}
