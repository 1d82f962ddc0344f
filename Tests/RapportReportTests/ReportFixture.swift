import Foundation
import Rapport
import RapportGraphviz
import RapportReport

/// A small network whose people and organizations carry hostile names, scored and suggested.
enum ReportFixture {
    static let hostile = [
        "<script>alert(1)</script>",
        #"\"]; node [shape=box"#,
        "<img src=x onerror=alert(2)>",
        "&lt;b&gt;bold&lt;/b&gt;",
        "AT&T \"Legal\" <Dept>",
        "Zoë 👩🏽‍💻 李小龍",
    ]
    static let asOf = Day(iso: "2026-11-20")!

    /// The user; friends p0…p5 named after the hostile strings; each friend knows a target at an
    /// organization named after the next hostile string.
    static func network() throws -> NetworkData {
        var people = [Person(id: "me", firstName: "Ana", lastName: "User", organization: "Home Org")]
        var ties: [Tie] = []
        var interactions: [Interaction] = []
        for (i, name) in hostile.enumerated() {
            people.append(Person(id: "p\(i)", firstName: name, organization: "Org " + hostile[(i + 1) % hostile.count]))
            people.append(
                Person(id: "t\(i)", firstName: "Target", lastName: name, organization: "Firm " + name, title: "Partner")
            )
            ties.append(Tie("me", "p\(i)", kind: .friend, since: Day(iso: "2020-01-01")))
            ties.append(Tie("p\(i)", "t\(i)", kind: .colleague, since: Day(iso: "2021-01-01")))
            interactions.append(
                Interaction(
                    date: Day(iso: "2024-06-0\(i + 1)")!, personID: "p\(i)", kind: .coffee, minutes: 60, rapport: 5))
        }
        return NetworkData(people: people, ties: ties, interactions: interactions)
    }

    static func scored() throws -> (NetworkSnapshot, TieStrengths, [Suggestion], [KeepWarmSuggestion]) {
        let snapshot = try NetworkSnapshot(try network())
        let strengths = StrengthModel().strengths(in: snapshot, asOf: asOf)
        let engine = try SuggestionEngine(snapshot: snapshot, strengths: strengths.values, asOf: asOf)
        let me = try require(snapshot.selfIndex)
        let suggestions = try engine.suggest(for: me, top: 10)
        let fading = try engine.keepWarm(for: me, peakStrengths: strengths.values)
        return (snapshot, strengths, suggestions, fading)
    }
}

struct FixtureError: Error {}

/// `#require` outside a test: nil is a thrown error.
func require<T>(_ value: T?) throws -> T {
    guard let value else { throw FixtureError() }
    return value
}
