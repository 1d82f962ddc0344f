import Testing
@testable import Rapport

/// Expected dates are counted by hand on a calendar (2028 is a leap year, 2027 is not).
@Suite struct DueCalculatorTests {
    let d = FollowThroughFixture.day

    /// The fixture with `interactions` between me and Maria (p1), all ties at `strength`.
    func items(
        _ interactions: [Interaction], introductions: [Introduction] = [], pipeline: [PipelineEntry] = [],
        strength: Double = 0.7,
        asOf: String, horizon: Int = 14
    ) throws -> [DueItem] {
        let snapshot = try FollowThroughFixture.snapshot(interactions: interactions, introductions: introductions)
        let calculator = try DueCalculator(
            snapshot: snapshot, strengths: Array(repeating: strength, count: snapshot.tieCount))
        return calculator.items(
            for: try #require(snapshot.selfIndex), pipeline: pipeline, asOf: d(asOf), horizonDays: horizon)
    }

    func interview(_ date: String) -> Interaction {
        Interaction(date: d(date), personID: "p1", kind: .informationalInterview, minutes: 30, rapport: 5)
    }

    @Test func anInterviewOnTheLastDayOfJanuaryOpensTheFollowUpWindowOnFebruary28() throws {
        let due = try items([interview("2028-01-31")], asOf: "2028-02-27", horizon: 60)
        #expect(due.map(\.reason) == [.thankYou, .followUp])
        #expect(due[0].due == d("2028-02-01"))
        #expect(due[1].due == d("2028-02-28"))
        #expect(due[1].windowEnd == d("2028-03-13"))
    }

    @Test func inAnOrdinaryYearTheSameInterviewClosesItsWindowOnMarch14() throws {
        let due = try items([interview("2027-01-31")], asOf: "2027-02-27", horizon: 60)
        #expect(due.map(\.due) == [d("2027-02-01"), d("2027-02-28")])
        #expect(due.last?.windowEnd == d("2027-03-14"))
    }

    @Test func anInterviewOnDecember31IsThankedOnNewYearsDay() throws {
        #expect(try items([interview("2027-12-31")], asOf: "2027-12-31").first?.due == d("2028-01-01"))
    }

    @Test func aThankYouAfterAnInterviewOnFebruary28OfALeapYearIsDueOnFebruary29() throws {
        let due = try items([interview("2028-02-28")], asOf: "2028-02-28")
        #expect(
            due.first
                == DueItem(
                    reason: .thankYou, node: 1, personID: "p1", due: d("2028-02-29"), windowEnd: d("2028-02-29"),
                    since: d("2028-02-28"),
                    detail: "thank-you note after your informational interview on 2028-02-28",
                    action: "send Maria Chen a short thank-you note naming advice you will act on"))
    }

    @Test func anInterviewOnALeapDayIsThankedOnMarch1AndFollowedUpFromMarch28ToApril11() throws {
        let due = try items([interview("2028-02-29")], asOf: "2028-03-01", horizon: 40)
        #expect(due.map(\.due) == [d("2028-03-01"), d("2028-03-28")])
        #expect(due[1].windowEnd == d("2028-04-11"))
        #expect(due[0].daysUntilDue(from: d("2028-03-01")) == 0)
    }

    @Test func inAnOrdinaryYearFebruary28IsFollowedByMarch1() throws {
        let due = try items([interview("2027-02-28")], asOf: "2027-02-28")
        #expect(due.first?.due == d("2027-03-01"))
    }

    @Test func aLoggedThankYouClearsTheThankYouButNotTheFollowUp() throws {
        let thanks = Interaction(date: d("2028-02-01"), personID: "p1", kind: .thankYou)
        let due = try items([interview("2028-01-31"), thanks], asOf: "2028-02-20", horizon: 14)
        #expect(due.map(\.reason) == [.followUp])
    }

    @Test func laterContactCountsAsTheFollowUpAndTheCheckInCadenceTakesOver() throws {
        let thanks = Interaction(date: d("2028-02-01"), personID: "p1", kind: .thankYou)
        let coffee = Interaction(date: d("2028-03-05"), personID: "p1", kind: .coffee)
        let due = try items([interview("2028-01-31"), thanks, coffee], asOf: "2028-03-20", horizon: 30)
        // Strong tie (0.7): every 30 days after 5 March 2028 → 4 April 2028.
        #expect(due.map(\.reason) == [.keepWarm])
        #expect(due.first?.due == d("2028-04-04"))
    }

