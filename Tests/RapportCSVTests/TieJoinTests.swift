import Rapport
import RapportTestSupport
import Testing

@testable import RapportCSV

/// The bulk merge of a ties file (`Merge.addByJoin`: sort and join instead of a hash lookup per
/// row) gives exactly the row-by-row merge's outcome: the same ties in the same order, the same
/// updates, counts and errors. The row path is the reference; each case runs both.
@Suite struct TieJoinTests {
    static let kinds: [String] = [
        "acquaintance", "colleague", "friend", "mentor", "classmate", "former_colleague", "family",
    ]

    /// Both merges of `files` into `existing`: row by row, and joined from the first row.
    static func bothWays(_ existing: NetworkData, _ files: [ParsedFile]) -> (
        rows: Result<ImportOutcome, ImportError>, joined: Result<ImportOutcome, ImportError>
    ) {
        func run(_ threshold: Int) -> Result<ImportOutcome, ImportError> {
            Result { () throws(ImportError) in
                try Importer.merge(existing: existing, files: files, evidence: EvidenceInput(), joiningFrom: threshold)
            }
        }
        return (run(Int.max), run(0))
    }

    /// A random ties file over `people` ids (and sometimes ids nobody has, e-mails, or one
    /// person twice when `faults`), with repeated pairs in both orientations.
    static func tiesFile(seed: UInt64, people: Int, rows: Int, faults: Bool = false) throws -> ParsedFile {
        var random = SplitMix64(seed: seed)
        var text = "person_a,person_b,kind,since\n"
        var pairs: [(Int, Int)] = []
        for _ in 0..<rows {
            var (a, b) = (Int.random(in: 0..<people, using: &random), Int.random(in: 0..<people, using: &random))
            // A pair seen before, often: repeats merge into one tie.
            if !pairs.isEmpty, Int.random(in: 0..<3, using: &random) == 0 {
                (a, b) = pairs.randomElement(using: &random)!
            }
            if a == b { b = (a + 1) % people }
            if Bool.random(using: &random) { swap(&a, &b) }
            pairs.append((a, b))
            let kind = kinds.randomElement(using: &random)!
            let since =
                Int.random(in: 0..<3, using: &random) == 0
                ? ""
                : "20\(10 + Int.random(in: 0..<15, using: &random))-0\(Int.random(in: 1...9, using: &random))-1\(Int.random(in: 0...9, using: &random))"
            text += "p\(a),p\(b),\(kind),\(since)\n"
        }
        if faults {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            var changed = Array(lines)
            let at = 1 + Int.random(in: 0..<rows, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: changed[at] = "p1,nobody-\(seed),friend,"
            case 1: changed[at] = "p\(people - 1)@example.test,p2,friend,"
            default: changed[at] = "p3,p3@example.test,friend,"
            }
            text = changed.joined(separator: "\n")
        }
        return try parse(text, path: "ties-\(seed).csv")
    }

    static func people(_ count: Int) -> [Person] {
        (0..<count).map {
            Person(id: "p\($0)", firstName: "F\($0)", lastName: "L\($0)", emails: ["p\($0)@example.test"])
        }
    }

    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func aFileIntoAnEmptyNetworkMergesAsRowByRow(seed: UInt64) throws {
        let file = try Self.tiesFile(seed: seed, people: 40, rows: 300)
        let (rows, joined) = Self.bothWays(NetworkData(people: Self.people(40)), [file])
        let expected = try rows.get()
        #expect(try joined.get() == expected)
        #expect(expected.report.tiesNew > 0 && expected.report.rowsUnchanged > 0)
    }

    /// Stored ties (some to an id nobody has any more), then two ties files: updates, unchanged
    /// rows and new ties, and the second file joins against the first one's new ties.
    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func filesIntoAStoredNetworkMergeAsRowByRow(seed: UInt64) throws {
        var random = SplitMix64(seed: seed &+ 77)
        let people = Self.people(30)
        var stored: [Tie] = []
        var seen = Set<TiePair>()
        for _ in 0..<120 {
            let a = Int.random(in: 0..<30, using: &random), b = Int.random(in: 0..<30, using: &random)
            guard a != b, seen.insert(TiePair("p\(a)", "p\(b)")).inserted else { continue }
            let since =
                Bool.random(using: &random) ? Day(iso: "2015-0\(Int.random(in: 1...9, using: &random))-01") : nil
            stored.append(
                Tie(
                    "p\(a)", "p\(b)", kind: TieKind.allCases.randomElement(using: &random)!, since: since,
                    origin: Bool.random(using: &random) ? .declared : .contact))
        }
        stored.append(Tie("p1", "gone", kind: .friend, since: nil, origin: .declared))
        let existing = NetworkData(people: people, ties: stored)
        let files = [
            try Self.tiesFile(seed: seed, people: 30, rows: 200),
            try Self.tiesFile(seed: seed &+ 1000, people: 30, rows: 150),
        ]
        let (rows, joined) = Self.bothWays(existing, files)
        let expected = try rows.get()
        #expect(try joined.get() == expected)
        #expect(expected.report.tiesUpdated > 0 && expected.report.tiesNew > 0 && expected.report.rowsUnchanged > 0)
        // Merging the result again changes nothing, either way.
        let (again, againJoined) = Self.bothWays(expected.data, files)
        #expect(try again.get().report.totalNew == 0)
        #expect(try againJoined.get() == again.get())
    }

