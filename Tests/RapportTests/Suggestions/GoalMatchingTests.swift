import Foundation
import Testing

@testable import Rapport

@Suite("Goals, synonyms and configuration")
struct GoalMatchingTests {
    func matches(_ phrase: String, _ text: String, _ table: SynonymTable = .default) -> Bool {
        MatchText(text, synonyms: table).contains(MatchText(phrase, synonyms: table))
    }

    @Test func synonymsPluralsAndPunctuationMatch() {
        #expect(matches("IP", "Intellectual Property Litigation"))
        #expect(matches("intellectual property", "IP litigation"))
        #expect(matches("tech transactions", "Counsel, Technology Transactions"))
        #expect(matches("technology transactions", "Tech-Transactions Group"))
        #expect(matches("patents", "Patent Agent"))
        #expect(matches("M&A", "Mergers and Acquisitions"))
        #expect(matches("Companies", "company law"))
        #expect(!matches("IP", "Zip code"))
        #expect(!matches("patent", "Tax"))
    }

    @Test func synonymTableParsesAliasLines() throws {
        let table = try SynonymTable(
            parsing: """
                [synonyms]
                # business words
                biz dev = "business development"
                'BD' = business development

                """)
        #expect(table.entries.count == 2)
        #expect(matches("BD", "Director of Business Development", table))
        #expect(matches("biz dev", "business development lead", table))
        #expect(throws: SuggestionError.invalidSynonymLine(line: 2)) {
            try SynonymTable(parsing: "a = b\nno equals sign")
        }
        #expect(throws: SuggestionError.invalidSynonymLine(line: 1)) { try SynonymTable(parsing: " = b") }
    }

    @Test func relevanceWeighsTheMatchedFields() throws {
        var net = SuggestionTestNetwork()
        net.person("both", "Bo Both", org: "Wilson LLP", title: "Patent Counsel", sectors: ["IP"])
        net.person("ipOnly", "Ida Only", org: "Other LLP", title: "Associate", sectors: ["intellectual property"])
        net.person("none", "Nat None", org: "Tax Co", title: "Associate", sectors: ["tax"])
        let (snapshot, _) = try net.build()
        var matcher = GoalMatcher(goal: Goal(sectors: ["IP"], keywords: ["patents"]), synonyms: .default)
        let index = PersonTextIndex(people: snapshot.people, organizations: snapshot.organizations, synonyms: .default)
        func relevance(_ id: String) -> Double {
            let v = snapshot.index(ofID: id)!
            return matcher.relevance(of: v, index: index, organizationIndex: snapshot.organizationIndex)
        }
        #expect(relevance("both") == 1)
        #expect(relevance("ipOnly") == 0.5)
        #expect(relevance("none") == 0)
        var byOrganization = GoalMatcher(goal: Goal(organizations: ["Wilson"]), synonyms: .default)
        let both = snapshot.index(ofID: "both")!
        #expect(byOrganization.relevance(of: both, index: index, organizationIndex: snapshot.organizationIndex) == 1)
        var neutral = GoalMatcher(goal: Goal(), synonyms: .default)
        #expect(neutral.relevance(of: 0, index: index, organizationIndex: snapshot.organizationIndex) == 1)
    }

    /// The text index leaves out empty values (a person whose title is empty has none), and when a
    /// column has none it keeps the column's codes as they are (shared, not copied).
    @Test func theTextIndexDropsEmptyValuesAndOtherwiseKeepsTheColumnsCodes() throws {
        var net = SuggestionTestNetwork()
        net.person("a", "Ann A", org: "A LLP", title: "Partner", sectors: ["tax", "IP"])
        net.person("b", "Bea B", org: "B LLP", title: "", sectors: ["", "tax"])
        net.person("c", "Cy C", org: "C LLP", title: "Counsel", sectors: [])
        let (withEmpty, _) = try net.build()
        let stored = withEmpty.people.titles.values
        #expect((0..<stored.count).contains { stored[$0].isEmpty }, "the column keeps the empty title as a value")
        let index = PersonTextIndex(
            people: withEmpty.people, organizations: withEmpty.organizations, synonyms: .default)
        func titles(_ index: PersonTextIndex, _ snapshot: NetworkSnapshot) -> [String?] {
            ["a", "b", "c"].map { id in
                let code = index.titleCode[Int(snapshot.index(ofID: id)!)]
                return code < 0 ? nil : index.titles[Int(code)]
            }
        }
        func sectors(_ index: PersonTextIndex, _ snapshot: NetworkSnapshot) -> [[String]] {
            ["a", "b", "c"].map { id in
                let v = Int(snapshot.index(ofID: id)!)
                return (Int(index.sectorOffsets[v])..<Int(index.sectorOffsets[v + 1])).map {
                    index.sectors[Int(index.sectorCodes[$0])]
                }
            }
        }
        #expect(titles(index, withEmpty) == ["Partner", nil, "Counsel"])
        #expect(sectors(index, withEmpty) == [["tax", "IP"], ["tax"], []])
        #expect(!index.titles.contains("") && !index.sectors.contains(""))

        var clean = SuggestionTestNetwork()
        clean.person("a", "Ann A", org: "A LLP", title: "Partner", sectors: ["tax", "IP"])
        clean.person("b", "Bea B", org: "B LLP", title: "Associate", sectors: ["tax"])
        clean.person("c", "Cy C", org: "C LLP", title: "Counsel", sectors: [])
        let (snapshot, _) = try clean.build()
        let shared = PersonTextIndex(people: snapshot.people, organizations: snapshot.organizations, synonyms: .default)
        #expect(titles(shared, snapshot) == ["Partner", "Associate", "Counsel"])
        #expect(sectors(shared, snapshot) == [["tax", "IP"], ["tax"], []])
        #expect(shared.titleCode == snapshot.people.titles.codes && shared.sectorCodes == snapshot.people.sectors.codes)
    }

    @Test func goalDecodesFromJSONAndFlags() throws {
        let json = #"{"sectors": ["intellectual property"], "keywords": ["patent"], "weights": {"keywords": 2}}"#
        let goal = try JSONDecoder().decode(Goal.self, from: Data(json.utf8))
        #expect(goal.sectors == ["intellectual property"])
        #expect(goal.keywords == ["patent"])
        #expect(goal.weights.keywords == 2)
        #expect(goal.weights.sectors == 1)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Goal.self, from: Data(#"{"sector": ["x"]}"#.utf8))
        }
        let roundTrip = try JSONDecoder().decode(Goal.self, from: JSONEncoder().encode(goal))
        #expect(roundTrip == goal)

        let flags = try Goal(arguments: [
            "--sector", "IP", "--org=Baker, Lowe & Finch LLP", "--keyword", "patent", "--seniority", "partner",
        ])
        #expect(flags.sectors == ["IP"])
        #expect(flags.organizations == ["Baker, Lowe & Finch LLP"])
        #expect(flags.seniority == ["partner"])
        #expect(throws: SuggestionError.invalidGoalFlag("--colour")) { try Goal(arguments: ["--colour", "red"]) }
        #expect(throws: SuggestionError.invalidGoalFlag("--sector")) { try Goal(arguments: ["--sector"]) }
        #expect(Goal().isEmpty)
    }

    @Test func titleSeniorityRanksTitleWords() {
        #expect(TitleSeniority.score("General Counsel") == 1)
        #expect(TitleSeniority.score("Partners") == 0.85)
        #expect(TitleSeniority.score("V.P. Engineering") == 1)
        #expect(TitleSeniority.score("Senior Associate") == 0.7)
        #expect(TitleSeniority.score("Associate") == 0.45)
        #expect(TitleSeniority.score("Summer Intern") == 0.15)
        #expect(TitleSeniority.score("Gardener") == 0.4)
        #expect(TitleSeniority.score(nil) == 0.3)
    }

    @Test func configurationAcceptsKnownKeysAndRejectsOthers() throws {
        let config = try SuggestionConfiguration(values: [
            "cooldown_days": 30, "reliability_weight": 0.5, "per_organization": 1,
        ])
        #expect(config.cooldownDays == 30)
        #expect(config.reliabilityWeight == 0.5)
        #expect(config.perOrganization == 1)
        #expect(config.maxHops == 3)
        #expect(throws: SuggestionError.unknownConfigurationKey("cooldown")) {
            try SuggestionConfiguration(values: ["cooldown": 1])
        }
        #expect(throws: SuggestionError.self) { try SuggestionConfiguration(values: ["cooldown_days": 1.5]) }
        #expect(throws: SuggestionError.self) { try SuggestionConfiguration(values: ["relevance_floor": 2]) }
        #expect(throws: SuggestionError.self) { try SuggestionConfiguration(values: ["max_hops": 0]) }
        #expect(
            throws: SuggestionError.self,
            performing: {
                try SuggestionConfiguration(values: [
                    "reliability_weight": 0, "redundancy_weight": 0, "quality_gain_weight": 0, "insight_weight": 0,
                    "warmth_weight": 0,
                ])
            })
        #expect(SuggestionConfiguration.keys.count == 21)
        #expect(try SuggestionConfiguration(values: ["exclude_strong_ties": 0]).excludeStrongTies == false)
        #expect(throws: SuggestionError.self) { try SuggestionConfiguration(values: ["exclude_strong_ties": 0.5]) }
        // Every key accepts 1, except weak_tie, which must stay <= strong_tie (0.5).
        #expect(throws: SuggestionError.self) { try SuggestionConfiguration(values: ["weak_tie": 1]) }
        for key in SuggestionConfiguration.keys where key != "weak_tie" {
            #expect((try? SuggestionConfiguration(values: [key: 1])) != nil, "key \(key) should accept 1")
        }
        #expect(SuggestionError.unknownConfigurationKey("x").description == "unknown [suggest] setting 'x'")
    }
}

