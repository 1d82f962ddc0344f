import Rapport

/// Reads the VEVENTs of a component tree: date-times through the file's time zones, addresses,
/// recurrence properties. Collects warnings; throws on what makes an event unreadable.
struct CalendarEventReader {
    var zones: CalendarZoneResolver
    var warnings: [ImportWarning] = []
    private var warnedZones: Set<String> = []

    init(zones: CalendarZoneResolver) { self.zones = zones }

    /// One VEVENT.
    /// - Throws: `.invalidCalendar` for a VEVENT without UID or DTSTART (at its BEGIN line);
    ///   `.unreadableDate` for a DTSTART, DTEND, RECURRENCE-ID, EXDATE or RDATE that is not a
    ///   date or date-time, and `.invalidCalendar` for an unreadable DURATION (at the value).
    mutating func event(_ component: CalendarComponent) throws(ImportError) -> CalendarEvent {
        guard let uidLine = component.first("UID"), !CalendarText.trimmed(uidLine.value).isEmpty else {
            throw ImportError(
                .invalidCalendar("VEVENT without UID (RFC 5545 requires one; it is the event's identity)"),
                at: component.location)
        }
        guard let startLine = component.first("DTSTART") else {
            throw ImportError(.invalidCalendar("VEVENT without DTSTART"), at: component.location)
        }
        let start = try dateTime(startLine)
        var event = CalendarEvent(
            uid: CalendarText.trimmed(VCardFormat.unescape(uidLine.value)), start: start, location: component.location)
        if let line = component.first("DTEND") { event.end = try dateTime(line) }
        if event.end == nil, let line = component.first("DURATION") {
            guard let seconds = CalendarDateTime.duration(line.value) else {
                throw ImportError(
                    .invalidCalendar(
                        "unreadable DURATION '\(RecurrenceRule.clip(line.value))'; expected e.g. PT1H30M or P1D"),
                    at: line.valueLocation)
            }
            event.duration = seconds
        }
        event.status = component.first("STATUS").map { CalendarText.trimmed($0.value).uppercased() }
        event.organizer = component.first("ORGANIZER").map(CalendarAddress.read)
        event.attendees = component.all("ATTENDEE").map(CalendarAddress.read)
        if let line = component.first("RECURRENCE-ID") {
            event.recurrenceID = try dateTime(line)
            if line.parameter("RANGE")?.uppercased() == "THISANDFUTURE" {
                warnings.append(
                    ImportWarning(
                        "RANGE=THISANDFUTURE is not supported; this VEVENT replaces only the one occurrence",
                        at: line.location))
            }
        }
        let rules = component.all("RRULE")
        if let line = rules.first {
            do throws(RecurrenceRule.Problem) {
                guard rules.count == 1 else {
                    throw RecurrenceRule.Problem(message: "several RRULE lines in one VEVENT are not supported")
                }
                event.rule = try RecurrenceRule.parse(line.value)
            } catch {
                event.ruleProblem = error.message
                warnings.append(
                    ImportWarning(
                        "RRULE not expanded (\(error.message)); the event counts with its first occurrence only",
                        at: line.location))
            }
        }
        for line in component.all("EXDATE") { event.exceptionDates += try dateTimes(line) }
        for line in component.all("RDATE") { event.recurrenceDates += try dateTimes(line) }
        return event
    }

    /// A single DATE or DATE-TIME property, in the zone its TZID names.
    mutating func dateTime(_ line: CalendarContentLine) throws(ImportError) -> CalendarDateTime {
        try dateTime(line.value, line: line)
    }

    /// Every value of a list property (EXDATE, RDATE); a PERIOD (`start/end`) counts by its start.
    mutating func dateTimes(_ line: CalendarContentLine) throws(ImportError) -> [CalendarDateTime] {
        var values: [CalendarDateTime] = []
        for item in CalendarText.list(line.value) {
            let start = item.split(separator: "/", maxSplits: 1).first.map(String.init) ?? item
            values.append(try dateTime(start, line: line))
        }
        return values
    }

    mutating func dateTime(_ text: String, line: CalendarContentLine) throws(ImportError) -> CalendarDateTime {
        guard let (day, second, isUTC) = CalendarDateTime.lexical(text) else {
            throw ImportError(
                .unreadableDate(RecurrenceRule.clip(CalendarText.trimmed(text)), tried: CalendarDateTime.formats),
                at: line.valueLocation)
        }
        guard let second else {
            return CalendarDateTime(form: .date, day: day, secondOfDay: 0, utcSeconds: Int64(day.ordinal) * 86_400)
        }
        let local = Int64(day.ordinal) * 86_400 + Int64(second)
        if isUTC { return CalendarDateTime(form: .utc, day: day, secondOfDay: second, utcSeconds: local) }
        if let tzid = line.parameter("TZID").map({ CalendarText.trimmed($0) }), !tzid.isEmpty {
            if let instant = zones.utc(local: local, tzid: tzid) {
                return CalendarDateTime(form: .zoned(tzid), day: day, secondOfDay: second, utcSeconds: instant)
            }
            if warnedZones.insert(tzid).inserted {
                warnings.append(
                    ImportWarning(
                        "unknown time zone '\(RecurrenceRule.clip(tzid))' (not an Olson name, no VTIMEZONE in the file); its times are read as floating (in X-WR-TIMEZONE, else UTC)",
                        at: line.location))
            }
        }
        return CalendarDateTime(
            form: .floating, day: day, secondOfDay: second, utcSeconds: zones.utcFloating(local: local))
    }
}
