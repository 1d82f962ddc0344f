import Foundation
import Rapport
import Testing

@testable import RapportCSV

@Suite struct ContactFormatTests {
    func summary(_ file: ParsedFile) -> [String] {
        file.people.map { r in
            let p = r.person
            return [
                p.firstName, p.lastName, p.organization ?? "-", p.title ?? "-", p.emails.joined(separator: "|"),
                p.profileURL ?? "-",
            ]
            .joined(separator: " / ")
        }
    }

    @Test func linkedInWithNotesPreambleAndTwoBlankLines() throws {
        let file = try parseFixture("linkedin-notes.csv")
        #expect(file.format == .linkedin)
        #expect(
            summary(file) == [
                "Maria / Chen / Wilson Sonsini Goodrich & Rosati, P.C. / Partner / maria.chen@wsgr.example / https://www.linkedin.com/in/maria-chen-ip",
                "Seán / O'Brien / Legal Aid Clinic / Staff Attorney /  / https://www.linkedin.com/in/sean-obrien",
                "Zoë 🌟 / Müller-Lüdenscheidt / Acme, Inc. / Counsel, \"Tech\" Transactions /  / https://www.linkedin.com/in/zoe-muller",
                "Priya / Raman / Google / Product Counsel /  / https://www.linkedin.com/in/priya-raman",
            ])
        #expect(
            file.people.map(\.connectedOn) == [
                Day(iso: "2026-02-07"), Day(iso: "2026-01-05"), Day(iso: "2018-01-08"), nil,
            ])
        #expect(file.people.map(\.location.line) == [6, 7, 8, 9])
    }

    @Test func linkedInWithoutURLColumn() throws {
        let file = try parseFixture("linkedin-no-url.csv")
        #expect(file.format == .linkedin)
        #expect(
            summary(file) == [
                "Dana / Okafor / Ninth Circuit Court of Appeals / Law Clerk / dana@okafor.example / -",
                "Luis / García / Fenwick & West LLP / Associate /  / -",
            ])
        #expect(file.people.map(\.connectedOn) == [Day(iso: "2024-03-12"), Day(iso: "2025-02-03")])
    }

    @Test func googleOldLayout() throws {
        let file = try parseFixture("google-old.csv")
        #expect(file.format == .google)
        #expect(
            summary(file) == [
                "Amélie / Dubois / Cooley LLP / Senior Associate / amelie@dubois.example|a.dubois@home.example / https://www.linkedin.com/in/amelie-dubois",
                "Kwame / Mensah / Stanford Law School / Lecturer / kwame@mensah.example / -",
            ])
        #expect(file.people[0].person.notes == ["Met at the IP law fair"])
    }

    @Test func googleNewLayout() throws {
        let file = try parseFixture("google-new.csv")
        #expect(file.format == .google)
        #expect(
            summary(file) == [
                "Hiroshi / Tanaka / Morrison & Foerster LLP / Of Counsel / htanaka@mofo.example / -",
                "Grace / O'Neil / Electronic Frontier Foundation / Staff Attorney / grace@eff.example / -",
            ])
    }

    @Test func outlookDesktopWith92QuotedColumns() throws {
        let bytes = try fixture("outlook-desktop.csv")
        var reader = CSVReader(path: "o.csv", utf8: bytes)
        #expect(try reader.next()?.fields.count == 92)
        let file = try parseFixture("outlook-desktop.csv")
        #expect(file.format == .outlook)
        #expect(
            summary(file) == [
                "Fatima / Al-Sayed / Microsoft Corporation / Corporate Counsel / fatima@ms.example / -",
                "Tom / Brady-Smith / Orrick, Herrington & Sutcliffe LLP / Paralegal / tom@orrick.example / -",
            ])
        #expect(file.people[0].person.notes == ["Line one\r\nLine two"])
        #expect(file.warnings.isEmpty)
    }

    @Test func outlookDotCom() throws {
        let file = try parseFixture("outlook-com.csv")
        #expect(file.format == .outlook)
        #expect(summary(file) == ["Ngozi / Adeyemi / Kaiser Permanente / General Counsel / ngozi@adeyemi.example / -"])
    }

    @Test func vCard3WithFoldingEscapesAndGroups() throws {
        let file = try parseFixture("contacts-v3.vcf")
        #expect(file.format == .vcard)
        #expect(
            summary(file) == [
                "Anne-Sophie / Lefèvre / Baker McKenzie / Associate, Trademarks / asl@baker.example / https://www.linkedin.com/in/as-lefevre",
                "Rajesh / Iyer / - / - / rajesh@iyer.example / -",
            ])
        #expect(file.people[0].person.notes == ["Met at INTA\nFollow up in March; bring card"])
        #expect(file.people.map(\.location.line) == [1, 12])
    }

    @Test func vCard4WithQuotedPrintableAndSeveralEmails() throws {
        let file = try ContactFile.parse(path: "contacts.txt", data: try fixture("contacts-v4.vcf"))
        #expect(file.format == .vcard)
        #expect(
            summary(file) == [
                "Ólafur / Þórsson / Arnold & Porter / Partner / olafur@ap.example|olafur@home.example / https://www.linkedin.com/in/olafur"
            ])
        #expect(file.people[0].person.notes == ["Café chat about export controls"])
    }

    @Test func vCardWithoutEndIsAnErrorAtItsBegin() {
        let text = "BEGIN:VCARD\nFN:A B\n"
        #expect(
            errorText { _ = try parse(text, path: "x.vcf") } == "x.vcf:1:1: invalid vCard: BEGIN:VCARD has no END:VCARD"
        )
    }

    @Test func forcingVCardOnACSVFileSaysNoCardFound() {
        #expect(
            errorText { _ = try parse("id,first_name\np1,A\n", path: "p.csv", format: .vcard) }
                == "p.csv:1:1: invalid vCard: no BEGIN:VCARD found")
    }

    @Test func columnMappingReadsAnyCSV() throws {
        let mapping = try ColumnMapping(
            parsing: "first_name=Given,last_name=Surname,organization=Employer,email=Mail,notes=Remarks")
        let text =
            "Given,Surname,Employer,Mail,Remarks,Extra\nIngrid,Bergström,\"Vinge, KB\",ib@vinge.example,\"Met at \"\"TechLaw\"\"\",x\n"
        let file = try parse(text, path: "alumni.csv", mapping: mapping)
        #expect(file.format == .mapped)
        #expect(summary(file) == ["Ingrid / Bergström / Vinge, KB / - / ib@vinge.example / -"])
        #expect(file.people[0].person.notes == ["Met at \"TechLaw\""])
    }

    @Test func columnMappingErrorsNameTheProblem() {
        #expect(
            errorText { _ = try ColumnMapping(parsing: "first_name=A,employer=B") }?.hasPrefix(
                "--map:1:14: invalid column mapping: unknown field 'employer'; fields: id, first_name") == true)
        #expect(
            errorText { _ = try ColumnMapping(parsing: "first_name") }
                == "--map:1:1: invalid column mapping: expected field=Column")
    }

    @Test func mappedColumnMissingFromTheFileIsAnError() throws {
        let mapping = try ColumnMapping(parsing: "name=Full Name,email=Mail")
        #expect(
            errorText { _ = try parse("Full Name,Email\nA B,a@b\n", path: "m.csv", mapping: mapping) }
                == "m.csv:1:1: missing required column 'Mail' for the mapped format")
    }

    @Test func unknownHeaderShowsTheHeaderAndTheKnownFormats() {
        let message = errorText { _ = try parse("\nfoo,bar,baz\n1,2,3\n", path: "odd.csv") }
        #expect(
            message?.hasPrefix(
                "odd.csv:2:1: unknown format: header 'foo,bar,baz' matches none of the known formats (people (id,first_name,last_name,…), ties"
            ) == true)
        #expect(
            message?.contains("linkedin") == true && message?.contains("vcard") == true
                && message?.contains("--map") == true)
    }

    @Test func forcedFormatSkipsAnUnquotedPreambleWithCommas() throws {
        let text =
            "Notes:\nWhen exporting, you may notice, some gaps\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,,C,D,\n"
        let file = try parse(text, format: .linkedin)
        #expect(file.people.map(\.person.organization) == ["C"])
    }

    @Test func excelNotesFillerLineIsSkipped() throws {
        let file = try parse("Notes:,,\n,,\nFirst Name,Last Name,Company,Position,Connected On\nA,B,C,D,\n")
        #expect(file.format == .linkedin)
        #expect(file.people.count == 1)
    }

    @Test func badConnectedOnDateListsTheFormatsTried() {
        let text = "First Name,Last Name,Company,Position,Connected On\nA,B,C,D,31 Foo 2024\n"
        #expect(
            errorText { _ = try parse(text, path: "li.csv") }
                == "li.csv:2:9: unreadable date '31 Foo 2024'; tried YYYY-MM-DD, DD Mon YYYY, D-Mon-YY, M/D/YY[, h:mm AM]"
        )
    }

    @Test func contactDatesAcceptTheLinkedInSpellings() {
        #expect(CellValues.contactDate("07 Feb 2026") == Day(year: 2026, month: 2, day: 7))
        #expect(CellValues.contactDate("5-Jan-26") == Day(year: 2026, month: 1, day: 5))
        #expect(CellValues.contactDate("1/8/18, 6:14 PM") == Day(year: 2018, month: 1, day: 8))
        #expect(CellValues.contactDate("12/31/99") == Day(year: 1999, month: 12, day: 31))
        #expect(CellValues.contactDate("31 Feb 2026") == nil)
    }
}
