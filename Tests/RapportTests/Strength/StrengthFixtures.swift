import PropertyBased
import Testing

@testable import Rapport

/// A compact description of one interaction between the user and one contact.
struct InteractionSpec: Sendable, CustomStringConvertible {
    var kind: InteractionKind
    var isOneOnOne: Bool
    var minutes: Int?
    var rapport: Int?
    var theyInitiated: Bool
    var daysAgo: Int
    var source: InteractionSource = .native
    var words: Int? = nil

    var description: String {
        "\(kind.rawValue) \(isOneOnOne ? "1:1" : "group") \(minutes.map(String.init) ?? "-")min "
            + "rapport \(rapport.map(String.init) ?? "-") \(theyInitiated ? "them" : "me") \(daysAgo)d "
            + "\(source.rawValue) \(words.map(String.init) ?? "-")w"
    }

    func interaction(with person: String, asOf day: Day) -> Interaction {
        Interaction(
            date: day.adding(days: -daysAgo), personID: person, kind: kind, isOneOnOne: isOneOnOne, minutes: minutes,
            rapport: rapport, initiatedBy: theyInitiated ? .them : .me, source: source, words: words)
    }

    /// Whether this and `other` fall into one written exchange (same day, kind, format and source).
    func sharesAnExchange(with other: InteractionSpec) -> Bool {
        StrengthModel.isWritten(kind) && kind == other.kind && isOneOnOne == other.isOneOnOne
            && source == other.source && daysAgo == other.daysAgo
    }
}

enum Fixtures {
    static let today = Day(iso: "2026-11-01")!

    /// Any interaction of any kind from any source, with or without minutes, rating and words.
    static let interactionSpec = zip(
        Gen<InteractionKind>.case, Gen.bool, Gen.int(in: 1...240).optional, Gen.int(in: 1...5).optional, Gen.bool,
        Gen.int(in: 0...2000), Gen<InteractionSource>.case, Gen.int(in: 0...400).optional
    ).map {
        InteractionSpec(
            kind: $0.0, isOneOnOne: $0.1, minutes: $0.2, rapport: $0.3, theyInitiated: $0.4, daysAgo: $0.5,
            source: $0.6, words: $0.7)
    }

    static let interactionSpecs = interactionSpec.array(of: 0...12)

    /// The user and one contact "p" (declared `kind` tie), with `specs` between them and
    /// `introductions` that p made for the user (status made, dated `introductionDaysAgo`).
    static func pair(
        _ specs: [InteractionSpec], kind: TieKind = .acquaintance, origin: TieOrigin = .declared,
        introductions: Int = 0, introductionDaysAgo: Int = 30, sinceDaysAgo: Int? = nil
    ) throws -> NetworkSnapshot {
        var data = NetworkData(
            people: [Person(id: "me", firstName: "Ada", lastName: "Lovelace")]
                + [Person(id: "p", firstName: "Maria", lastName: "Chen", organization: "Fenwick & West LLP")]
                + (0..<introductions).map { Person(id: "x\($0)", firstName: "Intro", lastName: "\($0)") },
            ties: [Tie("me", "p", kind: kind, since: sinceDaysAgo.map { today.adding(days: -$0) }, origin: origin)])
        data.interactions = specs.map { $0.interaction(with: "p", asOf: today) }
        for i in 0..<introductions {
            data.introductions.append(
                Introduction(
                    date: today.adding(days: -introductionDaysAgo), introducerID: "p", personID: "x\(i)", status: .made)
            )
        }
        return try NetworkSnapshot(data)
    }

    /// The strength of the user's tie to "p".
    static func strength(
        _ specs: [InteractionSpec], kind: TieKind = .acquaintance, origin: TieOrigin = .declared, introductions: Int = 0,
        sinceDaysAgo: Int? = nil, configuration: StrengthConfiguration = .default
    ) throws -> Double {
        let snapshot = try pair(
            specs, kind: kind, origin: origin, introductions: introductions, sinceDaysAgo: sinceDaysAgo)
        let strengths = StrengthModel(configuration: configuration).strengths(in: snapshot, asOf: today)
        let me = try #require(snapshot.index(ofID: "me"))
        let p = try #require(snapshot.index(ofID: "p"))
        return try #require(strengths.strength(between: me, and: p))
    }
}

extension InteractionSpec {
    /// A one-on-one written message (kind `.message` or `.email`) from one side.
    static func written(
        _ kind: InteractionKind, from them: Bool, daysAgo: Int, source: InteractionSource, words: Int? = nil,
        isOneOnOne: Bool = true
    ) -> InteractionSpec {
        InteractionSpec(
            kind: kind, isOneOnOne: isOneOnOne, minutes: nil, rapport: nil, theyInitiated: them, daysAgo: daysAgo,
            source: source, words: words)
    }
}
