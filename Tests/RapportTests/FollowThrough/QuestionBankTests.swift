import Testing
@testable import Rapport

@Suite struct QuestionBankTests {
    @Test func theDefaultBankParsesAndCoversTheSampleSectors() throws {
        let bank = try QuestionBank(parsing: DefaultTexts.questionBank)
        #expect(bank.general.count == 10)
        #expect(SeniorityTier.allCases.allSatisfy { (bank.bySeniority[$0]?.count ?? 0) == 3 })
        for sector in ["intellectual property", "patent prosecution", "IP litigation", "litigation", "privacy", "tax"] {
            #expect(bank.bySector[NameKey.person(sector)] != nil, "\(sector)")
        }
    }

    @Test func seniorityTiersFollowTitleSeniority() {
        #expect(SeniorityTier(title: "Judicial Law Clerk") == .early)
        #expect(SeniorityTier(title: "Associate") == .mid)
        #expect(SeniorityTier(title: nil) == .early)
        #expect(SeniorityTier(title: "Harbourmaster") == .mid)
        #expect(SeniorityTier(title: "Senior Associate") == .senior)
        #expect(SeniorityTier(title: "Equity Partner") == .senior)
    }

    @Test func aSeniorIPPartnerGetsSectorThenSeniorityThenGeneralQuestions() throws {
        let bank = QuestionBank.standard
        let questions = try bank.questions(
            sectors: ["Intellectual Property", "Patent Prosecution", "tax"], title: "Partner")
        // 3 IP + 2 patent prosecution (the five-question sector budget) + 3 senior + 2 general = 10.
        #expect(questions.count == 10)
        #expect(Array(questions[0..<3]) == bank.bySector["intellectual property"])
        #expect(Array(questions[3..<5]) == bank.bySector["patent prosecution"])
        #expect(Array(questions[5..<8]) == bank.bySeniority[.senior])
        #expect(Array(questions[8..<10]) == Array(bank.general.prefix(2)))
        #expect(!questions.contains { bank.bySector["tax"]?.contains($0) ?? false })
    }

    @Test func somebodyWithNoKnownSectorGetsSeniorityAndGeneralQuestionsWithinEightToTwelve() throws {
        let questions = try QuestionBank.standard.questions(sectors: ["maritime"], title: "Student")
        #expect((8...12).contains(questions.count))
        #expect(questions.first == QuestionBank.standard.bySeniority[.early]?.first)
    }

    @Test func aSmallBankTopsUpFromLeftoversOrSaysItIsTooSmall() throws {
        let bank = try QuestionBank(
            parsing: """
                [general]
                G1
                G2
                [sector: Tax]
                - T1
                - T2
                - T3
                - T4
                - T5
                [seniority: mid]
                M1
                """)
        #expect(
            try bank.questions(sectors: ["tax"], title: "Associate") == [
                "T1", "T2", "T3", "M1", "G1", "G2", "T4", "T5",
            ])
        #expect(throws: FollowThroughError.tooFewQuestions(available: 3, needed: 8)) {
            try bank.questions(sectors: [], title: "Associate")
        }
    }

    @Test func badHeadingsAndOrphanQuestionsAreReportedWithTheirLine() {
        #expect(throws: FollowThroughError.questionBankSyntax(line: 1, reason: "a question before any heading")) {
            try QuestionBank(parsing: "Why law?\n[general]")
        }
        #expect(
            throws: FollowThroughError.questionBankSyntax(line: 3, reason: "seniority must be early, mid or senior")
        ) {
            try QuestionBank(parsing: "# bank\n[general]\n[seniority: intern]")
        }
        #expect(
            throws: FollowThroughError.questionBankSyntax(
                line: 1, reason: "headings are [general], [sector: NAME] or [seniority: early|mid|senior]")
        ) {
            try QuestionBank(parsing: "[sectors: tax]")
        }
    }
}
