import Foundation
import Rapport

/// Which columns of a contact export fill which field; the first non-empty one wins, except for
/// e-mail addresses, which are all kept.
struct ContactLayout: Sendable {
    var columns: [ContactField: [String]] = [:]
    /// Columns whose name matches this predicate are also e-mail columns (Google's `E-mail N - Value`).
    var emailColumnPattern: (@Sendable (String) -> Bool)?
    /// Same for web sites (`Website N - Value`).
    var urlColumnPattern: (@Sendable (String) -> Bool)?

    static let linkedin = ContactLayout(columns: [
        .firstName: ["First Name"], .lastName: ["Last Name"], .url: ["URL", "Profile URL"],
        .email: ["Email Address", "E-mail Address"], .organization: ["Company"], .title: ["Position"],
        .connectedOn: ["Connected On"],
    ])

    static let google = ContactLayout(
        columns: [
            .firstName: ["Given Name", "First Name"], .lastName: ["Family Name", "Last Name"],
            .name: ["Name", "File As"],
            .organization: ["Organization 1 - Name", "Organization Name"],
            .title: ["Organization 1 - Title", "Organization Title"], .notes: ["Notes"], .location: ["Location"],
        ],
        emailColumnPattern: { $0.hasPrefix("e-mail ") && $0.hasSuffix(" - value") },
        urlColumnPattern: { $0.hasPrefix("website ") && $0.hasSuffix(" - value") })

    static let outlook = ContactLayout(columns: [
        .firstName: ["First Name"], .lastName: ["Last Name"],
        .email: ["E-mail Address", "E-mail 2 Address", "E-mail 3 Address"], .organization: ["Company"],
        .title: ["Job Title"], .notes: ["Notes"], .url: ["Web Page", "Personal Web Page"],
        .location: ["Business City", "Home City", "Location"],
    ])

    static func forFormat(_ format: ImportFormat) -> ContactLayout? {
        switch format {
        case .linkedin: return .linkedin
        case .google: return .google
        case .outlook: return .outlook
        default: return nil
        }
    }

    /// Columns required for the layout to make sense.
    static func required(_ format: ImportFormat) -> [[String]] {
        switch format {
        case .linkedin: return [["First Name"], ["Last Name"]]
        case .google: return [["Given Name", "First Name", "Name"]]
        case .outlook: return [["First Name", "Last Name"]]
        default: return []
        }
    }
}

/// Reads contact exports (LinkedIn, Google, Outlook, mapped CSV) into people.
enum ContactFormats {
    /// - Complexity: O(bytes).
    static func read(
        _ reader: inout CSVReader, header: Header, layout: ContactLayout, into file: inout ParsedFile
    ) throws(ImportError) {
        let path = file.path
        for alternatives in ContactLayout.required(file.format) where !alternatives.contains(where: header.contains) {
            throw ImportError(
                .missingColumn(alternatives[0], format: file.format.rawValue),
                at: header.record.location(ofField: 0, path: path))
        }
        if file.format == .mapped {
            for field in ContactField.allCases {
                guard let column = layout.columns[field]?.first, !header.contains(column) else { continue }
                throw ImportError(
                    .missingColumn(column, format: "mapped"), at: header.record.location(ofField: 0, path: path))
            }
        }
        file.warnings += header.warnings(path: path)
        let resolved = resolve(layout, header)
        while let record = try reader.next() {
            if record.isBlank { continue }
            if record.fields.count != header.names.count {
                file.warnings.append(NativeFormats.ragged(record, expected: header.names.count, path: path))
            }
            let row = Row(record: record, header: header, path: path)
            if let person = try person(row, resolved) {
                file.people.append(person)
            } else {
                file.warnings.append(ImportWarning("row has no name, e-mail or profile URL; skipped", at: row.location))
            }
        }
    }

    /// Column indices for each field, in priority order.
    static func resolve(_ layout: ContactLayout, _ header: Header) -> [ContactField: [Int]] {
        var result: [ContactField: [Int]] = [:]
        for (field, names) in layout.columns { result[field] = names.compactMap(header.index) }
        for (i, name) in header.names.enumerated() {
            let key = Header.key(name)
            if layout.emailColumnPattern?(key) == true, !(result[.email] ?? []).contains(i) {
                result[.email, default: []].append(i)
            }
            if layout.urlColumnPattern?(key) == true, !(result[.url] ?? []).contains(i) {
                result[.url, default: []].append(i)
            }
        }
        return result
    }

    static func person(_ row: Row, _ columns: [ContactField: [Int]]) throws(ImportError) -> PersonRecord? {
        func first(_ field: ContactField) -> String {
            for i in columns[field] ?? [] {
                let value = row.text(i)
                if !value.isEmpty { return value }
            }
            return ""
        }
        func all(_ field: ContactField) -> [String] {
            (columns[field] ?? []).flatMap { i in
                row.text(i).components(separatedBy: ":::").flatMap { CellValues.list($0) }
            }
        }
        var firstName = first(.firstName)
        var lastName = first(.lastName)
        if firstName.isEmpty && lastName.isEmpty {
            let full = first(.name).split(separator: " ")
            if let last = full.last {
                lastName = full.count > 1 ? String(last) : ""
                firstName = full.count > 1 ? full.dropLast().joined(separator: " ") : String(last)
            }
        }
        var emails: [String] = []
        for email in all(.email) where !emails.contains(where: { $0.caseInsensitiveCompare(email) == .orderedSame }) {
            emails.append(email)
        }
        let urls = all(.url)
        let url = urls.first { $0.lowercased().contains("linkedin.com/") } ?? urls.first
        guard !(firstName.isEmpty && lastName.isEmpty && emails.isEmpty && url == nil) else { return nil }
        var connectedOn: Day?
        if let i = columns[.connectedOn]?.first {
            let text = row.text(i)
            if !text.isEmpty {
                guard let day = CellValues.contactDate(text) else {
                    throw ImportError(
                        .unreadableDate(text, tried: CellValues.contactDateFormats),
                        at: row.record.location(ofField: i, path: row.path))
                }
                connectedOn = day
            }
        }
        let note = first(.notes)
        func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
        let person = Person(
            id: first(.id), firstName: firstName, lastName: lastName, emails: emails, profileURL: url,
            organization: nonEmpty(first(.organization)), title: nonEmpty(first(.title)), sectors: all(.sectors),
            schools: all(.school), location: nonEmpty(first(.location)), notes: note.isEmpty ? [] : [note])
        return PersonRecord(person: person, location: row.location, connectedOn: connectedOn)
    }
}
