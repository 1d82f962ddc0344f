/// A `BEGIN:NAME` … `END:NAME` block with its properties and nested blocks (RFC 5545 §3.4, §3.6).
struct CalendarComponent: Hashable, Sendable {
    /// Uppercased: `VCALENDAR`, `VEVENT`, `VTIMEZONE`, `STANDARD`, `DAYLIGHT`, `VALARM`, …
    var name: String
    var properties: [CalendarContentLine] = []
    var children: [CalendarComponent] = []
    /// The `BEGIN` line.
    var location: SourceLocation

    /// The first property called `name` (uppercase).
    func first(_ name: String) -> CalendarContentLine? { properties.first { $0.name == name } }

    /// Every property called `name` (uppercase), in file order.
    func all(_ name: String) -> [CalendarContentLine] { properties.filter { $0.name == name } }

    /// The children called `name` (uppercase).
    func children(_ name: String) -> [CalendarComponent] { children.filter { $0.name == name } }

    /// The deepest nesting accepted (a VCALENDAR holds a VEVENT holds a VALARM: 3). Deeper is an
    /// error, so that a crafted file cannot build an arbitrarily deep tree.
    static let maxDepth = 16

    /// Builds the component tree from content lines.
    ///
    /// Properties outside every component are skipped with a warning.
    /// - Throws: `.invalidCalendar` at the offending line: a `BEGIN` never closed (at the `BEGIN`),
    ///   an `END` that closes a different component or none (at the `END`), nesting deeper than
    ///   `maxDepth`.
    /// - Complexity: O(number of lines).
    static func tree(_ lines: [CalendarContentLine], warnings: inout [ImportWarning]) throws(ImportError)
        -> [CalendarComponent]
    {
        var roots: [CalendarComponent] = []
        var stack: [CalendarComponent] = []
        var warnedOutside = false
        for line in lines {
            switch line.name {
            case "BEGIN":
                let name = CalendarText.trimmed(line.value).uppercased()
                guard !name.isEmpty else {
                    throw ImportError(.invalidCalendar("BEGIN without a component name"), at: line.location)
                }
                guard stack.count < maxDepth else {
                    throw ImportError(
                        .invalidCalendar("components nested deeper than the limit of \(maxDepth)"), at: line.location)
                }
                stack.append(CalendarComponent(name: name, location: line.location))
            case "END":
                let name = CalendarText.trimmed(line.value).uppercased()
                guard let open = stack.popLast() else {
                    throw ImportError(.invalidCalendar("END:\(printable(name)) without a BEGIN"), at: line.location)
                }
                guard open.name == name else {
                    throw ImportError(
                        .invalidCalendar(
                            "END:\(printable(name)) does not close BEGIN:\(printable(open.name)) of line \(open.location.line)"
                        ), at: line.location)
                }
                if stack.isEmpty {
                    roots.append(open)
                } else {
                    stack[stack.count - 1].children.append(open)
                }
            default:
                if stack.isEmpty {
                    if !warnedOutside {
                        warnedOutside = true
                        warnings.append(
                            ImportWarning("property outside any BEGIN/END block; skipped", at: line.location))
                    }
                } else {
                    stack[stack.count - 1].properties.append(line)
                }
            }
        }
        if let open = stack.last {
            throw ImportError(
                .invalidCalendar("BEGIN:\(printable(open.name)) is never closed (no END:\(printable(open.name)))"),
                at: open.location)
        }
        return roots
    }

    /// A component name for a message: at most 40 characters of letters, digits and `-`.
    static func printable(_ name: String) -> String {
        let kept = name.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" }
        let text = String(String.UnicodeScalarView(kept))
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}
