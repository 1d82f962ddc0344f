import Foundation
import Testing

/// The bad-input corpus of issue 7, through the real `rapport import`.
///
/// Every refused file ends in exactly `error: path:line:column: message`, exit 2, and a workspace
/// that is byte-identical afterwards. Files that are legal but odd (a header only, a mixed encoding,
/// duplicate header names, an introduction cycle) import with the exact warnings listed. Big inputs
/// are generated here, never committed. Expected locations are counted by hand from the inputs.
@Suite struct BadInputCorpusTests {
    static let peopleHeader = "id,first_name,last_name\n"
    static let people = peopleHeader + "p1,Ann,Lee\np2,Bo,Kim\np3,Cy,Ng\n"
    static let interactionsHeader = "date,person,kind,one_on_one,minutes,rapport,initiated_by,notes\n"

    /// A workspace holding `people`, ready for the bad file.
    static func workspace() throws -> CLI {
        let cli = try CLI()
        try cli.run("init", "--me", "Me Self")
        try cli.write("people.csv", people)
        let imported = try cli.run("import", "people.csv")
        #expect(imported.status == 0, "\(imported.stderr)")
        return cli
    }

    /// Imports `name` (holding `bytes`) and expects exactly `message`, exit 2 and no change.
    static func expectRefused(
        _ name: String, _ bytes: [UInt8], _ message: String, within limit: Duration = .seconds(20),
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let cli = try workspace()
        try Data(bytes).write(to: cli.directory.appendingPathComponent(name))
        let before = try cli.contents("rapport.db")
        let start = ContinuousClock.now
        let result = try cli.run("import", name)
        let elapsed = ContinuousClock.now - start
        #expect(result.status == 2, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr == "error: \(name):\(message)\n", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(try cli.contents("rapport.db") == before, "workspace changed", sourceLocation: sourceLocation)
        #expect(elapsed < limit, "took \(elapsed)", sourceLocation: sourceLocation)
    }

    static func expectRefused(
        _ name: String, _ text: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        try expectRefused(name, Array(text.utf8), message, sourceLocation: sourceLocation)
    }

    /// Imports `name` and expects success with exactly these warning lines on stderr.
    static func expectAccepted(
        _ name: String, _ bytes: [UInt8], warnings: [String], summaryPrefix: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let cli = try workspace()
        try Data(bytes).write(to: cli.directory.appendingPathComponent(name))
        let result = try cli.run("import", name)
        #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr == warnings.map { $0 + "\n" }.joined(), sourceLocation: sourceLocation)
        #expect(result.stdout.hasPrefix(summaryPrefix), "\(result.stdout)", sourceLocation: sourceLocation)
    }

    // MARK: Not text

    @Test func emptyFileHasNoHeaderRow() throws {
        try Self.expectRefused("empty.csv", "", "1:1: no header row (the file is empty or holds only blank lines)")
    }

    @Test func headerOnlyImportsNothingWithAWarning() throws {
        try Self.expectAccepted(
            "header.csv", Array(Self.peopleHeader.utf8),
            warnings: ["header.csv:1:1: warning: no rows after the header; nothing to import"],
            summaryPrefix: "0 new, 0 updated")
    }

    @Test func binaryGarbageIsRefusedAtItsFirstNULByte() throws {
        // A PNG signature: 89 'P' 'N' 'G' CR LF (line 2) SUB LF (line 3) then NUL at column 1.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48]
        try Self.expectRefused("photo.csv", png, "3:1: binary data (a NUL byte); expected a text file")
    }

    @Test func nulByteInsideANameIsRefusedAtItsColumn() throws {
        // "p1,A" is 4 characters, the NUL is the 5th.
        try Self.expectRefused(
            "nul.csv", Self.peopleHeader + "p1,A\u{0}nn,Lee\n", "2:5: binary data (a NUL byte); expected a text file")
    }

    // MARK: Encodings

    @Test func truncatedUTF8SequenceIsReadAsWindows1252WithAWarning() throws {
        // "p1,Ren" then a lone lead byte 0xC3 (column 7), read as "Ã".
        let bytes = Array((Self.peopleHeader + "p4,Ren").utf8) + [0xC3] + Array(",Roe\n".utf8)
        try Self.expectAccepted(
            "cut.csv", bytes,
            warnings: [
                "cut.csv:2:7: warning: not valid UTF-8 from here; bytes outside UTF-8 sequences are read as Windows-1252"
            ], summaryPrefix: "1 new, 0 updated")
    }

