import Foundation
import Rapport
import Testing

@testable import RapportCSV

/// RRULE, RDATE, EXDATE, RECURRENCE-ID and time zones. Expected dates come from the examples of
/// RFC 5545 §3.8.5.3, from hand computation on a calendar, and from the tz database (Foundation).
@Suite struct CalendarRecurrenceTests {
    /// One event, its occurrences through `through`, as local `yyyyMMdd` dates.
    func dates(
        _ dtstart: String, _ rule: String, through: String, extra: [String] = [], tzid: String = "America/New_York"
    ) throws -> [String] {
        let file = try CalendarFile.parse(
            path: "r.ics",
            data: calendar(
                ["BEGIN:VEVENT", "UID:r", "DTSTART;TZID=\(tzid):\(dtstart)", "DURATION:PT1H", "RRULE:\(rule)"] + extra
                    + ["END:VEVENT"]))
        #expect(file.warnings.isEmpty, "\(file.warnings)")
        return file.occurrences(through: day(through), cap: 10_000).occurrences.map { CalendarDateTime.basic($0.day) }
    }

    struct Example: Sendable, CustomTestStringConvertible {
        var name: String
        var dtstart: String
        var rule: String
        var through: String
        var expected: [String]
        var extra: [String] = []
        var testDescription: String { name }
    }

    /// RFC 5545 §3.8.5.3, "Examples" (the expected dates are the RFC's).
    static let rfcExamples: [Example] = [
        Example(
            name: "weekly for 10 occurrences", dtstart: "19970902T090000", rule: "FREQ=WEEKLY;COUNT=10",
            through: "1999-01-01",
            expected: [
                "19970902", "19970909", "19970916", "19970923", "19970930", "19971007", "19971014", "19971021",
                "19971028", "19971104",
            ]),
        Example(
            name: "every other week on Tuesday and Thursday, 8 occurrences", dtstart: "19970902T090000",
            rule: "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH", through: "1999-01-01",
            expected: ["19970902", "19970904", "19970916", "19970918", "19970930", "19971002", "19971014", "19971016"]),
        Example(
            name: "WKST=MO", dtstart: "19970805T090000", rule: "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO",
            through: "1999-01-01", expected: ["19970805", "19970810", "19970819", "19970824"]),
        Example(
            name: "WKST=SU", dtstart: "19970805T090000", rule: "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU",
            through: "1999-01-01", expected: ["19970805", "19970817", "19970819", "19970831"]),
        Example(
            name: "monthly on the first Friday, 10 occurrences", dtstart: "19970905T090000",
            rule: "FREQ=MONTHLY;COUNT=10;BYDAY=1FR", through: "1999-01-01",
            expected: [
                "19970905", "19971003", "19971107", "19971205", "19980102", "19980206", "19980306", "19980403",
                "19980501", "19980605",
            ]),
        Example(
            name: "every other month on the first and last Sunday", dtstart: "19970907T090000",
            rule: "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU", through: "1999-01-01",
            expected: [
                "19970907", "19970928", "19971102", "19971130", "19980104", "19980125", "19980301", "19980329",
                "19980503", "19980531",
            ]),
        Example(
            name: "second-to-last Monday for 6 months", dtstart: "19970922T090000",
            rule: "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO",
            through: "1999-01-01", expected: ["19970922", "19971020", "19971117", "19971222", "19980119", "19980216"]),
        Example(
            name: "third-to-last day of the month", dtstart: "19970928T090000", rule: "FREQ=MONTHLY;BYMONTHDAY=-3",
            through: "1998-02-28", expected: ["19970928", "19971029", "19971128", "19971229", "19980129", "19980226"]),
        Example(
            name: "the 2nd and 15th, 10 occurrences", dtstart: "19970902T090000",
            rule: "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15",
            through: "1999-01-01",
            expected: [
                "19970902", "19970915", "19971002", "19971015", "19971102", "19971115", "19971202", "19971215",
                "19980102", "19980115",
            ]),
        Example(
            name: "first and last day of the month, 10 occurrences", dtstart: "19970930T090000",
            rule: "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1", through: "1999-01-01",
            expected: [
                "19970930", "19971001", "19971031", "19971101", "19971130", "19971201", "19971231", "19980101",
                "19980131", "19980201",
            ]),
        Example(
            name: "every Friday the 13th (DTSTART excluded)", dtstart: "19970902T090000",
            rule: "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", through: "2000-12-31",
            expected: ["19980213", "19980313", "19981113", "19990813", "20001013"],
            extra: ["EXDATE;TZID=America/New_York:19970902T090000"]),
        Example(
            name: "the third Tuesday, Wednesday or Thursday, 3 months", dtstart: "19970904T090000",
            rule: "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3", through: "1999-01-01",
            expected: ["19970904", "19971007", "19971106"]),
        Example(
            name: "second-to-last weekday of the month", dtstart: "19970929T090000",
            rule: "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2", through: "1998-03-31",
            expected: ["19970929", "19971030", "19971127", "19971230", "19980129", "19980226", "19980330"]),
        Example(
            name: "February 30 is ignored", dtstart: "20070115T090000", rule: "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5",
            through: "2008-01-01", expected: ["20070115", "20070130", "20070215", "20070315", "20070330"]),
        Example(
            name: "the 20th Monday of the year", dtstart: "19970519T090000", rule: "FREQ=YEARLY;BYDAY=20MO",
            through: "1999-12-31", expected: ["19970519", "19980518", "19990517"]),
        Example(
            name: "US presidential election day", dtstart: "19961105T090000",
            rule: "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8", through: "2004-12-31",
            expected: ["19961105", "20001107", "20041102"]),
        Example(
            name: "yearly in June and July, 10 occurrences", dtstart: "19970610T090000",
            rule: "FREQ=YEARLY;COUNT=10;BYMONTH=6,7", through: "2010-01-01",
            expected: [
                "19970610", "19970710", "19980610", "19980710", "19990610", "19990710", "20000610", "20000710",
                "20010610", "20010710",
            ]),
        Example(
            name: "every Thursday in March", dtstart: "19970313T090000", rule: "FREQ=YEARLY;BYMONTH=3;BYDAY=TH",
            through: "1999-12-31",
            expected: [
                "19970313", "19970320", "19970327", "19980305", "19980312", "19980319", "19980326", "19990304",
                "19990311", "19990318", "19990325",
            ]),
        Example(
            name: "every other day", dtstart: "19970902T090000", rule: "FREQ=DAILY;INTERVAL=2", through: "1997-09-12",
            expected: ["19970902", "19970904", "19970906", "19970908", "19970910", "19970912"]),
    ]

