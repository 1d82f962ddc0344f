import Foundation
import Rapport
import Testing

@testable import RapportCSV

/// The bad-input corpus of issue 7 that the reader and the formats own: each case ends in a
/// clear message (or a warning), never a crash or a hang.
@Suite struct BadInputTests {
    @Test func missingFileAndDirectoryAreUnreadable() throws {
        #expect(
            errorText { _ = try ContactFile.read(path: "/nonexistent/people.csv") }
                == "/nonexistent/people.csv:1:1: cannot read the file (missing, a directory, or no permission)")
        #expect(
            errorText { _ = try ContactFile.read(path: NSTemporaryDirectory()) }?.hasSuffix(
                "cannot read the file (missing, a directory, or no permission)") == true)
    }

    @Test func fileOnDiskReadsLikeItsBytes() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-csv-\(UUID().uuidString).csv")
        try Data("person_a,person_b,kind\nme,p1,friend\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try ContactFile.read(path: url.path).ties.count == 1)
    }

    @Test func headerOnlyFileReadsNoRows() throws {
        let file = try parse("id,first_name,last_name\n")
        #expect(file.format == .people && file.rowCount == 0)
    }

    @Test func binaryGarbageIsRefused() {
        let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]
        #expect(
            errorText { _ = try ContactFile.parse(path: "img.csv", data: bytes) }
                == "img.csv:3:1: binary data (a NUL byte); expected a text file")
    }

    @Test func truncatedUTF8SequenceFallsBackToWindows1252() throws {
        // "Ren\xC3" — a UTF-8 lead byte with its continuation byte cut off.
        let bytes = Array("id,first_name,last_name\np1,Ren".utf8) + [0xC3] + Array(",X\n".utf8)
        let file = try ContactFile.parse(path: "t.csv", data: bytes)
        #expect(file.encoding == .windows1252)
        #expect(file.people.first?.person.firstName == "RenÃ")
    }

    @Test func mixedEncodingFileKeepsUTF8AndReadsTheRestAsWindows1252() throws {
        // "Müller" in UTF-8, then "José" and "€5" in Windows-1252.
        let bytes = Array("name\nMüller\nJos".utf8) + [0xE9, 0x0A, 0x80] + Array("5\n".utf8)
        #expect(try records(bytes) == [["name"], ["Müller"], ["José"], ["€5"]])
    }

    @Test func unbalancedQuoteAtEndOfFile() {
        #expect(
            errorText { _ = try parse("id,first_name,last_name\np1,Ann,\"Lee", path: "e.csv") }
                == "e.csv:2:8: quoted field opened here is never closed")
    }

    @Test func hundredThousandColumnRowHitsTheColumnLimit() {
        let row = Array(repeating: "x", count: 100_000).joined(separator: ",")
        let message = errorText { _ = try parse("id,first_name,last_name\n" + row + "\n", path: "w.csv") }
        #expect(message == "w.csv:2:20001: row has more than the limit of 10000 columns")
    }

    @Test func duplicateAndBlankHeaderNamesAreWarnings() throws {
        let file = try parse("id,first_name,last_name,,first_name\np1,Ann,Lee,x,Other\n", path: "d.csv")
        #expect(file.people.first?.person.firstName == "Ann")
        #expect(
            file.warnings.map(\.description) == [
                "d.csv:1:25: warning: column 4 has no name; it is ignored",
                "d.csv:1:26: warning: duplicate column 'first_name'; the first one is used",
            ])
    }

    @Test func tieToAnUnknownPersonNamesTheReference() throws {
        let ties = try parse("person_a,person_b,kind\nme,p404,friend\n", path: "ties.csv")
        #expect(
            errorText { _ = try Importer.merge(existing: NetworkData(people: [Person(id: "me")]), files: [ties]) }
                == "ties.csv:2:4: no person matches 'p404'")
    }

    @Test func introductionCycleIsAcceptedAsData() throws {
        let people = try parse("id,first_name,last_name\nme,J,P\na,A,A\nb,B,B\n", path: "p.csv")
        let intros = try parse("introducer,person,status,to\na,b,made,me\nb,a,made,me\n", path: "i.csv")
        let outcome = try Importer.merge(existing: NetworkData(), files: [people, intros])
        #expect(outcome.report.introductionsNew == 2)
    }

    @Test func asciiNameKeysAgreeWithNameKey() {
        let names = [
            "Maria Chen", "  O'Neil,  Grace ", "Rossi & Hill", "A.B. Smith-Jones", "x&y", "&", "J.R.R. Tolkien 3rd", "",
        ]
        for name in names { #expect(IdentityKeys.asciiPersonKey(name) == NameKey.person(name), "\(name)") }
        #expect(IdentityKeys.asciiPersonKey("Zoë") == nil)
    }
}