@Suite("Goals that understand words")
struct GoalWordsTests {
    static func network() throws -> (SuggestionEngine, Int32) {
        var network = SuggestionTestNetwork()
        network.person("se", "Sam Ellis", org: "Cinderpath Software", title: "Software Engineer")
        network.person("vp", "Vera Park", org: "Northwind", title: "VP of Engineering")
        network.person("es", "Eli Stone", org: "Northwind", title: "Engineer, Software")
        network.person("pl", "Pat Lowe", org: "Wilson LLP", title: "Paralegal")
        network.person("ag", "Ana Gray", org: "Wilson LLP", title: "Patent Agent")
        network.person("mc", "Maria Chen", org: "Wilson LLP", title: "Partner")
        for id in ["se", "vp", "es", "pl", "ag"] { network.tie("mc", id, 0.4) }
        network.tie("me", "mc", 0.45)
        return try network.engine()
    }

    @Test func engineeringFindsTheSoftwareEngineerAndTheVPOfEngineering() throws {
        let (engine, me) = try Self.network()
        let found = try engine.suggest(for: me, goal: Goal(keywords: ["engineering"]), top: 10)
        #expect(Set(found.map(\.id)) == ["se", "vp", "es"])
        #expect(found.allSatisfy { $0.components.relevance == 1 })
        let summary = try engine.summary(of: Goal(keywords: ["engineering"]), for: me)
        #expect(summary == GoalSummary(matched: 3, total: 6, closestTerms: []))
    }

