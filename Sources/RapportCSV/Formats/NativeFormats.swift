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
    static func read(_ reader: inout CSVReader, header: Header, into file: inout ParsedFile) throws(ImportError) {
        file.warnings += try check(header, format: file.format, path: file.path)
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
        // The path and column names every tie of this file shares.
        let tieContext = TieRecord.Context(path: file.path, aColumn: "person_a", bColumn: "person_b")
        while let record = try reader.next() {
            if record.isBlank { continue }
            if record.fields.count != header.names.count {
                file.warnings.append(ragged(record, expected: header.names.count, path: file.path))
            }
            let row = Row(record: record, header: header, path: file.path)
            switch file.format {
            case .people: file.people.append(person(row))
            case .ties: file.ties.append(try tie(row, sharing: tieContext))
            case .interactions: file.interactions.append(try interaction(row))
            case .introductions: file.introductions.append(try introduction(row))
            default: break
            }
        }
    }

    static func ragged(_ record: CSVRecord, expected: Int, path: String) -> ImportWarning {
        ImportWarning(
            "row has \(record.fields.count) fields, the header has \(expected); missing cells read as empty, extra ones are ignored",
            at: SourceLocation(path: path, line: record.line, column: 1))
    }

    static func person(_ row: Row) -> PersonRecord {
        let note = row.text("notes")
        let person = Person(
            id: row.text("id"), firstName: row.text("first_name"), lastName: row.text("last_name"),
            emails: row.list("email"), profileURL: row.optional("url") ?? row.optional("profile_url"),
            organization: row.optional("organization"), title: row.optional("title"), sectors: row.list("sectors"),
            schools: row.list("school"), location: row.optional("location"), tags: row.list("tags"),
            notes: note.isEmpty ? [] : [note])
        return PersonRecord(person: person, location: row.location)
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

    static func tie(_ row: Row, sharing context: TieRecord.Context) throws(ImportError) -> TieRecord {
        let a = try row.reference("person_a")
        let b = try row.reference("person_b")
        if a.text == b.text { throw ImportError(.selfReference(column: "person_b"), at: b.location) }
        let kind: TieKind =
            row.text("kind").isEmpty
            ? .acquaintance : try enumValue(row, "kind") { TieKind(rawValue: $0) ?? TieKind(text: $0) }
        return TieRecord(
            personA: a, personB: b, kind: kind, since: try row.date("since"), location: row.location, sharing: context)
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
