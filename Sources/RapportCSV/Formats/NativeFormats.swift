import Rapport

/// Readers for Rapport's own files (DESIGN §4): people, ties, interactions, introductions.
enum NativeFormats {
    static let required: [ImportFormat: [String]] = [
        .people: ["id", "first_name", "last_name"],
        .ties: ["person_a", "person_b", "kind"],
        .interactions: ["date", "person", "kind"],
        .introductions: ["introducer", "person", "status"],
    ]

    static let optional: [ImportFormat: [String]] = [
        .people: [
            "email", "organization", "title", "sectors", "school", "location", "url", "profile_url", "tags", "notes",
        ],
        .ties: ["since"],
        .interactions: ["with", "one_on_one", "minutes", "rapport", "initiated_by", "notes"],
        .introductions: ["date", "to"],
    ]

    /// Checks required columns and warns about unknown ones.
    static func check(_ header: Header, format: ImportFormat, path: String) throws(ImportError) -> [ImportWarning] {
        for name in required[format] ?? [] where !header.contains(name) {
            throw ImportError(
                .missingColumn(name, format: format.rawValue), at: header.record.location(ofField: 0, path: path))
        }
        let known = Set((required[format] ?? []) + (optional[format] ?? []))
        var warnings = header.warnings(path: path)
        for (i, name) in header.names.enumerated() where !name.isEmpty && !known.contains(Header.key(name)) {
            warnings.append(
                ImportWarning("unknown column '\(name)' is ignored", at: header.record.location(ofField: i, path: path))
            )
        }
        return warnings
    }

    /// Reads the rows after the header into `file`.
    /// - Complexity: O(bytes).
    /// - Parameters:
    ///   - partsFrom: from this many bytes of rows on, the rows are read in two parts.
    ///   - joiningParts: false leaves the second part's ties in `file.secondPartTies`.
    /// - Returns: whether they were (the second part's reading was kept).
    @discardableResult
    static func read(
        _ reader: inout CSVReader, header: Header, into file: inout ParsedFile, partsFrom: Int = partsFrom,
        joiningParts: Bool = true
    ) throws(ImportError) -> Bool {
        file.warnings += try check(header, format: file.format, path: file.path)
        guard file.format == .ties, let split = reader.middleLineStart(minimumBytes: partsFrom) else {
            try readRows(&reader, header: header, into: &file)
            return false
        }
        // A large ties file (ten million rows) is read in two parts side by side, cut at a line
        // start near the middle: 8 s of a 1M import's parse on one core otherwise (7.1–7.2 s
        // against 8.4–8.9 s for the whole parse). Not people: their records hold strings and
        // arrays allocated on the second thread, and the merge that frees them ran a second
        // slower. The second part is read as if a record ended at the cut; it counts only if the
        // first part really ended there, on the same line and after a record as wide as the
        // header (a quoted field can span the cut, a ragged row changes what the next one is
        // checked against), and the two stay within the row limit. Otherwise the first reader
        // goes on alone, as before.
        let width = header.names.count
        let second = reader.reader(fromLineStart: split, lastWidth: width)
        let start = second.mark
        // Room for every row in the first part's array, and for its own in the second's: the
        // lines up to the cut (counted on the way there), scaled to the bytes after it, plus 5 %.
        // Appending the second part then copies it once, instead of moving both into a new array
        // (at ten million rows, 0.4 GB more at an import's peak), and neither regrows meanwhile.
        // Pages of the reserve no row reaches are never touched.
        let firstLines = start.line - reader.mark.line, firstBytes = max(1, split - reader.mark.pos)
        let secondLines = firstLines * (reader.byteCount - split) / firstBytes
        file.ties.reserveCapacity(file.ties.count + (firstLines + secondLines) * 21 / 20)
        var partFile = ParsedFile(path: file.path, format: file.format, encoding: file.encoding)
        partFile.ties.reserveCapacity(secondLines * 21 / 20)
        let empty = partFile
        let reading = WorkerPool.shared.async { () -> (Result<ParsedFile, ImportError>, CSVReader) in
            var (part, rest) = (empty, second)
            do throws(ImportError) {
                try readRows(&rest, header: header, into: &part)
                return (.success(part), rest)
            } catch {
                return (.failure(error), rest)
            }
        }
        reader.end = split
        // An error in the first part is the file's first: the second part's reading is dropped.
        try readRows(&reader, header: header, into: &file)
        reader.end = Int.max
        let (result, rest) = reading.take()
        let end = reader.mark
        guard end.pos == split, end.line == start.line, end.lineStart == start.lineStart, end.lastWidth == width,
            end.rows + rest.mark.rows <= reader.limits.maxRows
        else {
            try readRows(&reader, header: header, into: &file)
            return false
        }
        let part = try result.get()
        file.people += part.people
        // Left apart on request: joined after the file's bytes are gone, the second part's copy does
        // not come on top of them (`ParsedFile.joinParts`).
        if joiningParts { file.ties += part.ties } else { file.secondPartTies = part.ties }
        file.interactions += part.interactions
        file.introductions += part.introductions
        file.warnings += part.warnings
        reader.appendWarnings(of: rest)
        return true
    }

