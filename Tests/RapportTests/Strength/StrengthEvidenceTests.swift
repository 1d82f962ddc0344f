import Foundation
import Testing

@testable import Rapport

/// Hand-computed cases for imported evidence (LinkedIn, calendar, mail). Each expected value is the
/// formula of Docs/Scoring.md written out with the case's numbers, not a second call of the model.
@Suite("Strength from imported evidence")
struct StrengthEvidenceTests {
    let today = Fixtures.today

    func row(
        _ kind: InteractionKind, _ daysAgo: Int, _ source: InteractionSource, by side: Initiator? = nil,
        minutes: Int? = nil, words: Int? = nil, oneOnOne: Bool = true
    ) -> Interaction {
        Interaction(
            date: today.adding(days: -daysAgo), personID: "p", kind: kind, isOneOnOne: oneOnOne, minutes: minutes,
            initiatedBy: side, source: source, words: words)
    }

    /// The user and a LinkedIn connection "p", with `rows` between them.
    func contact(_ rows: [Interaction], sinceDaysAgo: Int? = nil) throws -> TieStrengths {
        let data = NetworkData(
            people: [Person(id: "me"), Person(id: "p", firstName: "Zoë", lastName: "Lefèvre")],
            ties: [
                Tie("me", "p", kind: .acquaintance, since: sinceDaysAgo.map { today.adding(days: -$0) }, origin: .contact)
            ],
            interactions: rows)
        return StrengthModel().strengths(in: try NetworkSnapshot(data), asOf: today)
    }

