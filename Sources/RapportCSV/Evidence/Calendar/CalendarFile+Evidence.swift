import Rapport

extension CalendarFile {
    /// The words `EvidenceFile.skipped` counts, one per reason.
    public enum SkipReason {
        public static let cancelled = "cancelled"
        public static let allDay = "all-day"
        public static let declined = "declined"
        public static let crowd = "more than 20 attendees"
        public static let alone = "no other attendee"
        public static let room = "room or resource"
        public static let group = "group address or shared calendar"
        public static let attendeeDeclined = "attendee declined"
        public static let noAddress = "attendee without address"
        public static let repeated = "repeated event (same UID)"
    }

    /// The most people (the user included) a meeting may have and still be evidence: a crowd is
    /// not a relationship.
    public static let maxAttendees = 20

    /// The evidence seen from `me`. The user's address comes from `me.emails`, else from X-WR-CALNAME
    /// when it is an e-mail address (Google names the calendar after the account); if neither,
    /// throws an ImportError whose message says how to give the address. A cap hit is a warning.
    ///
    /// Every occurrence up to `asOf` (`occurrences(through:cap:)`, cap 1,000) that the user attended
    /// gives one `EvidenceRecord(source: .calendar, kind: .meeting)` per other person present: the
    /// ORGANIZER and the ATTENDEEs, merged by address, less rooms and resources, group addresses
    /// and shared calendars, and attendees who declined. One such person makes it one-on-one, more
    /// a group. `minutes` is the occurrence's length; `initiatedBy` is `.me` when the user
    /// organized, `.them` when that person did, else `nil`; `reciprocated` when that person
    /// accepted (ACCEPTED or TENTATIVE) or organized. The record's date is the occurrence's local
    /// date in its own zone; its key is `UID|start|address`, the start being the RECURRENCE-ID of
    /// an override (so that a moved instance keeps its key) else the occurrence's start, both as
    /// `yyyyMMdd'T'HHmmss'Z'` in UTC (or the DATE).
    ///
    /// Skipped, and counted in `skipped` per occurrence: cancelled (the event or the instance),
    /// all-day, declined by the user, more than `maxAttendees` people invited, no other person;
    /// and per person: rooms and resources, groups and calendars, attendees who declined, attendees
    /// without an address.
    ///
    /// The user's addresses are `me.emails` together with X-WR-CALNAME when that is an address:
    /// a Google export of the user's own account then never shows the user as someone they met.
    /// - Throws: `.needsYourEmail(source: "calendar")` (at X-WR-CALNAME, else at 1:1) when there is no address.
    /// - Complexity: O(occurrences × present people + VEVENTs × attendees).
    public func evidence(for me: SelfIdentity, asOf: Day) throws(ImportError) -> EvidenceFile {
        var mine = Set(me.emails.map { $0.lowercased() })
        if let name = calendarName, Self.isAddress(name) { mine.insert(name.lowercased()) }
        guard !mine.isEmpty else {
            throw ImportError(
                .needsYourEmail(source: "calendar"), at: calendarNameLocation ?? SourceLocation(path: path, line: 1, column: 1))
        }
        let expansion = expand(through: asOf, cap: 1_000)
        var file = EvidenceFile(path: path, warnings: warnings + expansion.warnings)
        var firstLocation: [String: SourceLocation] = [:]
        for event in events where firstLocation[event.uid] == nil { firstLocation[event.uid] = event.location }
        for uid in expansion.capped {
            guard let location = firstLocation[uid] else { continue }
            file.warnings.append(
                ImportWarning(
                    "more than 1000 occurrences up to \(asOf.iso); only the latest 1000 are counted", at: location))
        }
        if expansion.repeatedEvents > 0 { file.skipped[SkipReason.repeated] = expansion.repeatedEvents }
        var meetings: [Int: Meeting] = [:]
        var keys = Set<String>()
        for occurrence in expansion.occurrences {
            func skip(_ reason: String) { file.skipped[reason, default: 0] += 1 }
            if occurrence.isCancelled {
                skip(SkipReason.cancelled)
                continue
            }
            if occurrence.start.isDate {
                skip(SkipReason.allDay)
                continue
            }
            let event = events[occurrence.eventIndex]
            let meeting = meetings[occurrence.eventIndex] ?? Meeting(event, mine: mine)
            meetings[occurrence.eventIndex] = meeting
            if meeting.declinedByMe {
                skip(SkipReason.declined)
                continue
            }
            if meeting.people > Self.maxAttendees {
                skip(SkipReason.crowd)
                continue
            }
            if meeting.present.isEmpty {
                skip(SkipReason.alone)
                continue
            }
            for (reason, count) in meeting.skippedPeople { file.skipped[reason, default: 0] += count }
            let stamp = (occurrence.recurrenceID ?? occurrence.start).utcStamp
            let minutes = Int((occurrence.length + 30) / 60)
            for person in meeting.present {
                let address = person.address
                let key =
                    occurrence.uid + "|" + stamp + "|" + (address.email ?? "cn:" + (address.name ?? "").lowercased())
                guard keys.insert(key).inserted else { continue }
                let reciprocated =
                    person.organized || address.participation == "ACCEPTED" || address.participation == "TENTATIVE"
                file.records.append(
                    EvidenceRecord(
                        source: .calendar, key: key, date: occurrence.day, kind: .meeting,
                        party: EvidenceParty(name: address.name ?? "", email: address.email),
                        isOneOnOne: meeting.present.count == 1, minutes: minutes > 0 ? minutes : nil,
                        initiatedBy: meeting.organizedByMe ? .me : (person.organized ? .them : nil),
                        reciprocated: reciprocated, location: event.location))
            }
        }
        return file
    }

