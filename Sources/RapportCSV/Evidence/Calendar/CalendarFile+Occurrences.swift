import Rapport

/// One occurrence of an event: the event itself, one instance of its recurrence set, or the
/// override (RECURRENCE-ID) that replaced an instance.
public struct EventOccurrence: Hashable, Sendable {
    public var uid: String
    public var start: CalendarDateTime
    /// Seconds from start to end.
    public var length: Int64
    /// The index in `CalendarFile.events` of the VEVENT that describes this occurrence (its
    /// attendees, status): the override when there is one, else the recurring event.
    public var eventIndex: Int
    /// The original start of the instance an override replaced; `nil` otherwise.
    public var recurrenceID: CalendarDateTime?
    /// STATUS:CANCELLED on the describing VEVENT (an override can cancel one instance).
    public var isCancelled: Bool

    public var endUTCSeconds: Int64 { start.utcSeconds + length }
    /// The occurrence's local date in its own time zone (UTC for a `Z` time).
    public var day: Day { start.day }
}

extension CalendarFile {
    /// Occurrences with what happened on the way: events over the cap, warnings (an expansion that
    /// hit its period limit), and VEVENTs dropped as repeats of an earlier one with the same UID.
    struct Expansion {
        var occurrences: [EventOccurrence] = []
        var capped: [String] = []
        var warnings: [ImportWarning] = []
        var repeatedEvents = 0
    }

    /// Occurrences starting on or before `asOf` (inclusive, end of that day), overrides (RECURRENCE-ID)
    /// applied, EXDATE removed, COUNT/UNTIL honoured; at most `cap` per event — events that hit the cap are listed.
    ///
    /// An event's occurrences are DTSTART, the RRULE's instances (`RecurrenceRule.expand`), and the
    /// RDATEs, less the EXDATEs (matched by instant; a DATE EXDATE removes that local date), with
    /// each instance that an override's RECURRENCE-ID names replaced by the override (which may
    /// move it, or cancel it with STATUS:CANCELLED: the occurrence is kept, `isCancelled`). An
    /// override whose event is not in the file is an occurrence of its own. When an event has more
    /// than `cap` occurrences the *latest* `cap` are kept (recent evidence matters most, and a
    /// newer export then only adds), and its UID is listed in `capped`. A later VEVENT with the
    /// UID of an earlier one and no RECURRENCE-ID is a repeat and is not expanded again.
    ///
    /// - Complexity: O(steps + kept × log kept) time, steps at most `maxStepsPerEvent` per event and
    ///   `maxStepsPerFile` in all (a step is a period or a candidate date of the rule); only the
    ///   kept instances (about `cap` per event) are converted to UTC.
    public func occurrences(through asOf: Day, cap: Int = 1_000) -> (occurrences: [EventOccurrence], capped: [String]) {
        let expansion = expand(through: asOf, cap: cap)
        return (expansion.occurrences, expansion.capped)
    }

    /// - Parameter limits: the steps one event, and all of them, may take (tests lower them).
    func expand(
        through asOf: Day, cap: Int, limits: (perEvent: Int, perFile: Int) = (maxStepsPerEvent, maxStepsPerFile)
    ) -> Expansion {
        var result = Expansion()
        var resolver = CalendarZoneResolver(fileZones: zones, floatingZone: defaultZone)
        var overrides: [String: [Int]] = [:]
        var orphanOrder: [String] = []
        var masters: [String: Int] = [:]
        var masterOrder: [Int] = []
        for (index, event) in events.enumerated() {
            if event.recurrenceID != nil {
                if overrides[event.uid] == nil { orphanOrder.append(event.uid) }
                overrides[event.uid, default: []].append(index)
            } else if masters[event.uid] == nil {
                masters[event.uid] = index
                masterOrder.append(index)
            } else {
                result.repeatedEvents += 1
            }
        }
        var budget = limits.perFile
        let cap = max(0, cap)
        func keep(_ list: [EventOccurrence], uid: String) {
            let sorted = list.sorted { ($0.start.utcSeconds, $0.eventIndex) < ($1.start.utcSeconds, $1.eventIndex) }
            if sorted.count > cap {
                result.capped.append(uid)
                result.occurrences += sorted.suffix(cap)
            } else {
                result.occurrences += sorted
            }
        }
        for index in masterOrder {
            let event = events[index]
            let replacing = overrides[event.uid] ?? []
            let replaced = Set(replacing.compactMap { events[$0].recurrenceID?.utcSeconds })
            // Keep enough of the latest instances that the latest `cap` survive the EXDATEs and
            // the overrides, and one more so that a cap hit shows.
            let keepLast = cap + event.exceptionDates.count + replaced.count + 1
            var list = instances(
                of: event, through: asOf, keepLast: keepLast, perEvent: limits.perEvent, budget: &budget,
                resolver: &resolver, warnings: &result.warnings
            )
            .filter { !replaced.contains($0.utcSeconds) }
            .map {
                EventOccurrence(
                    uid: event.uid, start: $0, length: event.length, eventIndex: index, recurrenceID: nil,
                    isCancelled: event.isCancelled)
            }
            list += overrideOccurrences(replacing, through: asOf)
            keep(list, uid: event.uid)
        }
        for uid in orphanOrder where masters[uid] == nil {
            keep(overrideOccurrences(overrides[uid] ?? [], through: asOf), uid: uid)
        }
        return result
    }

