/// Markdown and HTML forms of an interview brief. Every piece of contact data is escaped for the
/// output format, so names and notes cannot inject markup.
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
                ? "You know them directly (strength \(DueCalculator.format(reliability))).\n"
                : "Path reliability \(DueCalculator.format(reliability)): ask \(e(path[0].name)) for the introduction.\n"
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

    /// The brief as a self-contained HTML page (no scripts, no external resources).
    /// - Complexity: O(size of the brief).
    public func html() -> String {
        let h = Self.htmlEscape
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Interview brief: \(h(name))</title>
            <style>
            body { font: 15px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1d2433; }
            h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.1rem; border-bottom: 1px solid #d8dee9; padding-bottom: .2rem; margin-top: 1.6rem; }
            .muted { color: #6b7385; } dt { font-weight: 600; float: left; clear: left; width: 8rem; } dd { margin-left: 8.5rem; }
            .path { font-family: ui-monospace, Menlo, monospace; background: #f4f6fa; padding: .4rem .6rem; border-radius: 4px; }
            @media print { body { margin: 0; } }
            </style>
            </head>
            <body>
            <h1>Interview brief: \(h(name))</h1>
            <p class="muted">Prepared \(asOf.iso)</p>
            <h2>Who they are</h2>
            <dl>

            """
        for line in facts { out += "<dt>\(h(line.label))</dt><dd>\(h(line.value))</dd>\n" }
        out += "</dl>\n<h2>How you are connected</h2>\n"
        if let pathLine {
            out += "<p class=\"path\">\(h(pathLine))</p>\n"
            out +=
                path.count == 1
                ? "<p>You know them directly (strength \(DueCalculator.format(reliability))).</p>\n"
                : "<p>Path reliability \(DueCalculator.format(reliability)): ask \(h(path[0].name)) for the introduction.</p>\n"
        } else {
            out += "<p>No warm path: reach out directly, leading with what you share.</p>\n"
        }
        out += "<h2>What you have in common</h2>\n"
        out +=
            common.isEmpty
            ? "<p>Nothing recorded yet: ask how they came to the field.</p>\n"
            : "<ul>\n" + common.map { "<li>You both \(h($0))</li>\n" }.joined() + "</ul>\n"
        out += "<h2>Your notes and past conversations</h2>\n"
        if notes.isEmpty && contacts.isEmpty {
            out += "<p>None yet.</p>\n"
        } else {
            out += "<ul>\n"
            for note in notes { out += "<li>\(h(note))</li>\n" }
            for c in contacts.prefix(Self.contactLimit) {
                out +=
                    "<li>\(c.date.iso) · \(Self.kindLabel(c))" + (c.notes.isEmpty ? "" : ": \(h(c.notes))") + "</li>\n"
            }
            if let more = earlierLine { out += "<li>\(more)</li>\n" }
            out += "</ul>\n"
        }
        out += "<h2>Questions to ask</h2>\n<ol>\n"
        for q in questions { out += "<li>\(h(q))</li>\n" }
        out += "</ol>\n</body>\n</html>\n"
        return out
    }

    /// Past conversations shown in full; a brief is one page, so older ones are counted instead.
    public static let contactLimit = 8

    /// "… and 3 earlier conversations (first on 2025-07-23)", when some are not shown.
    var earlierLine: String? {
        let hidden = contacts.count - Self.contactLimit
        guard hidden > 0, let first = contacts.last else { return nil }
        return "… and \(hidden) earlier conversation\(hidden == 1 ? "" : "s") (first on \(first.date.iso))"
    }

    /// The "who they are" lines that have a value.
    var facts: [(label: String, value: String)] {
        var lines: [(String, String)] = []
        if let roleLine { lines.append(("Role", roleLine)) }
        if !sectors.isEmpty { lines.append(("Practice", DraftContext.list(sectors))) }
        if !schools.isEmpty { lines.append(("Schools", DraftContext.list(schools))) }
        if let location { lines.append(("Location", location)) }
        lines.append(("Seniority", seniority.rawValue))
        if let stage { lines.append(("Pipeline", "\(stage.stage.label) since \(stage.since.iso)")) }
        return lines
    }

    static func kindLabel(_ c: Contact) -> String {
        c.kind.rawValue.replacingOccurrences(of: "_", with: " ") + (c.minutes.map { ", \($0) min" } ?? "")
    }

    /// Backslash-escapes Markdown's active characters and turns line breaks into spaces, so a
    /// note cannot start a heading, a link, an HTML tag or a list.
    public static func markdownEscape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "!", "{", "}": out += "\\" + String(c)
            case "\n", "\r\n", "\r": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    /// Escapes `& < > " '` for HTML text and attributes.
    public static func htmlEscape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
