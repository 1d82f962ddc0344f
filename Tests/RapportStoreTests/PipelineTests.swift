import Foundation
import GRDB
import Rapport
import Testing
@testable import RapportStore

@Suite struct PipelineTests {
    func workspace() throws -> Workspace {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let (store, _) = try Workspace.create(at: dir.appendingPathComponent("rapport.db").path)
        try store.apply(
            people: [Person(id: "me", firstName: "Alex"), Person(id: "p1", firstName: "Siobhán", lastName: "O'Neil")],
            ties: [], interactions: [], introductions: [])
        return store
    }

    let day = Day(ordinal: 20_759)  // 2026-11-02 (days since 1970-01-01)

    @Test func anImpliedMoveGoesForwardAndIsRecordedWithItsSource() throws {
        let store = try workspace()
        let first = try store.moveInPipeline(personID: "p1", to: .introRequested, on: day, source: .introduction)
        #expect(
            first
                == PipelineTransition(personID: "p1", from: nil, to: .introRequested, date: day, source: .introduction))
        try store.moveInPipeline(personID: "p1", to: .interviewed, on: day.adding(days: 10), source: .interaction)
        #expect(
            try store.pipelineEntry(personID: "p1")
                == PipelineEntry(personID: "p1", stage: .interviewed, since: day.adding(days: 10)))
        #expect(try store.pipelineHistory(personID: "p1").map(\.to) == [.introRequested, .interviewed])
        #expect(try store.pipelineHistory(personID: "p1").map(\.from) == [nil, .introRequested])
    }

    @Test func anImpliedMoveNeverGoesBackNorReopensAClosedTarget() throws {
        let store = try workspace()
        try store.moveInPipeline(personID: "p1", to: .thanked, on: day, source: .interaction)
        #expect(
            try store.moveInPipeline(personID: "p1", to: .introMade, on: day.adding(days: 1), source: .introduction)
                == nil)
        try store.moveInPipeline(personID: "p1", to: .closed, on: day.adding(days: 2), source: .explicit)
        #expect(
            try store.moveInPipeline(personID: "p1", to: .followingUp, on: day.adding(days: 3), source: .interaction)
                == nil)
        #expect(try store.pipelineEntry(personID: "p1")?.stage == .closed)
        #expect(try store.pipelineHistory(personID: "p1").count == 2)
    }

    @Test func anExplicitMoveMayGoBackwards() throws {
        let store = try workspace()
        try store.moveInPipeline(personID: "p1", to: .interviewed, on: day, source: .interaction)
        let back = try store.moveInPipeline(
            personID: "p1", to: .scheduled, on: day.adding(days: 1), note: "rescheduled", source: .explicit)
        #expect(back?.from == .interviewed)
        #expect(
            try store.loadPipeline() == [
                PipelineEntry(personID: "p1", stage: .scheduled, since: day.adding(days: 1), note: "rescheduled")
            ])
    }

    @Test func aNoteOnTheSameStageKeepsTheDayTheStageBegan() throws {
        let store = try workspace()
        try store.moveInPipeline(personID: "p1", to: .scheduled, on: day, source: .explicit)
        try store.moveInPipeline(
            personID: "p1", to: .scheduled, on: day.adding(days: 5), note: "Tue 3pm", source: .explicit)
        #expect(
            try store.pipelineEntry(personID: "p1")
                == PipelineEntry(personID: "p1", stage: .scheduled, since: day, note: "Tue 3pm"))
    }

    @Test func anUnknownPersonIsRefusedAndNothingIsWritten() throws {
        let store = try workspace()
        #expect(throws: StoreError.self) {
            try store.moveInPipeline(personID: "nobody", to: .identified, on: day, source: .explicit)
        }
        #expect(try store.loadPipeline().isEmpty)
    }

    @Test func theMigrationsAreAppendedInOrder() throws {
        #expect(
            Schema.migrator.migrations == ["v1-network", "v2-pipeline", "v3-evidence", "v4-search", "v5-search-merge"])
    }
}
