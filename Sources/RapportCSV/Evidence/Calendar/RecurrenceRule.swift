import Rapport

/// An RRULE value (RFC 5545 §3.3.10), restricted to what calendar exports write: FREQ DAILY,
/// WEEKLY, MONTHLY or YEARLY with INTERVAL, COUNT, UNTIL, BYDAY (with ordinals such as `1MO` and
/// `-1FR` for MONTHLY and YEARLY), BYMONTHDAY, BYMONTH, BYSETPOS and WKST.
///
/// Any other part (BYHOUR, BYMINUTE, BYSECOND, BYYEARDAY, BYWEEKNO, FREQ=HOURLY and finer, RSCALE,
/// an X- part) or a value outside the grammar makes `parse` throw a `Problem` that names it: the
/// caller then keeps only the event's first occurrence and warns, rather than expanding it wrongly.
public struct RecurrenceRule: Hashable, Sendable {
    public enum Frequency: String, Hashable, Sendable {
        case daily = "DAILY", weekly = "WEEKLY", monthly = "MONTHLY", yearly = "YEARLY"
    }

    /// A BYDAY entry: `weekday` 0 = Monday … 6 = Sunday; `ordinal` 0 for every such weekday of
    /// the period, n for the nth, −n for the nth from the end.
    public struct WeekdayNumber: Hashable, Sendable {
        public var ordinal: Int
        public var weekday: Int

        public init(ordinal: Int, weekday: Int) {
            self.ordinal = ordinal
            self.weekday = weekday
        }
    }

    /// UNTIL: inclusive bound of the recurrence.
    public enum Until: Hashable, Sendable {
        /// A DATE: occurrences on or before this local date.
        case date(Day)
        /// A UTC DATE-TIME (`…Z`): occurrences at or before this instant.
        case utc(Int64)
        /// A floating DATE-TIME: compared with the occurrences' wall-clock time.
        case floating(Int64)
    }

    /// Why a rule is not expanded: the part and what is wrong with it.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public var frequency: Frequency
    public var interval = 1
    public var count: Int?
    public var until: Until?
    public var byDay: [WeekdayNumber] = []
    public var byMonthDay: [Int] = []
    public var byMonth: [Int] = []
    public var bySetPosition: [Int] = []
    /// WKST, 0 = Monday (the default) … 6 = Sunday.
    public var weekStart = 0

    public init(frequency: Frequency) { self.frequency = frequency }

