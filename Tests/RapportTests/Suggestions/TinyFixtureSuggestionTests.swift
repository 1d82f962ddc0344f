import Foundation
import Testing

@testable import Rapport

/// The bench tiny fixture (Tests/RapportTests/Paths/Fixtures/tiny) loaded through `NetworkBuilder`, with
/// the WORKLOAD.md step (b) strengths on every tie, as a realistic end-to-end check of the engine.
/// Expected values come from the fixture README and hand computation.
@Suite("Suggestions on the bench tiny fixture")
struct TinyFixtureSuggestionTests {
    static let directory = BenchFixture.tinyDirectory

    /// The engine and the ego.
    ///
    /// - Throws: when a fixture file is missing or malformed, or the ego is not in it.
    static func engine() throws -> (SuggestionEngine, Int32) {
        let egoID = "p000000"
        var builder = NetworkBuilder()
        for row in try TestCSV.records(atPath: directory + "/people.csv").dropFirst() {
            try builder.add(
                Person(
                    id: row[0], firstName: row[1], lastName: row[2], emails: [row[3]], organization: row[4],
                    title: row[5],
                    sectors: row[6].split(separator: ";").map(String.init), schools: [row[7]], location: row[8]))
        }
        var kinds: [TiePair: String] = [:]
        for row in try TestCSV.records(atPath: directory + "/ties.csv").dropFirst() {
            guard let kind = TieKind(text: row[2]) else { throw TestCSV.Failure.malformed(row[2]) }
            try builder.add(Tie(row[0], row[1], kind: kind))
            kinds[TiePair(row[0], row[1])] = row[2]
        }
        var x: [String: Double] = [:]
        for row in try TestCSV.records(atPath: directory + "/interactions.csv").dropFirst() {
            guard let day = Day(iso: row[0]), let kind = InteractionKind(text: row[2]),
                let w = BenchFixture.interactionWeight[row[2]]
            else { throw TestCSV.Failure.malformed(row[0]) }
            try builder.add(
                Interaction(
                    date: day, personID: row[1], withID: egoID, kind: kind, rapport: Int(row[5]),
                    initiatedBy: Initiator(rawValue: row[6])))
            let q = row[5].isEmpty ? 0.6 : (Double(row[5]) ?? 0) / 5
            x[row[1], default: 0] += w * q * pow(2, -Double(day.days(until: BenchFixture.referenceDate)) / 180)
        }
        for row in try TestCSV.records(atPath: directory + "/introductions.csv").dropFirst() {
            try builder.add(
                Introduction(
                    date: Day(iso: row[0]), introducerID: row[1], personID: row[2], toID: egoID, status: .requested))
        }
        let snapshot = try builder.freeze()
        let strengths = snapshot.ties.map { tie -> Double in
            if tie.personA == egoID || tie.personB == egoID {
                let other = tie.personA == egoID ? tie.personB : tie.personA
                return max(0.05, 1 - exp(-(x[other] ?? 0) / 3))
            }
            return BenchFixture.baseStrength[kinds[tie.pair] ?? ""] ?? 0.05
        }
        let engine = try SuggestionEngine(snapshot: snapshot, strengths: strengths, asOf: BenchFixture.referenceDate)
        guard let ego = snapshot.index(ofID: egoID) else { throw TestCSV.Failure.malformed(egoID) }
        return (engine, ego)
    }

    @Test func pendingIntroductionAndStrongTieExcludeAndUnansweredEmailHalvesKim() throws {
        let (engine, ego) = try Self.engine()
        let all = try engine.suggest(for: ego, goal: Goal(sectors: ["IP"]), top: 0, maxHops: 3, perOrganization: 2)
        #expect(!all.contains { $0.id == "p000008" })
        // Kim: an email from the user 11 days ago with no answer; the interaction made a weak tie.
        let kim = try #require(all.first { $0.id == "p000011" })
        #expect(kim.components.freshness == 0.5)
        #expect(kim.kind == .direct)
        // With the goal, only people of relevance > 0: the nine who list intellectual property
        // (Ann, Bob, Hal, Fay, Ivy, Jo, Kim, Lee, Zoë in people.csv), less Hal (pending) and Ann
        // (strong direct tie, 0.63).
        #expect(all.count == 7)
        #expect(Set(all.map(\.id)) == ["p000002", "p000006", "p000009", "p000010", "p000011", "p000012", "p000013"])
        #expect(!all.contains { $0.id == "p000001" })
    }

    @Test func gusIsReachedThroughBobWithAnnAsTheAlternative() throws {
        let (engine, ego) = try Self.engine()
        let all = try engine.suggest(for: ego, goal: Goal(), top: 0, maxHops: 3, perOrganization: 0)
        let gus = try #require(all.first { $0.id == "p000007" })
        #expect(abs(gus.components.reliability - 0.071694) < 5e-7)
        #expect(gus.path.map(\.id) == ["p000002", "p000007"])
        #expect(
            gus.action
                == "Ask Bob Stone (0.18) to introduce you to Gus Lowe, Jr., Partner at Baker, Lowe & Finch LLP (litigation)"
        )
        #expect(gus.alternatives.map(\.id) == ["p000001"])
        #expect(abs((gus.alternatives.first?.reliability ?? 0) - 0.625165 * 0.1) < 5e-7)
        let ivy = try #require(all.first { $0.id == "p000009" })
        #expect(
            ivy.action
                == "Ask Ann Lee (0.63) to introduce you to Ivy Park, Director at Summit Labs Inc. (intellectual property, software)"
        )
        // Lee is two hops from Kim, whom the user only emailed: 0.0559 · 0.4 < the 0.05 threshold
        // for redundancy, but still a warm path.
        let lee = try #require(all.first { $0.id == "p000012" })
        #expect(lee.kind == .introduction)
        #expect(lee.components.introducerCount == 0)
    }
}
