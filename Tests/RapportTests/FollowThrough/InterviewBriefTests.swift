import Testing
@testable import Rapport

@Suite struct InterviewBriefTests {
    let d = FollowThroughFixture.day

    func brief() throws -> InterviewBrief {
        let coffee = Interaction(
            date: d("2026-10-01"), personID: "p2", kind: .coffee, minutes: 30,
            notes: "Talked about <b>licensing</b> & clerkships")
        var data = NetworkData(people: [
            FollowThroughFixture.me, FollowThroughFixture.maria, FollowThroughFixture.siobhan,
        ])
        data.ties = [
            Tie("me", "p1", kind: .mentor), Tie("p1", "p2", kind: .colleague), Tie("me", "p2", kind: .acquaintance),
        ]
        data.interactions = [
            coffee, Interaction(date: d("2027-01-01"), personID: "p2", kind: .call, notes: "in the future"),
        ]
        let snapshot = try NetworkSnapshot(data)
        let path = [PathHop(node: 1, edge: 0, strength: 0.8), PathHop(node: 2, edge: 1, strength: 0.5)]
        return try InterviewBrief(
            snapshot: snapshot, ego: 0, target: 2, path: path,
            stage: PipelineEntry(personID: "p2", stage: .scheduled, since: d("2026-11-10")), bank: .standard,
            asOf: d("2026-11-20"))
    }

    @Test func theBriefSaysWhoTheyAreHowYouAreConnectedAndWhatYouShare() throws {
        let b = try brief()
        #expect(b.roleLine == "Partner, Greaves & Ibarra")
        #expect(b.pathLine == "You → Maria Chen (0.80) → Siobhán O'Neil (0.50)")
        #expect(abs(b.reliability - 0.4) < 1e-12)
        #expect(
            b.common == ["studied at Halvorsen University School of Law", "care about intellectual property"])
        #expect(b.seniority == .senior)
        #expect((8...12).contains(b.questions.count))
    }

    @Test func pastInteractionsAreListedNewestFirstAndNothingAfterTheAsOfDay() throws {
        let b = try brief()
        #expect(b.contacts.map(\.date) == [d("2026-10-01")])
        #expect(b.notes == ["Wrote the *licensing* <chapter> in the bar guide"])
    }

    @Test func markdownHasEverySectionAndEscapesNotes() throws {
        let md = try brief().markdown()
        for heading in [
            "# Interview brief: Siobhán O'Neil", "## Who they are", "## How you are connected",
            "## What you have in common",
            "## Your notes and past conversations", "## Questions to ask",
        ] {
            #expect(md.contains(heading + "\n"), "\(heading)")
        }
        #expect(md.contains("- **Role:** Partner, Greaves & Ibarra\n"))
        #expect(md.contains("- **Pipeline:** scheduled since 2026-11-10\n"))
        #expect(md.contains("Path reliability 0.40: ask Maria Chen for the introduction."))
        #expect(md.contains("- Wrote the \\*licensing\\* \\<chapter\\> in the bar guide\n"))
        #expect(md.contains("- 2026-10-01 · coffee, 30 min: Talked about \\<b\\>licensing\\</b\\> & clerkships\n"))
        #expect(md.contains("\n1. What makes a licensing negotiation go well?\n"))
    }

    @Test func aColdTargetBriefSaysThereIsNoWarmPath() throws {
        let snapshot = try FollowThroughFixture.snapshot()
        let b = try InterviewBrief(
            snapshot: snapshot, ego: 0, target: 3, path: [], stage: nil, bank: .standard, asOf: d("2026-11-20"))
        #expect(b.pathLine == nil)
        #expect(b.markdown().contains("No warm path: reach out directly, leading with what you share.\n"))
        #expect(b.markdown().contains("Nothing recorded yet"))
    }

    @Test func aLongHistoryShowsTheEightLatestConversationsAndCountsTheRest() throws {
        let contacts = (1...11).reversed().map {
            InterviewBrief.Contact(date: d("2026-10-01").adding(days: $0), kind: .call)
        }
        let b = InterviewBrief(name: "Rafael D'Angelo", contacts: contacts, questions: [], asOf: d("2026-11-20"))
        let md = b.markdown()
        #expect(md.contains("- 2026-10-12 · call\n"))
        #expect(md.contains("- 2026-10-05 · call\n- … and 3 earlier conversations (first on 2026-10-02)\n"))
        #expect(!md.contains("2026-10-04"))
    }
}
