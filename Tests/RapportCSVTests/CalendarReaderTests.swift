import Foundation
import Rapport
import Testing

@testable import RapportCSV

/// A calendar from lines joined with CRLF.
func calendarBytes(_ lines: [String], eol: String = "\r\n") -> [UInt8] {
    Array((lines.joined(separator: eol) + eol).utf8)
}

/// A VCALENDAR around `body` (VEVENTs), with CRLF line ends.
func calendar(_ body: [String], header: [String] = ["X-WR-CALNAME:avery@example.com"]) -> [UInt8] {
    calendarBytes(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN"] + header + body + ["END:VCALENDAR"])
}

/// The fixture under Fixtures/calendar, parsed.
func calendarFixture(_ name: String) throws -> CalendarFile {
    try CalendarFile.parse(path: name, data: fixture("calendar/" + name))
}

func day(_ iso: String) -> Day { Day(iso: iso) ?? Day(ordinal: 0) }

/// Content lines, unfolding, parameters, escapes, encodings and the located errors.
@Suite struct CalendarReaderTests {
    func lines(_ bytes: [UInt8]) throws -> [CalendarContentLine] {
        var warnings: [ImportWarning] = []
        return try CalendarLines.read(path: "t.ics", data: bytes, warnings: &warnings)
    }

    @Test func foldingThatSplitsAUTF8SequenceReadsBackWhole() throws {
        // "Bérénice": the exporter folded between 0xC3 and 0xA9 of the first "é".
        let raw = try fixture("calendar/google.ics")
        let physical = raw.split(separator: 0x0A).map { Array($0) }
        #expect(physical.contains { String(validating: $0, as: UTF8.self) == nil }, "the fixture splits a sequence")
        let file = try calendarFixture("google.ics")
        let names = Set(file.events.flatMap(\.attendees).compactMap(\.name))
        #expect(names.contains("Bérénice Moreau"))
        #expect(names.contains("Zoë Lefèvre"))
        #expect(names.contains("Avery Quinn"), "a fold right after 'Avery ' keeps the space")
    }

    @Test func lfLineEndsTabFoldsAndABOMAreAccepted() throws {
        let text =
            "\u{FEFF}BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART:2024031\n\t5T100000Z\nATTENDEE;CN=Zo\n ë:mailto:z@x.example\nEND:VEVENT\nEND:VCALENDAR\n"
        let file = try CalendarFile.parse(path: "t.ics", data: Array(text.utf8))
        #expect(file.events.count == 1)
        #expect(file.events[0].start.utcStamp == "20240315T100000Z")
        #expect(file.events[0].attendees.first?.name == "Zoë")
        #expect(file.events[0].attendees.first?.email == "z@x.example")
    }

    @Test func looksLikeCalendarAfterBOMAndWhitespace() {
        #expect(CalendarFile.looksLikeCalendar([0xEF, 0xBB, 0xBF] + Array(" \r\n\tbegin:vcalendar\r\n".utf8)))
        #expect(CalendarFile.looksLikeCalendar(Array("BEGIN:VCALENDAR".utf8)))
        #expect(!CalendarFile.looksLikeCalendar(Array("BEGIN:VCARD\r\n".utf8)))
        #expect(!CalendarFile.looksLikeCalendar(Array("BEGIN:VCAL".utf8)))
        #expect(!CalendarFile.looksLikeCalendar(Array("id,first_name\n".utf8)))
    }

    @Test func quotedParameterValuesKeepCommasColonsAndSemicolons() throws {
        let read = try lines(
            calendarBytes([
                #"ATTENDEE;CN="Lefèvre, Zoë";RSVP=TRUE:MAILTO:Zoe@Example.org"#,
                #"X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-ADDRESS="1 Fleet St";X-TITLE="Café; Bar: Fleet":geo:51.5,-0.1"#,
                #"X-TEST;MEMBER="mailto:a@x.example","mailto:b@x.example";CN=^'Q^' Li^nx:v"#,
            ]))
        #expect(read.count == 3)
        #expect(read[0].parameter("CN") == "Lefèvre, Zoë")
        #expect(read[0].value == "MAILTO:Zoe@Example.org")
        #expect(CalendarAddress.read(read[0]).email == "zoe@example.org")
        #expect(read[1].parameter("X-TITLE") == "Café; Bar: Fleet")
        #expect(read[1].value == "geo:51.5,-0.1")
        #expect(read[2].parameters.first?.values == ["mailto:a@x.example", "mailto:b@x.example"])
        #expect(read[2].parameter("CN") == "\"Q\" Li\nx", "RFC 6868 caret escapes")
        #expect(read[1].valueLocation == SourceLocation(path: "t.ics", line: 2, column: 89))
    }

    @Test func textEscapesAreUndone() {
        #expect(VCardFormat.unescape(#"a\,b\;c\nd\Ne\\f"#) == "a,b;c\nd\ne\\f")
        #expect(VCardFormat.unescape("plain") == "plain")
        #expect(CalendarText.list("20240101T100000Z, 20240108T100000Z,,") == ["20240101T100000Z", "20240108T100000Z"])
    }

    @Test func addressesFromMailtoInAnyCaseOrTheEmailParameter() throws {
        let read = try lines(
            calendarBytes([
                "ORGANIZER;CN=Seán:MAILTO:Sean.OBrien@LegalAid.example",
                #"ATTENDEE;CN=Kwame;EMAIL="Kwame@Mensah.example":urn:uuid:8A1B2C3D-4E5F"#,
                "ATTENDEE;CN=Guest;PARTSTAT=needs-action:invalid:nomail",
                "ATTENDEE;CUTYPE=RESOURCE;CN=Room:mailto:c_1@resource.calendar.google.com",
                "ATTENDEE:mailto:c_2@resource.calendar.google.com",
                "ORGANIZER;CN=Team:mailto:abc@group.calendar.google.com",
            ])
        ).map(CalendarAddress.read)
        #expect(
            read.map(\.email) == [
                "sean.obrien@legalaid.example", "kwame@mensah.example", nil, "c_1@resource.calendar.google.com",
                "c_2@resource.calendar.google.com", "abc@group.calendar.google.com",
            ])
        #expect(read[2].name == "Guest" && read[2].participation == "NEEDS-ACTION")
        #expect(read.map(\.isRoomOrResource) == [false, false, false, true, true, false])
        #expect(read[5].isGroupOrCalendar)
    }

    @Test func windows1252LineIsReadWithAWarning() throws {
        let bytes =
            Array("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20240315T100000Z\r\nATTENDEE;CN=Ren".utf8)
            + [0xE9] + Array(":mailto:r@x.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".utf8)
        let file = try CalendarFile.parse(path: "w.ics", data: bytes)
        #expect(file.events[0].attendees[0].name == "René")
        #expect(
            file.warnings.map(\.description).contains { $0.hasPrefix("w.ics:5:1: warning: this line is not UTF-8") })
    }

    @Test func durationValues() {
        #expect(CalendarDateTime.duration("PT1H30M") == 5400)
        #expect(CalendarDateTime.duration("P1D") == 86_400)
        #expect(CalendarDateTime.duration("P2W") == 1_209_600)
        #expect(CalendarDateTime.duration("-PT15M") == -900)
        #expect(CalendarDateTime.duration("P1DT2H3M4S") == 93_784)
        for bad in ["", "P", "PT", "1H", "PT1D", "P1H", "PT1H2", "P1.5D"] {
            #expect(CalendarDateTime.duration(bad) == nil, "\(bad)")
        }
    }

    @Test func dateTimeForms() throws {
        let file = try CalendarFile.parse(
            path: "d.ics",
            data: calendar([
                "BEGIN:VEVENT", "UID:u", "DTSTART;TZID=America/New_York:20240110T093000",
                "DTEND;TZID=Europe/London:20240110T150000", "RDATE;VALUE=DATE:20240111",
                "RDATE:20240112T080000", "EXDATE:20240113T080000Z", "END:VEVENT",
            ]))
        let event = try #require(file.events.first)
        #expect(event.start.form == .zoned("America/New_York"))
        #expect(event.start.utcStamp == "20240110T143000Z")
        #expect(event.end?.utcStamp == "20240110T150000Z")
        #expect(event.length == 1800)
        #expect(event.recurrenceDates.map(\.form) == [.date, .floating])
        #expect(event.recurrenceDates.map(\.utcStamp) == ["20240111", "20240112T080000Z"])
        #expect(event.exceptionDates.map(\.form) == [.utc])
    }

    @Test func unknownTimeZoneIsAWarningAndReadsAsFloating() throws {
        let file = try CalendarFile.parse(
            path: "z.ics",
            data: calendar(["BEGIN:VEVENT", "UID:u", "DTSTART;TZID=Mars Standard Time:20240110T093000", "END:VEVENT"]))
        #expect(file.events[0].start.form == .floating)
        #expect(file.events[0].start.utcStamp == "20240110T093000Z")
        #expect(
            file.warnings.map(\.description) == [
                "z.ics:7:1: warning: unknown time zone 'Mars Standard Time' (not an Olson name, no VTIMEZONE in the file); its times are read as floating (in X-WR-TIMEZONE, else UTC)"
            ])
    }

    @Test func structuralErrorsNameTheirPlace() {
        func message(_ lines: [String]) -> String? {
            errorText { _ = try CalendarFile.parse(path: "e.ics", data: calendarBytes(lines)) }
        }
        #expect(
            message(["BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:a", "DTSTART:20240101T100000Z", "END:VCALENDAR"])
                == "e.ics:5:1: invalid calendar: END:VCALENDAR does not close BEGIN:VEVENT of line 2")
        #expect(
            message(["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:a", "DTSTART:20240101T100000Z"])
                == "e.ics:3:1: invalid calendar: BEGIN:VEVENT is never closed (no END:VEVENT)")
        #expect(
            message(["BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:a", "SUMMARY:x", "END:VEVENT", "END:VCALENDAR"])
                == "e.ics:2:1: invalid calendar: VEVENT without DTSTART")
        #expect(
            message(["BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART:20240101", "END:VEVENT", "END:VCALENDAR"])
                == "e.ics:2:1: invalid calendar: VEVENT without UID (RFC 5545 requires one; it is the event's identity)"
        )
        #expect(
            message(["BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:a", "DTSTART:2024-03-01", "END:VEVENT", "END:VCALENDAR"])
                == "e.ics:4:9: unreadable date '2024-03-01'; tried YYYYMMDD, YYYYMMDDTHHMMSS, YYYYMMDDTHHMMSSZ")
        #expect(
            message(["BEGIN:VCALENDAR", "END:VEVENT"])
                == "e.ics:2:1: invalid calendar: END:VEVENT does not close BEGIN:VCALENDAR of line 1")
        #expect(message(["END:VCALENDAR"]) == "e.ics:1:1: invalid calendar: END:VCALENDAR without a BEGIN")
        #expect(
            message(["BEGIN:VCARD", "FN:Zoë", "END:VCARD"])
                == "e.ics:1:1: invalid calendar: no BEGIN:VCALENDAR; this is not an iCalendar file")
        #expect(
            message([
                "BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:a", "DTSTART:20240101T100000Z", "DURATION:1 hour", "END:VEVENT",
                "END:VCALENDAR",
            ]) == "e.ics:5:10: invalid calendar: unreadable DURATION '1 hour'; expected e.g. PT1H30M or P1D")
        #expect(
            message([
                "BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:a", "DTSTART:20240101T100000Z",
                "EXDATE;TZID=Europe/Paris:20240108T100000,20240115", "END:VEVENT", "END:VCALENDAR",
            ]) == nil, "a DATE among DATE-TIMEs is readable")
        #expect(
            message([
                "BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:a", "DTSTART:20240101T100000Z", "EXDATE:20240108T25",
                "END:VEVENT",
                "END:VCALENDAR",
            ]) == "e.ics:5:8: unreadable date '20240108T25'; tried YYYYMMDD, YYYYMMDDTHHMMSS, YYYYMMDDTHHMMSSZ")
    }

    @Test func anErrorInsideAFoldedValueNamesTheContinuationLine() {
        let lines = [
            "BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:a", "DTSTART;TZID=Europe/Paris:", " 20240230T100000", "END:VEVENT",
            "END:VCALENDAR",
        ]
        #expect(
            errorText { _ = try CalendarFile.parse(path: "f.ics", data: calendarBytes(lines)) }
                == "f.ics:5:2: unreadable date '20240230T100000'; tried YYYYMMDD, YYYYMMDDTHHMMSS, YYYYMMDDTHHMMSSZ")
    }

    @Test func limitsAreLocatedErrors() {
        let long = "DESCRIPTION:" + String(repeating: "x", count: 70)
        let folds = Array(
            repeating: " " + String(repeating: "y", count: 74), count: CalendarLines.maxLineBytes / 74 + 1)
        let bytes = calendarBytes(["BEGIN:VCALENDAR", "BEGIN:VEVENT", long] + folds + ["END:VEVENT", "END:VCALENDAR"])
        #expect(
            errorText { _ = try CalendarFile.parse(path: "l.ics", data: bytes) }
                == "l.ics:3:1: invalid calendar: content line longer than the limit of 1048576 bytes")
        let deep = (0..<20).map { "BEGIN:X-\($0)" }
        #expect(
            errorText { _ = try CalendarFile.parse(path: "n.ics", data: calendarBytes(["BEGIN:VCALENDAR"] + deep)) }
                == "n.ics:17:1: invalid calendar: components nested deeper than the limit of 16")
        #expect(
            errorText {
                _ = try CalendarFile.parse(path: "b.ics", data: Array("BEGIN:VCALENDAR\r\n".utf8) + [0, 1, 2])
            }
                == "b.ics:2:1: binary data (a NUL byte); expected a text file")
    }

    @Test func junkLinesAreWarningsNotErrors() throws {
        let file = try CalendarFile.parse(
            path: "j.ics",
            data: calendarBytes([
                "BEGIN:VCALENDAR", "this is not a content line", "BEGIN:VEVENT", "UID:a",
                "DTSTART:20240101T100000Z", #"X-BAD;CN="unclosed:value"#, "END:VEVENT", "END:VCALENDAR",
            ]))
        #expect(file.events.count == 1)
        #expect(
            file.warnings.map(\.description) == [
                "j.ics:2:1: warning: not a content line (expected NAME:value or NAME;PARAM=…:value); skipped",
                "j.ics:6:1: warning: not a content line (expected NAME:value or NAME;PARAM=…:value); skipped",
            ])
    }

    @Test func theThreeExportsParse() throws {
        let google = try calendarFixture("google.ics")
        #expect(google.calendarName == "avery.quinn@example.com")
        #expect(google.defaultZone == "America/New_York")
        #expect(google.events.count == 12)
        #expect(google.warnings.isEmpty)
        let outlook = try calendarFixture("outlook.ics")
        #expect(outlook.calendarName == "Calendar")
        #expect(outlook.events.count == 4)
        #expect(outlook.warnings.isEmpty)
        #expect(outlook.events[0].start.form == .zoned("W. Europe Standard Time"))
        let apple = try calendarFixture("apple.ics")
        #expect(apple.calendarName == "Work")
        #expect(apple.events.count == 5)
        #expect(apple.warnings.isEmpty)
        #expect(apple.events[0].duration == 5400)
        #expect(
            apple.events[1].attendees.map(\.email) == [
                "priya.raman@example.net", "kwame@mensah.example", "avery.quinn@icloud.example",
            ])
    }
}
