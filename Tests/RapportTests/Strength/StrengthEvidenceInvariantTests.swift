import PropertyBased
import Testing

@testable import Rapport

/// The invariants about evidence read from LinkedIn, calendars and mailboxes (issue 13 item 8,
/// issue 14 item 5), checked on random histories. A *strong tie* is one of at least 0.5: the level at
/// which `fadingTies` starts calling a tie strong, and above what an introduction alone gives (0.56).
@Suite("Strength invariants on imported evidence")
struct StrengthEvidenceInvariantTests {
    /// `days` days of a one-on-one written conversation, both sides writing `words` words each day,
    /// the newest `newest` days ago and one every `gap` days before.
    static func conversation(
        _ kind: InteractionKind, days: Int, words: Int?, newest: Int, gap: Int, source: InteractionSource,
        theyFirst: Bool = true
    ) -> [InteractionSpec] {
        (0..<days).flatMap { i in
            [theyFirst, !theyFirst].map { them in
                InteractionSpec.written(kind, from: them, daysAgo: newest + gap * i, source: source, words: words)
            }
        }
    }

    static let groupSpec = zip(
        Gen.int(in: 0...2).map { [InteractionKind.message, .email, .event][$0] }, Gen<InteractionSource>.case,
        Gen.int(in: 1...240).optional, Gen.int(in: 1...5).optional, Gen.bool, Gen.int(in: 0...60),
        Gen.int(in: 0...2000).optional
    ).map {
        InteractionSpec(
            kind: $0.0, isOneOnOne: false, minutes: $0.2, rapport: $0.3, theyInitiated: $0.4, daysAgo: $0.5,
            source: $0.1, words: $0.6)
    }

    @Test func noVolumeOfGroupMessagesOrEventsReachesAHandfulOfOneOnOneExchangesWithReplies() async {
        await propertyCheck(
            input: Gen.int(in: 3...5), Gen.int(in: 30...300), Gen.bool.map { $0 ? InteractionKind.message : .email },
            Gen<InteractionSource>.case, Gen.int(in: 0...1500), Self.groupSpec, Gen.int(in: 1...400)
        ) { exchanges, words, kind, source, newest, group, count in
            // The group rows come in any number, on the day of the newest exchange or up to 60 days before it.
            let oneOnOne = Self.conversation(kind, days: exchanges, words: words, newest: newest, gap: 1, source: source)
            var crowd: [InteractionSpec] = []
            for k in 0..<count {
                var row = group
                row.daysAgo = newest + (group.daysAgo + k) % 61
                crowd.append(row)
            }
            let few = try Fixtures.strength(oneOnOne)
            let many = try Fixtures.strength(crowd)
            #expect(few > many, "\(exchanges) exchanges \(few) vs \(count) × \(group) \(many)")
        }
    }

    @Test func aOneOnOneLinkedInConversationWithRepliesMakesAStrongTie() async {
        // At least three days on which both wrote at least 30 words, the newest within a month, the
        // days at most five apart, on a LinkedIn connection (an acquaintance, 0.1).
        await propertyCheck(
            input: Gen.int(in: 3...6), Gen.int(in: 30...300), Gen.int(in: 0...30), Gen.int(in: 1...5), Gen.bool
        ) { days, words, newest, gap, theyFirst in
            let messages = Self.conversation(
                .message, days: days, words: words, newest: newest, gap: gap, source: .linkedin, theyFirst: theyFirst)
            let s = try Fixtures.strength(messages, origin: .contact)
            #expect(s >= 0.5, "\(days) days of \(words) words, newest \(newest) days ago: \(s)")
        }
    }

    @Test func fiveOneOnOneCalendarMeetingsMakeAStrongTie() async {
        // Five meetings of at least half an hour with one other attendee, the newest within a month,
        // at most two weeks apart, unrated (a calendar has no rating).
        await propertyCheck(
            input: Gen.int(in: 30...120), Gen.int(in: 0...30), Gen.int(in: 1...14), Gen.bool.optional
        ) { minutes, newest, gap, theyOrganized in
            let meetings = (0..<5).map { i in
                InteractionSpec(
                    kind: .meeting, isOneOnOne: true, minutes: minutes, rapport: nil, theyInitiated: theyOrganized ?? false,
                    daysAgo: newest + gap * i, source: .calendar)
            }
            let s = try Fixtures.strength(meetings, origin: .contact)
            #expect(s >= 0.5, "5 meetings of \(minutes) min every \(gap) days, newest \(newest) days ago: \(s)")
        }
    }

    @Test func aOneWayMailStreamNeverExceedsAShortRealExchange() async {
        // Any number of mails from them, from the day of the exchange to 90 days before it, against one
        // mail from them answered by one from you the next day.
        await propertyCheck(
            input: Gen.int(in: 1...300), Gen.int(in: 0...1500), Gen.int(in: 0...2000).optional, Gen.bool
        ) { count, newest, words, oneOnOne in
            let stream = (0..<count).map { k in
                InteractionSpec.written(
                    .email, from: true, daysAgo: newest + k % 91, source: .mail, words: words, isOneOnOne: oneOnOne)
            }
            let exchange = [
                InteractionSpec.written(.email, from: true, daysAgo: newest + 1, source: .mail),
                InteractionSpec.written(.email, from: false, daysAgo: newest, source: .mail),
            ]
            let oneWay = try Fixtures.strength(stream)
            let real = try Fixtures.strength(exchange)
            #expect(oneWay < real, "\(count) mails from them \(oneWay) vs an exchange \(real)")
        }
    }

    @Test func aRelationshipsAgeNeverTurnsABareContactIntoMoreThanAnAcquaintance() async {
        await propertyCheck(input: Gen.int(in: 0...20_000), Gen.bool.map { $0 ? TieOrigin.contact : .declared }) {
            since, origin in
            let s = try Fixtures.strength([], origin: origin, sinceDaysAgo: since)
            #expect(s == StrengthConfiguration.default.base(of: .acquaintance))
        }
    }

    @Test func aLongerRelationshipLiftsATieWithRealInteractionsAndNeverLowersOne() async {
        await propertyCheck(
            input: Fixtures.interactionSpecs, Gen.int(in: 0...10_000), Gen.int(in: 1...10_000)
        ) { history, since, older in
            let none = try Fixtures.strength(history, origin: .contact)
            let young = try Fixtures.strength(history, origin: .contact, sinceDaysAgo: since)
            let old = try Fixtures.strength(history, origin: .contact, sinceDaysAgo: since + older)
            #expect(young >= none)
            #expect(old >= young)
            let snapshot = try Fixtures.pair(history, origin: .contact)
            let depth = StrengthModel().strengths(in: snapshot, asOf: Fixtures.today).evidence(edge: 0).depth
            if depth > 1e-9, young < 1 { #expect(old > young, "depth \(depth): \(young) → \(old)") }
        }
    }

    @Test func evidenceDatedAfterTheTieBeganIsTheOnlyAgeThatCounts() throws {
        // A since in the future (a data error) is ignored, like interactions after the day.
        let meeting = InteractionSpec(
            kind: .meeting, isOneOnOne: true, minutes: 30, rapport: nil, theyInitiated: false, daysAgo: 3)
        #expect(
            try Fixtures.strength([meeting], origin: .contact, sinceDaysAgo: -100)
                == Fixtures.strength([meeting], origin: .contact))
    }
}
