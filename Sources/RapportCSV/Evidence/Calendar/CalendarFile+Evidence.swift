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
    /// - Throws: `.calendarOwnerUnknown` (at X-WR-CALNAME, else at 1:1) when there is no address.
    /// - Complexity: O(occurrences × attendees).
    public func evidence(for me: SelfIdentity, asOf: Day) throws(ImportError) -> EvidenceFile {
        var mine = Set(me.emails.map { $0.lowercased() })
        if let name = calendarName, Self.isAddress(name) { mine.insert(name.lowercased()) }
        guard !mine.isEmpty else {
            throw ImportError(.calendarOwnerUnknown, at: calendarNameLocation ?? SourceLocation(path: path, line: 1, column: 1))
        }
        let expansion = expand(through: asOf, cap: 1_000)
        var file = EvidenceFile(path: path, warnings: warnings + expansion.warnings)
        for uid in expansion.capped {
            guard let event = events.first(where: { $0.uid == uid }) else { continue }
            file.warnings.append(
                ImportWarning(
                    "more than 1000 occurrences up to \(asOf.iso); only the latest 1000 are counted", at: event.location))
        }
        if expansion.repeatedEvents > 0 { file.skipped[SkipReason.repeated] = expansion.repeatedEvents }
        var keys = Set<String>()
        for occurrence in expansion.occurrences {
            let event = events[occurrence.eventIndex]
            guard let people = meeting(occurrence, event: event, mine: mine, skipped: &file.skipped) else { continue }
            let organizedByMe = event.organizer?.email.map { mine.contains($0) } ?? false
            let stamp = (occurrence.recurrenceID ?? occurrence.start).utcStamp
            let minutes = Int((occurrence.length + 30) / 60)
            for person in people {
                let address = person.address
                let key = occurrence.uid + "|" + stamp + "|" + (address.email ?? "cn:" + (address.name ?? "").lowercased())
                guard keys.insert(key).inserted else { continue }
                let reciprocated =
                    person.organized || address.participation == "ACCEPTED" || address.participation == "TENTATIVE"
                file.records.append(
                    EvidenceRecord(
                        source: .calendar, key: key, date: occurrence.day, kind: .meeting,
                        party: EvidenceParty(name: address.name ?? "", email: address.email),
                        isOneOnOne: people.count == 1, minutes: minutes > 0 ? minutes : nil,
                        initiatedBy: organizedByMe ? .me : (person.organized ? .them : nil), reciprocated: reciprocated,
                        location: event.location))
            }
        }
        return file
    }

    /// A person at a meeting: their address, and whether they organized it.
    struct Participant {
        var address: CalendarAddress
        var organized: Bool
    }

    /// The other people present at an occurrence the user attended, or `nil` (counted in
    /// `skipped`) when it is no evidence.
    func meeting(_ occurrence: EventOccurrence, event: CalendarEvent, mine: Set<String>, skipped: inout [String: Int])
        -> [Participant]?
    {
        func skip(_ reason: String) -> [Participant]? {
            skipped[reason, default: 0] += 1
            return nil
        }
        if occurrence.isCancelled { return skip(SkipReason.cancelled) }
        if occurrence.start.isDate { return skip(SkipReason.allDay) }
        // ORGANIZER counts as an attendee; one person listed as both is one participant.
        var people: [Participant] = []
        var index: [String: Int] = [:]
        let listed = (event.organizer.map { [($0, true)] } ?? []) + event.attendees.map { ($0, false) }
        for (address, organized) in listed {
            let identity = address.email ?? address.name.map { "cn:" + $0.lowercased() }
            if let identity, let i = index[identity] {
                people[i].organized = people[i].organized || organized
                if !organized { people[i].address.participation = address.participation }
                continue
            }
            if let identity { index[identity] = people.count }
            people.append(Participant(address: address, organized: organized))
        }
        let me = people.filter { $0.address.email.map(mine.contains) ?? false }
        if me.contains(where: { $0.address.participation == "DECLINED" }) { return skip(SkipReason.declined) }
        // When the user is neither an attendee nor the organizer, the export is still the user's own
        // calendar: the event is on it, so the user is taken as attending.
        let others = people.filter { !($0.address.email.map(mine.contains) ?? false) }
        let humans = others.filter { !$0.address.isRoomOrResource && !$0.address.isGroupOrCalendar }
        if humans.count + 1 > Self.maxAttendees { return skip(SkipReason.crowd) }
        let present = humans.filter {
            $0.address.participation != "DECLINED" && ($0.address.email != nil || $0.address.name != nil)
        }
        if present.isEmpty { return skip(SkipReason.alone) }
        for person in others {
            let address = person.address
            if address.isRoomOrResource {
                skipped[SkipReason.room, default: 0] += 1
            } else if address.isGroupOrCalendar {
                skipped[SkipReason.group, default: 0] += 1
            } else if address.participation == "DECLINED" {
                skipped[SkipReason.attendeeDeclined, default: 0] += 1
            } else if address.email == nil && address.name == nil {
                skipped[SkipReason.noAddress, default: 0] += 1
            }
        }
        return present
    }

    /// `local@domain`, one `@`, no spaces: what a calendar named after an account looks like.
    static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
    }
}
