import Rapport

/// An ORGANIZER or ATTENDEE (RFC 5545 §3.8.4.1, §3.8.4.3) and its parameters.
public struct CalendarAddress: Hashable, Sendable {
    /// Lowercased; from a `mailto:` value (any case), else the `EMAIL` parameter (Apple writes
    /// `urn:uuid:…` values with `EMAIL="…"`); `nil` when neither gives one (`invalid:nomail`).
    public var email: String?
    /// `CN`, unquoted.
    public var name: String?
    /// `PARTSTAT`, uppercased: NEEDS-ACTION, ACCEPTED, DECLINED, TENTATIVE, DELEGATED.
    public var participation: String?
    /// `ROLE`, uppercased: CHAIR, REQ-PARTICIPANT, OPT-PARTICIPANT, NON-PARTICIPANT.
    public var role: String?
    /// `CUTYPE`, uppercased: INDIVIDUAL, GROUP, RESOURCE, ROOM, UNKNOWN.
    public var userType: String?
    public var location: SourceLocation

    public init(
        email: String?, name: String? = nil, participation: String? = nil, role: String? = nil,
        userType: String? = nil, location: SourceLocation
    ) {
        self.email = email
        self.name = name
        self.participation = participation
        self.role = role
        self.userType = userType
        self.location = location
    }

    /// A room or a resource, not a person: `CUTYPE=ROOM` or `RESOURCE`, or a Google Workspace
    /// resource calendar (`…@resource.calendar.google.com`).
    public var isRoomOrResource: Bool {
        userType == "ROOM" || userType == "RESOURCE" || (email?.hasSuffix("@resource.calendar.google.com") ?? false)
    }

    /// A mailing list or a shared calendar, not a person: `CUTYPE=GROUP`, or a Google secondary or
    /// imported calendar (`…@group.calendar.google.com`, `…@import.calendar.google.com`), which
    /// Google writes as the ORGANIZER of the events on it.
    public var isGroupOrCalendar: Bool {
        userType == "GROUP" || (email?.hasSuffix("@group.calendar.google.com") ?? false)
            || (email?.hasSuffix("@import.calendar.google.com") ?? false)
    }

    /// Reads an address property.
    static func read(_ line: CalendarContentLine) -> CalendarAddress {
        let value = CalendarText.trimmed(line.value)
        var email: String?
        if value.count > 7, value.prefix(7).lowercased() == "mailto:" {
            email = CalendarText.trimmed(value.dropFirst(7)).lowercased()
        } else if !value.contains(":"), value.contains("@") {
            email = value.lowercased()
        }
        if email?.contains("@") != true, let parameter = line.parameter("EMAIL"), parameter.contains("@") {
            email = CalendarText.trimmed(parameter).lowercased()
        }
        if email?.isEmpty == true { email = nil }
        let name = line.parameter("CN").map { CalendarText.trimmed($0) }
        return CalendarAddress(
            email: email, name: name?.isEmpty == true ? nil : name,
            participation: line.parameter("PARTSTAT")?.uppercased(), role: line.parameter("ROLE")?.uppercased(),
            userType: line.parameter("CUTYPE")?.uppercased(), location: line.location)
    }
}

/// A VEVENT (RFC 5545 §3.6.1), with its time, its people and its recurrence.
public struct CalendarEvent: Hashable, Sendable {
    public var uid: String
    public var start: CalendarDateTime
    /// DTEND as written.
    public var end: CalendarDateTime?
    /// DURATION as written, in seconds.
    public var duration: Int64?
    /// `STATUS`, uppercased: TENTATIVE, CONFIRMED, CANCELLED.
    public var status: String?
    public var organizer: CalendarAddress?
    public var attendees: [CalendarAddress]
    /// The RRULE, when it is one this reader expands.
    public var rule: RecurrenceRule?
    /// Why the RRULE is not expanded (an unsupported part); the event then counts once.
    public var ruleProblem: String?
    public var recurrenceDates: [CalendarDateTime]
    public var exceptionDates: [CalendarDateTime]
    /// RECURRENCE-ID: this VEVENT replaces that occurrence of the event with the same UID.
    public var recurrenceID: CalendarDateTime?
    /// The `BEGIN:VEVENT` line.
    public var location: SourceLocation

    /// All-day: DTSTART is a DATE.
    public var isAllDay: Bool { start.isDate }

    public var isCancelled: Bool { status == "CANCELLED" }

    /// The length of each occurrence in seconds: DTEND − DTSTART, else DURATION, else one day for
    /// a date and zero for a date-time (RFC 5545 §3.6.1); never negative.
    public var length: Int64 {
        if let end { return max(0, end.utcSeconds - start.utcSeconds) }
        if let duration { return max(0, duration) }
        return isAllDay ? 86_400 : 0
    }

    public init(
        uid: String, start: CalendarDateTime, end: CalendarDateTime? = nil, duration: Int64? = nil,
        status: String? = nil, organizer: CalendarAddress? = nil, attendees: [CalendarAddress] = [],
        rule: RecurrenceRule? = nil, ruleProblem: String? = nil, recurrenceDates: [CalendarDateTime] = [],
        exceptionDates: [CalendarDateTime] = [], recurrenceID: CalendarDateTime? = nil, location: SourceLocation
    ) {
        self.uid = uid
        self.start = start
        self.end = end
        self.duration = duration
        self.status = status
        self.organizer = organizer
        self.attendees = attendees
        self.rule = rule
        self.ruleProblem = ruleProblem
        self.recurrenceDates = recurrenceDates
        self.exceptionDates = exceptionDates
        self.recurrenceID = recurrenceID
        self.location = location
    }
}
