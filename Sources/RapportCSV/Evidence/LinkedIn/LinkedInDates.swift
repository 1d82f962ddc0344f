import Rapport

/// The date and timestamp spellings of LinkedIn's export files, as seen in exports from 2018 on.
///
/// | file | column | example |
/// |---|---|---|
/// | messages.csv | DATE | `2023-06-11 15:33:58 UTC` |
/// | Invitations.csv | Sent At | `1/8/23, 6:14 PM` |
/// | Recommendations_*.csv | Creation Date | `01/19/13, 12:10 AM`, `09/06/23` |
/// | Endorsement_Received_Info.csv | Endorsement Date | `2023/06/05 15:47:58 UTC` |
/// | Positions.csv, Education.csv | Started On, Start Date | `Jan 2020`, `2020` |
///
/// Timestamps keep their UTC day: the export gives no time zone for the member, and a day is the
/// precision of every interaction in Rapport.
enum LinkedInDates {
    /// The formats `day` reads, for the "unreadable date" message.
    static let formats = ["YYYY-MM-DD hh:mm:ss UTC", "YYYY/MM/DD hh:mm:ss UTC", "M/D/YY[, h:mm AM]", "DD Mon YYYY"]
    /// The formats `month` reads.
    static let monthFormats = ["Mon YYYY", "YYYY", "YYYY-MM", "MM/YYYY"]

    /// What may follow the date in a timestamp: digits, `:` `.` space, `T` `Z`, `UTC`, an offset.
    private static let timeBytes = Set("0123456789:. TZUCutc+-".utf8)

    /// The day of a LinkedIn timestamp or date; `nil` for anything else.
    /// - Complexity: O(length of the text).
    static func day(_ text: String) -> Day? {
        let bytes = Array(text.utf8)
        if bytes.count >= 10, let day = isoLike(bytes[0..<10]) {
            let rest = bytes[10...]
            // A time, a zone name or offset may follow; nothing that is not part of one.
            if rest.isEmpty
                || ((rest.first == 0x20 || rest.first == UInt8(ascii: "T")) && rest.allSatisfy(timeBytes.contains))
            {
                return day
            }
            return nil
        }
        return CellValues.contactDate(text)
    }

    /// `YYYY-MM-DD` or `YYYY/MM/DD`.
    private static func isoLike(_ bytes: ArraySlice<UInt8>) -> Day? {
        let b = Array(bytes)
        guard b[4] == b[7], b[4] == UInt8(ascii: "-") || b[4] == UInt8(ascii: "/") else { return nil }
        var normalized = b
        normalized[4] = UInt8(ascii: "-")
        normalized[7] = UInt8(ascii: "-")
        return Day(isoBytes: normalized)
    }

    /// The first day of a profile's month-precision date: `Jan 2020` and `January 2020` are
    /// 2020-01-01, `2020` is 2020-01-01, `2020-03` and `03/2020` are 2020-03-01; a full date is read
    /// as `day` reads it.
    /// - Complexity: O(length of the text).
    static func month(_ text: String) -> Day? {
        let value = CellValues.trimmed(text)
        let words = value.split(separator: " ")
        func year(_ s: Substring) -> Int? { s.count == 4 && s.allSatisfy(\.isASCII) ? Int(s) : nil }
        if words.count == 1, let y = year(words[0]) { return Day(year: y, month: 1, day: 1) }
        if words.count == 2, let y = year(words[1]), words[0].count >= 3,
            let m = CellValues.months.firstIndex(of: String(words[0].prefix(3)).lowercased()),
            String(words[0]).allSatisfy(\.isLetter)
        {
            return Day(year: y, month: m + 1, day: 1)
        }
        let dash = value.split(separator: "-", omittingEmptySubsequences: false)
        if dash.count == 2, let y = year(dash[0]), dash[1].count == 2, let m = Int(dash[1]) {
            return Day(year: y, month: m, day: 1)
        }
        let slash = value.split(separator: "/", omittingEmptySubsequences: false)
        if slash.count == 2, (1...2).contains(slash[0].count), let m = Int(slash[0]), let y = year(slash[1]) {
            return Day(year: y, month: m, day: 1)
        }
        return day(value)
    }
}