    @Test func theWorkedExampleOfScoringMatchesTheFormulaWrittenOut() throws {
        // Docs/Scoring.md §1.7: connected 730 days ago; LinkedIn messages 20 days ago (60 words from
        // them, 40 from you) and 18 days ago (50 from them); a 45-minute one-on-one calendar meeting
        // 10 days ago; a recommendation they wrote 5 days ago.
        let rows = [
            row(.message, 20, .linkedin, by: .them, words: 60), row(.message, 20, .linkedin, by: .me, words: 40),
            row(.message, 18, .linkedin, by: .them, words: 50), row(.meeting, 10, .calendar, minutes: 45),
            row(.recommendation, 5, .linkedin, by: .them),
        ]
        let f = { (days: Double) in exp2(-days / 180) }
        let length = { (u: Double) in min(1.5, 0.25 + 0.75 * u.squareRoot()) }
        let dA = 0.6 * 1 * 0.6 * 0.9 * f(20), cA = dA * length(100.0 / 100)  // both wrote: 100 words
        let dB = 0.6 * 1 * 0.6 * 0.9 * f(18), cB = dB * length(50.0 / 100)  // only they wrote
        let dM = 1.0 * 1 * 0.6 * 0.9 * f(10), cM = dM * length(45.0 / 30)
        let dR = 0.6 * 1 * 0.6 * 0.9 * f(5), cR = dR
        let s = cA + cB, sMe = cA, sThem = cA + cB
        let written = 0.3 * s + 0.7 * min(s, 2 * min(sMe, sThem))
        let depth = max(dA, dB, dM, dR)
        let credit = max(cA * log(1 + 20.0 / 30), cB * log(1 + 18.0 / 30), cM * log(1 + 10.0 / 30), cR * log(1 + 5.0 / 30))
        let volume = cM + cR + written + 0.1 * credit + 0.25 * depth * log(1 + 730.0 / 365)
        let x = volume / depth
        let sInt = depth * (1 - exp(-x / 1.5) + 0.5 * x / (x + 20))
        let r = 0.5 * cR + 0.5 * min(sMe, sThem)
        let expected = 1 - 0.9 * (1 - sInt) * exp(-r)
        // By hand: D = 0.519601, Y = 1.621062, s_int = 0.489737, R = 0.308902, s = 0.662804.
        #expect(abs(expected - 0.662804) < 5e-7)

        let strengths = try contact(rows, sinceDaysAgo: 730)
        #expect(abs(strengths.values[0] - expected) < 1e-12)
        let explanation = strengths.explain(edge: 0)
        #expect(abs(explanation.evidence.depth - depth) < 1e-12)
        #expect(abs(explanation.evidence.volume - volume) < 1e-12)
        #expect(explanation.evidence.writtenExchangeCount == 2)
        #expect(explanation.evidence.isTwoWay)
        #expect(
            explanation.sentence
                == "3 LinkedIn messages (2 from them, one-on-one) and 1 one-on-one meeting from your calendar "
                + "(last 5 days ago), wrote you a recommendation, imported contact (counts as acquaintance)")
        let additive = explanation.factors.filter(\.isAdditive).map(\.contribution).reduce(0, +)
        #expect(abs(additive - explanation.strength) < 1e-12)
        for name in ["frequency", "since", "replies", "sources"] {
            #expect(explanation.factor(name) != nil, "factor \(name)")
        }
        #expect((explanation.factor("since")?.contribution ?? 0) > 0)
        #expect(explanation.factor("since")?.input == 730)
        #expect((explanation.factor("replies")?.contribution ?? 0) > 0)
        #expect((explanation.factor("frequency")?.contribution ?? 0) > 0)
        #expect((explanation.factor("sources")?.contribution ?? 0) < 0)
        #expect(explanation.factor("sources")?.input == 5)
        #expect(
            explanation.factor("sources")?.detail == "LinkedIn 4 (weight 0.90), your calendar 1 (weight 0.90)")
        #expect(explanation.factor("reciprocity")?.detail.hasSuffix("1 recommendation, replies 0.15") == true)
    }

    @Test func theExplanationNamesTheEvidenceBySourceInPlainWords() throws {
        // 14 LinkedIn messages, 6 from them; 3 one-on-one meetings from the calendar; 2 emails each
        // way; a recommendation they wrote.
        var rows: [Interaction] = []
        for k in 0..<14 { rows.append(row(.message, 40 - 2 * k, .linkedin, by: k < 6 ? .them : .me, words: 30)) }
        for k in 0..<3 { rows.append(row(.meeting, 30 - 7 * k, .calendar, minutes: 30)) }
        rows += [
            row(.email, 12, .mail, by: .them), row(.email, 11, .mail, by: .me), row(.email, 4, .mail, by: .them),
            row(.email, 3, .mail, by: .me), row(.recommendation, 60, .linkedin, by: .them),
        ]
        let explanation = try contact(rows).explain(edge: 0)
        #expect(
            explanation.sentence
                == "14 LinkedIn messages (6 from them, one-on-one), 3 one-on-one meetings from your calendar and "
                + "2 emails each way (last 3 days ago), wrote you a recommendation, imported contact (counts as acquaintance)"
        )
        #expect(explanation.strength >= 0.5)
    }

    @Test func servicesAndInvitationsAreNamed() throws {
        let rows = [
            row(.invitation, 400, .linkedin, by: .them, words: 35), row(.endorsement, 300, .linkedin, by: .them),
            row(.endorsement, 200, .linkedin, by: .them), row(.recommendation, 100, .linkedin, by: .me),
            row(.message, 50, .linkedin, by: .them, words: 20, oneOnOne: false),
        ]
        let explanation = try contact(rows).explain(edge: 0)
        #expect(
            explanation.sentence
                == "1 LinkedIn message (1 from them, in a group) (last 50 days ago), invited you to connect with a personal note, "
                + "you wrote them a recommendation, endorsed you 2 times, imported contact (counts as acquaintance)")
    }

    @Test func aDaysMessagesAreOneExchange() throws {
        // Ten messages from them on one day count as one exchange of 10 × 20 words; on ten days as ten.
        let oneDay = (0..<10).map { _ in row(.message, 5, .linkedin, by: .them, words: 20) }
        let tenDays = (0..<10).map { row(.message, 5 + $0, .linkedin, by: .them, words: 20) }
        let a = try contact(oneDay), b = try contact(tenDays)
        #expect(a.explain(edge: 0).evidence.writtenExchangeCount == 1)
        #expect(b.explain(edge: 0).evidence.writtenExchangeCount == 10)
        #expect(a.values[0] < b.values[0])
        // One exchange, one-way: p = 0.6 · 0.6 · 0.9 = 0.324, D = ω · p · 2^(−5/180) = 0.0946,
        // c = p · 2^(−5/180) · ℓ(200 words) = 0.315111 · (0.25 + 0.75 · √2) = 0.413040,
        // Y = ω · c + δ · ω · c · ln(1 + 5/30) = 0.125822.
        let p = 0.324 * exp2(-5.0 / 180), d = 0.3 * p, c = p * (0.25 + 0.75 * 2.0.squareRoot())
        let y = 0.3 * c + 0.1 * 0.3 * c * log(1 + 5.0 / 30)
        let x = y / d
        #expect(abs(a.values[0] - (1 - 0.9 * (1 - d * (1 - exp(-x / 1.5) + 0.5 * x / (x + 20))))) < 1e-12)
    }

    @Test func anAnsweredCorrespondenceCountsMoreThanTheSameMailsOneWay() throws {
        let oneWay = (0..<6).map { row(.email, 3 * $0, .mail, by: .them) }
        let answered = (0..<6).map { row(.email, 3 * $0, .mail, by: $0 % 2 == 0 ? .them : .me) }
        let a = try contact(oneWay), b = try contact(answered)
        #expect(b.values[0] > a.values[0] + 0.1)
        #expect(a.explain(edge: 0).factor("replies")?.detail == "only one side wrote")
        #expect(a.explain(edge: 0).factor("replies")?.contribution == 0)
        #expect(b.explain(edge: 0).factor("replies")?.detail == "both sides wrote")
        #expect(b.explain(edge: 0).sentence.hasPrefix("6 emails each way") == false)
        #expect(b.explain(edge: 0).sentence.hasPrefix("3 emails each way"))
    }

    @Test func aPersonalNoteMakesAnInvitationCountMore() throws {
        let bare = try contact([row(.invitation, 10, .linkedin, by: .them, words: 0)]).values[0]
        let note = try contact([row(.invitation, 10, .linkedin, by: .them, words: 40)]).values[0]
        let endorsement = try contact([row(.endorsement, 10, .linkedin, by: .them)]).values[0]
        #expect(note > bare && bare > endorsement && endorsement > 0.1)
    }

    @Test func aRecommendationIsAReciprocalServiceLikeAReferral() throws {
        // Same weight, source native: the same strength whichever way it went.
        let recommendation = try contact([row(.recommendation, 10, .native, by: .them)]).values[0]
        let given = try contact([row(.recommendation, 10, .native, by: .me)]).values[0]
        let referral = try contact([row(.referral, 10, .native, by: .them)]).values[0]
        #expect(abs(recommendation - referral) < 1e-12)
        #expect(abs(given - referral) < 1e-12)
        #expect(try contact([row(.recommendation, 10, .native, by: .them)]).explain(edge: 0).evidence.reciprocityEvidence > 0)
    }
}
