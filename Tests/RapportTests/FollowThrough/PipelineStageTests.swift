import Testing
@testable import Rapport

@Suite struct PipelineStageTests {
    let day = FollowThroughFixture.day("2026-11-02")

    @Test func stagesRunInTheOrderOfTheIssue() {
        #expect(
            PipelineStage.allCases.map(\.rawValue) == [
                "identified", "intro_requested", "intro_made", "scheduled", "interviewed", "thanked", "following_up",
                "closed",
            ])
        #expect(PipelineStage.allCases.map(\.rank) == Array(0...7))
    }

    @Test func stageNamesParseWithSpacesHyphensAndCase() {
        #expect(PipelineStage(text: "Intro Requested") == .introRequested)
        #expect(PipelineStage(text: "following-up") == .followingUp)
        #expect(PipelineStage(text: "met") == nil)
    }

    @Test func anUnknownStageErrorListsEveryStage() {
        #expect(
            FollowThroughError.unknownStage("met").description
                == "unknown stage 'met'; use one of: identified, intro_requested, intro_made, scheduled, interviewed, thanked, following_up, closed"
        )
    }

    @Test func logAndIntroImplyTheStagesOfTheIssue() {
        #expect(PipelineStage.implied(by: InteractionKind.informationalInterview) == .interviewed)
        #expect(PipelineStage.implied(by: InteractionKind.thankYou) == .thanked)
        #expect(PipelineStage.implied(by: InteractionKind.coffee) == nil)
        #expect(PipelineStage.implied(by: IntroductionStatus.requested) == .introRequested)
        #expect(PipelineStage.implied(by: IntroductionStatus.made) == .introMade)
        #expect(PipelineStage.implied(by: IntroductionStatus.declined) == nil)
    }

    @Test func impliedMovesOnlyGoForward() {
        let thanked = PipelineEntry(personID: "p2", stage: .thanked, since: day)
        #expect(
            Pipeline.transition(from: thanked, personID: "p2", to: .interviewed, on: day, source: .interaction) == nil)
        #expect(
            Pipeline.transition(from: thanked, personID: "p2", to: .introMade, on: day, source: .introduction) == nil)
        #expect(
            Pipeline.transition(from: thanked, personID: "p2", to: .followingUp, on: day, source: .interaction)?.from
                == .thanked)
        #expect(
            Pipeline.transition(from: nil, personID: "p2", to: .interviewed, on: day, source: .interaction)?.to
                == .interviewed)
    }

    @Test func impliedMovesNeverReopenAClosedTarget() {
        let closed = PipelineEntry(personID: "p2", stage: .closed, since: day)
        for stage in PipelineStage.allCases {
            #expect(Pipeline.transition(from: closed, personID: "p2", to: stage, on: day, source: .interaction) == nil)
        }
    }

    @Test func explicitMovesGoAnywhereIncludingBackwardsAndOutOfClosed() {
        let closed = PipelineEntry(personID: "p2", stage: .closed, since: day)
        #expect(
            Pipeline.transition(from: closed, personID: "p2", to: .identified, on: day, source: .explicit)?.to
                == .identified)
        let thanked = PipelineEntry(personID: "p2", stage: .thanked, since: day)
        #expect(
            Pipeline.transition(from: thanked, personID: "p2", to: .scheduled, on: day, source: .explicit)?.from
                == .thanked)
    }

    @Test func sameStageIsNoChangeUnlessAnExplicitMoveBringsANewNote() {
        let entry = PipelineEntry(personID: "p2", stage: .scheduled, since: day, note: "Tue")
        #expect(Pipeline.transition(from: entry, personID: "p2", to: .scheduled, on: day, source: .explicit) == nil)
        #expect(
            Pipeline.transition(from: entry, personID: "p2", to: .scheduled, on: day, note: "Tue", source: .explicit)
                == nil)
        let renoted = Pipeline.transition(
            from: entry, personID: "p2", to: .scheduled, on: day.adding(days: 3), note: "Wed", source: .explicit)
        #expect(renoted != nil)
        if let renoted {
            #expect(
                Pipeline.entry(after: renoted, replacing: entry)
                    == PipelineEntry(personID: "p2", stage: .scheduled, since: day, note: "Wed"))
        }
    }

    @Test func daysInStageCountWholeDaysAcrossALeapDay() {
        let entry = PipelineEntry(personID: "p2", stage: .introRequested, since: FollowThroughFixture.day("2028-02-27"))
        // 27 → 28 → 29 → 1 March: three days.
        #expect(entry.daysInStage(asOf: FollowThroughFixture.day("2028-03-01")) == 3)
        #expect(entry.daysInStage(asOf: FollowThroughFixture.day("2028-02-01")) == 0)
    }

    @Test func theBoardGroupsByStageInOrderLongestWaitingFirst() {
        let entries = [
            PipelineEntry(personID: "b", stage: .scheduled, since: day),
            PipelineEntry(personID: "a", stage: .introRequested, since: day),
            PipelineEntry(personID: "c", stage: .scheduled, since: day.adding(days: -4)),
        ]
        let board = Pipeline.board(entries)
        #expect(board.map(\.stage) == [.introRequested, .scheduled])
        #expect(board.last?.entries.map(\.personID) == ["c", "b"])
    }
}