    @Test func checkInCadenceFollowsTheStrengthTier() throws {
        let coffee = Interaction(date: d("2026-12-31"), personID: "p1", kind: .coffee)
        // Strong: 30 days → 30 January 2027; medium: 90 days → 31 March 2027; weak: none.
        #expect(try items([coffee], strength: 0.7, asOf: "2027-01-30").first?.due == d("2027-01-30"))
        #expect(try items([coffee], strength: 0.4, asOf: "2027-03-31").first?.due == d("2027-03-31"))
        #expect(try items([coffee], strength: 0.1, asOf: "2028-01-01").isEmpty)
    }

    @Test func aRequestedIntroductionWithoutAnswerIsNudgedAfterSevenDaysAcrossTheLeapDay() throws {
        let intro = Introduction(date: d("2028-02-25"), introducerID: "p1", personID: "p2", status: .requested)
        let due = try items([], introductions: [intro], asOf: "2028-03-01", horizon: 7)
        #expect(due.count == 1)
        #expect(due.first?.reason == .introNudge)
        #expect(due.first?.due == d("2028-03-03"))
        #expect(due.first?.node == 1)
        #expect(due.first?.aboutNode == 2)
        #expect(due.first?.action == "nudge Maria Chen about the introduction to Siobhán O'Neil")
    }

    @Test func anIntroductionThatMovedOnInThePipelineIsNotNudged() throws {
        let intro = Introduction(date: d("2028-02-25"), introducerID: "p1", personID: "p2", status: .requested)
        let made = PipelineEntry(personID: "p2", stage: .introMade, since: d("2028-02-27"))
        #expect(try items([], introductions: [intro], pipeline: [made], asOf: "2028-03-05").isEmpty)
        let made2 = Introduction(date: d("2028-02-25"), introducerID: "p1", personID: "p2", status: .made)
        #expect(try items([], introductions: [made2], asOf: "2028-03-05").isEmpty)
    }

    @Test func aClosedTargetGetsNoReminders() throws {
        let closed = PipelineEntry(personID: "p1", stage: .closed, since: d("2028-02-01"))
        #expect(try items([interview("2028-01-31")], pipeline: [closed], asOf: "2028-02-27", horizon: 60).isEmpty)
    }

    @Test func thePipelineAtThankedOrFollowingUpCountsAsDone() throws {
        let thanked = PipelineEntry(personID: "p1", stage: .thanked, since: d("2028-02-01"))
        #expect(
            try items([interview("2028-01-31")], pipeline: [thanked], asOf: "2028-02-27", horizon: 60).map(\.reason)
                == [.followUp])
        let following = PipelineEntry(personID: "p1", stage: .followingUp, since: d("2028-03-01"))
        #expect(
            try items([interview("2028-01-31")], pipeline: [following], asOf: "2028-03-02", horizon: 60).map(\.reason)
                == [.keepWarm])
    }

    @Test func remindersMoreThanNinetyDaysOverdueGiveWayToTheCheckIn() throws {
        // Interview 1 January 2027: thank-you due 2 January, follow-up window closes 12 February.
        // On 1 December 2027 both are stale; the strong tie's check-in (31 January 2027) is due.
        let due = try items([interview("2027-01-01")], asOf: "2027-12-01")
        #expect(due.map(\.reason) == [.keepWarm])
        #expect(due.first?.due == d("2027-01-31"))
    }

    @Test func itemsBeyondTheHorizonAreLeftOutAndTheRestAreSortedByDate() throws {
        let intro = Introduction(date: d("2028-01-20"), introducerID: "p1", personID: "p2", status: .requested)
        let due = try items([interview("2028-01-31")], introductions: [intro], asOf: "2028-02-01", horizon: 5)
        #expect(due.map(\.due) == [d("2028-01-27"), d("2028-02-01")])
        #expect(due.map(\.reason) == [.introNudge, .thankYou])
    }

    @Test func inconsistentRulesAreRejected() throws {
        var rules = DueRules()
        rules.followUpEndDays = 10
        let snapshot = try FollowThroughFixture.snapshot()
        #expect(throws: FollowThroughError.self) { try DueCalculator(snapshot: snapshot, strengths: [], rules: rules) }
    }
}
