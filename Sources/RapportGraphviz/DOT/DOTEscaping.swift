import Rapport

/// DOT syntax for identifiers, quoted strings and HTML-like labels. The character rules are the
/// DOT policy in the core (`OutputPolicy.dotQuoted`, `OutputPolicy.dotHTML`, Docs/Security.md):
/// unsafe scalars (C0 but tab and line breaks, DEL, C1, bidirectional controls) dropped, `\`, `"`,
/// `&` escaped, line breaks as `\n` or `<br/>`. Emoji, accents and right-to-left scripts survive
/// into the SVG.
public enum DOTEscaping {
    /// `text` as a DOT quoted string, quotes included.
    /// - Complexity: O(n) in the length of `text`.
    public static func quoted(_ text: String) -> String { OutputPolicy.dotQuoted(text) }

    /// `id` bare when it is a plain DOT identifier (`n12`, `cluster_o3`) and not a keyword, else quoted.
    public static func identifier(_ id: String) -> String {
        guard let first = id.unicodeScalars.first, first == "_" || isASCIILetter(first),
            id.unicodeScalars.allSatisfy({ $0 == "_" || isASCIILetter($0) || ("0"..."9").contains($0) }),
            !keywords.contains(id.lowercased())
        else { return quoted(id) }
        return id
    }

    /// `text` for an HTML-like label: entities for `& < > "`, `\\` for `\`, `<br/>` for line breaks,
    /// unsafe scalars dropped.
    /// - Complexity: O(n) in the length of `text`.
    public static func html(_ text: String) -> String { OutputPolicy.dotHTML(text) }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static let keywords: Set<String> = ["node", "edge", "graph", "digraph", "subgraph", "strict"]
}
