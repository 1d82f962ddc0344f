import Foundation
import Rapport

/// A `VTIMEZONE` of the file (RFC 5545 §3.6.5): its STANDARD and DAYLIGHT observances, each with
/// an onset (DTSTART, in the wall-clock time of TZOFFSETFROM), TZOFFSETFROM, TZOFFSETTO and the
/// RRULE or RDATEs that repeat the onset.
///
/// Outlook names its zones the Windows way ("W. Europe Standard Time") and writes the rules from
/// 1601 (`DTSTART:16010325T020000`, `RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3`); the offset at an
/// instant is TZOFFSETTO of the latest onset at or before it.
struct CalendarTimeZone: Hashable, Sendable {
    struct Observance: Hashable, Sendable {
        /// DTSTART as local seconds (wall clock before the change).
        var onset: Int64
        var offsetFrom: Int
        var offsetTo: Int
        /// A YEARLY rule without COUNT or INTERVAL (what every exporter writes); other rules are
        /// refused when the zone is read.
        var rule: RecurrenceRule?
        /// RDATEs, as local seconds, sorted.
        var extraOnsets: [Int64]

        /// The latest onset at or before instant `utc`, as an instant; `nil` when none.
        func latestOnset(atOrBefore utc: Int64) -> Int64? {
            var best: Int64?
            func consider(_ local: Int64) {
                let instant = local - Int64(offsetFrom)
                if instant <= utc, best.map({ instant > $0 }) ?? true { best = instant }
            }
            consider(onset)
            // The last RDATE at or before `utc` (binary search: a zone may list hundreds).
            var low = 0
            var high = extraOnsets.count
            while low < high {
                let mid = (low + high) / 2
                if extraOnsets[mid] - Int64(offsetFrom) <= utc { low = mid + 1 } else { high = mid }
            }
            if low > 0 { consider(extraOnsets[low - 1]) }
            if let rule {
                let (anchor, second) = CalendarDateTime.split(onset)
                let year = CalendarDateTime.split(utc).0.components.year
                for y in [year - 1, year] where y >= anchor.components.year {
                    for day in rule.yearDays(y, anchor: anchor) where day >= anchor {
                        let local = Int64(day.ordinal) * 86_400 + Int64(second)
                        if Self.beyond(rule.until, local: local, offset: offsetFrom) { continue }
                        consider(local)
                    }
                }
            }
            return best
        }

        static func beyond(_ until: RecurrenceRule.Until?, local: Int64, offset: Int) -> Bool {
            switch until {
            case nil: return false
            case .date(let day)?: return local >= (Int64(day.ordinal) + 1) * 86_400
            case .utc(let instant)?: return local - Int64(offset) > instant
            case .floating(let bound)?: return local > bound
            }
        }
    }

    var tzid: String
    var observances: [Observance]

    /// The UTC offset in seconds at instant `utc`.
    /// - Complexity: O(observances × log RDATEs), two years of rule dates each.
    func offset(atUTC utc: Int64) -> Int {
        var best: (instant: Int64, offset: Int)?
        for observance in observances {
            if let onset = observance.latestOnset(atOrBefore: utc), best.map({ onset > $0.instant }) ?? true {
                best = (onset, observance.offsetTo)
            }
        }
        if let best { return best.offset }
        // Before every onset: the earliest observance's offset before its change.
        return observances.min { $0.onset < $1.onset }?.offsetFrom ?? 0
    }
}

/// Turns a wall-clock time in a named zone into an instant: a `VTIMEZONE` of the file when it
/// defines that TZID and the name is not an Olson name, else Foundation's `TimeZone(identifier:)`
/// (the tz database, exact for past rule changes, where an exporter's VTIMEZONE often writes only
/// today's rules).
///
/// A floating time is read in the calendar's default zone (`X-WR-TIMEZONE`, which Google and
/// Apple write) when it names a known zone, as `recurring-ical-events` does; else as UTC.
struct CalendarZoneResolver {
    var fileZones: [String: CalendarTimeZone]
    /// `X-WR-TIMEZONE`, when it names a zone this resolver knows.
    var floatingZone: String?
    private var foundation: [String: TimeZone?] = [:]

    init(fileZones: [String: CalendarTimeZone], floatingZone: String? = nil) {
        self.fileZones = fileZones
        if let floatingZone, knows(floatingZone) { self.floatingZone = floatingZone }
    }

    /// The instant of a floating wall-clock time: in `floatingZone`, else as if UTC.
    mutating func utcFloating(local: Int64) -> Int64 {
        guard let floatingZone else { return local }
        return utc(local: local, tzid: floatingZone) ?? local
    }

    /// Whether `tzid` can be resolved.
    mutating func knows(_ tzid: String) -> Bool { olson(tzid) != nil || fileZones[tzid] != nil }

