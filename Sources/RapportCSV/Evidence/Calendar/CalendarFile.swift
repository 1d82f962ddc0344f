import Rapport

/// A calendar export (`.ics`, RFC 5545) read for evidence: who the user met, when, for how long.
///
/// Reads Google Calendar, Outlook and Apple Calendar exports: CRLF or LF lines, folding (undone on
/// the bytes, so a fold inside a UTF-8 sequence reads back whole), quoted parameters, `mailto:` in
/// any case, TEXT escapes, a BOM; DATE-TIMEs in UTC, floating, or with a `TZID` that is an Olson
/// name or names a `VTIMEZONE` of the file (Outlook's Windows names); all-day DATEs; DTEND or
/// DURATION; RRULE, RDATE, EXDATE and RECURRENCE-ID overrides (see `occurrences(through:cap:)`).
/// Nothing of an event's content (SUMMARY, DESCRIPTION, LOCATION) is kept.
///
/// Limits: a logical (unfolded) line of at most `CalendarLines.maxLineBytes` (1 MiB), at most
/// `maxEvents` (200,000) VEVENTs, components nested at most `CalendarComponent.maxDepth` (16)
/// deep, and a bounded recurrence expansion (`maxStepsPerEvent`, `maxStepsPerFile`).
/// Reference: RFC 5545, "Internet Calendaring and Scheduling Core Object Specification".
public struct CalendarFile: Sendable {
    public var path: String
    /// `X-WR-CALNAME` (Google names the primary calendar after the account's address).
    public var calendarName: String?
    /// Where `X-WR-CALNAME` was read.
    public var calendarNameLocation: SourceLocation?
    /// The VEVENTs in file order, overrides (RECURRENCE-ID) included.
    public var events: [CalendarEvent]
    /// What the reader recovered from: unknown time zones, RRULEs it does not expand, lines that
    /// are not content lines.
    public var warnings: [ImportWarning]
    /// `X-WR-TIMEZONE`: the calendar's zone, in which its floating times are read.
    public var defaultZone: String?
    /// The file's VTIMEZONEs by TZID, for the expansion of recurring events.
    var zones: [String: CalendarTimeZone] = [:]

    /// The most VEVENTs in one file.
    public static let maxEvents = 200_000
    /// The most steps one RRULE's expansion takes: a period (a day, week, month or year) costs one,
    /// one per entry of its BY lists and one per candidate date. A daily rule of 25 years takes
    /// about 18,000 steps; a weekly one on weekdays, about 14,000.
    public static let maxStepsPerEvent = 200_000
    /// The most steps all the RRULEs of one file take together, per expansion; it keeps a crafted
    /// file of many long rules from running for minutes.
    public static let maxStepsPerFile = 1_000_000

    public init(
        path: String, calendarName: String? = nil, calendarNameLocation: SourceLocation? = nil,
        events: [CalendarEvent] = [], warnings: [ImportWarning] = []
    ) {
        self.path = path
        self.calendarName = calendarName
        self.calendarNameLocation = calendarNameLocation
        self.events = events
        self.warnings = warnings
    }

    /// Whether `bytes` start like an iCalendar file: `BEGIN:VCALENDAR` (any case) after an optional
    /// UTF-8 BOM and whitespace.
    /// - Complexity: O(leading whitespace).
    public static func looksLikeCalendar(_ bytes: [UInt8]) -> Bool {
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < bytes.count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[i]) { i += 1 }
        let expected = Array("BEGIN:VCALENDAR".utf8)
        guard bytes.count - i >= expected.count else { return false }
        for (offset, byte) in expected.enumerated() {
            let b = bytes[i + offset]
            guard b == byte || (b >= 0x61 && b <= 0x7A && b - 0x20 == byte) else { return false }
        }
        return true
    }

    /// Reads a calendar file.
    ///
    /// - Throws: `ImportError` at `path:line:col`: `.invalidCalendar` for a BEGIN without END, an
    ///   END that closes the wrong component, no VCALENDAR, a VEVENT without UID or DTSTART, an
    ///   unreadable DURATION, a line or event count over the limits; `.unreadableDate` for an
    ///   unreadable DTSTART, DTEND, RECURRENCE-ID, EXDATE or RDATE; `.binaryData` and the other
    ///   `TextDecoding` errors for a file that is not text.
    /// - Complexity: O(n) in the file's size (time-zone lookups aside).
    public static func parse(path: String, data: [UInt8]) throws(ImportError) -> CalendarFile {
        var warnings: [ImportWarning] = []
        let lines = try CalendarLines.read(path: path, data: data, warnings: &warnings)
        let roots = try CalendarComponent.tree(lines, warnings: &warnings)
        let calendars = roots.filter { $0.name == "VCALENDAR" }
        guard !calendars.isEmpty else {
            throw ImportError(
                .invalidCalendar("no BEGIN:VCALENDAR; this is not an iCalendar file"),
                at: roots.first?.location ?? SourceLocation(path: path, line: 1, column: 1))
        }
        var file = CalendarFile(path: path)
        if let line = calendars.lazy.compactMap({ $0.first("X-WR-CALNAME") }).first {
            file.calendarName = CalendarText.trimmed(VCardFormat.unescape(line.value))
            file.calendarNameLocation = line.location
        }
        var zones: [String: CalendarTimeZone] = [:]
        for component in calendars.flatMap({ $0.children("VTIMEZONE") }) {
            switch CalendarTimeZone.read(component) {
            case .success(let zone): zones[zone.tzid] = zones[zone.tzid] ?? zone
            case .failure(let problem):
                warnings.append(ImportWarning("time zone not read: \(problem.message)", at: component.location))
            }
        }
        file.zones = zones
        file.defaultZone = calendars.lazy.compactMap { $0.first("X-WR-TIMEZONE") }.first.map {
            CalendarText.trimmed(VCardFormat.unescape($0.value))
        }
        var reader = CalendarEventReader(zones: CalendarZoneResolver(fileZones: zones, floatingZone: file.defaultZone))
        for component in calendars.flatMap({ $0.children("VEVENT") }) {
            guard file.events.count < maxEvents else {
                throw ImportError(
                    .invalidCalendar("more than \(maxEvents) events (the limit of one file)"), at: component.location)
            }
            file.events.append(try reader.event(component))
        }
        file.warnings = warnings + reader.warnings
        return file
    }
}
