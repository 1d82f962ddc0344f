/// The rule that tells a stray quote, which swallows the records after it, from a quoted cell that
/// really holds several lines (an Outlook Notes cell, a LinkedIn message CONTENT).
///
/// A quoted field that holds a line break is refused when one of the lines wholly inside it (between
/// two of its line breaks) would be, read on its own, a complete record: exactly `width` fields,
/// `width` being the field count of the record before (the header, for the first record), at least
/// 2. One more sign is needed, either
/// - (a) that line's first cell is non-empty and has the *shape* of the record's own first cell, or
/// - (b) the record holding the field does not come out `width` fields wide.
///
/// The shape of a cell maps each run of letters to `a` and each run of digits to `9` and keeps every
/// other character: `q0057` and `q0056` are both `a9`, `2024-05-01` is `9-9-9`. A quote inside a
/// quoted field is always doubled, so a line inside the field has no quoting of its own and its
/// field count is its delimiter count plus one.
///
/// Why this separates the two kinds: a swallowed record is a whole line of the file with the
/// header's width, usually starting with an id like the one before it, and the record it lands in
/// comes out with the wrong width once the quote closes at some later quote. A note or a message is
/// prose: a line of it rarely has exactly `width − 1` delimiters (89 for Outlook, 9 for LinkedIn
/// messages.csv) *and* starts like an id of the file *or* leaves its record the wrong width.
///
/// Both CSV machines, `CSVReader` and the bulk `RecordStream`, call this one function.
enum RunawayQuote {
    /// A line inside a quoted field that reads as a record of its own.
    struct InnerRecord: Equatable {
        /// How many line breaks of the field come before the line (1 for the line after the quote's).
        var breaksBefore: Int
        /// Rule (a): its first cell has the shape of the record's first cell.
        var shapeMatches: Bool
    }

    /// The first line inside `field` (the raw bytes between the quotes) that reads as a record of
    /// `width` fields, preferring one whose first cell has the shape `firstCellShape`; `nil` if none.
    /// - Complexity: O(bytes of the field); called only for fields that hold a line break.
    static func innerRecord(
        in field: UnsafeBufferPointer<UInt8>, delimiter: UInt8, width: Int, firstCellShape: [UInt8]
    ) -> InnerRecord? {
        guard width >= 2 else { return nil }
        let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var found: InnerRecord? = nil
        var breaks = 0
        var lineStart = -1  // no line inside the field starts before its first break
        var i = 0
        let n = field.count
        while i < n {
            let b = field[i]
            guard b == lf || b == cr else {
                i += 1
                continue
            }
            let lineEnd = i
            i += (b == cr && i + 1 < n && field[i + 1] == lf) ? 2 : 1
            if lineStart >= 0 {
                let line = UnsafeBufferPointer(rebasing: field[lineStart..<lineEnd])
                if line.count(where: { $0 == delimiter }) + 1 == width {
                    let first = UnsafeBufferPointer(rebasing: line[..<(line.firstIndex(of: delimiter) ?? line.endIndex)])
                    let matches = !first.isEmpty && shape(of: first) == firstCellShape
                    if matches { return InnerRecord(breaksBefore: breaks, shapeMatches: true) }
                    if found == nil { found = InnerRecord(breaksBefore: breaks, shapeMatches: false) }
                }
            }
            breaks += 1
            lineStart = i
        }
        return found
    }

    /// The shape of the first cell of the line starting at `start` in `bytes`: an opening quote
    /// skipped, up to the first delimiter, quote or line break.
    /// - Complexity: O(length of the cell).
    static func firstCellShape(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, delimiter: UInt8) -> [UInt8] {
        var i = start
        if i < bytes.count, bytes[i] == UInt8(ascii: "\"") { i += 1 }
        var end = i
        while end < bytes.count {
            let b = bytes[end]
            if b == delimiter || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { break }
            end += 1
        }
        return shape(of: UnsafeBufferPointer(rebasing: bytes[i..<end]))
    }

    /// Runs of letters become `a`, runs of digits `9`; every other byte stays. Bytes of 0x80 and
    /// above count as letters (accented names), so `José` and `Ann` share the shape `a`.
    /// - Complexity: O(bytes).
    static func shape(of cell: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        for b in cell {
            let isLetter = (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") || b >= 0x80
            let isDigit = b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")
            let symbol = isLetter ? UInt8(ascii: "a") : isDigit ? UInt8(ascii: "9") : b
            if (isLetter || isDigit), out.last == symbol { continue }
            out.append(symbol)
        }
        return out
    }

    /// The one-line message for a refused field; `line` is the swallowed line's number in the file.
    static func message(swallowedLine line: Int) -> String {
        "quoted field opened here swallows line \(line), which reads as a record of its own; close the quote, or double it (\"\") if it is text"
    }
}
