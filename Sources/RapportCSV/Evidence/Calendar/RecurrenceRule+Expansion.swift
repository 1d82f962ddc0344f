import Rapport

extension RecurrenceRule {
    /// The result of expanding a rule: the local dates of its last `keepLast` occurrences, in order;
    /// how many earlier ones were dropped; whether the expansion stopped at its step limit before
    /// reaching its end or the `through` date; and the steps it took.
    struct Expansion {
        var days: [Day]
        var dropped: Int
        var hitStepLimit: Bool
        var steps: Int
        /// Occurrences generated: kept and dropped.
        var count: Int { days.count + dropped }
    }

    /// The weekday of `day`, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    static func weekday(_ day: Day) -> Int {
        let o = Int(day.ordinal) % 7
        return (o + 7 + 3) % 7
    }

    /// The last day a rule can reach: 9999-12-31.
    static let lastDay = Day(ordinal: 2_932_896)

    /// The dates of the recurrence set that starts on `anchor` (DTSTART's local date), up to
    /// `through` (inclusive), in order; only the last `keepLast` are kept.
    ///
    /// Period by period (RFC 5545 §3.3.10): period k is the day, week (from WKST), month or year
    /// `k × INTERVAL` after DTSTART's; its candidate dates come from the BY parts (BYMONTH limits;
    /// BYMONTHDAY and BYDAY expand or limit as the RFC's table says; BYSETPOS picks from the
    /// period's sorted set); candidates before DTSTART are dropped. DTSTART is always the first
    /// occurrence and counts toward COUNT (§3.8.5.3). Stops at COUNT, at the first date
    /// `isBeyondUntil` accepts, at a period starting after `through`, or after `maxSteps` steps (a
    /// period costs one step, one per entry of its BY lists and one per candidate date).
    ///
    /// - Complexity: O(maxSteps) time; O(keepLast) memory.
    func expand(anchor: Day, through: Day, keepLast: Int, maxSteps: Int, isBeyondUntil: (Day) -> Bool) -> Expansion {
        var result = Expansion(days: [anchor], dropped: 0, hitStepLimit: false, steps: 0)
        func trimmed() -> Expansion {
            let excess = result.days.count - keepLast
            if excess > 0 {
                result.days.removeFirst(excess)
                result.dropped += excess
            }
            return result
        }
        if count == 1 || anchor > through { return trimmed() }
        var k = 0
        let offsets = frequency == .weekly ? weekOffsets(anchor: anchor) : nil
        // What a period costs besides its candidates: its BY lists are walked once each.
        let stepsPerPeriod = 1 + byDay.count + byMonthDay.count + byMonth.count + bySetPosition.count
        while result.steps < maxSteps {
            guard let (start, candidates) = period(k, anchor: anchor, offsets: offsets), start <= through else {
                return trimmed()
            }
            result.steps += stepsPerPeriod + candidates.count
            for day in candidates where day > anchor {
                if day > through || isBeyondUntil(day) { return trimmed() }
                result.days.append(day)
                if let count, result.count >= count { return trimmed() }
            }
            // Amortized O(1): trim once the kept dates reach twice the bound.
            if result.days.count >= 2 * keepLast + 64 { _ = trimmed() }
            k += 1
        }
        result.hitStepLimit = true
        return trimmed()
    }

    /// Period `k`: its first day and its candidate dates (sorted, distinct, after BYSETPOS);
    /// `nil` once past 9999-12-31.
    /// - Parameter offsets: `weekOffsets(anchor:)`, computed once by a caller that asks for many
    ///   periods of a WEEKLY rule.
    func period(_ k: Int, anchor: Day, offsets: [Int]? = nil) -> (start: Day, days: [Day])? {
        let (year, month, _) = anchor.components
        switch frequency {
        case .daily:
            let ordinal = Int(anchor.ordinal) + k * interval
            guard ordinal <= Int(Self.lastDay.ordinal) else { return nil }
            let day = Day(ordinal: Int32(ordinal))
            let (_, m, d) = day.components
            let ok =
                (byMonth.isEmpty || byMonth.contains(m))
                && (byMonthDay.isEmpty
                    || byMonthDay.contains {
                        resolve($0, daysInMonth: Day.daysIn(month: m, year: day.components.year)) == d
                    })
                && (byDay.isEmpty || byDay.contains { $0.weekday == Self.weekday(day) })
            return (day, select(ok ? [day] : []))
        case .weekly:
            let offset = (Self.weekday(anchor) - weekStart + 7) % 7
            let ordinal = Int(anchor.ordinal) - offset + 7 * k * interval
            guard ordinal <= Int(Self.lastDay.ordinal) - 6 else { return nil }
            let start = Day(ordinal: Int32(ordinal))
            var days: [Day] = []
            days.reserveCapacity(7)
            for offset in offsets ?? weekOffsets(anchor: anchor) {
                let day = start.adding(days: offset)
                if byMonth.isEmpty || byMonth.contains(day.components.month) { days.append(day) }
            }
            return (start, select(days))
        case .monthly:
            let index = year * 12 + (month - 1) + k * interval
            guard index / 12 <= 9999, let start = Day(year: index / 12, month: index % 12 + 1, day: 1) else {
                return nil
            }
            return (start, select(monthDays(year: index / 12, month: index % 12 + 1, anchor: anchor)))
        case .yearly:
            let y = year + k * interval
            guard y <= 9999, let start = Day(year: y, month: 1, day: 1) else { return nil }
            return (start, select(yearDays(y, anchor: anchor)))
        }
    }

    /// A WEEKLY rule's days as offsets from the week's start (WKST), sorted and distinct: BYDAY's
    /// weekdays, else DTSTART's.
    func weekOffsets(anchor: Day) -> [Int] {
        var present = [Bool](repeating: false, count: 7)
        if byDay.isEmpty {
            present[(Self.weekday(anchor) - weekStart + 7) % 7] = true
        } else {
            for entry in byDay { present[(entry.weekday - weekStart + 7) % 7] = true }
        }
        return (0..<7).filter { present[$0] }
    }

    /// The candidate dates of year `year` for a YEARLY rule (also used for VTIMEZONE observances).
    func yearDays(_ year: Int, anchor: Day) -> [Day] {
        let (_, anchorMonth, anchorDay) = anchor.components
        guard let first = Day(year: year, month: 1, day: 1) else { return [] }
        if byMonthDay.isEmpty && byDay.isEmpty {
            let months = byMonth.isEmpty ? [anchorMonth] : byMonth.sorted()
            return months.compactMap { Day(year: year, month: $0, day: anchorDay) }
        }
        if byMonth.isEmpty && byMonthDay.isEmpty {
            // BYDAY alone in a YEARLY rule: ordinals count within the year.
            var mask = [Bool](repeating: false, count: 366)
            let length = Day.isLeap(year) ? 366 : 365
            for entry in byDay { mark(entry, in: &mask, length: length, firstWeekday: Self.weekday(first)) }
            return (0..<length).filter { mask[$0] }.map { first.adding(days: $0) }
        }
        var days: [Day] = []
        for month in 1...12 where byMonth.isEmpty || byMonth.contains(month) {
            days += monthDays(year: year, month: month, anchor: anchor)
        }
        return days
    }

    /// The candidate dates of one month, in order: BYMONTHDAY and BYDAY (ordinals within the
    /// month), both when both are given; DTSTART's day of month when neither is. BYMONTH limits.
    /// - Complexity: O(31 + BY entries), no hashing (it runs once per period).
    func monthDays(year: Int, month: Int, anchor: Day) -> [Day] {
        guard byMonth.isEmpty || byMonth.contains(month), let first = Day(year: year, month: month, day: 1) else {
            return []
        }
        let length = Day.daysIn(month: month, year: year)
        if byMonthDay.isEmpty && byDay.isEmpty {
            let d = anchor.components.day
            return d <= length ? [first.adding(days: d - 1)] : []
        }
        var byDate = [Bool](repeating: byMonthDay.isEmpty, count: 31)
        for value in byMonthDay {
            if let d = resolve(value, daysInMonth: length) { byDate[d - 1] = true }
        }
        var byWeekday = [Bool](repeating: byDay.isEmpty, count: 31)
        if !byDay.isEmpty {
            byWeekday = [Bool](repeating: false, count: 31)
            let firstWeekday = Self.weekday(first)
            for entry in byDay { mark(entry, in: &byWeekday, length: length, firstWeekday: firstWeekday) }
        }
        return (0..<length).filter { byDate[$0] && byWeekday[$0] }.map { first.adding(days: $0) }
    }

    /// Marks, in a span of `length` days whose first is weekday `firstWeekday`, the days (by offset)
    /// that match a BYDAY entry: every such weekday, or the nth (from the end when negative).
    func mark(_ entry: WeekdayNumber, in mask: inout [Bool], length: Int, firstWeekday: Int) {
        let offset = (entry.weekday - firstWeekday + 7) % 7
        guard offset < length else { return }
        let count = (length - 1 - offset) / 7 + 1
        if entry.ordinal == 0 {
            for i in 0..<count { mask[offset + 7 * i] = true }
            return
        }
        let index = entry.ordinal > 0 ? entry.ordinal - 1 : count + entry.ordinal
        if (0..<count).contains(index) { mask[offset + 7 * index] = true }
    }

    /// A BYMONTHDAY value as a day of the month (negative counts from the end); `nil` when the
    /// month has no such day.
    func resolve(_ value: Int, daysInMonth: Int) -> Int? {
        let d = value > 0 ? value : daysInMonth + 1 + value
        return (1...daysInMonth).contains(d) ? d : nil
    }

    /// BYSETPOS on a period's sorted candidates.
    func select(_ days: [Day]) -> [Day] {
        guard !bySetPosition.isEmpty, !days.isEmpty else { return days }
        var picked = [Bool](repeating: false, count: days.count)
        for p in bySetPosition {
            let index = p > 0 ? p - 1 : days.count + p
            if days.indices.contains(index) { picked[index] = true }
        }
        return days.indices.filter { picked[$0] }.map { days[$0] }
    }
}
