import Testing
@testable import Rapport

@Suite struct DraftTemplateTests {
    func drafts(target: String, via: String? = nil, goal: String? = nil, path: [String] = []) throws -> (
        DraftContext, Drafts
    ) {
        let snapshot = try FollowThroughFixture.snapshot()
        guard let me = snapshot.selfIndex, let t = snapshot.index(ofID: target) else {
            throw FollowThroughError.unknownStage("fixture")
        }
        var hops: [PathHop] = []
        var previous = me
        for id in path {
            guard let node = snapshot.index(ofID: id), let edge = snapshot.tie(between: previous, and: node) else {
                continue
            }
            hops.append(PathHop(node: node, edge: edge, strength: 0.5))
            previous = node
        }
        let context = DraftContext(
            snapshot: snapshot, ego: me, target: t, path: hops, introducer: via.flatMap { snapshot.index(ofID: $0) },
            goal: goal)
        let rendered = Drafts.render(
            context, introRequest: try DraftTemplate(name: "intro", text: DefaultTexts.introRequest),
            interviewRequest: try DraftTemplate(name: "interview", text: DefaultTexts.interviewRequest))
        return (context, rendered)
    }

    @Test func theWarmDraftsNameTheIntroducerTheRelationshipAndWhatIsShared() throws {
        let (context, drafts) = try drafts(target: "p2", path: ["p1", "p2"])
        #expect(context.introducerName == "Maria Chen")
        #expect(context.relationship == "my mentor")
        #expect(
            context.common
                == "studied at Halvorsen University School of Law and care about intellectual property")
        #expect(context.goal == "intellectual property and technology transactions")
        #expect(context.practiceArea == "intellectual property")
        let intro = try #require(drafts.toIntroducer)
        #expect(intro.hasPrefix("Subject: Would you introduce me to Siobhán O'Neil?\n\nHi Maria,\n\n"))
        #expect(intro.contains("I understand you know Siobhán O'Neil at Greaves & Ibarra."))
        #expect(intro.contains("Siobhán and I both studied at Halvorsen University School of Law"))
        #expect(intro.contains("20–30 minutes"))
        #expect(intro.hasSuffix("Thank you either way,\nAvery\n"))
        #expect(
            drafts.toTarget.hasPrefix(
                "Subject: Maria Chen suggested I reach out\n\nDear Siobhán,\n\nMaria Chen, my mentor, kindly suggested")
        )
        #expect(drafts.toTarget.contains("advice, not a job"))
    }

    @Test func apostrophesAccentsAndAmpersandsStayPlainText() throws {
        let (_, drafts) = try drafts(target: "p2", path: ["p1", "p2"])
        let all = (drafts.toIntroducer ?? "") + drafts.toTarget
        #expect(all.contains("O'Neil"))
        #expect(all.contains("Siobhán"))
        #expect(all.contains("Greaves & Ibarra"))
        for entity in ["&#39;", "&amp;", "&quot;", "&lt;", "&#"] { #expect(!all.contains(entity)) }
    }

    @Test func everyPlaceholderIsFilledAndNoSlotIsLeftEmpty() throws {
        for (target, path) in [("p2", ["p1", "p2"]), ("p3", []), ("p4", ["p4"])] {
            let (_, drafts) = try drafts(target: target, path: path)
            for text in [drafts.toIntroducer, drafts.toTarget].compactMap({ $0 }) {
                #expect(!text.contains("{{") && !text.contains("}}"), "\(text)")
                #expect(!text.contains(" ,") && !text.contains(" .") && !text.contains("  "), "\(text)")
                #expect(!text.contains("Hi ,") && !text.contains("Dear ,") && !text.contains("Dear \n"), "\(text)")
                #expect(!text.contains("\n\n\n"))
            }
        }
    }

    @Test func aColdTargetGetsOnlyTheDirectMessageSayingWhatYouShare() throws {
        let (context, drafts) = try drafts(target: "p3", goal: "copyright litigation")
        #expect(context.introducerName == nil)
        #expect(drafts.toIntroducer == nil)
        #expect(
            drafts.toTarget.hasPrefix(
                "Subject: A question about your work in copyright\n\nDear Zoë,\n\nMy name is Avery Lindqvist, and I am exploring copyright litigation."
            ))
        #expect(drafts.toTarget.contains("I came across your work at Brightline"))
    }

    @Test func aPersonWithoutAFirstNameIsGreetedByFullName() throws {
        let (_, drafts) = try drafts(target: "p4", path: ["p4"])
        #expect(drafts.toTarget.contains("Dear Prince,\n"))
    }

    @Test func someoneYouAlreadyKnowIsNotIntroducedToAgainAndGetsYourFirstName() throws {
        let (context, drafts) = try drafts(target: "p4", path: ["p4"])
        #expect(context.isConnected)
        #expect(!drafts.toTarget.contains("My name is"))
        #expect(
            drafts.toTarget.contains(
                "I hope you are well. I am exploring intellectual property and technology transactions"))
        #expect(drafts.toTarget.hasSuffix("Thank you for considering it,\nAvery\n"))
        let (stranger, cold) = try self.drafts(target: "p3")
        #expect(!stranger.isConnected)
        #expect(cold.toTarget.hasSuffix("Thank you for considering it,\nAvery Lindqvist\n"))
    }

    @Test func aLongerPathNamesThePersonInBetween() throws {
        let snapshot = try FollowThroughFixture.snapshot()
        let hops = [
            PathHop(node: 1, edge: 0, strength: 0.8), PathHop(node: 4, edge: 2, strength: 0.5),
            PathHop(node: 2, edge: 1, strength: 0.4),
        ]
        let context = DraftContext(snapshot: snapshot, ego: 0, target: 2, path: hops, introducer: nil, goal: nil)
        #expect(context.introducerName == "Maria Chen")
        #expect(context.viaName == "Prince")
        let text = try DraftTemplate(name: "intro", text: DefaultTexts.introRequest).render(context)
        #expect(text.contains("I understand you know Prince, who knows Siobhán O'Neil at Greaves & Ibarra."))
    }

    @Test func anUnknownPlaceholderIsRejectedWithTheKnownNames() {
        #expect(throws: FollowThroughError.self) { try DraftTemplate(name: "mine.mustache", text: "Hi {{first_name}}") }
        do {
            _ = try DraftTemplate(name: "mine.mustache", text: "Hi {{#target_org}}{{org}}{{/target_org}}")
        } catch {
            #expect(
                error.description.hasPrefix(
                    "mine.mustache: unknown placeholder '{{org}}'; available: me_name, me_first"))
        }
    }

    @Test func aBrokenTemplateReportsItsLineAndColumn() {
        do {
            _ = try DraftTemplate(name: "t.mustache", text: "Hello\n{{#goal}}unfinished")
            Issue.record("expected a syntax error")
        } catch {
            guard case .templateSyntax(let name, let line, _, let reason) = error else {
                Issue.record("\(error)"); return
            }
            #expect(name == "t.mustache")
            #expect(line == 2)
            #expect(reason == "a section is never closed")
        }
    }

    @Test func tripleMustacheAndCommentsAreAcceptedPlaceholders() throws {
        let t = try DraftTemplate(name: "t", text: "{{! a comment }}Hi {{{target_first}}} & {{&me_first}}")
        let context = DraftContext(
            meName: "Avery L", meFirst: "Avery", targetName: "Siobhán O'Neil", targetFirst: "Siobhán", goal: "IP")
        #expect(t.render(context) == "Hi Siobhán & Avery\n")
    }
}
