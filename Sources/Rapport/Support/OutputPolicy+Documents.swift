/// The document kinds: CSV cells, DOT strings and labels, HTML and XML. Each drops the unsafe
/// scalars (`OutputPolicy.isUnsafe`) first, then applies its own syntax.
extension OutputPolicy {
    /// One CSV cell (RFC 4180): unsafe scalars dropped; with `neutralizeFormulas`, a cell starting
    /// with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, so a spreadsheet shows it as text
    /// instead of running it (OWASP "CSV injection"); quoted when it holds the delimiter, a quote,
    /// a line break or a leading or trailing space, with quotes doubled.
    ///
    /// `csvCell("=1+1")` is `'=1+1`; `csvCell("a, \"b\"")` is `"a, ""b"""`.
    /// - Complexity: O(n).
    public static func csvCell(_ value: String, delimiter: Character = ",", neutralizeFormulas: Bool = true) -> String {
        var text = droppingUnsafe(value)
        if neutralizeFormulas, let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            text = "'" + text
        }
        let needsQuotes =
            text.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A DOT quoted string, quotes included: unsafe scalars dropped, `\` → `\\` (Graphviz expands
    /// `\N`, `\G` and `\l` in labels), `"` → `\"`, `&` → `&amp;` (Graphviz decodes entities in
    /// labels), a line break (LF, CR or CRLF) → `\n`, a tab → a space. The rules held under test
    /// with Graphviz 2.42 (issue 5).
    /// - Complexity: O(n).
    public static func dotQuoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        forEachScalar(of: text, lineBreak: { out += "\\n" }) { scalar in
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "&": out += "&amp;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
        return out
    }

    /// Text inside a DOT HTML-like label: unsafe scalars dropped, `&`, `<`, `>` and `"` as
    /// entities, `\` → `\\` (Graphviz expands `\N` there too), a line break → `<br/>`, a tab → a space.
    /// - Complexity: O(n).
    public static func dotHTML(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        forEachScalar(of: text, lineBreak: { out += "<br/>" }) { scalar in
            switch scalar {
            case "\\": out += "\\\\"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// HTML or XML text, or an attribute value between double or single quotes: unsafe scalars
    /// dropped, `& < > " '` as `&amp; &lt; &gt; &quot; &#39;`, CR as `&#13;` (an XML reader would
    /// otherwise fold CRLF to LF); tab and LF kept. The same bytes are right in both languages.
    /// - Complexity: O(n).
    public static func markup(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            default: if !isUnsafe(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// Calls `body` for each safe scalar of `text` except line breaks and tabs: `lineBreak` once per
    /// LF, CR or CRLF, a space for a tab. DOT's two contexts share it.
    private static func forEachScalar(of text: String, lineBreak: () -> Void, _ body: (Unicode.Scalar) -> Void) {
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\n": if !previousWasCarriageReturn { lineBreak() }
            case "\r": lineBreak()
            case "\t": body(" ")
            default: if !isUnsafe(scalar) { body(scalar) }
            }
        }
    }
}
