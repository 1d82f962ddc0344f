import Foundation

@testable import Rapport

/// A small hand-built network: people, ties with their strengths, interactions and introductions.
struct SuggestionTestNetwork {
    static let today = Day(year: 2026, month: 11, day: 1)!

    var people: [Person] = [Person(id: "me", firstName: "Me", schools: ["Georgetown Law"])]
    var ties: [(String, String, Double)] = []
    var interactions: [Interaction] = []
    var introductions: [Introduction] = []

    mutating func person(
        _ id: String, _ name: String, org: String? = nil, title: String? = nil, sectors: [String] = [],
        schools: [String] = []
    ) {
        let parts = name.split(separator: " ", maxSplits: 1).map(String.init)
        people.append(
            Person(
                id: id, firstName: parts.first ?? "", lastName: parts.count > 1 ? parts[1] : "", organization: org,
                title: title,
                sectors: sectors, schools: schools))
    }

    mutating func tie(_ a: String, _ b: String, _ strength: Double) { ties.append((a, b, strength)) }

    /// The snapshot and one strength per edge; edges made by interactions alone get 0.05.
    func build() throws -> (NetworkSnapshot, [Double]) {
        var builder = NetworkBuilder()
        for p in people { try builder.add(p) }
        for (a, b, _) in ties { try builder.add(Tie(a, b, kind: .acquaintance)) }
        for i in interactions { try builder.add(i) }
        for i in introductions { try builder.add(i) }
        let snapshot = try builder.freeze()
        var strengths = [Double](repeating: 0.05, count: snapshot.tieCount)
        for (a, b, s) in ties {
            guard let x = snapshot.index(ofID: a), let y = snapshot.index(ofID: b),
                let e = snapshot.tie(between: x, and: y)
            else {
                throw TestCSV.Failure.malformed("tie \(a)-\(b)")
            }
            strengths[Int(e)] = s
        }
        return (snapshot, strengths)
    }

    func engine(_ configuration: SuggestionConfiguration = .default) throws -> (SuggestionEngine, Int32) {
        let (snapshot, strengths) = try build()
        let engine = try SuggestionEngine(
            snapshot: snapshot, strengths: strengths, configuration: configuration, asOf: Self.today)
        guard let me = snapshot.index(ofID: "me") else { throw TestCSV.Failure.malformed("me") }
        return (engine, me)
    }
}
