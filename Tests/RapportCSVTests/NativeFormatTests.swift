import Foundation
import Rapport
import Testing

@testable import RapportCSV

@Suite struct NativeFormatTests {
    @Test func peopleFileSplitsSectorsAndSchools() throws {
        let text =
            "id,first_name,last_name,email,organization,title,sectors,school,location\n"
            + "p1,Ann,Lee,ann@x.example,Rossi & Hill LLP,Partner,intellectual property;litigation,Cambridge Law School; Yale,\"Washington, DC\"\n"
        let file = try parse(text)
        #expect(file.format == .people)
        let p = try #require(file.people.first?.person)
        #expect(p.id == "p1")
        #expect(p.sectors == ["intellectual property", "litigation"])
        #expect(p.schools == ["Cambridge Law School", "Yale"])
        #expect(p.location == "Washington, DC")
    }

    @Test func missingRequiredColumnIsAnError() {
        #expect(
            errorText { _ = try parse("person_a,kind,since\na,friend,\n", path: "ties.csv") }
                == "ties.csv:1:1: missing required column 'person_b' for the ties format")
    }

    @Test func unknownColumnIsAWarning() throws {
        let file = try parse("person_a,person_b,kind,since,strength\na,b,friend,,0.5\n")
        #expect(file.warnings.map(\.description) == ["in.csv:1:30: warning: unknown column 'strength' is ignored"])
    }

    @Test func unknownTieKindListsTheKindsAllowed() {
        #expect(
            errorText { _ = try parse("person_a,person_b,kind\na,b,buddy\n", path: "t.csv") }
                == "t.csv:2:5: kind: unknown value 'buddy'; allowed: mentor, friend, colleague, classmate, former_colleague, acquaintance, family"
        )
    }

    /// The reader keeps one record for the whole file: a row must see only its own cells, never
    /// those a wider row before it left (expected values by hand).
    @Test func eachRowSeesOnlyItsOwnCells() throws {
        let ties = try parse(
            "person_a,person_b,kind,since\r\n\"p \"\"1\"\"\",p2,friend,2020-01-02,extra\r\n\r\np3,p4\r\n p5 , p6 ,colleague,\r\n")
        #expect(ties.ties.map(\.personA.text) == ["p \"1\"", "p3", "p5"])
        #expect(ties.ties.map(\.personB.text) == ["p2", "p4", "p6"])
        #expect(ties.ties.map(\.kind) == [.friend, .acquaintance, .colleague])
        #expect(ties.ties.map(\.since) == [Day(iso: "2020-01-02"), nil, nil])
        #expect(ties.ties.map(\.location.line) == [2, 4, 5])
        #expect(ties.ties[2].personA.location.column == 1 && ties.ties[2].personB.location.column == 6)
        #expect(ties.ties[2].personB.column == "person_b")
        #expect(
            ties.warnings.map(\.description) == [
                "in.csv:2:1: warning: row has 5 fields, the header has 4; missing cells read as empty, extra ones are ignored",
                "in.csv:4:1: warning: row has 2 fields, the header has 4; missing cells read as empty, extra ones are ignored",
            ])
        let people = try parse("id,first_name,last_name,email\np1,Ann,Lee,ann@x.example,extra\np2,Bo\n")
        #expect(people.people.map(\.person.lastName) == ["Lee", ""])
        #expect(people.people.map(\.person.emails) == [["ann@x.example"], []])
        // A short row's missing reference is reported where the row ends.
        #expect(
            errorText { _ = try parse("person_a,person_b,kind\na,b,friend,x\nc\n", path: "t.csv") }
                == "t.csv:3:1: person_b is empty; it must name a person")
    }

    @Test func interactionsReadBooleansNumbersAndOptionalWith() throws {
        let text =
            "date,person,kind,one_on_one,minutes,rapport,initiated_by,notes,with\n"
            + "2026-04-15,p2,video_call,yes,45,4,them,\"Caught up, \"\"IP boutique\"\" plans\",\n"
            + "2026-04-16,p2,coffee,0,,,,,p3\n"
        let file = try parse(text)
        #expect(file.format == .interactions)
        let first = file.interactions[0]
        #expect(first.date == Day(iso: "2026-04-15"))
        #expect(first.isOneOnOne && first.minutes == 45 && first.rapport == 4 && first.initiatedBy == .them)
        #expect(first.notes == "Caught up, \"IP boutique\" plans")
        #expect(first.with == nil)
        #expect(file.interactions[1].isOneOnOne == false)
        #expect(file.interactions[1].with?.text == "p3")
    }

    @Test func badInteractionValuesAreErrorsAtTheCell() {
        let header = "date,person,kind,one_on_one,minutes,rapport\n"
        #expect(
            errorText { _ = try parse(header + "2026-02-31,p,coffee,,,\n", path: "i.csv") }
                == "i.csv:2:1: unreadable date '2026-02-31'; tried YYYY-MM-DD")
        #expect(
            errorText { _ = try parse(header + "2026-02-01,p,coffee,,-5,\n", path: "i.csv") }
                == "i.csv:2:22: minutes: '-5' is not a whole number of minutes from 0 to 100000")
        #expect(
            errorText { _ = try parse(header + "2026-02-01,p,coffee,,,7\n", path: "i.csv") }
                == "i.csv:2:23: rapport: '7' is not a rating from 1 to 5")
        #expect(
            errorText { _ = try parse(header + "2026-02-01,p,coffee,maybe,,\n", path: "i.csv") }
                == "i.csv:2:21: one_on_one: 'maybe' is not a boolean; use true/false, yes/no or 1/0")
        #expect(
            errorText { _ = try parse(header + "0000-01-01,p,coffee,,,\n", path: "i.csv") }
                == "i.csv:2:1: unreadable date '0000-01-01'; tried YYYY-MM-DD")
    }

    @Test func isoDatesAgreeWithDayISO() {
        let samples = [
            "2026-02-07", "2024-02-29", "2023-02-29", "0000-01-01", "9999-12-31", "2026-13-01", "2026-1-01",
            "2026-01-01x",
            "2026/01/01", "20260101", "", "２０２６-01-01", "2026-00-10",
        ]
        for text in samples { #expect(CellValues.isoDate(text) == Day(iso: text), "\(text)") }
    }

    @Test func introductionsWithOptionalTo() throws {
        let file = try parse("date,introducer,person,status,to\n2026-10-25,p1,p8,requested,\n,p1,p9,made,p2\n")
        #expect(file.format == .introductions)
        #expect(file.introductions.map(\.status) == [.requested, .made])
        #expect(file.introductions[1].to?.text == "p2")
        #expect(file.introductions[1].date == nil)
    }

    @Test func personReferencingThemselvesIsAnErrorAtTheRow() {
        #expect(
            errorText { _ = try parse("person_a,person_b,kind\np1,p1,friend\n", path: "t.csv") }
                == "t.csv:2:4: person_b names the same person as the other side")
    }

    @Test func namesWithApostrophesAccentsCommasAndEmojiSurvive() throws {
        let names = ["D'Angelo", "Zoë", "García, Jr.", "Ana 👩🏽‍⚖️", "Nguyễn"]
        var text = "id,first_name,last_name\n"
        for (i, name) in names.enumerated() { text += CSVWriter(neutralizeFormulas: false).row(["p\(i)", name, "X"]) }
        let file = try parse(text)
        #expect(file.people.map(\.person.firstName) == names)
    }
}

@Suite struct CSVWriterTests {
    @Test func quotesOnlyWhatNeedsQuoting() {
        let writer = CSVWriter(neutralizeFormulas: false)
        #expect(
            writer.row(["plain", "a,b", "say \"hi\"", "two\nlines", " padded"])
                == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\"\n")
    }

    @Test func formulasAreNeutralized() {
        let writer = CSVWriter()
        #expect(
            writer.row(["=HYPERLINK(\"http://x\")", "+cmd", "-1", "@SUM(1)", "\tx", "safe"])
                == "\"'=HYPERLINK(\"\"http://x\"\")\",'+cmd,'-1,'@SUM(1),'\tx,safe\n")
    }

    @Test func writtenRowsReadBackUnchanged() throws {
        let rows = [["id", "notes"], ["1", "a \"quoted\", multi\r\nline note"], ["2", ""]]
        let text = rows.map(CSVWriter(neutralizeFormulas: false).row).joined()
        #expect(try records(text) == rows)
    }
}
