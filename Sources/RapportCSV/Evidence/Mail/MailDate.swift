import Foundation
import Rapport

/// The instant of a `Date:` header, with the offset it was written in.
public struct MailDate: Hashable, Sendable, Comparable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSince1970: Int64
    /// The header's offset from UTC in seconds, east positive; 0 for `-0000`, `GMT` and unknown zones.
    public var utcOffsetSeconds: Int
    /// The civil date as written, in the header's own offset (the day the sender saw).
    public var localDay: Day

    public init(secondsSince1970: Int64, utcOffsetSeconds: Int, localDay: Day) {
        self.secondsSince1970 = secondsSince1970
        self.utcOffsetSeconds = utcOffsetSeconds
        self.localDay = localDay
    }

    /// The same instant as a Foundation `Date`.
    public var instant: Date { Date(timeIntervalSince1970: TimeInterval(secondsSince1970)) }

    public static func < (lhs: MailDate, rhs: MailDate) -> Bool { lhs.secondsSince1970 < rhs.secondsSince1970 }

    /// Parses an RFC 5322 §3.3 date-time, with the obsolete forms of §4.3 and what Python's
    /// `email.utils.parsedate_tz` also accepts:
    /// `[day-of-week ","] day month year hour ":" minute [":" second] zone`, where
    /// - the day of week may be missing, or a full name; comments (`(CEST)`) are ignored;
    /// - month names are English, three letters or in full; day and month may be swapped
    ///   (`Jun 3 2024`), and year and time too (the asctime form `Jun 3 10:00:00 2024`); RFC 850's
    ///   `03-Jun-24` is accepted;
    /// - a two-digit year is 2000–2049 for 00–49 and 1950–1999 for 50–99, a three-digit one adds 1900
    ///   (§4.3; Python puts 50–68 in 2050–2068 instead);
    /// - the zone is `±hhmm`, `UT`, `UTC`, `GMT`, `Z`, or a US zone (`EST` −5, `EDT` −4, `CST` −6,
    ///   `CDT` −5, `MST` −7, `MDT` −6, `PST` −8, `PDT` −7, and Python's `AST` −4, `ADT` −3); a missing,
    ///   military or unknown zone is `-0000`, UTC with no known offset (§4.3);
    /// - a leap second (`:60`) counts as `:59`.
    ///
    /// - Returns: `nil` when the text is not such a date, or names an impossible day or time.
    /// - Complexity: O(n) in the value's bytes.
    public init?(rfc5322 value: some Collection<UInt8>) {
        var tokens = Self.tokens(Array(value))
        guard !tokens.isEmpty else { return nil }
        if Self.isDayName(tokens[0]) { tokens.removeFirst() }
        if let first = tokens.first, first.contains(0x2D), first.first.map(Self.isDigit) == true {
            let parts = first.split(separator: 0x2D, omittingEmptySubsequences: false)
            if parts.count == 3 { tokens.replaceSubrange(0..<1, with: parts.map { Array($0) }) }
        }
        guard tokens.count >= 4 else { return nil }
        var dayToken = tokens[0]
        var month = Self.month(tokens[1])
        if month == nil, let swapped = Self.month(tokens[0]) {
            month = swapped
            dayToken = tokens[1]
        }
        var yearToken = tokens[2]
        var timeToken = tokens[3]
        if yearToken.contains(0x3A) { swap(&yearToken, &timeToken) }
        var zoneToken: [UInt8] = tokens.count > 4 ? tokens[4] : []
        if zoneToken.isEmpty,
            let sign = timeToken.indices.dropFirst().first(where: { timeToken[$0] == 0x2B || timeToken[$0] == 0x2D })
        {
            zoneToken = Array(timeToken[sign...])
            timeToken = Array(timeToken[..<sign])
        }
        guard let month, let day = Self.number(dayToken, digits: 1...2),
            var year = Self.number(yearToken, digits: 2...4)
        else { return nil }
        switch yearToken.count {
        case 2: year += year < 50 ? 2000 : 1900
        case 3: year += 1900
        default: break
        }
        let clock = timeToken.split(separator: 0x3A, omittingEmptySubsequences: false)
        guard clock.count == 2 || clock.count == 3,
            let hour = Self.number(clock[0], digits: 1...2), hour < 24,
            let minute = Self.number(clock[1], digits: 1...2), minute < 60
        else { return nil }
        var second = 0
        if clock.count == 3 {
            guard let s = Self.number(clock[2], digits: 1...2), s <= 60 else { return nil }
            second = min(s, 59)
        }
        guard let offset = Self.zoneOffset(zoneToken), let localDay = Day(year: year, month: month, day: day) else {
            return nil
        }
        let local = Int64(localDay.ordinal) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.init(secondsSince1970: local - Int64(offset), utcOffsetSeconds: offset, localDay: localDay)
    }

    /// Tokens split at white space and commas, comments removed.
    private static func tokens(_ bytes: [UInt8]) -> [[UInt8]] {
        var tokens: [[UInt8]] = []
        var current: [UInt8] = []
        var depth = 0
        for b in bytes {
            if b == 0x28 {
                depth += 1
            } else if b == 0x29, depth > 0 {
                depth -= 1
            } else if depth > 0 {
                continue
            } else if b == 0x20 || b == 0x09 || b == 0x2C || b == 0x0D || b == 0x0A {
                if !current.isEmpty { tokens.append(current) }
                current = []
            } else {
                current.append(b)
            }
            if (b == 0x28 || b == 0x29), !current.isEmpty {
                tokens.append(current)
                current = []
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private static func number(_ token: some Collection<UInt8>, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(token.count), token.allSatisfy(isDigit) else { return nil }
        return token.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    private static func lowercased(_ token: [UInt8]) -> String {
        String(decoding: token.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    private static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
    private static let dayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// 1–12 for a three-letter or full English month name.
    private static func month(_ token: [UInt8]) -> Int? {
        let name = lowercased(token)
        return monthNames.firstIndex { $0 == name || (name.count == 3 && $0.hasPrefix(name)) }.map { $0 + 1 }
    }

    private static func isDayName(_ token: [UInt8]) -> Bool {
        let name = lowercased(token)
        return dayNames.contains { $0 == name || (name.count == 3 && $0.hasPrefix(name)) }
    }

    private static let namedZones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
        "pst": -8, "pdt": -7, "ast": -4, "adt": -3,
    ]

    /// Seconds east of UTC; `nil` only for a malformed numeric zone.
    private static func zoneOffset(_ token: [UInt8]) -> Int? {
        guard let first = token.first else { return 0 }
        if first == 0x2B || first == 0x2D {
            guard let hhmm = number(token.dropFirst(), digits: 4...4), hhmm % 100 < 60 else { return nil }
            let seconds = (hhmm / 100) * 3600 + (hhmm % 100) * 60
            return first == 0x2D ? -seconds : seconds
        }
        guard token.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return nil }
        return (namedZones[lowercased(token)] ?? 0) * 3600
    }
}
