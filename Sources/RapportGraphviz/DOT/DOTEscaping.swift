import Foundation

/// Escaping for DOT identifiers, quoted strings and HTML-like labels.
///
/// The rules are the ones that held under test with Graphviz 2.42 (issue 5): in quoted strings `\`
/// becomes `\\` first, then `"` becomes `\"`, a newline `\n`, and `&` becomes `&amp;` (Graphviz
/// decodes entities in labels); control characters are dropped. In HTML-like labels `&`, `<`, `>`
/// and `"` become entities, `\` becomes `\\` (Graphviz expands `\N` there too) and a newline
/// `<br/>`. Any other Unicode passes through unchanged, so emoji, accents and right-to-left text
/// survive into the SVG.
public enum DOTEscaping {
    /// `text` as a DOT quoted string, quotes included.
    /// - Complexity: O(n) in the length of `text`.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "&": out += "&amp;"
            case "\n":
                if !previousWasCarriageReturn { out += "\\n" }
            case "\r": out += "\\n"
            case "\t": out += " "
            default:
                if isControl(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
        return out
    }

    /// `id` bare when it is a plain DOT identifier (`n12`, `cluster_o3`) and not a keyword, else quoted.
    public static func identifier(_ id: String) -> String {
        guard let first = id.unicodeScalars.first, first == "_" || isASCIILetter(first),
            id.unicodeScalars.allSatisfy({ $0 == "_" || isASCIILetter($0) || ("0"..."9").contains($0) }),
            !keywords.contains(id.lowercased())
        else { return quoted(id) }
        return id
    }

    /// `text` for an HTML-like label: entities for `& < > "`, `\\` for `\`, `<br/>` for newlines,
    /// control characters dropped.
    /// - Complexity: O(n) in the length of `text`.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n":
                if !previousWasCarriageReturn { out += "<br/>" }
            case "\r": out += "<br/>"
            case "\t": out += " "
            default:
                if isControl(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `value` with two decimals and a period, whatever the locale: `0.5` → `0.50`.
    public static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "0.00" }
        let hundredths = Int((abs(value) * 100).rounded())
        let sign = value < 0 && hundredths > 0 ? "-" : ""
        let fraction = hundredths % 100
        return "\(sign)\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// C0 and C1 controls, and the Unicode noncharacters Graphviz's XML output would reject.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static let keywords: Set<String> = ["node", "edge", "graph", "digraph", "subgraph", "strict"]
}
