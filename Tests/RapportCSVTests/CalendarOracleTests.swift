import Foundation
import Rapport
import Testing

@testable import RapportCSV

/// Python's `icalendar` (parsing, time zones, VTIMEZONE) with `recurring-ical-events` (RRULE,
/// RDATE, EXDATE, RECURRENCE-ID) and `x-wr-timezone` as the oracle on every fixture: the same
/// events, instants, attendees, and occurrence set up to a date. `.ci/install-deps` installs them
/// from Tests/requirements.txt, so a missing package is a failure, not a skip.
@Suite struct CalendarOracleTests {
    static let python: String? = {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "--version"]
        check.standardOutput = FileHandle.nullDevice
        check.standardError = FileHandle.nullDevice
        guard (try? check.run()) != nil else { return nil }
        check.waitUntilExit()
        return check.terminationStatus == 0 ? "python3" : nil
    }()

    /// Prints, for one file and a cut-off day, the events and the occurrences before that day's
    /// midnight UTC, as JSON.
    static let script = #"""
        import sys, re, json, datetime as dt
        import icalendar, recurring_ical_events, x_wr_timezone
        UTC = dt.timezone.utc
        def instant(v):
            if isinstance(v, dt.datetime):
                v = v.replace(tzinfo=UTC) if v.tzinfo is None else v.astimezone(UTC)
                return v.strftime('%Y%m%dT%H%M%SZ')
            return v.strftime('%Y%m%d')
        def address(a):
            text = str(a)
            if text.lower().startswith('mailto:'):
                return text[7:].lower()
            email = a.params.get('EMAIL')
            return email.lower() if email and '@' in email else None
        def person(a):
            p = a.params
            return [address(a), p.get('CN'), p.get('PARTSTAT'), p.get('CUTYPE')]
        def listed(ev, name):
            v = ev.get(name, [])
            return v if isinstance(v, list) else [v]
        # Unfold the octets first (RFC 5545 3.1): icalendar decodes before it unfolds, so a fold that
        # splits a UTF-8 sequence would reach it as two broken halves.
        raw = re.sub(rb'\r?\n[ \t]', b'', open(sys.argv[1], 'rb').read())
        cal = x_wr_timezone.to_standard(icalendar.Calendar.from_ical(raw))
        cut = dt.date.fromisoformat(sys.argv[2])
        cutoff = dt.datetime.combine(cut, dt.time(), UTC)
        events = []
        for ev in cal.walk('VEVENT'):
            start = ev.decoded('DTSTART')
            end = ev.decoded('DTEND') if 'DTEND' in ev else None
            if end is None and 'DURATION' in ev:
                end = start + ev.decoded('DURATION')
            events.append({
                'uid': str(ev['UID']),
                'rid': instant(ev.decoded('RECURRENCE-ID')) if 'RECURRENCE-ID' in ev else None,
                'start': instant(start), 'end': instant(end) if end is not None else None,
                'organizer': address(ev['ORGANIZER']) if 'ORGANIZER' in ev else None,
                'attendees': [person(a) for a in listed(ev, 'ATTENDEE')],
                'status': str(ev.get('STATUS', '')).upper() or None})
        occurrences = []
        for ev in recurring_ical_events.of(cal).between(dt.datetime(1900, 1, 1), cut + dt.timedelta(days=2)):
            start = ev.decoded('DTSTART')
            key = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time())
            key = key.replace(tzinfo=UTC) if key.tzinfo is None else key.astimezone(UTC)
            if key < cutoff:
                occurrences.append([str(ev['UID']), instant(start), str(ev.get('STATUS', '')).upper() == 'CANCELLED'])
        print(json.dumps({'events': events, 'occurrences': sorted(occurrences)}, ensure_ascii=False))
        """#

    struct Event: Codable, Equatable {
        var uid: String
        var rid: String?
        var start: String
        var end: String?
        var organizer: String?
        var attendees: [[String?]]
        var status: String?
    }

    struct Oracle: Codable {
        var events: [Event]
        var occurrences: [[Occurrence]]

        enum Occurrence: Codable, Equatable {
            case text(String), flag(Bool)
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let flag = try? container.decode(Bool.self) {
                    self = .flag(flag)
                } else {
                    self = .text(try container.decode(String.self))
                }
            }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                switch self {
                case .text(let text): try container.encode(text)
                case .flag(let flag): try container.encode(flag)
                }
            }
        }
    }

    /// Runs the script; `nil` after recording an issue.
    func oracle(_ path: String, cut: String) throws -> Oracle? {
        let run = Process()
        run.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        run.arguments = ["python3", "-c", Self.script, path, cut]
        let output = Pipe()
        let errors = Pipe()
        run.standardOutput = output
        run.standardError = errors
        try run.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        run.waitUntilExit()
        if message.contains("ModuleNotFoundError") {
            Issue.record(
                "the Python oracle's packages are missing (\(message.split(separator: "\n").last ?? "")); run .ci/install-deps, which installs Tests/requirements.txt"
            )
            return nil
        }
        #expect(run.terminationStatus == 0, "\(message)")
        return try JSONDecoder().decode(Oracle.self, from: data)
    }

    /// Our events in the oracle's shape.
    func events(_ file: CalendarFile) -> [Event] {
        file.events.map { event in
            var end = event.end?.utcStamp
            if end == nil, let duration = event.duration {
                let start = event.start
                end =
                    start.isDate
                    ? CalendarDateTime.basic(start.day.adding(days: Int(duration / 86_400)))
                    : CalendarDateTime(
                        form: .utc, day: start.day, secondOfDay: 0, utcSeconds: start.utcSeconds + duration
                    )
                    .utcStamp
            }
            return Event(
                uid: event.uid, rid: event.recurrenceID?.utcStamp, start: event.start.utcStamp, end: end,
                organizer: event.organizer?.email,
                attendees: event.attendees.map { [$0.email, $0.name, $0.participation, $0.userType] },
                status: event.status)
        }
    }

    @Test(
        .enabled(if: python != nil, "python3 is not installed"),
        arguments: [
            ("google.ics", "2024-03-15"), ("google.ics", "2024-12-01"), ("outlook.ics", "2024-04-01"),
            ("outlook.ics", "2024-12-01"), ("apple.ics", "2024-04-03"), ("apple.ics", "2024-12-01"),
        ])
    func agreesWithIcalendar(_ name: String, _ cut: String) throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/calendar/\(name)", withExtension: nil))
        guard let oracle = try oracle(url.path, cut: cut) else { return }  // the issue is recorded
        let file = try calendarFixture(name)
        let ours = events(file)
        #expect(ours.count == oracle.events.count)
        for (mine, theirs) in zip(ours, oracle.events) {
            #expect(mine == theirs)
        }
        let cutoff = Int64(day(cut).ordinal) * 86_400
        let occurrences = file.occurrences(through: day(cut).adding(days: 1), cap: 100_000).occurrences
            .filter { $0.start.utcSeconds < cutoff }
            .map { [Oracle.Occurrence.text($0.uid), .text($0.start.utcStamp), .flag($0.isCancelled)] }
            .sorted { "\($0)" < "\($1)" }
        let expected = oracle.occurrences.sorted { "\($0)" < "\($1)" }
        #expect(!expected.isEmpty)
        #expect(occurrences == expected)
    }
}
