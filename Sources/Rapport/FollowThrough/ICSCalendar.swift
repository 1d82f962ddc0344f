/// An RFC 5545 calendar of all-day events, for `rapport due --ics`.
///
/// Output: `BEGIN:VCALENDAR`, `VERSION:2.0`, `PRODID`, `CALSCALE:GREGORIAN`, then one `VEVENT` per
/// event with `UID`, `DTSTAMP`, `DTSTART;VALUE=DATE`, `DTEND;VALUE=DATE` (the next day: all-day
/// events end exclusively), `SUMMARY` and `DESCRIPTION`. Lines end in CRLF and are folded at 75
/// octets without splitting a UTF-8 sequence (RFC 5545 §3.1); text values escape `\`, `;`, `,` and
/// newlines (§3.3.11).
public struct ICSCalendar: Hashable, Sendable {
    /// One all-day event.
    public struct Event: Hashable, Sendable {
        /// Globally unique and stable across exports, so re-importing updates instead of duplicating.
        public var uid: String
        public var date: Day
        public var summary: String
        public var description: String

        public init(uid: String, date: Day, summary: String, description: String = "") {
            self.uid = uid
            self.date = date
            self.summary = summary
            self.description = description
        }
    }

    public static let productID = "-//Rapport//Rapport follow-through//EN"

    public var events: [Event]
    /// The `DTSTAMP` of every event, as a UTC day (midnight); pass the `--as-of` day for output
    /// that is reproducible.
    public var stamp: Day

    public init(events: [Event], stamp: Day) {
        self.events = events
        self.stamp = stamp
    }

    /// The calendar as RFC 5545 text.
    /// - Complexity: O(total length of the events).
    public func render() -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + Self.productID, "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
        ]
        let stampText = Self.basicDate(stamp) + "T000000Z"
        for event in events {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:" + Self.escape(event.uid))
            lines.append("DTSTAMP:" + stampText)
            lines.append("DTSTART;VALUE=DATE:" + Self.basicDate(event.date))
            lines.append("DTEND;VALUE=DATE:" + Self.basicDate(event.date.adding(days: 1)))
            lines.append("SUMMARY:" + Self.escape(event.summary))
            if !event.description.isEmpty { lines.append("DESCRIPTION:" + Self.escape(event.description)) }
            lines.append("TRANSP:TRANSPARENT")
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined()
    }

    /// `YYYYMMDD`.
    public static func basicDate(_ day: Day) -> String { day.iso.replacingOccurrences(of: "-", with: "") }

    /// A TEXT value escaped per RFC 5545 §3.3.11: `\` → `\\`, `;` → `\;`, `,` → `\,`, line breaks →
    /// `\n`; the unsafe scalars of `OutputPolicy.isUnsafe` (control characters, which the grammar
    /// forbids, and bidirectional controls) are dropped, as in every document Rapport writes.
    /// - Complexity: O(n).
    public static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case ";": out.append(contentsOf: "\\;".unicodeScalars)
            case ",": out.append(contentsOf: "\\,".unicodeScalars)
            case "\r": out.append(contentsOf: "\\n".unicodeScalars)
            case "\n": if !previousWasCR { out.append(contentsOf: "\\n".unicodeScalars) }
            default:
                if !OutputPolicy.isUnsafe(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// One content line folded at 75 octets and terminated with CRLF: each continuation line starts
    /// with one space, and a multi-octet UTF-8 sequence is never split.
    /// - Complexity: O(n).
    public static func fold(_ line: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(line.utf8.count + line.utf8.count / 70 * 3 + 2)
        var lineLength = 0
        for scalar in line.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if lineLength + bytes.count > 75 {
                out += [13, 10, 32]
                lineLength = 1
            }
            out += bytes
            lineLength += bytes.count
        }
        out += [13, 10]
        return String(decoding: out, as: UTF8.self)
    }
}

extension ICSCalendar.Event {
    /// A calendar event for a due item: stable UID from the reason, a hash of the person's id (ids
    /// may be emails) and the event the reminder follows from.
    ///
    /// - Parameter notBefore: an overdue item is placed on this day (today) instead of its past due
    ///   date, where no one would see it; the description keeps the original date.
    public init(_ item: DueItem, summary: String, notBefore: Day? = nil) {
        let uid =
            "\(item.reason.rawValue)-\(ICSCalendar.hash(item.personID))-\(ICSCalendar.basicDate(item.since))@rapport.invalid"
        var description = item.detail.prefix(1).uppercased() + item.detail.dropFirst() + ".\nNext: " + item.action + "."
        if item.windowEnd != item.due { description += "\nWindow ends " + item.windowEnd.iso + "." }
        var date = item.due
        if let notBefore, notBefore > item.due {
            date = notBefore
            description += "\nWas due " + item.due.iso + "."
        }
        self.init(uid: uid, date: date, summary: summary, description: description)
    }
}

extension ICSCalendar {
    /// 64-bit FNV-1a of `text` in hex: a stable, non-reversible-at-a-glance UID part.
    /// - Complexity: O(n).
    static func hash(_ text: String) -> String { FNV1a64.hex(text.utf8) }
}