    @Test func multiWordKeywordsMatchInAnyOrderAndPartialMatchesWeighLess() throws {
        let (engine, me) = try Self.network()
        let found = try engine.suggest(for: me, goal: Goal(keywords: ["software engineer"]), top: 0)
        let relevance = Dictionary(uniqueKeysWithValues: found.map { ($0.id, $0.components.relevance) })
        // All words, in either order: 1. "VP of Engineering" has one of the two words: 0.5 · ½.
        #expect(relevance["se"] == 1 && relevance["es"] == 1)
        #expect(abs((relevance["vp"] ?? 0) - 0.25) < 1e-6)
        // Nobody of relevance 0 is suggested.
        #expect(Set(found.map(\.id)) == ["se", "vp", "es"])
    }

    @Test func pluralsAndStemsMatchAndAcronymsStay() {
        func matches(_ phrase: String, _ text: String) -> Bool {
            MatchText(text, synonyms: .default).match(MatchText(phrase, synonyms: .default)) == 1
        }
        #expect(matches("patents", "Patent Agent"))
        #expect(matches("patent", "Patents and Trademarks"))
        #expect(matches("engineer", "VP of Engineering"))
        #expect(matches("IP", "Intellectual Property Litigation"))
        #expect(matches("M&A", "Mergers & Acquisitions"))
        #expect(matches("UX", "UX Researcher"))
        #expect(!matches("IP", "Zip code"))
        #expect(!matches("UX", "Luxury goods"))
    }