    /// From this many bytes of rows on, `read` reads a ties file in two parts.
    static let partsFrom = 32 << 20

    /// The rows of `reader` up to its `end`, into `file`.
    private static func readRows(_ reader: inout CSVReader, header: Header, into file: inout ParsedFile)
        throws(ImportError)
    {
        // Reserve the rows up front: growing an array of ten million ties by doubling copies
        // gigabytes and holds the old and the new storage at once, which set the peak memory.
        let rows = reader.remainingLineBound
        switch file.format {
        case .people: file.people.reserveCapacity(rows)
        case .ties: file.ties.reserveCapacity(rows)
        case .interactions: file.interactions.reserveCapacity(rows)
        case .introductions: file.introductions.reserveCapacity(rows)
        default: break
        }
        // The path and column names every tie of this file shares, and where its columns are.
        let tieContext = TieRecord.Context(path: file.path, aColumn: "person_a", bColumn: "person_b")
        let tieColumns = TieColumns(header), personColumns = PersonColumns(header)
        // One record for the whole file: its two arrays are reused row after row.
        var record = CSVRecord(line: 0, fields: [], positions: [])
        var read = 0
        while try reader.next(into: &record) {
            // A mapped file's pages are given back as the rows are read, 64k rows at a time.
            read += 1
            if read & 0xFFFF == 0 { reader.releaseRead() }
            if record.isBlank { continue }
            if record.fields.count != header.names.count {
                file.warnings.append(ragged(record, expected: header.names.count, path: file.path))
            }
            switch file.format {
            case .ties: file.ties.append(try tie(record, tieColumns, path: file.path, sharing: tieContext))
            case .people: file.people.append(person(record, personColumns, path: file.path))
            case .interactions: file.interactions.append(try interaction(Row(record: record, header: header, path: file.path)))
            case .introductions: file.introductions.append(try introduction(Row(record: record, header: header, path: file.path)))
            default: break
            }
        }
    }

    static func ragged(_ record: CSVRecord, expected: Int, path: String) -> ImportWarning {
        ImportWarning(
            "row has \(record.fields.count) fields, the header has \(expected); missing cells read as empty, extra ones are ignored",
            at: SourceLocation(path: path, line: record.line, column: 1))
    }

    /// Where a people file's columns are, looked up once for the file rather than a dozen times a row.
    struct PersonColumns {
        let id: Int?, firstName: Int?, lastName: Int?, email: Int?, url: Int?, profileURL: Int?, organization: Int?
        let title: Int?, sectors: Int?, school: Int?, location: Int?, tags: Int?, notes: Int?

        init(_ header: Header) {
            (id, firstName, lastName) = (header.index(of: "id"), header.index(of: "first_name"), header.index(of: "last_name"))
            (email, url, profileURL) = (header.index(of: "email"), header.index(of: "url"), header.index(of: "profile_url"))
            (organization, title) = (header.index(of: "organization"), header.index(of: "title"))
            (sectors, school, location) = (header.index(of: "sectors"), header.index(of: "school"), header.index(of: "location"))
            (tags, notes) = (header.index(of: "tags"), header.index(of: "notes"))
        }
    }

    /// A row of a people file whose columns are `columns`: every cell trimmed, `;` lists split,
    /// empty optional cells `nil`, the record at column 1 of its line.
    static func person(_ record: CSVRecord, _ columns: PersonColumns, path: String) -> PersonRecord {
        func text(_ i: Int?) -> String { record.cell(i) }
        func optional(_ i: Int?) -> String? {
            let value = record.cell(i)
            return value.isEmpty ? nil : value
        }
        let note = text(columns.notes)
        let person = Person(
            id: text(columns.id), firstName: text(columns.firstName), lastName: text(columns.lastName),
            emails: CellValues.list(text(columns.email)), profileURL: optional(columns.url) ?? optional(columns.profileURL),
            organization: optional(columns.organization), title: optional(columns.title),
            sectors: CellValues.list(text(columns.sectors)), schools: CellValues.list(text(columns.school)),
            location: optional(columns.location), tags: CellValues.list(text(columns.tags)),
            notes: note.isEmpty ? [] : [note])
        return PersonRecord(person: person, location: SourceLocation(path: path, line: record.line, column: 1))
    }

