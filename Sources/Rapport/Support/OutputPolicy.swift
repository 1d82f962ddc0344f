/// What every kind of output does with the characters of a contact's name or note that could act
/// instead of showing: one function per output kind, all built on one set of unsafe scalars, and
/// documented side by side in Docs/Security.md ("One policy per output").
///
/// | output | unsafe scalars | tab, LF, CR | syntax |
/// |---|---|---|---|
/// | terminal | shown as `\u{1B}` | tab, LF kept; CR shown | — |
/// | JSON | escaped as `\u001b` (lossless) | `\t \n \r` | JSONEncoder's |
/// | CSV cell | dropped | kept, cell quoted | RFC 4180; formulas get a leading `'` |
/// | DOT quoted string | dropped | tab → space; LF, CR, CRLF → `\n` | `\` `"` escaped, `&` → `&amp;` |
/// | DOT HTML-like label | dropped | tab → space; LF, CR, CRLF → `<br/>` | `\` → `\\`, `& < > "` entities |
/// | HTML and XML text or attribute | dropped | tab, LF kept; CR → `&#13;` | `& < > " '` entities |
///
/// Documents (CSV, DOT, HTML, XML) drop what the terminal shows: a reader of a spreadsheet, a
/// diagram or a page has no use for an ESC or a right-to-left override, and could be misled by one.
/// JSON is data for programs, so it loses nothing, yet prints inert on a terminal.
public enum OutputPolicy {
    /// The scalars no output lets act: C0 controls other than tab, LF and CR (ESC starts a terminal
    /// escape sequence); DEL; the C1 controls U+0080–U+009F (U+009B is a one-byte CSI); the
    /// bidirectional formatting characters U+061C, U+200E, U+200F, U+202A–U+202E and U+2066–U+2069
    /// (they reorder what follows: "Trojan Source", Boucher & Anderson 2021, CVE-2021-42574); and
    /// the noncharacters U+FFFE and U+FFFF, which XML forbids.
    /// - Complexity: O(1).
    @inlinable
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v != 0x09 && v != 0x0A && v != 0x0D }
        if v < 0x7F { return false }
        if v <= 0x9F { return true }
        return v == 0x061C || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v) || v == 0xFFFE || v == 0xFFFF
    }

    /// `text` with every unsafe scalar removed; the documents' first step.
    /// - Complexity: O(n) in the scalars of `text`; no copy when nothing is unsafe.
    public static func droppingUnsafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: text.unicodeScalars.lazy.filter { !isUnsafe($0) })
        return String(kept)
    }

    /// Terminal text: every unsafe scalar, and CR (which would let text overwrite its own line),
    /// shown as `\u{…}` instead of acting. Tab and LF, emoji, joiners, accents and CJK pass unchanged.
    ///
    /// `terminal("a\u{1B}[31mb")` is `a\u{1B}[31mb` with a literal backslash: six visible characters
    /// in place of the ESC.
    /// - Complexity: O(n).
    public static func terminal(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0) || $0 == "\r" }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) || scalar == "\r" {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// One terminal line (a table cell): `terminal(_:)`, then LF and tab as spaces.
    /// - Complexity: O(n).
    public static func terminalLine(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in terminal(text).unicodeScalars { out.append(scalar == "\n" || scalar == "\t" ? " " : scalar) }
        return String(out)
    }

    /// JSON text as JSONEncoder wrote it, with every unsafe scalar left in a string (JSONEncoder
    /// escapes only C0) escaped as `\uXXXX`: the same value for any JSON reader, inert on a terminal.
    /// Unsafe scalars can only occur inside strings, since JSON's own syntax is ASCII.
    /// - Complexity: O(n).
    public static func json(_ encoded: String) -> String {
        guard encoded.unicodeScalars.contains(where: isUnsafe) else { return encoded }
        var out = String.UnicodeScalarView()
        for scalar in encoded.unicodeScalars {
            if isUnsafe(scalar) {
                let hex = String(scalar.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