    /// A row naming someone by e-mail or by an unknown id, or one person by id and by e-mail: the join steps
    /// aside and the row path merges or reports it at its place.
    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func rowsTheJoinCannotTakeGiveTheRowByRowAnswer(seed: UInt64) throws {
        let file = try Self.tiesFile(seed: seed, people: 25, rows: 120, faults: true)
        let (rows, joined) = Self.bothWays(NetworkData(people: Self.people(25)), [file])
        switch (rows, joined) {
        case (.success(let a), .success(let b)): #expect(a == b)
        case (.failure(let a), .failure(let b)): #expect(a == b)
        default: Issue.record("one way failed, the other did not: \(rows) / \(joined)")
        }
    }

    /// A ties file read in two parts comes to the merge in two (`secondPartTies`, not joined first):
    /// joined or row by row, and with faults, the outcome is the one of the same rows in one part.
    @Test(arguments: 1...8 as ClosedRange<UInt64>)
    func aFileInTwoPartsMergesAsInOne(seed: UInt64) throws {
        let whole = try Self.tiesFile(seed: seed, people: 30, rows: 200, faults: seed % 2 == 0)
        var split = whole
        let cut = 1 + Int(seed) * 20
        split.ties = Array(whole.ties[..<cut])
        split.secondPartTies = Array(whole.ties[cut...])
        let existing = NetworkData(people: Self.people(30))
        let (rows, joined) = Self.bothWays(existing, [whole])
        let (splitRows, splitJoined) = Self.bothWays(existing, [split])
        for (a, b) in [(rows, splitRows), (joined, splitJoined)] {
            switch (a, b) {
            case (.success(let a), .success(let b)): #expect(a == b)
            case (.failure(let a), .failure(let b)): #expect(a == b)
            default: Issue.record("one way failed, the other did not: \(a) / \(b)")
            }
        }
    }

    /// Merging rows that change nothing (a re-import) adds no tie and no person, and leaves the
    /// stored arrays as they were given, not copied into larger ones: at a million people those
    /// copies were 0.5–1 GB of fresh memory (Docs/Performance.md, session 13).
    @Test func rowsThatChangeNothingLeaveTheStoredArraysUncopied() throws {
        let file = try Self.tiesFile(seed: 5, people: 30, rows: 200)
        let first = try Importer.merge(
            existing: NetworkData(people: Self.people(30)), files: [file], evidence: EvidenceInput(), joiningFrom: 0)
        let stored = first.data
        for threshold in [0, Int.max] {
            let again = try Importer.merge(existing: stored, files: [file], evidence: EvidenceInput(), joiningFrom: threshold)
            #expect(again.report.totalNew == 0 && again.report.tiesUpdated == 0)
            let sameTies = stored.ties.withUnsafeBufferPointer { a in
                again.data.ties.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress }
            }
            let samePeople = stored.people.withUnsafeBufferPointer { a in
                again.data.people.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress }
            }
            #expect(sameTies && samePeople, "threshold \(threshold)")
        }
    }

    /// By hand: p0–p1 stored as an acquaintance since 2020; the file names it twice (friend, then
    /// an earlier since) and adds p2–p3 twice (the second row changes nothing).
    @Test func aHandWorkedFile() throws {
        let existing = NetworkData(
            people: Self.people(4),
            ties: [Tie("p0", "p1", kind: .acquaintance, since: Day(iso: "2020-01-01"), origin: .contact)])
        let file = try parse(
            "person_a,person_b,kind,since\np1,p0,friend,\np2,p3,colleague,2019-05-05\np0,p1,acquaintance,2018-02-02\np3,p2,acquaintance,\n",
            path: "ties.csv")
        let outcome = try Importer.merge(existing: existing, files: [file], evidence: EvidenceInput(), joiningFrom: 0)
        #expect(
            outcome.data.ties == [
                Tie("p0", "p1", kind: .friend, since: Day(iso: "2018-02-02"), origin: .declared),
                Tie("p2", "p3", kind: .colleague, since: Day(iso: "2019-05-05"), origin: .declared),
            ])
        #expect(outcome.report.tiesNew == 1 && outcome.report.tiesUpdated == 1 && outcome.report.rowsUnchanged == 1)
    }
}
