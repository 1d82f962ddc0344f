import Foundation
import Rapport
import Testing

@testable import RapportCSV

/// Regressions found while hardening the import (issue 7): each pins the fixed behaviour.
@Suite struct ImportRegressionTests {
    static let people = "id,first_name,last_name\nme,J,P\na,A,A\nb,B,B\nc,C,C\n"

    /// "a introduced b to a" used to be accepted; an introduction needs three different people.
    @Test func introducerWhoIsAlsoTheOneIntroducedToIsRefused() throws {
        #expect(
            errorText { _ = try parse("introducer,person,status,to\na,b,made,a\n", path: "i.csv") }
                == "i.csv:2:10: to names the same person as introducer; an introduction needs three different people")
    }

    @Test func introducerResolvingToTheSamePersonAsToIsRefused() throws {
        // Same person by id and by e-mail: only resolution can see it.
        let people = try parse("id,first_name,last_name,email\nme,J,P,\na,A,A,a@x.example\nb,B,B,\n", path: "p.csv")
        let intros = try parse("introducer,person,status,to\na,b,made,a@x.example\n", path: "i.csv")
        #expect(
            errorText { _ = try Importer.merge(existing: NetworkData(), files: [people, intros]) }
                == "i.csv:2:10: to names the same person as introducer; an introduction needs three different people")
    }

    @Test func userIntroducingSomeoneToThemselvesIsRefused() throws {
        let people = try parse(Self.people, path: "p.csv")
        let intros = try parse("introducer,person,status\nme,b,made\n", path: "i.csv")
        #expect(
            errorText { _ = try Importer.merge(existing: NetworkData(), files: [people, intros]) }
                == "i.csv:2:1: introducer names the same person as to (the user); an introduction needs three different people"
        )
    }

    @Test func selfIntroductionNamesBothColumns() {
        #expect(
            errorText { _ = try parse("introducer,person,status\na,a,made\n", path: "i.csv") }
                == "i.csv:2:3: person names the same person as introducer; an introduction needs three different people"
        )
    }

    @Test func introductionCycleBetweenThreePeopleIsLegal() throws {
        let people = try parse(Self.people, path: "p.csv")
        let intros = try parse("introducer,person,status,to\na,b,made,c\nc,b,made,a\n", path: "i.csv")
        #expect(try Importer.merge(existing: NetworkData(), files: [people, intros]).report.introductionsNew == 2)
    }

    /// A garbage "header" used to be echoed whole (up to 12 cells of 1 MiB each).
    @Test func unknownFormatMessageShortensLongHeaderCells() {
        let long = String(repeating: "x", count: 5000)
        let message = errorText { _ = try parse("\(long),b\n1,2\n", path: "g.csv") }
        #expect(
            message?.hasPrefix(
                "g.csv:1:1: unknown format: header '" + String(repeating: "x", count: 40) + "…,b' matches none") == true
        )
        #expect(message?.contains(String(repeating: "x", count: 41)) == false)
    }

    /// A file with a cut-off UTF-8 sequence used to switch to Windows-1252 silently.
    @Test func fileReadAsWindows1252SaysWhereUTF8Stopped() throws {
        let bytes = Array("id,first_name,last_name,title\np1,Zoë,Ren".utf8) + [0xC3] + Array(",X\n".utf8)
        let file = try ContactFile.parse(path: "t.csv", data: bytes)
        #expect(file.encoding == .windows1252)
        // Line 2 "p1,Zoë,Ren" is 10 characters; the stray byte is character 11.
        #expect(
            file.warnings.map(\.description) == [
                "t.csv:2:11: warning: not valid UTF-8 from here; bytes outside UTF-8 sequences are read as Windows-1252"
            ])
    }

    @Test func validUTF8FileHasNoEncodingWarning() throws {
        #expect(try parse("id,first_name,last_name\np1,Zoë,Ren\n").warnings.isEmpty)
    }

    /// A header-only file used to import nothing without a word.
    @Test func headerOnlyFileWarnsThatThereIsNothingToImport() throws {
        let file = try parse("\nid,first_name,last_name\n", path: "h.csv")
        #expect(file.rowCount == 0)
        #expect(file.warnings.map(\.description) == ["h.csv:2:1: warning: no rows after the header; nothing to import"])
    }
}
