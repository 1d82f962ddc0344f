import Rapport

/// A DATE or DATE-TIME value of an iCalendar file, with its wall-clock reading and its instant
/// (RFC 5545 §3.3.4, §3.3.5).
///
/// The three DATE-TIME forms: UTC (`19980119T070000Z`), local with a `TZID` (`TZID=America/New_York:
/// 19980119T020000`), and floating (`19980118T230000`, no zone). A floating time has no instant of
/// its own: it is read in the calendar's `X-WR-TIMEZONE` when that names a known zone, else as if
/// it were UTC; a DATE is read as its UTC midnight. Either way a key or an ordering built from them
/// is stable.
public struct CalendarDateTime: Hashable, Sendable, CustomStringConvertible {
    /// How the value was written.
    public enum Form: Hashable, Sendable {
        /// `VALUE=DATE` (`20240315`): an all-day date.
        case date
        /// No `Z` and no `TZID` (or a `TZID` this reader does not know, with a warning).
        case floating
        /// Ends in `Z`.
        case utc
        /// Local time in the zone `TZID` names (an Olson name, or a `VTIMEZONE` of the file).
        case zoned(String)
    }

    public var form: Form
    /// The local (wall-clock) date in the value's own zone; UTC for the `utc` form.
    public var day: Day
    /// Seconds since local midnight (0 for a date).
    public var secondOfDay: Int
    /// The instant, in seconds since 1970-01-01T00:00:00Z.
    public var utcSeconds: Int64

    public init(form: Form, day: Day, secondOfDay: Int, utcSeconds: Int64) {
        self.form = form
        self.day = day
        self.secondOfDay = secondOfDay
        self.utcSeconds = utcSeconds
    }

    public var isDate: Bool { form == .date }

    /// Seconds since 1970-01-01T00:00 of the wall-clock reading.
    public var localSeconds: Int64 { Int64(day.ordinal) * 86_400 + Int64(secondOfDay) }

    /// `yyyyMMdd'T'HHmmss'Z'` of the instant, or `yyyyMMdd` for a date: the occurrence part of a
    /// dedupe key.
    public var utcStamp: String {
        if isDate { return Self.basic(day) }
        let (day, second) = Self.split(utcSeconds)
        return Self.basic(day) + "T" + Self.clock(second) + "Z"
    }

    /// The value as written back: `20240315`, `20240315T100000Z`, `20240315T100000` (+ zone name).
    public var description: String {
        switch form {
        case .date: return Self.basic(day)
        case .utc: return utcStamp
        case .floating: return Self.basic(day) + "T" + Self.clock(secondOfDay)
        case .zoned(let tzid): return Self.basic(day) + "T" + Self.clock(secondOfDay) + " " + tzid
        }
    }

    /// Day and second of day of a count of seconds since the epoch (floor division).
    static func split(_ seconds: Int64) -> (Day, Int) {
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let clamped = Int32(clamping: days)
        return (Day(ordinal: clamped), Int(seconds - Int64(clamped) * 86_400))
    }

    static func basic(_ day: Day) -> String {
        let (y, m, d) = day.components
        return pad(y, 4) + pad(m, 2) + pad(d, 2)
    }

    static func clock(_ second: Int) -> String {
        pad(second / 3600, 2) + pad(second / 60 % 60, 2) + pad(second % 60, 2)
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// The formats a DATE or DATE-TIME may take, for error messages.
    static let formats = ["YYYYMMDD", "YYYYMMDDTHHMMSS", "YYYYMMDDTHHMMSSZ"]

    /// Reads `YYYYMMDD`, `YYYYMMDDTHHMMSS` or `YYYYMMDDTHHMMSSZ` (a leap second `60` is accepted).
    /// - Returns: the date, the second of day (`nil` for a DATE) and whether it ends in `Z`; `nil`
    ///   when the text has another shape or names an impossible date or time.
    /// - Complexity: O(1).
    static func lexical(_ text: String) -> (day: Day, second: Int?, isUTC: Bool)? {
        let b = Array(CalendarText.trimmed(text).utf8)
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let digit = Int(b[i]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard b.count == 8 || b.count == 15 || b.count == 16, let y = number(0..<4), let m = number(4..<6),
            let d = number(6..<8), let day = Day(year: y, month: m, day: d)
        else { return nil }
        if b.count == 8 { return (day, nil, false) }
        guard b[8] == UInt8(ascii: "T") || b[8] == UInt8(ascii: "t"), let hh = number(9..<11),
            let mm = number(11..<13), let ss = number(13..<15), hh < 24, mm < 60, ss <= 60
        else { return nil }
        if b.count == 16 && b[15] != UInt8(ascii: "Z") && b[15] != UInt8(ascii: "z") { return nil }
        return (day, hh * 3600 + mm * 60 + ss, b.count == 16)
    }

    /// A DURATION value (RFC 5545 §3.3.6): `[+|-]P` then `nW`, or `nD`, `T` and `nH`, `nM`, `nS`
    /// parts (`PT1H30M`, `P1D`, `-PT15M`), in seconds (a day counts 86 400 s).
    /// - Returns: `nil` for any other shape, or a value beyond 100 years.
    /// - Complexity: O(n).
    static func duration(_ text: String) -> Int64? {
        var scalars = Array(CalendarText.trimmed(text).uppercased().unicodeScalars)
        var sign: Int64 = 1
        if scalars.first == "+" || scalars.first == "-" {
            if scalars.first == "-" { sign = -1 }
            scalars.removeFirst()
        }
        guard scalars.first == "P", scalars.count > 1 else { return nil }
        var total: Int64 = 0
        var number: Int64?
        var inTime = false
        var seenUnit = false
        for scalar in scalars.dropFirst() {
            if ("0"..."9").contains(scalar) {
                number = (number ?? 0) * 10 + Int64(scalar.value - 48)
                guard let n = number, n < 10_000_000 else { return nil }
                continue
            }
            if scalar == "T" {
                guard !inTime, number == nil else { return nil }
                inTime = true
                continue
            }
            guard let n = number else { return nil }
            let unit: Int64
            switch (scalar, inTime) {
            case ("W", false): unit = 604_800
            case ("D", false): unit = 86_400
            case ("H", true): unit = 3600
            case ("M", true): unit = 60
            case ("S", true): unit = 1
            default: return nil
            }
            total += n * unit
            number = nil
            seenUnit = true
        }
        guard seenUnit, number == nil, total <= 100 * 366 * 86_400 else { return nil }
        return sign * total
    }
}