    @Test(arguments: rfcExamples) func rfc5545Example(_ example: Example) throws {
        #expect(
            try dates(example.dtstart, example.rule, through: example.through, extra: example.extra) == example.expected
        )
    }

    @Test func dailyUntilIsInclusiveAndComparedInUTCAcrossTheDSTChange() throws {
        // RFC: "Daily until December 24, 1997" — September 2 to December 23, 113 occurrences; the
        // 24th at 09:00 EST is 14:00Z, after UNTIL.
        let file = try CalendarFile.parse(
            path: "u.ics",
            data: calendar([
                "BEGIN:VEVENT", "UID:u", "DTSTART;TZID=America/New_York:19970902T090000",
                "RRULE:FREQ=DAILY;UNTIL=19971224T000000Z", "END:VEVENT",
            ]))
        let starts = file.occurrences(through: day("1998-12-31")).occurrences.map(\.start)
        #expect(starts.count == 113)
        #expect(starts.first?.utcStamp == "19970902T130000Z")
        #expect(starts.first { $0.day == day("1997-10-25") }?.utcStamp == "19971025T130000Z", "EDT")
        #expect(starts.first { $0.day == day("1997-10-27") }?.utcStamp == "19971027T140000Z", "EST")
        #expect(starts.last?.day == day("1997-12-23"))
        // "Every day in January, for 3 years": UNTIL 20000131T140000Z is 09:00 EST itself, included.
        let january = try dates("19980101T090000", "FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1", through: "2001-01-01")
        #expect(january.count == 93)
        #expect(january.last == "20000131")
    }

    @Test func weeklyWithExdateCountOverrideAndCancelledInstanceFromTheGoogleExport() throws {
        let file = try calendarFixture("google.ics")
        let weekly = file.occurrences(through: day("2024-06-30")).occurrences.filter {
            $0.uid == "3k9d2f7q1m8v4c6b0a5e1g2h3i@google.com"
        }
        // COUNT=8 Tuesdays from Feb 13 (Feb 27 and Mar 12 excluded); Mar 19 moved to Wed Mar 20
        // 14:00; Mar 26 cancelled; the clocks changed on Sunday, March 10 (EST → EDT).
        #expect(
            weekly.map(\.start.utcStamp) == [
                "20240213T143000Z", "20240220T143000Z", "20240305T143000Z", "20240320T180000Z", "20240326T133000Z",
                "20240402T133000Z",
            ])
        #expect(weekly.map(\.isCancelled) == [false, false, false, false, true, false])
        #expect(weekly.map(\.length) == [1800, 1800, 1800, 2700, 1800, 1800])
        #expect(weekly[3].recurrenceID?.utcStamp == "20240319T133000Z")
        #expect(weekly[3].eventIndex == 1 && weekly[0].eventIndex == 0)
    }

    @Test func monthlyFirstThursdayUntilIncludesTheUntilInstant() throws {
        let file = try calendarFixture("google.ics")
        let monthly = file.occurrences(through: day("2024-12-31")).occurrences.filter {
            $0.uid == "7h2j4k6l8m0n1p3q5r7s9t@google.com"
        }
        #expect(monthly.map(\.day) == ["2024-01-04", "2024-02-01", "2024-03-07", "2024-04-04", "2024-05-02"].map(day))
        #expect(monthly.last?.start.utcStamp == "20240502T220000Z")
    }

    @Test func outlookWindowsZonesAcrossBothDSTChanges() throws {
        let file = try calendarFixture("outlook.ics")
        let all = file.occurrences(through: day("2024-11-30")).occurrences
        func stamps(_ part: String) -> [String] { all.filter { $0.uid.contains(part) }.map(\.start.utcStamp) }
        // W. Europe: CET until March 31, CEST until October 27.
        #expect(stamps("50B1A0D2") == ["20240314T090000Z", "20240321T090000Z", "20240328T090000Z", "20240404T080000Z"])
        #expect(stamps("D0E1F2A3") == ["20241017T130000Z", "20241031T140000Z", "20241114T140000Z"])
        // Pacific: last Friday 16:00; PST (−8) until March 10, then PDT (−7); the local date stays.
        #expect(
            stamps("A0C1B2D3") == [
                "20240127T000000Z", "20240224T000000Z", "20240329T230000Z", "20240426T230000Z", "20240531T230000Z",
            ])
        #expect(
            all.filter { $0.uid.contains("A0C1B2D3") }.map(\.day)
                == ["2024-01-26", "2024-02-23", "2024-03-29", "2024-04-26", "2024-05-31"].map(day))
    }

    @Test func windowsVTimeZonesAgreeWithTheTzDatabaseEveryHourOf2024() throws {
        let outlook = try calendarFixture("outlook.ics")
        let google = try calendarFixture("google.ics")
        let pairs = [
            (outlook.zones["W. Europe Standard Time"], "Europe/Berlin"),
            (outlook.zones["Pacific Standard Time"], "America/Los_Angeles"),
            (google.zones["America/New_York"], "America/New_York"),
        ]
        let start = Int64(day("2024-01-01").ordinal) * 86_400
        for (zone, olson) in pairs {
            let fileZone = try #require(zone)
            let tz = try #require(TimeZone(identifier: olson))
            var mismatches = 0
            for hour in Int64(0)..<(366 * 24) {
                let instant = start + hour * 3600
                if fileZone.offset(atUTC: instant)
                    != tz.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant)))
                {
                    mismatches += 1
                }
            }
            #expect(mismatches == 0, "\(olson)")
        }
    }

    @Test func wallClockTimesInTheGapAndTheOverlap() throws {
        let zone = try #require(try calendarFixture("outlook.ics").zones["W. Europe Standard Time"])
        func utc(_ iso: String, _ hour: Int, _ minute: Int) -> String {
            let local = Int64(day(iso).ordinal) * 86_400 + Int64(hour * 3600 + minute * 60)
            let instant = CalendarZoneResolver.utc(local: local, offsetAt: zone.offset(atUTC:))
            return CalendarDateTime(form: .utc, day: day(iso), secondOfDay: 0, utcSeconds: instant).utcStamp
        }
        // 02:30 on March 31 does not exist: read with the offset from before (+1), as zoneinfo's fold=0.
        #expect(utc("2024-03-31", 2, 30) == "20240331T013000Z")
        // 02:30 on October 27 happens twice: the first (+2).
        #expect(utc("2024-10-27", 2, 30) == "20241027T003000Z")
        #expect(utc("2024-10-27", 3, 30) == "20241027T023000Z")
        #expect(utc("2024-07-01", 12, 0) == "20240701T100000Z")
    }

    @Test func rdateAddsAndExdateOnADateRemoves() throws {
        let apple = try calendarFixture("apple.ics")
        let luis = apple.occurrences(through: day("2024-06-30")).occurrences.filter { $0.uid.hasPrefix("F6A7") }
        #expect(luis.map(\.start.utcStamp) == ["20240613T160000Z", "20240620T160000Z"])
        let standup = apple.occurrences(through: day("2024-06-30")).occurrences.filter { $0.uid.hasPrefix("C2D3") }
        // Weekdays March 25 – April 5 less Good Friday and Easter Monday (two EXDATE lines); UK
        // summer time from March 31; UNTIL 2024-04-05T08:15Z is the last one exactly.
        #expect(
            standup.map(\.day)
                == [
                    "2024-03-25", "2024-03-26", "2024-03-27", "2024-03-28", "2024-04-02", "2024-04-03", "2024-04-04",
                    "2024-04-05",
                ].map(day))
        #expect(standup.first?.start.utcStamp == "20240325T091500Z")
        #expect(standup.last?.start.utcStamp == "20240405T081500Z")
        let byDate = try dates(
            "20240101T100000", "FREQ=DAILY;COUNT=4", through: "2024-12-31", extra: ["EXDATE;VALUE=DATE:20240102"])
        #expect(byDate == ["20240101", "20240103", "20240104"], "EXDATE counts toward COUNT, then removes")
    }

    @Test func unsupportedRulePartsWarnAndKeepTheFirstOccurrence() throws {
        for (rule, problem) in [
            ("FREQ=DAILY;BYHOUR=9,17", "BYHOUR is not supported"),
            ("FREQ=HOURLY;INTERVAL=4", "FREQ=HOURLY is not supported (DAILY, WEEKLY, MONTHLY, YEARLY are)"),
            ("FREQ=YEARLY;BYWEEKNO=20", "BYWEEKNO is not supported"),
            ("FREQ=WEEKLY;BYDAY=1MO", "BYDAY=1MO has an ordinal, which FREQ=WEEKLY does not allow"),
            ("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY=32 is outside -31…31"),
            ("INTERVAL=2", "no FREQ"),
        ] {
            let file = try CalendarFile.parse(
                path: "x.ics",
                data: calendar(["BEGIN:VEVENT", "UID:x", "DTSTART:20240101T100000Z", "RRULE:" + rule, "END:VEVENT"]))
            #expect(
                file.warnings.map(\.description) == [
                    "x.ics:8:1: warning: RRULE not expanded (\(problem)); the event counts with its first occurrence only"
                ])
            #expect(
                file.occurrences(through: day("2024-12-31")).occurrences.map(\.start.utcStamp) == ["20240101T100000Z"])
        }
    }

    @Test func capKeepsTheLatestOccurrencesAndListsTheEvent() throws {
        let file = try calendarFixture("google.ics")
        let (occurrences, capped) = file.occurrences(through: day("2024-06-30"), cap: 3)
        #expect(capped == ["3k9d2f7q1m8v4c6b0a5e1g2h3i@google.com", "7h2j4k6l8m0n1p3q5r7s9t@google.com"])
        #expect(
            occurrences.filter { $0.uid.hasPrefix("3k9d") }.map(\.start.utcStamp) == [
                "20240320T180000Z", "20240326T133000Z", "20240402T133000Z",
            ])
        #expect(file.occurrences(through: day("2024-06-30"), cap: 6).capped == [], "exactly the cap is no hit")
    }

    @Test func expansionIsBoundedPerEventAndPerFile() throws {
        // February 30 never comes: a daily rule that matches nothing would scan to 9999.
        let never = ["RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"]
        let body = (0..<3).flatMap { i in
            ["BEGIN:VEVENT", "UID:n\(i)", "DTSTART:17000101T100000Z"] + never + ["END:VEVENT"]
        }
        let file = try CalendarFile.parse(path: "b.ics", data: calendar(body))
        let expansion = file.expand(through: day("2024-12-31"), cap: 1_000, limits: (perEvent: 5_000, perFile: 12_000))
        #expect(expansion.occurrences.count == 3, "each keeps DTSTART")
        #expect(
            expansion.warnings.map(\.description) == [
                "b.ics:5:1: warning: recurrence expansion stopped after 5000 steps (the limit of one event); 1 occurrence(s) found",
                "b.ics:10:1: warning: recurrence expansion stopped after 5000 steps (the limit of one event); 1 occurrence(s) found",
                "b.ics:15:1: warning: recurrence expansion stopped because the file's budget of steps for all its recurring events is spent; 1 occurrence(s) found",
            ])
        // With the real limits: 200,000 days from the year 1000 do not reach 2024.
        let one = try CalendarFile.parse(
            path: "o.ics",
            data: calendar(["BEGIN:VEVENT", "UID:o", "DTSTART:10000101T100000Z"] + never + ["END:VEVENT"]))
        #expect(
            one.expand(through: day("2024-12-31"), cap: 1_000).warnings.map(\.description) == [
                "o.ics:5:1: warning: recurrence expansion stopped after 200000 steps (the limit of one event); 1 occurrence(s) found"
            ])
    }

    /// Hang found while timing worst cases against the fuzz-ics binary (the 60-second libFuzzer run
    /// itself found none; the input is in Tests/Fuzz/seeds/ics): 40 events repeating every day of
    /// the week since the year 1000 in New York time ran for minutes, because every instance up to
    /// the day asked for was kept and converted to UTC. Now only the latest are kept and converted.
    @Test func aLongRuleKeepsOnlyItsLatestInstances() throws {
        let rule = try RecurrenceRule.parse("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU")
        let anchor = try #require(Day(year: 1000, month: 1, day: 1))
        let expansion = rule.expand(
            anchor: anchor, through: day("2030-12-31"), keepLast: 51, maxSteps: 200_000, isBeyondUntil: { _ in false })
        #expect(expansion.days.count == 51)
        #expect(expansion.hitStepLimit)
        // A week costs 15 steps: itself, 7 BYDAY entries, 7 candidates.
        #expect(expansion.steps == 13_334 * 15)
        #expect(expansion.count == 7 * 13_334 - 2, "Jan 1, 1000 was a Wednesday: DTSTART, 4 more, then 7 a week")
        let body = (0..<40).flatMap { i in
            [
                "BEGIN:VEVENT", "UID:w\(i)", "DTSTART;TZID=America/New_York:10000101T000000",
                "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU", "ATTENDEE:mailto:a@b.example", "END:VEVENT",
            ]
        }
        let file = try CalendarFile.parse(path: "w.ics", data: calendar(body))
        let result = file.expand(through: day("2030-12-31"), cap: 50, limits: (perEvent: 20_000, perFile: 100_000))
        // Five events spend the file's budget (5 × 20,000 steps) and keep their latest 50; the other
        // 35 keep DTSTART only. Every one of the 40 is warned about.
        #expect(result.occurrences.count == 5 * 50 + 35)
        #expect(result.capped == (0..<5).map { "w\($0)" })
        #expect(result.warnings.count == 40)
    }

    @Test func overrideWithoutItsSeriesIsAnOccurrenceOfItsOwn() throws {
        let file = try CalendarFile.parse(
            path: "o.ics",
            data: calendar([
                "BEGIN:VEVENT", "UID:lonely", "RECURRENCE-ID:20240301T100000Z", "DTSTART:20240302T110000Z",
                "DTEND:20240302T113000Z", "END:VEVENT",
            ]))
        let occurrences = file.occurrences(through: day("2024-03-31")).occurrences
        #expect(occurrences.map(\.start.utcStamp) == ["20240302T110000Z"])
        #expect(occurrences.first?.recurrenceID?.utcStamp == "20240301T100000Z")
    }

    @Test func aRepeatedVEventIsExpandedOnce() throws {
        let event = ["BEGIN:VEVENT", "UID:twice", "DTSTART:20240301T100000Z", "RRULE:FREQ=DAILY;COUNT=2", "END:VEVENT"]
        let file = try CalendarFile.parse(path: "t.ics", data: calendar(event + event))
        let expansion = file.expand(through: day("2024-03-31"), cap: 100)
        #expect(expansion.occurrences.count == 2)
        #expect(expansion.repeatedEvents == 1)
    }
}
