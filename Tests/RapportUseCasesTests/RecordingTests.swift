import Foundation
import Rapport
import RapportStore
import RapportUseCases
import Testing

/// The writes made by hand, in-process: what they store and what they report.
@Suite struct RecordingTests {
    static func smallWorkspace() throws -> Folder {
        let folder = try Folder()
        _ = try Recording.initWorkspace(folder.location, me: "Ada Lovelace")
        let people = try folder.write("people.csv", """
            id,first_name,last_name,email,organization,title,sectors,school,location
            p1,Maria,Chen,maria@wilson.example,Wilson & Okafor LLP,Partner,intellectual property,,
            p2,Dana,Lee,dana@wilson.example,Wilson & Okafor LLP,Associate,intellectual property,,
            """)
        let ties = try folder.write("ties.csv", "person_a,person_b,kind,since\nme,p1,acquaintance,\np1,p2,colleague,\n")
        _ = try Importing.run(Importing.Request(files: [people, ties]), in: folder.location)
        return folder
    }

    @Test func initNamesTheUserAndAgainKeepsTheWorkspace() throws {
        let folder = try Folder()
        let first = try Recording.initWorkspace(folder.location, me: "Ada Lovelace")
        #expect(first.created && first.name == "Ada Lovelace")
        let again = try Recording.initWorkspace(folder.location, me: nil)
        #expect(!again.created && again.name == "Ada Lovelace" && again.peopleCount == 1)
        let mode = try FileManager.default.attributesOfItem(atPath: folder.location.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    /// A one-on-one informational interview at rapport 5 lifts a bare acquaintance (invariant 1 of
    /// DESIGN.md §5), and moves the person to "interviewed" in the pipeline.
    @Test func aLoggedInterviewStrengthensTheTieAndMovesThePipeline() throws {
        let folder = try Self.smallWorkspace()
        func strength() throws -> Double {
            let a = try folder.analysis()
            let edge = try #require(a.snapshot.tie(between: try a.ego(), and: try a.resolve("p1")))
            return a.strengths[edge]
        }
        let before = try strength()
        let logged = try Recording.log(
            folder.location, person: "Maria Chen", kind: .informationalInterview, day: Folder.day, isOneOnOne: true,
            minutes: 45, rapport: 5, initiatedBy: .me, note: "patents")
        #expect(logged.name == "Maria Chen")
        #expect(logged.pipeline?.to == .interviewed)
        #expect(try strength() > before + 0.2)
        #expect(throws: UseCaseError.badInput("you cannot log a conversation with yourself")) {
            try Recording.log(
                folder.location, person: "me", kind: .coffee, day: Folder.day, isOneOnOne: true, minutes: nil, rapport: nil,
                initiatedBy: nil, note: "")
        }
    }

    @Test func anIntroductionNeedsThreePeopleAndMovesTheTarget() throws {
        let folder = try Self.smallWorkspace()
        #expect(throws: UseCaseError.badInput("an introduction needs three different people")) {
            try Recording.introduce(folder.location, introducer: "p1", person: "p1", to: nil, status: .requested, day: Folder.day)
        }
        let done = try Recording.introduce(
            folder.location, introducer: "Maria Chen", person: "dana@wilson.example", to: nil, status: .requested, day: Folder.day)
        #expect(done.introducer == "Maria Chen" && done.person == "Dana Lee" && done.recipient == "Ada Lovelace")
        #expect(done.pipeline?.to == .introRequested)
        let board = try FollowUp.board(try Session(folder.location), asOf: Folder.day, includeClosed: false)
        #expect(board.map(\.stage) == ["intro_requested"])
        #expect(board.first?.people.map(\.id) == ["p2"])
    }

    @Test func setStageSaysWhenNothingChanges() throws {
        let folder = try Self.smallWorkspace()
        let first = try Recording.setStage(folder.location, person: "p2", stage: .scheduled, day: Folder.day, note: "Tuesday")
        #expect(first.change?.to == .scheduled)
        let again = try Recording.setStage(folder.location, person: "p2", stage: .scheduled, day: Folder.day, note: "Tuesday")
        #expect(again.change == nil)
    }

    /// An unknown name says "did you mean" with the closest name (edit distance 1 here).
    @Test func anUnknownNameSuggestsTheClosest() throws {
        let folder = try Self.smallWorkspace()
        #expect(throws: UseCaseError.badInput("no person matches 'Maria Chan' — did you mean 'Maria Chen'?")) {
            try Recording.setStage(folder.location, person: "Maria Chan", stage: .identified, day: Folder.day, note: "")
        }
    }
}