    static let weekdayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    /// Parses an RRULE value such as `FREQ=WEEKLY;WKST=SU;COUNT=10;BYDAY=TU,TH`.
    /// - Throws: a `Problem` naming the unsupported or malformed part.
    /// - Complexity: O(n) in the text's length.
    public static func parse(_ text: String) throws(Problem) -> RecurrenceRule {
        var parts: [String: String] = [:]
        for piece in text.split(separator: ";") {
            let item = CalendarText.trimmed(piece)
            if item.isEmpty { continue }
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { throw Problem(message: "'\(clip(item))' is not NAME=value") }
            let name = String(pair[0]).uppercased()
            guard parts[name] == nil else { throw Problem(message: "\(clip(name)) appears twice") }
            parts[name] = String(pair[1]).uppercased()
        }
        guard let freqText = parts.removeValue(forKey: "FREQ") else { throw Problem(message: "no FREQ") }
        guard let frequency = Frequency(rawValue: freqText) else {
            throw Problem(message: "FREQ=\(clip(freqText)) is not supported (DAILY, WEEKLY, MONTHLY, YEARLY are)")
        }
        var rule = RecurrenceRule(frequency: frequency)
        if let value = parts.removeValue(forKey: "INTERVAL") {
            rule.interval = try integer(value, in: 1...1_000_000, part: "INTERVAL")
        }
        if let value = parts.removeValue(forKey: "COUNT") {
            rule.count = try integer(value, in: 1...1_000_000_000, part: "COUNT")
        }
        if let value = parts.removeValue(forKey: "UNTIL") {
            guard let (day, second, isUTC) = CalendarDateTime.lexical(value) else {
                throw Problem(message: "UNTIL=\(clip(value)) is not a date or date-time")
            }
            if let second {
                let local = Int64(day.ordinal) * 86_400 + Int64(second)
                rule.until = isUTC ? .utc(local) : .floating(local)
            } else {
                rule.until = .date(day)
            }
        }
        if let value = parts.removeValue(forKey: "WKST") {
            guard let day = weekdayCodes.firstIndex(of: value) else { throw Problem(message: "WKST=\(clip(value))") }
            rule.weekStart = day
        }
        if let value = parts.removeValue(forKey: "BYDAY") {
            rule.byDay = try value.split(separator: ",").map { (item) throws(Problem) in try weekdayNumber(String(item))
            }
            if rule.byDay.contains(where: { $0.ordinal != 0 }), frequency == .daily || frequency == .weekly {
                throw Problem(message: "BYDAY=\(clip(value)) has an ordinal, which FREQ=\(freqText) does not allow")
            }
        }
        if let value = parts.removeValue(forKey: "BYMONTHDAY") {
            guard frequency != .weekly else { throw Problem(message: "BYMONTHDAY with FREQ=WEEKLY") }
            rule.byMonthDay = try list(value, in: -31...31, part: "BYMONTHDAY")
        }
        if let value = parts.removeValue(forKey: "BYMONTH") {
            rule.byMonth = try list(value, in: 1...12, part: "BYMONTH")
        }
        if let value = parts.removeValue(forKey: "BYSETPOS") {
            rule.bySetPosition = try list(value, in: -366...366, part: "BYSETPOS")
            guard !(rule.byDay.isEmpty && rule.byMonthDay.isEmpty && rule.byMonth.isEmpty) else {
                throw Problem(message: "BYSETPOS without another BY part")
            }
        }
        if frequency == .yearly, rule.byMonth.isEmpty, !rule.byMonthDay.isEmpty,
            rule.byDay.contains(where: { $0.ordinal != 0 })
        {
            throw Problem(message: "FREQ=YEARLY with BYMONTHDAY and an ordinal BYDAY but no BYMONTH is not supported")
        }
        if let unsupported = parts.keys.sorted().first {
            throw Problem(message: "\(clip(unsupported)) is not supported")
        }
        return rule
    }

    static func integer(_ text: String, in range: ClosedRange<Int>, part: String) throws(Problem) -> Int {
        let digits = text.hasPrefix("+") || text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.count <= 10, digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }),
            let magnitude = Int(digits)
        else { throw Problem(message: "\(part)=\(clip(text)) is not a number") }
        let value = text.hasPrefix("-") ? -magnitude : magnitude
        guard range.contains(value), value != 0 else {
            throw Problem(message: "\(part)=\(clip(text)) is outside \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    static func list(_ text: String, in range: ClosedRange<Int>, part: String) throws(Problem) -> [Int] {
        try text.split(separator: ",").map { (item) throws(Problem) in try integer(String(item), in: range, part: part)
        }
    }

    /// `[+|-][n]DD`: `MO`, `1MO`, `-1FR`, `+2TU`.
    static func weekdayNumber(_ text: String) throws(Problem) -> WeekdayNumber {
        guard text.count >= 2, let weekday = weekdayCodes.firstIndex(of: String(text.suffix(2))) else {
            throw Problem(message: "BYDAY item '\(clip(text))' is not a weekday")
        }
        let prefix = String(text.dropLast(2))
        if prefix.isEmpty { return WeekdayNumber(ordinal: 0, weekday: weekday) }
        return WeekdayNumber(ordinal: try integer(prefix, in: -53...53, part: "BYDAY"), weekday: weekday)
    }

    /// A value for a message: at most 40 characters.
    static func clip(_ text: String) -> String { text.count > 40 ? String(text.prefix(40)) + "…" : text }
}