    /// Above 65,536 people the summary counts in chunks on the pool: the count is the one the
    /// titles give by hand (every fourth person a software engineer, every fourth a VP of
    /// Engineering), with the user's own title left out.
    @Test func theSummaryOfALargeDirectoryCountsEveryMatchOnce() throws {
        let titles = ["Software Engineer", "Paralegal", "VP of Engineering", "Partner"]
        let people = 70_001
        var data = NetworkData(
            people: (0..<people).map { i in
                Person(
                    id: i == 0 ? Person.selfID : "p\(i)", firstName: "F\(i)", organization: "Org \(i % 97)",
                    title: titles[i % 4])
            })
        data.ties = [Tie(Person.selfID, "p1", kind: .friend)]
        let snapshot = try NetworkSnapshot(data)
        let engine = try SuggestionEngine(
            snapshot: snapshot, strengths: [0.6], asOf: Day(year: 2026, month: 11, day: 1)!)
        let me = try #require(snapshot.selfIndex)
        let summary = try engine.summary(of: Goal(keywords: ["engineering"]), for: me)
        // People 1…70,000 whose index is 0 or 2 modulo 4: 17,500 each.
        #expect(summary == GoalSummary(matched: 35_000, total: 70_000, closestTerms: []))
    }

    /// A suggestion, the goal summary after it and a batch share one matcher per goal that rated
    /// every distinct value at once (`learnedMatcher(for:)`): it rates everyone as a matcher that
    /// learns value by value, and the engine keeps at most `LearnedGoals.capacity` of them.
    @Test func theSharedMatcherRatesEveryoneAsOneThatLearnsOnTheWay() throws {
        let (engine, _) = try SuggestionScratchTests.network(seed: 2)
        let goals = [
            Goal(sectors: ["intellectual property"]), Goal(keywords: ["partner", "tax"]),
            Goal(organizations: ["Firm 3"], seniority: ["senior"]), Goal(keywords: ["zzz"]),
        ]
        let organizationIndex = engine.snapshot.organizationIndex
        for goal in goals {
            var learned = engine.learnedMatcher(for: goal)
            #expect(learned.isLearned)
            var onTheWay = GoalMatcher(goal: goal, synonyms: engine.synonyms)
            var matched = 0
            for v in (0..<Int32(engine.snapshot.personCount)).reversed() {
                let expected = onTheWay.relevance(of: v, index: engine.textIndex, organizationIndex: organizationIndex)
                #expect(
                    learned.relevance(of: v, index: engine.textIndex, organizationIndex: organizationIndex) == expected)
                if expected > 0 { matched += 1 }
            }
            #expect(matched > 0 || goal.keywords == ["zzz"], "\(goal)")
        }
        #expect(engine.learnedGoals.count == goals.count)
        for k in 0..<LearnedGoals.capacity { _ = engine.learnedMatcher(for: Goal(keywords: ["word\(k)"])) }
        #expect(engine.learnedGoals.count <= LearnedGoals.capacity)
    }

    @Test func withAGoalNobodyOfRelevanceZeroIsSuggestedAndTheClosestTermsAreOffered() throws {
        let (engine, me) = try Self.network()
        let goal = Goal(keywords: ["engneering"])
        #expect(try engine.suggest(for: me, goal: goal, top: 10).isEmpty)
        let summary = try engine.summary(of: goal, for: me)
        #expect(summary.matched == 0 && summary.total == 6)
        #expect(summary.closestTerms.first == "engineering", "\(summary.closestTerms)")
    }

    @Test func seniorityFollowsTheDocumentedLadder() {
        let ladder = [
            "Summer Intern", "Associate", "Senior Associate", "Engineering Manager", "Director of Sales",
            "VP of Engineering",
        ].map(TitleSeniority.score)
        #expect(ladder == ladder.sorted() && Set(ladder).count == ladder.count, "\(ladder)")
        #expect(TitleSeniority.score("Principal") == TitleSeniority.score("Manager"))
        #expect(TitleSeniority.score("Partner") == TitleSeniority.score("Head of Legal"))
        #expect(TitleSeniority.score("Chief Legal Officer") == TitleSeniority.score("Co-Founder"))
    }
}