    /// A person at a meeting: their address, and whether they organized it.
    struct Participant {
        var address: CalendarAddress
        var organized: Bool
    }

    /// Who was at a VEVENT, seen from the user: computed once per VEVENT, used for each of its
    /// occurrences.
    struct Meeting {
        /// The user is listed and declined.
        var declinedByMe = false
        var organizedByMe = false
        /// The people invited, the user included (rooms, resources, groups and calendars are not).
        var people = 1
        /// The other people present: not the user, not declined, with an address or a name.
        var present: [Participant] = []
        /// The others that are no evidence, by reason.
        var skippedPeople: [String: Int] = [:]

        init(_ event: CalendarEvent, mine: Set<String>) {
            // ORGANIZER counts as an attendee; one person listed as both is one participant.
            var listed: [Participant] = []
            var index: [String: Int] = [:]
            let all = (event.organizer.map { [($0, true)] } ?? []) + event.attendees.map { ($0, false) }
            for (address, organized) in all {
                let identity = address.email ?? address.name.map { "cn:" + $0.lowercased() }
                if let identity, let i = index[identity] {
                    listed[i].organized = listed[i].organized || organized
                    if !organized { listed[i].address.participation = address.participation }
                    continue
                }
                if let identity { index[identity] = listed.count }
                listed.append(Participant(address: address, organized: organized))
            }
            func isMe(_ p: Participant) -> Bool { p.address.email.map(mine.contains) ?? false }
            declinedByMe = listed.contains { isMe($0) && $0.address.participation == "DECLINED" }
            organizedByMe = event.organizer?.email.map(mine.contains) ?? false
            // When the user is neither an attendee nor the organizer, the export is still the user's
            // own calendar: the event is on it, so the user is taken as attending.
            for person in listed where !isMe(person) {
                let address = person.address
                if address.isRoomOrResource {
                    skippedPeople[SkipReason.room, default: 0] += 1
                    continue
                }
                if address.isGroupOrCalendar {
                    skippedPeople[SkipReason.group, default: 0] += 1
                    continue
                }
                people += 1
                if address.participation == "DECLINED" {
                    skippedPeople[SkipReason.attendeeDeclined, default: 0] += 1
                } else if address.email == nil && address.name == nil {
                    skippedPeople[SkipReason.noAddress, default: 0] += 1
                } else {
                    present.append(person)
                }
            }
        }
    }

    /// `local@domain`, one `@`, no spaces: what a calendar named after an account looks like.
    static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
    }
}