    static func enumValue<T: RawRepresentable & CaseIterable>(
        _ row: Row, _ column: String, parse: (String) -> T?
    ) throws(ImportError) -> T where T.RawValue == String {
        let value = row.text(column)
        guard let parsed = parse(value) else {
            throw ImportError(
                .unknownValue(column: column, value: value, allowed: T.allCases.map(\.rawValue)),
                at: row.location(column))
        }
        return parsed
    }

    /// Where a ties file's columns are, looked up once for the file rather than four times a row.
    struct TieColumns {
        let a: Int?, b: Int?, kind: Int?, since: Int?

        init(_ header: Header) {
            (a, b) = (header.index(of: "person_a"), header.index(of: "person_b"))
            (kind, since) = (header.index(of: "kind"), header.index(of: "since"))
        }
    }

    /// A row of a ties file whose columns are `columns`: both references non-empty and different,
    /// `kind` a `TieKind` (acquaintance when empty), `since` a `YYYY-MM-DD` date or empty; each error
    /// at the cell. Read straight from the record, without a `Row`, a `PersonReference` or a column
    /// lookup per cell: at 9.8 million rows those took half of the parse's time in reference counting.
    static func tie(
        _ record: CSVRecord, _ columns: TieColumns, path: String, sharing context: TieRecord.Context
    ) throws(ImportError) -> TieRecord {
        func location(_ i: Int?) -> SourceLocation { record.location(ofCell: i, path: path) }
        let a = record.cell(columns.a), b = record.cell(columns.b)
        if a.isEmpty { throw ImportError(.emptyReference(column: "person_a"), at: location(columns.a)) }
        if b.isEmpty { throw ImportError(.emptyReference(column: "person_b"), at: location(columns.b)) }
        if a == b { throw ImportError(.selfReference(column: "person_b"), at: location(columns.b)) }
        let kindText = record.cell(columns.kind)
        var kind = TieKind.acquaintance
        if !kindText.isEmpty {
            guard let parsed = TieKind(rawValue: kindText) ?? TieKind(text: kindText) else {
                throw ImportError(
                    .unknownValue(column: "kind", value: kindText, allowed: TieKind.allCases.map(\.rawValue)),
                    at: location(columns.kind))
            }
            kind = parsed
        }
        let sinceText = record.cell(columns.since)
        var since: Day?
        if !sinceText.isEmpty {
            guard let day = CellValues.isoDate(sinceText) else {
                throw ImportError(.unreadableDate(sinceText, tried: ["YYYY-MM-DD"]), at: location(columns.since))
            }
            since = day
        }
        // Both references are cells of the record (they are not empty), so each has its position.
        return TieRecord(
            a: a, at: record.positions[columns.a!], b: b, at: record.positions[columns.b!], kind: kind, since: since,
            line: record.line, sharing: context)
    }

    static func interaction(_ row: Row) throws(ImportError) -> InteractionRecord {
        guard let date = try row.date("date") else {
            throw ImportError(.unreadableDate("", tried: ["YYYY-MM-DD"]), at: row.location("date"))
        }
        let person = try row.reference("person")
        let with = row.optionalReference("with")
        if let with, with.text == person.text { throw ImportError(.selfReference(column: "with"), at: with.location) }
        let kind: InteractionKind = try enumValue(row, "kind") {
            InteractionKind(rawValue: $0) ?? InteractionKind(text: $0)
        }
        let initiator: Initiator? =
            row.text("initiated_by").isEmpty
            ? nil
            : try enumValue(row, "initiated_by") { Initiator(rawValue: $0) ?? Initiator(rawValue: $0.lowercased()) }
        return InteractionRecord(
            date: date, person: person, with: with, kind: kind,
            isOneOnOne: try row.boolean("one_on_one", default: true),
            minutes: try row.integer(
                "minutes", in: 0...100_000, described: "a whole number of minutes from 0 to 100000"),
            rapport: try row.integer("rapport", in: 1...5, described: "a rating from 1 to 5"),
            initiatedBy: initiator, notes: row.text("notes"), location: row.location)
    }

    static func introduction(_ row: Row) throws(ImportError) -> IntroductionRecord {
        let introducer = try row.reference("introducer")
        let person = try row.reference("person")
        if introducer.text == person.text {
            throw ImportError(.selfIntroduction(column: "person", sameAs: "introducer"), at: person.location)
        }
        let to = row.optionalReference("to")
        if let to, to.text == person.text {
            throw ImportError(.selfIntroduction(column: "to", sameAs: "person"), at: to.location)
        }
        if let to, to.text == introducer.text {
            throw ImportError(.selfIntroduction(column: "to", sameAs: "introducer"), at: to.location)
        }
        let status: IntroductionStatus = try enumValue(row, "status") {
            IntroductionStatus(rawValue: $0) ?? IntroductionStatus(rawValue: $0.lowercased())
        }
        return IntroductionRecord(
            date: try row.date("date"), introducer: introducer, person: person, to: to, status: status,
            location: row.location)
    }
}
