import Rapport

extension RecurrenceRule {
    /// The result of expanding a rule: the local dates of its occurrences, in order, and whether the
    /// expansion stopped at its period limit before reaching its end or the `through` date.
    struct Expansion {
        var days: [Day]
        var hitPeriodLimit: Bool
        var periodsScanned: Int
    }

    /// The weekday of `day`, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    static func weekday(_ day: Day) -> Int {
        let o = Int(day.ordinal) % 7
        return (o + 7 + 3) % 7
    }

    /// The last day a rule can reach: 9999-12-31.
    static let lastDay = Day(ordinal: 2_932_896)

    /// The dates of the recurrence set that starts on `anchor` (DTSTART's local date), up to
    /// `through` (inclusive), in order.
    ///
    /// Period by period (RFC 5545 §3.3.10): period k is the day, week (from WKST), month or year
    /// `k × INTERVAL` after DTSTART's; its candidate dates come from the BY parts (BYMONTH limits;
    /// BYMONTHDAY and BYDAY expand or limit as the RFC's table says; BYSETPOS picks from the
    /// period's sorted set); candidates before DTSTART are dropped. DTSTART is always the first
    /// occurrence and counts toward COUNT (§3.8.5.3). Stops at COUNT, at the first date
    /// `isBeyondUntil` accepts, at a period starting after `through`, or after `maxPeriods` periods.
    ///
    /// - Complexity: O(p) for p periods scanned, at most `maxPeriods`; each period costs O(31)
    ///   (O(366) for a yearly rule).
    func expand(anchor: Day, through: Day, maxPeriods: Int, isBeyondUntil: (Day) -> Bool) -> Expansion {
        var days = [anchor]
        if count == 1 || anchor > through { return Expansion(days: days, hitPeriodLimit: false, periodsScanned: 0) }
        var k = 0
        while k < maxPeriods {
            guard let (start, candidates) = period(k, anchor: anchor), start <= through else {
                return Expansion(days: days, hitPeriodLimit: false, periodsScanned: k)
            }
            for day in candidates where day > anchor {
                if day > through || isBeyondUntil(day) {
                    return Expansion(days: days, hitPeriodLimit: false, periodsScanned: k + 1)
                }
                days.append(day)
                if let count, days.count >= count {
                    return Expansion(days: days, hitPeriodLimit: false, periodsScanned: k + 1)
                }
            }
            k += 1
        }
        return Expansion(days: days, hitPeriodLimit: true, periodsScanned: k)
    }

    /// Period `k`: its first day and its candidate dates (sorted, distinct, after BYSETPOS);
    /// `nil` once past 9999-12-31.
    func period(_ k: Int, anchor: Day) -> (start: Day, days: [Day])? {
        let (year, month, _) = anchor.components
        switch frequency {
        case .daily:
            let ordinal = Int(anchor.ordinal) + k * interval
            guard ordinal <= Int(Self.lastDay.ordinal) else { return nil }
            let day = Day(ordinal: Int32(ordinal))
            let (_, m, d) = day.components
            let ok =
                (byMonth.isEmpty || byMonth.contains(m))
                && (byMonthDay.isEmpty || byMonthDay.contains { resolve($0, daysInMonth: Day.daysIn(month: m, year: day.components.year)) == d })
                && (byDay.isEmpty || byDay.contains { $0.weekday == Self.weekday(day) })
            return (day, select(ok ? [day] : []))
        case .weekly:
            let offset = (Self.weekday(anchor) - weekStart + 7) % 7
            let ordinal = Int(anchor.ordinal) - offset + 7 * k * interval
            guard ordinal <= Int(Self.lastDay.ordinal) - 6 else { return nil }
            let start = Day(ordinal: Int32(ordinal))
            let weekdays = byDay.isEmpty ? [Self.weekday(anchor)] : byDay.map(\.weekday)
            let days = Set(weekdays.map { start.adding(days: ($0 - weekStart + 7) % 7) })
                .filter { byMonth.isEmpty || byMonth.contains($0.components.month) }
            return (start, select(days.sorted()))
        case .monthly:
            let index = year * 12 + (month - 1) + k * interval
            guard index / 12 <= 9999, let start = Day(year: index / 12, month: index % 12 + 1, day: 1) else { return nil }
            return (start, select(monthDays(year: index / 12, month: index % 12 + 1, anchor: anchor)))
        case .yearly:
            let y = year + k * interval
            guard y <= 9999, let start = Day(year: y, month: 1, day: 1) else { return nil }
            return (start, select(yearDays(y, anchor: anchor)))
        }
    }

    /// The candidate dates of year `year` for a YEARLY rule (also used for VTIMEZONE observances).
    func yearDays(_ year: Int, anchor: Day) -> [Day] {
        let (_, anchorMonth, anchorDay) = anchor.components
        if byMonthDay.isEmpty && byDay.isEmpty {
            let months = byMonth.isEmpty ? [anchorMonth] : byMonth
            return months.compactMap { Day(year: year, month: $0, day: anchorDay) }.sorted()
        }
        if byMonth.isEmpty && byMonthDay.isEmpty, let first = Day(year: year, month: 1, day: 1) {
            // BYDAY alone in a YEARLY rule: ordinals count within the year.
            let length = Day.isLeap(year) ? 366 : 365
            return Set(byDay.flatMap { nth($0, first: first, length: length) }).sorted()
        }
        let months = byMonth.isEmpty ? Array(1...12) : byMonth
        return Set(months.flatMap { monthDays(year: year, month: $0, anchor: anchor) }).sorted()
    }

    /// The candidate dates of one month: BYMONTHDAY and BYDAY (ordinals within the month), both
    /// when both are given; DTSTART's day of month when neither is. BYMONTH limits.
    func monthDays(year: Int, month: Int, anchor: Day) -> [Day] {
        guard byMonth.isEmpty || byMonth.contains(month), let first = Day(year: year, month: month, day: 1) else {
            return []
        }
        let length = Day.daysIn(month: month, year: year)
        if byMonthDay.isEmpty && byDay.isEmpty {
            let d = anchor.components.day
            return d <= length ? [first.adding(days: d - 1)] : []
        }
        var days: Set<Day>?
        if !byMonthDay.isEmpty {
            days = Set(byMonthDay.compactMap { resolve($0, daysInMonth: length) }.map { first.adding(days: $0 - 1) })
        }
        if !byDay.isEmpty {
            let weekdays = Set(byDay.flatMap { nth($0, first: first, length: length) })
            days = days.map { $0.intersection(weekdays) } ?? weekdays
        }
        return (days ?? []).sorted()
    }

    /// The days of a span of `length` days from `first` that match a BYDAY entry.
    func nth(_ entry: WeekdayNumber, first: Day, length: Int) -> [Day] {
        let offset = (entry.weekday - Self.weekday(first) + 7) % 7
        let all = stride(from: offset, to: length, by: 7).map { first.adding(days: $0) }
        if entry.ordinal == 0 { return all }
        let index = entry.ordinal > 0 ? entry.ordinal - 1 : all.count + entry.ordinal
        return all.indices.contains(index) ? [all[index]] : []
    }

    /// A BYMONTHDAY value as a day of the month (negative counts from the end); `nil` when the
    /// month has no such day.
    func resolve(_ value: Int, daysInMonth: Int) -> Int? {
        let d = value > 0 ? value : daysInMonth + 1 + value
        return (1...daysInMonth).contains(d) ? d : nil
    }

    /// BYSETPOS on a period's sorted candidates.
    func select(_ days: [Day]) -> [Day] {
        guard !bySetPosition.isEmpty else { return days }
        let picked = bySetPosition.compactMap { p -> Day? in
            let index = p > 0 ? p - 1 : days.count + p
            return days.indices.contains(index) ? days[index] : nil
        }
        return Set(picked).sorted()
    }
}