    @Test func utf16WithoutBOMIsNamed() throws {
        // "id,…" in UTF-16 LE: 'i' then its NUL high byte at byte 2, line 1 column 2.
        let bytes = Array(Self.people.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try Self.expectRefused(
            "u16.csv", bytes, "1:2: looks like UTF-16 without a byte-order mark; save it as UTF-8")
    }

    @Test func mixedEncodingKeepsUTF8NamesAndWarnsWhereWindows1252Starts() throws {
        // Line 2 is UTF-8 "Müller"; line 3 has 0xE9 ("é" in Windows-1252) at column 7.
        let bytes =
            Array((Self.peopleHeader + "p4,Müller,X\n").utf8) + Array("p5,Jos".utf8) + [0xE9] + Array(",Y\n".utf8)
        try Self.expectAccepted(
            "mixed.csv", bytes,
            warnings: [
                "mixed.csv:3:7: warning: not valid UTF-8 from here; bytes outside UTF-8 sequences are read as Windows-1252"
            ], summaryPrefix: "2 new, 0 updated")
    }

    // MARK: Shape and limits

    @Test func unbalancedQuoteAtTheEndOfTheFileIsReportedWhereItOpened() throws {
        try Self.expectRefused(
            "quote.csv", Self.peopleHeader + "p4,Ann,\"Lee", "2:8: quoted field opened here is never closed")
    }

    @Test func tenMegabyteFieldHitsTheFieldLimit() throws {
        let big = Self.peopleHeader + "p4," + String(repeating: "x", count: 10_000_000) + ",Lee\n"
        try Self.expectRefused("big.csv", big, "2:4: field larger than the limit of 1048576 bytes")
    }

    @Test func tenMegabyteQuotedFieldOfDoubledQuotesHitsTheFieldLimitQuickly() throws {
        let big = Self.peopleHeader + "p4,\"" + String(repeating: "\"\"", count: 5_000_000) + "\",Lee\n"
        try Self.expectRefused(
            "quotes.csv", Array(big.utf8), "2:4: field larger than the limit of 1048576 bytes", within: .seconds(10))
    }

    @Test func hundredThousandColumnRowHitsTheColumnLimit() throws {
        // Field 10,001 starts after 10,000 "x," pairs: column 20,001.
        let row = Array(repeating: "x", count: 100_000).joined(separator: ",")
        try Self.expectRefused(
            "wide.csv", Self.peopleHeader + row + "\n", "2:20001: row has more than the limit of 10000 columns")
    }

    @Test func duplicateAndBlankHeaderNamesAreWarnings() throws {
        // Header "id,first_name,last_name,,first_name": the blank name is field 4 at column 25,
        // the second first_name field 5 at column 26.
        try Self.expectAccepted(
            "dup.csv", Array("id,first_name,last_name,,first_name\np4,Ann,Lee,x,Other\n".utf8),
            warnings: [
                "dup.csv:1:25: warning: column 4 has no name; it is ignored",
                "dup.csv:1:26: warning: duplicate column 'first_name'; the first one is used",
            ], summaryPrefix: "1 new, 0 updated")
    }

    @Test func millionEmptyLinesEndInSecondsWithNoHeaderRow() throws {
        try Self.expectRefused(
            "blank.csv", Array(repeating: 0x0A, count: 1_000_000),
            "1000001:1: no header row (the file is empty or holds only blank lines)", within: .seconds(10))
    }

    // MARK: Values

    @Test func thirtyFirstOfFebruaryIsNotADate() throws {
        try Self.expectRefused(
            "interactions.csv", Self.interactionsHeader + "2026-02-31,p1,coffee,true,30,4,me,\n",
            "2:1: unreadable date '2026-02-31'; tried YYYY-MM-DD")
    }

    @Test func yearZeroIsNotADate() throws {
        try Self.expectRefused(
            "interactions.csv", Self.interactionsHeader + "0000-01-10,p1,coffee,true,30,4,me,\n",
            "2:1: unreadable date '0000-01-10'; tried YYYY-MM-DD")
    }

    @Test func negativeMinutesAreRefusedAtTheCell() throws {
        // "2026-01-10,p1,coffee,true," is 26 characters: minutes start at column 27.
        try Self.expectRefused(
            "interactions.csv", Self.interactionsHeader + "2026-01-10,p1,coffee,true,-5,4,me,\n",
            "2:27: minutes: '-5' is not a whole number of minutes from 0 to 100000")
    }

    @Test func rapportSevenIsOutOfRange() throws {
        // "2026-01-10,p1,coffee,true,30," is 29 characters: rapport starts at column 30.
        try Self.expectRefused(
            "interactions.csv", Self.interactionsHeader + "2026-01-10,p1,coffee,true,30,7,me,\n",
            "2:30: rapport: '7' is not a rating from 1 to 5")
    }

    // MARK: References

    @Test func tieToOneselfIsRefused() throws {
        try Self.expectRefused(
            "ties.csv", "person_a,person_b,kind\np1,p1,friend\n",
            "2:4: person_b names the same person as the other side")
    }

    @Test func interactionWithOneselfIsRefused() throws {
        // `with` defaults to the user; `person` is the user too.
        try Self.expectRefused(
            "interactions.csv", Self.interactionsHeader + "2026-01-10,me,coffee,true,30,4,me,\n",
            "2:12: person names the same person as the other side")
    }

    @Test func selfIntroductionIsRefused() throws {
        try Self.expectRefused(
            "introductions.csv", "introducer,person,status,to\np1,p1,made,p2\n",
            "2:4: person names the same person as introducer; an introduction needs three different people")
    }

    @Test func introducingSomeoneToTheIntroducerIsRefused() throws {
        try Self.expectRefused(
            "introductions.csv", "introducer,person,status,to\np1,p2,made,p1\n",
            "2:12: to names the same person as introducer; an introduction needs three different people")
    }

    /// Decision (Docs/Limits.md): A introduces B to C and C introduces B to A is legal data.
    @Test func introductionCycleIsLegalData() throws {
        try Self.expectAccepted(
            "introductions.csv", Array("introducer,person,status,to\np1,p2,made,p3\np3,p2,made,p1\n".utf8),
            warnings: [], summaryPrefix: "2 new, 0 updated")
    }

    @Test func tieToAnUnknownPersonNamesTheReference() throws {
        try Self.expectRefused(
            "ties.csv", "person_a,person_b,kind\np1,p404,friend\n", "2:4: no person matches 'p404'")
    }

    /// Warnings used to print as "warning: path:1:1: warning: …".
    @Test func warningsCarryOneWarningPrefix() throws {
        let cli = try Self.workspace()
        try cli.write("header.csv", Self.peopleHeader)
        let result = try cli.run("import", "header.csv")
        #expect(result.stderr == "header.csv:1:1: warning: no rows after the header; nothing to import\n")
    }
}
