import PropertyBased
import Testing

@testable import Rapport

/// The invariants of DESIGN §5 and issue 3, checked on random interaction histories of every kind
/// and source (see `StrengthEvidenceInvariantTests` for the ones about imported evidence).
@Suite("Strength invariants")
struct StrengthInvariantTests {
    @Test func oneRapportFiveInterviewBeatsAnyNumberOfUnratedGroupEventsOnTheSameDay() async {
        await propertyCheck(
            input: Gen.int(in: 1...50), Gen.int(in: 0...3000), Gen.int(in: 1...240).optional, Gen<TieKind>.case
        ) { count, daysAgo, eventMinutes, kind in
            let interview = InteractionSpec(
                kind: .informationalInterview, isOneOnOne: true, minutes: 30, rapport: 5, theyInitiated: false,
                daysAgo: daysAgo)
            let event = InteractionSpec(
                kind: .event, isOneOnOne: false, minutes: eventMinutes, rapport: nil, theyInitiated: false,
                daysAgo: daysAgo)
            let one = try Fixtures.strength([interview], kind: kind)
            let many = try Fixtures.strength(Array(repeating: event, count: count), kind: kind)
            #expect(one > many, "interview \(one) vs \(count) events \(many)")
        }
    }

    @Test func addingAnInteractionNeverLowersStrength() async {
        await propertyCheck(input: Fixtures.interactionSpecs, Fixtures.interactionSpec) { history, extra in
            let before = try Fixtures.strength(history)
            let after = try Fixtures.strength(history + [extra])
            #expect(after >= before)
        }
    }

    @Test func eachRepeatOfAnInteractionAddsNoMoreThanTheOneBefore() async {
        await propertyCheck(input: Fixtures.interactionSpec, Gen.int(in: 2...30)) { spec, count in
            var previous = try Fixtures.strength([])
            var previousGain = Double.infinity
            for n in 1...count {
                let s = try Fixtures.strength(Array(repeating: spec, count: n))
                let gain = s - previous
                #expect(gain >= 0)
                #expect(gain <= previousGain + 1e-12, "gain \(gain) after \(n) exceeds \(previousGain)")
                previous = s
                previousGain = gain
            }
        }
    }

    @Test func movingAnInteractionFurtherIntoThePastNeverRaisesStrength() async {
        await propertyCheck(
            input: Fixtures.interactionSpecs.filter { !$0.isEmpty }, Gen.int(in: 0...11), Gen.int(in: 1...1500)
        ) { history, pick, delta in
            let index = pick % history.count
            var moved = history
            moved[index].daysAgo += delta
            // A message moved onto a day that already holds one joins that day's exchange: that is a
            // different history (one longer exchange), not an older one. Move it one day further.
            while moved.indices.contains(where: { $0 != index && moved[$0].sharesAnExchange(with: moved[index]) }) {
                moved[index].daysAgo += 1
            }
            let before = try Fixtures.strength(history)
            let after = try Fixtures.strength(moved)
            #expect(after <= before + 1e-12)
        }
    }

    @Test func anIntroductionTheyMadeRaisesStrength() async {
        await propertyCheck(input: Fixtures.interactionSpecs, Gen.int(in: 1...3)) { history, introductions in
            let without = try Fixtures.strength(history)
            let with = try Fixtures.strength(history, introductions: introductions)
            #expect(with > without || without == 1)
        }
    }

    @Test func aReferralTheyMadeRaisesStrength() async {
        await propertyCheck(input: Fixtures.interactionSpecs, Gen.int(in: 0...700)) { history, daysAgo in
            let referral = InteractionSpec(
                kind: .referral, isOneOnOne: true, minutes: nil, rapport: nil, theyInitiated: true, daysAgo: daysAgo)
            let without = try Fixtures.strength(history)
            let with = try Fixtures.strength(history + [referral])
            #expect(with > without || without == 1)
        }
    }

    @Test func strengthIsAlwaysInZeroOneAndNeverNaN() async {
        await propertyCheck(
            input: Fixtures.interactionSpecs, Gen<TieKind>.case, Gen<TieOrigin>.case, Gen.int(in: 0...4)
        ) { history, kind, origin, introductions in
            let snapshot = try Fixtures.pair(history, kind: kind, origin: origin, introductions: introductions)
            let strengths = StrengthModel().strengths(in: snapshot, asOf: Fixtures.today)
            for s in strengths.values {
                #expect(!s.isNaN)
                #expect(s > 0 && s <= 1)
            }
            for e in 0..<Int32(strengths.count) {
                let peak = strengths.peak(edge: e)
                #expect(peak.strength >= strengths.values[Int(e)])
                #expect(peak.strength <= 1)
            }
        }
    }

    @Test func strengthStaysInRangeUnderExtremeConfigurations() async {
        await propertyCheck(
            input: Fixtures.interactionSpecs, Gen.double(in: 0.5...36_500), Gen.double(in: 0.001...1000),
            Gen.double(in: 0.0001...0.5), Gen.double(in: 0...10), Gen.double(in: 0...1)
        ) { history, halfLife, saturation, floor, lift, share in
            var configuration = StrengthConfiguration.default
            configuration.halfLifeDays = halfLife
            configuration.saturation = saturation
            configuration.reciprocitySaturation = saturation
            configuration.floor = floor
            configuration.volumeLift = lift
            configuration.volumeLiftScale = saturation
            configuration.oneWayFactor = share
            configuration.replyWeight = lift
            configuration.noteFactor = 1 + lift
            let s = try Fixtures.strength(history, introductions: 2, configuration: configuration)
            #expect(!s.isNaN)
            #expect(s >= floor && s <= 1)
        }
    }
}
