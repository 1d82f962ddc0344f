/// The Markdown form of an interview brief, and the pieces its other forms share (the HTML page is
/// built with Plot in RapportReport). Every piece of contact data is escaped for the output format,
/// so names and notes cannot inject markup.
extension InterviewBrief {
    /// The brief as Markdown.
    /// - Complexity: O(size of the brief).
    public func markdown() -> String {
        let e = Self.markdownEscape
        var out = "# Interview brief: \(e(name))\n\n_Prepared \(asOf.iso)_\n\n## Who they are\n\n"
        for line in facts { out += "- **\(line.label):** \(e(line.value))\n" }
        out += "\n## How you are connected\n\n"
        if let pathLine {
            out += e(pathLine) + "\n\n"
            out +=
                path.count == 1
                ? "You know them directly (strength \(NumberFormat.twoDecimals(reliability))).\n"
                : "Path reliability \(NumberFormat.twoDecimals(reliability)): ask \(e(path[0].name)) for the introduction.\n"
        } else {
            out += "No warm path: reach out directly, leading with what you share.\n"
        }
        out += "\n## What you have in common\n\n"
        out +=
            common.isEmpty
            ? "Nothing recorded yet: ask how they came to the field.\n"
            : common.map { "- You both \(e($0))\n" }.joined()
        out += "\n## Your notes and past conversations\n\n"
        if notes.isEmpty && contacts.isEmpty { out += "None yet.\n" }
        for note in notes { out += "- \(e(note))\n" }
        for c in contacts.prefix(Self.contactLimit) {
            out += "- \(c.date.iso) · \(Self.kindLabel(c))" + (c.notes.isEmpty ? "" : ": \(e(c.notes))") + "\n"
        }
        if let more = earlierLine { out += "- \(more)\n" }
        out += "\n## Questions to ask\n\n"
        for (i, q) in questions.enumerated() { out += "\(i + 1). \(e(q))\n" }
        return out
    }

    /// Past conversations shown in full; a brief is one page, so older ones are counted instead.
    public static let contactLimit = 8

    /// "… and 3 earlier conversations (first on 2025-07-23)", when some are not shown.
    package var earlierLine: String? {
        let hidden = contacts.count - Self.contactLimit
        guard hidden > 0, let first = contacts.last else { return nil }
        return "… and \(hidden) earlier conversation\(hidden == 1 ? "" : "s") (first on \(first.date.iso))"
    }

    /// The "who they are" lines that have a value.
    package var facts: [(label: String, value: String)] {
        var lines: [(String, String)] = []
        if let roleLine { lines.append(("Role", roleLine)) }
        if !sectors.isEmpty { lines.append(("Practice", DraftContext.list(sectors))) }
        if !schools.isEmpty { lines.append(("Schools", DraftContext.list(schools))) }
        if let location { lines.append(("Location", location)) }
        lines.append(("Seniority", seniority.rawValue))
        if let stage { lines.append(("Pipeline", "\(stage.stage.label) since \(stage.since.iso)")) }
        return lines
    }

    package static func kindLabel(_ c: Contact) -> String {
        c.kind.rawValue.replacingOccurrences(of: "_", with: " ") + (c.minutes.map { ", \($0) min" } ?? "")
    }

    /// Backslash-escapes Markdown's active characters and turns line breaks into spaces, so a
    /// note cannot start a heading, a link, an HTML tag or a list; drops the unsafe scalars, as
    /// every document does (`OutputPolicy.isUnsafe`).
    public static func markdownEscape(_ text: String) -> String {
        var out = ""
        for c in OutputPolicy.droppingUnsafe(text) {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "!", "{", "}": out += "\\" + String(c)
            case "\n", "\r\n", "\r": out += " "
            default: out.append(c)
            }
        }
        return out
    }
}