    /// The instant of wall-clock `local` (seconds since 1970-01-01T00:00 local) in `tzid`; `nil`
    /// when the zone is unknown.
    ///
    /// A time that exists twice (the hour the clocks go back) is the first of the two; a time that
    /// does not exist (the hour they go forward) is read with the offset from before the change,
    /// as Python's `zoneinfo` does with `fold=0`.
    mutating func utc(local: Int64, tzid: String) -> Int64? {
        if let zone = olson(tzid) {
            return Self.utc(local: local) { Int(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double($0)))) }
        }
        if let zone = fileZones[tzid] { return Self.utc(local: local, offsetAt: zone.offset(atUTC:)) }
        return nil
    }

    /// Local → UTC by fixed point: an offset `o` fits when `offsetAt(local − o) == o`.
    static func utc(local: Int64, offsetAt: (Int64) -> Int) -> Int64 {
        let guesses = [offsetAt(local - 86_400), offsetAt(local), offsetAt(local + 86_400)]
        let fitting = Set(guesses.filter { offsetAt(local - Int64($0)) == $0 })
        if let largest = fitting.max() { return local - Int64(largest) }  // overlap: the earlier instant
        return local - Int64(guesses[0])  // gap: the offset before the change
    }

    /// Foundation's zone for an Olson-shaped name (letters, digits, `/`, `_`, `+`, `-`; no `..`),
    /// cached. Other names are never handed to Foundation, which reads the name as a path below
    /// the zoneinfo directory.
    private mutating func olson(_ tzid: String) -> TimeZone? {
        if let cached = foundation[tzid] { return cached }
        let shaped =
            !tzid.isEmpty && tzid.utf8.count <= 64 && !tzid.contains("..") && !tzid.hasPrefix("/")
            && tzid.unicodeScalars.allSatisfy {
                ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0)
                    || "/_+-".unicodeScalars.contains($0)
            }
        let zone = shaped ? TimeZone(identifier: tzid) : nil
        foundation[tzid] = zone
        return zone
    }
}

extension CalendarTimeZone {
    /// Reads a VTIMEZONE component.
    /// - Returns: the zone, or a problem to warn about (no TZID, an unreadable offset or onset, a
    ///   rule that is not a plain YEARLY one); the zone's name is then unknown to the file.
    static func read(_ component: CalendarComponent) -> Result<CalendarTimeZone, RecurrenceRule.Problem> {
        guard let tzid = component.first("TZID").map({ CalendarText.trimmed(VCardFormat.unescape($0.value)) }),
            !tzid.isEmpty
        else { return .failure(.init(message: "VTIMEZONE without TZID")) }
        var observances: [Observance] = []
        for child in component.children where child.name == "STANDARD" || child.name == "DAYLIGHT" {
            guard let from = child.first("TZOFFSETFROM").flatMap({ offset($0.value) }),
                let to = child.first("TZOFFSETTO").flatMap({ offset($0.value) }),
                let start = child.first("DTSTART").flatMap({ CalendarDateTime.lexical($0.value) })
            else { return .failure(.init(message: "\(child.name) of \(tzid) lacks a readable DTSTART or TZOFFSET")) }
            var observance = Observance(
                onset: Int64(start.day.ordinal) * 86_400 + Int64(start.second ?? 0), offsetFrom: from, offsetTo: to,
                rule: nil, extraOnsets: [])
            if let text = child.first("RRULE")?.value {
                do throws(RecurrenceRule.Problem) {
                    let rule = try RecurrenceRule.parse(text)
                    guard rule.frequency == .yearly, rule.interval == 1, rule.count == nil else {
                        return .failure(.init(message: "\(child.name) of \(tzid): only a yearly RRULE is supported"))
                    }
                    observance.rule = rule
                } catch {
                    return .failure(.init(message: "\(child.name) of \(tzid): \(error.message)"))
                }
            }
            for line in child.all("RDATE") {
                for item in CalendarText.list(line.value) {
                    guard let date = CalendarDateTime.lexical(item) else {
                        return .failure(.init(message: "\(child.name) of \(tzid): unreadable RDATE"))
                    }
                    observance.extraOnsets.append(Int64(date.day.ordinal) * 86_400 + Int64(date.second ?? 0))
                }
            }
            observance.extraOnsets.sort()
            observances.append(observance)
        }
        guard !observances.isEmpty else {
            return .failure(.init(message: "VTIMEZONE \(tzid) has no STANDARD or DAYLIGHT"))
        }
        return .success(CalendarTimeZone(tzid: tzid, observances: observances))
    }

    /// A UTC offset `(+|-)HHMM[SS]` in seconds.
    static func offset(_ text: String) -> Int? {
        let b = Array(CalendarText.trimmed(text).utf8)
        guard b.count == 5 || b.count == 7, b[0] == UInt8(ascii: "+") || b[0] == UInt8(ascii: "-"),
            b.dropFirst().allSatisfy({ (48...57).contains($0) })
        else { return nil }
        let digits = b.dropFirst().map { Int($0) - 48 }
        let hours = digits[0] * 10 + digits[1]
        let minutes = digits[2] * 10 + digits[3]
        let seconds = digits.count == 6 ? digits[4] * 10 + digits[5] : 0
        guard hours < 24, minutes < 60, seconds < 60 else { return nil }
        let value = hours * 3600 + minutes * 60 + seconds
        return b[0] == UInt8(ascii: "-") ? -value : value
    }
}
