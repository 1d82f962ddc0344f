/// Finds the header row and recognizes the format from it.
enum FormatDetection {
    /// Formats `detect` can name, for the "unknown format" message.
    static let known: [String] = [
        "people (id,first_name,last_name,…)", "ties (person_a,person_b,kind,since)",
        "interactions (date,person,kind,…)", "introductions (date,introducer,person,status)",
        "linkedin (First Name,Last Name,…,Connected On)", "google (Given Name/Family Name or First Name/Middle Name,…)",
        "outlook (First Name,…,E-mail Address)", "vcard (BEGIN:VCARD)",
    ]

    /// The format a header row belongs to, or `nil`.
    /// - Complexity: O(columns).
    static func detect(_ header: Header) -> ImportFormat? {
        let has = header.contains
        if has("person_a") || has("person_b") { return .ties }
        if has("introducer") { return .introductions }
        if has("one_on_one") || has("initiated_by") || has("rapport") || header.containsAll(["date", "person", "kind"])
        {
            return .interactions
        }
        if has("first_name") || has("last_name") { return .people }
        if has("given name") && has("family name") { return .google }
        if has("first name") && has("middle name")
            && (has("organization name") || has("e-mail 1 - value") || has("labels"))
        {
            return .google
        }
        if has("e-mail address") && (has("first name") || has("last name")) { return .outlook }
        if has("first name") && has("last name") && (has("connected on") || has("position") || has("email address")) {
            return .linkedin
        }
        return nil
    }

    /// Lines before the header: a lone field (LinkedIn's `Notes:` and its quoted paragraph) or a
    /// first cell ending in `:` with the rest empty (Excel's `Notes:,,`).
    static func isPreamble(_ record: CSVRecord) -> Bool {
        if record.isBlank { return true }
        if record.fields.count == 1 { return true }
        let first = record.fields[0].trimmingCharacters(in: .whitespaces)
        return first.hasSuffix(":") && record.fields.dropFirst().allSatisfy { $0.allSatisfy(\.isWhitespace) }
    }

    /// The delimiter of an Excel `sep=X` line, or `nil`.
    static func excelSeparator(_ field: String) -> UInt8? {
        let bytes = Array(field.utf8)
        guard bytes.count == 5, field.lowercased().hasPrefix("sep="), bytes[4] < 0x80, bytes[4] != UInt8(ascii: "\"")
        else {
            return nil
        }
        return bytes[4]
    }

    /// Reads up to and including the header row, switching to `;` when that row uses it and no `,`.
    ///
    /// - Parameter accepts: whether a record is the header (default: the first non-preamble row).
    /// - Throws: `.noHeaderRow` when the file holds no row, `.unknownFormat` when no row is accepted.
    /// - Complexity: O(bytes of the preamble and header).
    static func readHeader(_ reader: inout CSVReader, accepts: ((Header) -> Bool)? = nil) throws(ImportError) -> Header
    {
        var firstCandidate: CSVRecord?
        var firstRow: CSVRecord?
        var scanned = 0
        var delimiter = UInt8(ascii: ",")
        while true {
            reader.delimiter = delimiter
            let mark = reader.mark
            guard var record = try reader.next() else { break }
            // Excel's `sep=;` hint names the delimiter of the rest of the file.
            if record.fields.count == 1, let hint = excelSeparator(record.fields[0]) {
                delimiter = hint
                continue
            }
            if delimiter == UInt8(ascii: ","), record.fields.count == 1, record.fields[0].contains(";"),
                !record.fields[0].contains(",")
            {
                reader.rewind(to: mark)
                reader.delimiter = UInt8(ascii: ";")
                guard let again = try reader.next() else { break }
                record = again
            }
            if record.isBlank { continue }
            if firstRow == nil { firstRow = record }
            if firstCandidate == nil, !isPreamble(record) { firstCandidate = record }
            let header = Header(record)
            if let accepts {
                if accepts(header) { return header }
            } else if !isPreamble(record) {
                return header
            }
            scanned += 1
            if scanned >= 50 { break }
        }
        guard let firstCandidate = firstCandidate ?? firstRow else {
            throw ImportError(.noHeaderRow, at: SourceLocation(path: reader.path, line: reader.mark.line, column: 1))
        }
        let fields = firstCandidate.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        throw ImportError(
            .unknownFormat(header: fields, known: known), at: firstCandidate.location(ofField: 0, path: reader.path))
    }
}
