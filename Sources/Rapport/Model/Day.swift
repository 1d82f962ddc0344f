/// A calendar day in the proleptic Gregorian calendar, stored as days since 1970-01-01.
///
/// Rapport works in whole days: interactions, ties and introductions carry dates, not instants,
/// and "today" is a `Day` passed in explicitly (`--as-of`), so every result is reproducible.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let ordinal: Int32

    public init(ordinal: Int32) { self.ordinal = ordinal }

    /// Creates a day from a civil date; `nil` when the date does not exist (31 Feb, month 13, year 0).
    ///
    /// - Complexity: O(1). Algorithm from Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
    @inlinable
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = Int32(era * 146_097 + doe - 719_468)
    }

    /// Parses `YYYY-MM-DD` exactly; `nil` for anything else or an impossible date.
    public init?(iso text: some StringProtocol) {
        self.init(isoBytes: Array(text.utf8))
    }

    /// Parses `YYYY-MM-DD` from UTF-8 bytes, for readers that have the bytes and no `String` (a
    /// workspace's ten million tie dates). Inlinable, so other modules get it specialized for their
    /// byte buffers: unspecialized, its generic index arithmetic was 8 % of a 1M snapshot rebuild.
    @inlinable
    public init?<Bytes: RandomAccessCollection>(isoBytes bytes: Bytes) where Bytes.Element == UInt8, Bytes.Index == Int {
        guard bytes.count == 10 else { return nil }
        let base = bytes.startIndex
        guard bytes[base + 4] == UInt8(ascii: "-"), bytes[base + 7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let digit = Int(bytes[base + i]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The civil date of this day.
    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(ordinal) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let (y, m, d) = components
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    public var description: String { iso }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: Day) -> Int { Int(other.ordinal) - Int(ordinal) }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + Int32(days)) }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    @inlinable
    public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    @inlinable
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected YYYY-MM-DD"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
