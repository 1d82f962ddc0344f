import Foundation
import Rapport
import RapportUseCases
import Testing

/// Follow-through in-process on the Samples (Avery Lindqvist's network, 2026-11-20): the drafts of
/// an ask, the interview brief, the to-do list and the board. The names and facts expected come
/// from the Samples' files (Samples/ties.csv, interactions.csv, people.csv), not from the code.
/// (The commands' terminal tables, files and exit codes are in RapportCLITests.)
@Suite struct WritingTests {
    /// Eleanor Achterberg is Avery's classmate and Helen Agarwal's colleague (Samples/ties.csv);
    /// Avery knows no one else who knows Helen as well.
    @Test func draftsGoThroughTheWarmestIntroducer() throws {
        let folder = try Folder.samples()
        let drafts = try Writing.drafts(try folder.analysis(), person: "Helen Agarwal", via: nil, goal: nil)
        #expect(drafts.introducerName == "Eleanor Achterberg")
        #expect(drafts.targetName == "Helen Agarwal")
        let toIntroducer = try #require(drafts.toIntroducer)
        #expect(toIntroducer.hasPrefix("Subject: Would you introduce me to Helen Agarwal?\n\nHi Eleanor,\n"))
        #expect(drafts.toTarget.hasPrefix("Subject: Eleanor Achterberg suggested I reach out\n\nDear Helen,\n"))
        // Avery and Helen both studied at Halvorsen University School of Law (Samples/people.csv).
        #expect(drafts.toTarget.contains("we both studied at Halvorsen University School of Law"))
        #expect(drafts.toTarget.contains("20–30 minutes"))
        #expect(!drafts.text.contains("{{"))
        #expect(drafts.text.hasPrefix("--- To Eleanor Achterberg (introducer) ---\n\n"))
        let aimed = try Writing.drafts(
            try folder.analysis(), person: "Helen Agarwal", via: nil, goal: "patent litigation")
        #expect(aimed.toTarget.contains("I am exploring patent litigation"))
        #expect(throws: UseCaseError.badInput("you cannot draft a message to yourself")) {
            try Writing.drafts(try folder.analysis(), person: "me", via: nil, goal: nil)
        }
        #expect(throws: UseCaseError.badInput("--via must name a third person")) {
            try Writing.drafts(try folder.analysis(), person: "Helen Agarwal", via: "Helen Agarwal", goal: nil)
        }
    }

    /// Rafael D'Angelo is a direct contact: one message, to him, with his apostrophe as typed.
    @Test func aDirectContactGetsOnlyTheDirectMessage() throws {
        let folder = try Folder.samples()
        let drafts = try Writing.drafts(try folder.analysis(), person: "Rafael D'Angelo", via: nil, goal: nil)
        #expect(drafts.toIntroducer == nil && drafts.introducerName == nil)
        #expect(drafts.text.hasPrefix("--- To Rafael D'Angelo ---\n"))
        #expect(!drafts.text.contains("&#39;") && !drafts.text.contains("&amp;"))
    }

    @Test func workspaceTemplatesOverrideTheDefaultsAndUnknownPlaceholdersAreRefused() throws {
        let folder = try Folder.samples()
        try FileManager.default.createDirectory(atPath: folder.path + "/templates", withIntermediateDirectories: true)
        try folder.write(
            "templates/interview-request.mustache",
            "Hello {{target_first}}! {{#common}}We both {{common}}.{{/common}}\n")
        let custom = try Writing.drafts(try folder.analysis(), person: "Rafael D'Angelo", via: nil, goal: nil)
        #expect(custom.toTarget.hasPrefix("Hello Rafael! "))
        try folder.write("templates/interview-request.mustache", "Hello {{first_name}}\n")
        do {
            _ = try Writing.drafts(try folder.analysis(), person: "Rafael D'Angelo", via: nil, goal: nil)
            Issue.record("an unknown placeholder was accepted")
        } catch {
            // Bad input the user can fix: exit 2, with the file and the placeholders there are.
            #expect(ErrorReport(error).kind == .badInput)
            #expect(
                "\(error)".contains(
                    "templates/interview-request.mustache: unknown placeholder '{{first_name}}'; available: me_name"))
        }
    }

    @Test func theBriefNamesTheRoleThePathAndEightToTwelveQuestions() throws {
        let folder = try Folder.samples()
        let brief = try Writing.brief(try folder.analysis(), person: "Helen Agarwal")
        #expect(brief.name == "Helen Agarwal")
        #expect(brief.title == "Partner" && brief.organization == "Ravenscroft Patent Group")
        #expect(brief.path.first?.name == "Eleanor Achterberg")
        #expect((8...12).contains(brief.questions.count))
        let markdown = brief.markdown()
        #expect(markdown.hasPrefix("# Interview brief: Helen Agarwal\n\n_Prepared 2026-11-20_\n"))
        #expect(markdown.contains("- **Role:** Partner, Ravenscroft Patent Group\n"))
        try folder.write("questions.txt", "Why law?\n")
        do {
            _ = try Writing.brief(try folder.analysis(), person: "Helen Agarwal")
            Issue.record("a question before any heading was accepted")
        } catch let error as UseCaseError {
            #expect(error.description.hasSuffix("questions.txt: question bank:1: a question before any heading"))
        }
    }

    /// After an interview on 2026-11-18 the thank-you is due the next day, until it is logged.
    @Test func theThankYouIsDueUntilItIsLogged() throws {
        let folder = try Folder.samples()
        _ = try Recording.log(
            folder.location, person: "Helen Agarwal", kind: .informationalInterview, day: Day(iso: "2026-11-18")!,
            isOneOnOne: true, minutes: nil, rapport: nil, initiatedBy: nil, note: "")
        func thankYou() throws -> DueItem? {
            let a = try folder.analysis()
            let helen = try a.resolve("Helen Agarwal")
            return try FollowUp.due(a, within: 7).first { $0.reason == .thankYou && $0.node == helen }
        }
        let due = try #require(try thankYou())
        #expect(due.due == Day(iso: "2026-11-19"))
        let analysis = try folder.analysis()
        let calendar = FollowUp.calendar(try FollowUp.due(analysis, within: 7), in: analysis)
        #expect(calendar.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(calendar.contains("SUMMARY:Thank Helen Agarwal\r\n"))
        _ = try Recording.log(
            folder.location, person: "Helen Agarwal", kind: .thankYou, day: Day(iso: "2026-11-19")!, isOneOnOne: true,
            minutes: nil, rapport: nil, initiatedBy: nil, note: "")
        #expect(try thankYou() == nil)
        let board = try FollowUp.board(try Session(folder.location), asOf: Folder.day, includeClosed: false)
        #expect(board.first { $0.stage == "thanked" }?.people.map(\.name) == ["Helen Agarwal"])
    }
}
