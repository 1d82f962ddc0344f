/// The fields a contact row can fill, named as in `people.csv` plus `name`, `url` and `notes`.
public enum ContactField: String, CaseIterable, Sendable, Hashable {
    case id
    case firstName = "first_name"
    case lastName = "last_name"
    /// The full name, split at the last space when first and last name are missing.
    case name
    case email, organization, title, sectors, school, location, url, notes
    /// Since when the user knows the contact (LinkedIn's "Connected On").
    case connectedOn = "connected_on"
}

/// A user-given mapping from Rapport's fields to the columns of an arbitrary CSV:
/// `first_name=Given,organization=Employer,email=Mail`.
public struct ColumnMapping: Hashable, Sendable, CustomStringConvertible {
    /// Source column for each field.
    public private(set) var columns: [ContactField: String]

    public init(_ columns: [ContactField: String]) { self.columns = columns }

    /// Parses `field=Column,field=Column`. Column names may hold spaces; they may not hold `,` or `=`.
    /// - Throws: `.invalidMapping` at `--map:1:column` naming the problem and the fields allowed.
    public init(parsing text: String) throws(ImportError) {
        var columns: [ContactField: String] = [:]
        var offset = 0
        let allowed = ContactField.allCases.map(\.rawValue).joined(separator: ", ")
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let location = SourceLocation(path: "--map", line: 1, column: offset + 1)
            offset += part.count + 1
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2 else { throw ImportError(.invalidMapping("expected field=Column"), at: location) }
            let name = pieces[0].trimmingCharacters(in: .whitespaces).lowercased()
            let column = pieces[1].trimmingCharacters(in: .whitespaces)
            guard let field = ContactField(rawValue: name) else {
                throw ImportError(.invalidMapping("unknown field '\(name)'; fields: \(allowed)"), at: location)
            }
            guard !column.isEmpty else {
                throw ImportError(.invalidMapping("no column given for '\(name)'"), at: location)
            }
            guard columns[field] == nil else {
                throw ImportError(.invalidMapping("'\(name)' is mapped twice"), at: location)
            }
            columns[field] = column
        }
        guard columns[.firstName] != nil || columns[.lastName] != nil || columns[.name] != nil || columns[.email] != nil
        else {
            throw ImportError(
                .invalidMapping("map at least one of first_name, last_name, name or email"),
                at: SourceLocation(path: "--map", line: 1, column: 1))
        }
        self.columns = columns
    }

    public var description: String {
        ContactField.allCases.compactMap { field in columns[field].map { "\(field.rawValue)=\($0)" } }.joined(
            separator: ",")
    }

    /// The layout reading a file through this mapping.
    var layout: ContactLayout {
        var layout = ContactLayout()
        for (field, column) in columns { layout.columns[field] = [column] }
        return layout
    }
}