    /// The overrides among `indices` that start on or before `asOf`, as occurrences.
    func overrideOccurrences(_ indices: [Int], through asOf: Day) -> [EventOccurrence] {
        indices.filter { events[$0].start.day <= asOf }.map { index in
            let event = events[index]
            return EventOccurrence(
                uid: event.uid, start: event.start, length: event.length, eventIndex: index,
                recurrenceID: event.recurrenceID, isCancelled: event.isCancelled)
        }
    }

    /// DTSTART, the RRULE's instances (the last `keepLast` of them) and the RDATEs up to `asOf`,
    /// less the EXDATEs, each once. Only kept instances are converted to UTC.
    func instances(
        of event: CalendarEvent, through asOf: Day, keepLast: Int, perEvent: Int, budget: inout Int,
        resolver: inout CalendarZoneResolver, warnings: inout [ImportWarning]
    ) -> [CalendarDateTime] {
        let start = event.start
        var days = [start.day]
        if let rule = event.rule {
            let limit = min(perEvent, budget)
            let expansion = rule.expand(anchor: start.day, through: asOf, keepLast: keepLast, maxSteps: limit) { day in
                switch rule.until {
                case nil: return false
                case .date(let until)?: return day > until
                case .floating(let bound)?: return Int64(day.ordinal) * 86_400 + Int64(start.secondOfDay) > bound
                case .utc(let instant)?:
                    // A local date is within a day of its UTC date: convert only near UNTIL.
                    let untilDay = CalendarDateTime.split(instant).0
                    if day < untilDay.adding(days: -1) { return false }
                    if day > untilDay.adding(days: 1) { return true }
                    return Self.instance(day, like: start, resolver: &resolver).utcSeconds > instant
                }
            }
            budget -= expansion.steps
            if expansion.hitStepLimit {
                let why =
                    limit == perEvent
                    ? "after \(perEvent) steps (the limit of one event)"
                    : "because the file's budget of steps for all its recurring events is spent"
                warnings.append(
                    ImportWarning(
                        "recurrence expansion stopped \(why); \(expansion.count) occurrence(s) found",
                        at: event.location))
            }
            days = expansion.days
        }
        var instances = days.map { Self.instance($0, like: start, resolver: &resolver) }
        instances += event.recurrenceDates
        let excludedInstants = Set(event.exceptionDates.filter { !$0.isDate }.map(\.utcSeconds))
        let excludedDays = Set(event.exceptionDates.filter(\.isDate).map(\.day))
        var seen = Set<Int64>()
        return instances.filter {
            $0.day <= asOf && !excludedInstants.contains($0.utcSeconds) && !excludedDays.contains($0.day)
                && seen.insert($0.utcSeconds).inserted
        }
    }

    /// The instance on local date `day` at the time of day and in the zone of `start`.
    static func instance(_ day: Day, like start: CalendarDateTime, resolver: inout CalendarZoneResolver)
        -> CalendarDateTime
    {
        let local = Int64(day.ordinal) * 86_400 + Int64(start.secondOfDay)
        let instant: Int64
        switch start.form {
        case .zoned(let tzid): instant = resolver.utc(local: local, tzid: tzid) ?? local
        case .floating: instant = resolver.utcFloating(local: local)
        case .utc, .date: instant = local
        }
        return CalendarDateTime(form: start.form, day: day, secondOfDay: start.secondOfDay, utcSeconds: instant)
    }
}
