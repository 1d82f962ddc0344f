import Rapport

/// One CSV file of a LinkedIn export, read through the project's `CSVReader` and seen by header
/// names: LinkedIn renames, adds and drops columns between export years, so nothing is read by
/// position.
struct LinkedInTable {
    let path: String
    let header: Header?
    /// Every row, unless the table was opened `streaming` (then `nextRow()` gives them one by one).
    var rows: [Row] = []
    var warnings: [ImportWarning] = []
    private var reader: CSVReader?

    /// Reads the header of `bytes` (the file at display path `path`), and every row unless
    /// `streaming` (a large messages.csv is read row by row, never held whole as rows).
    ///
    /// A file with no bytes but blanks has no rows (LinkedIn ships empty files for features the
    /// member never used); otherwise each name in `required` must be present, one of its
    /// alternatives (`["Text", "Body"]`) being enough.
    /// - Throws: the reader's errors (`.unbalancedQuote` at `file:line:col`, limits), and
    ///   `.missingColumn` at the header row.
    /// - Complexity: O(bytes).
    init(path: String, bytes: [UInt8], file: String, required: [[String]], streaming: Bool = false) throws(ImportError)
    {
        self.path = path
        let (text, _) = try TextDecoding.utf8(bytes, path: path)
        guard text.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else {
            header = nil
            warnings.append(
                ImportWarning("the file is empty; nothing read", at: SourceLocation(path: path, line: 1, column: 1)))
            return
        }
        var reader = CSVReader(path: path, utf8: text)
        let header = try FormatDetection.readHeader(&reader)
        for alternatives in required where !alternatives.contains(where: header.contains) {
            throw ImportError(
                .missingColumn(alternatives[0], format: "LinkedIn \(file)"),
                at: header.record.location(ofField: 0, path: path))
        }
        self.header = header
        warnings += header.warnings(path: path)
        self.reader = reader
        if !streaming {
            while let row = try nextRow() { rows.append(row) }
        }
    }

    /// The next row that is not blank; `nil` at the end, where the reader's warnings join `warnings`.
    /// - Throws: the reader's errors.
    mutating func nextRow() throws(ImportError) -> Row? {
        guard let header, var current = reader else { return nil }
        defer { reader = current }
        while let record = try current.next() {
            if !record.isBlank { return Row(record: record, header: header, path: path) }
        }
        warnings += current.warnings
        current = CSVReader(path: path, utf8: [])
        return nil
    }

    /// The first of `names` the header has, for columns LinkedIn renamed between export years.
    func column(_ names: [String]) -> String? { names.first { header?.contains($0) == true } }

    /// The index of the first of `names` the header has: looked up once, not once per row.
    func index(_ names: [String]) -> Int? {
        for name in names { if let i = header?.index(of: name) { return i } }
        return nil
    }
}

extension Row {
    /// The trimmed cell at `index`; empty when the column is absent (`nil`) or the row short.
    func text(at index: Int?) -> String { index.map { text($0) } ?? "" }

    /// The location of the cell at `index`, else of the row.
    func location(at index: Int?) -> SourceLocation {
        index.map { record.location(ofField: $0, path: path) } ?? location
    }

    /// The trimmed cell of the first of `names` present; empty when none is.
    func text(_ names: [String]) -> String {
        for name in names where header.contains(name) { return text(name) }
        return ""
    }

    /// The location of the first of `names` present, else of the row.
    func location(_ names: [String]) -> SourceLocation {
        for name in names where header.contains(name) { return location(name) }
        return location
    }

    /// The timestamp or date under `names` as a day, through `LinkedInDates.day`.
    /// - Throws: `.unreadableDate` at the cell when it is neither empty nor readable.
    func linkedInDay(_ names: [String]) throws(ImportError) -> Day? {
        try linkedInDay(at: names.lazy.compactMap { header.index(of: $0) }.first)
    }

    /// The same for the cell at `index` (a column looked up once for the whole file).
    func linkedInDay(at index: Int?) throws(ImportError) -> Day? {
        let value = text(at: index)
        if value.isEmpty { return nil }
        guard let day = LinkedInDates.day(value) else {
            throw ImportError(.unreadableDate(value, tried: LinkedInDates.formats), at: location(at: index))
        }
        return day
    }

    /// The month-precision date of a profile (`Jan 2020`, `2020`) under `names`.
    /// - Throws: `.unreadableDate` at the cell when it is neither empty nor readable.
    func linkedInMonth(_ names: [String]) throws(ImportError) -> Day? {
        let value = text(names)
        if value.isEmpty { return nil }
        guard let day = LinkedInDates.month(value) else {
            throw ImportError(.unreadableDate(value, tried: LinkedInDates.monthFormats), at: location(names))
        }
        return day
    }
}

/// Word counts: the only thing Rapport keeps of a message, an invitation note or a recommendation.
enum WordCount {
    /// Runs of non-blank characters that hold at least one letter or digit: `"Hi Zoë — thanks!"` is 3.
    /// HTML tags of older exports (`<p>`) hold letters and count; they are rare and short.
    /// - Complexity: O(length), one pass over the Unicode scalars; nothing is kept.
    static func words(_ text: String) -> Int {
        if let ascii = asciiWords(text) { return ascii }
        var count = 0
        var inWord = false
        var wordHasLetter = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if inWord, wordHasLetter { count += 1 }
                inWord = false
                wordHasLetter = false
            } else {
                inWord = true
                if !wordHasLetter, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                    wordHasLetter = true
                }
            }
        }
        if inWord, wordHasLetter { count += 1 }
        return count
    }

    /// The same count over bytes for ASCII text (most messages); `nil` at the first non-ASCII byte.
    private static func asciiWords(_ text: String) -> Int? {
        var count = 0
        var inWord = false
        var wordHasLetter = false
        for b in text.utf8 {
            switch b {
            case 0x80...: return nil
            case 0x20, 0x09...0x0D:
                if inWord, wordHasLetter { count += 1 }
                inWord = false
                wordHasLetter = false
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "a")...UInt8(ascii: "z"):
                inWord = true
                wordHasLetter = true
            default:
                inWord = true
            }
        }
        if inWord, wordHasLetter { count += 1 }
        return count
    }
}
