import Testing

@testable import Rapport

/// One policy per output kind, each pinned on the hostile names of the injection tests
/// (Docs/Security.md), with the exact bytes written out by hand.
@Suite struct OutputPolicyTests {
    static let html = "<script>alert(1)</script>"
    static let dot = "\"]; node [shape=box"
    static let formula = "=HYPERLINK(\"http://x\")"
    static let ansi = "\u{1B}[31mred\u{1B}[0m"
    static let rtl = "abc\u{202E}def"
    /// DEL, a C1 CSI, an isolate, BEL and a noncharacter: unsafe, as ESC and U+202E are.
    static let others = "a\u{7F}b\u{9B}c\u{2066}d\u{07}e\u{FFFF}"

    @Test func unsafeScalarsAreOneSet() {
        let unsafe: [UInt32] = [0x00, 0x07, 0x1B, 0x7F, 0x80, 0x9B, 0x9F, 0x061C, 0x200E, 0x200F, 0x202A, 0x202E, 0x2066, 0x2069, 0xFFFE, 0xFFFF]
        let safe: [UInt32] = [0x09, 0x0A, 0x0D, 0x20, 0x7E, 0xA0, 0xE9, 0x200D, 0x05D0, 0x1F469]
        for v in unsafe { #expect(OutputPolicy.isUnsafe(Unicode.Scalar(v)!), "U+\(String(v, radix: 16))") }
        for v in safe { #expect(!OutputPolicy.isUnsafe(Unicode.Scalar(v)!), "U+\(String(v, radix: 16))") }
    }

    @Test func terminalShowsWhatWouldAct() {
        #expect(OutputPolicy.terminal(Self.ansi) == "\\u{1B}[31mred\\u{1B}[0m")
        #expect(OutputPolicy.terminal(Self.rtl) == "abc\\u{202E}def")
        #expect(OutputPolicy.terminal(Self.others) == "a\\u{7F}b\\u{9B}c\\u{2066}d\\u{7}e\\u{FFFF}")
        #expect(OutputPolicy.terminal("over\rwrite\tand\nnext") == "over\\u{D}write\tand\nnext")
        #expect(OutputPolicy.terminal(Self.html) == Self.html)
        #expect(OutputPolicy.terminal("👩\u{200D}💻 Zoë") == "👩\u{200D}💻 Zoë")
        #expect(OutputPolicy.terminalLine("a\tb\nc") == "a b c")
    }

    @Test func jsonEscapesWhatJSONEncoderLeaves() {
        // As JSONEncoder writes them: C0 already escaped, DEL, C1 and bidi raw.
        #expect(OutputPolicy.json("[\"\\u001b[31mred\"]") == "[\"\\u001b[31mred\"]")
        #expect(OutputPolicy.json("[\"abc\u{202E}def\"]") == "[\"abc\\u202edef\"]")
        #expect(OutputPolicy.json("[\"a\u{7F}b\u{9B}c\u{FFFF}\"]") == "[\"a\\u007fb\\u009bc\\uffff\"]")
    }

    @Test func csvCellsDropNeutralizeAndQuote() {
        #expect(OutputPolicy.csvCell(Self.formula) == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(OutputPolicy.csvCell("+cmd") == "'+cmd")
        #expect(OutputPolicy.csvCell("@SUM(1)") == "'@SUM(1)")
        #expect(OutputPolicy.csvCell(Self.ansi) == "[31mred[0m")
        #expect(OutputPolicy.csvCell(Self.rtl) == "abcdef")
        #expect(OutputPolicy.csvCell(Self.others) == "abcde")
        #expect(OutputPolicy.csvCell("\u{1B}=1+1") == "'=1+1")  // a formula behind an ESC is still one
        #expect(OutputPolicy.csvCell("a\tb\nc") == "\"a\tb\nc\"")
        #expect(OutputPolicy.csvCell(Self.html) == Self.html)
        #expect(OutputPolicy.csvCell("=1", neutralizeFormulas: false) == "=1")
    }

    @Test func dotStringsAndLabelsDropAndEscape() {
        #expect(OutputPolicy.dotQuoted(Self.dot) == "\"\\\"]; node [shape=box\"")
        #expect(OutputPolicy.dotQuoted(#"Eve\N & Co"#) == #""Eve\\N &amp; Co""#)
        #expect(OutputPolicy.dotQuoted(Self.ansi) == "\"[31mred[0m\"")
        #expect(OutputPolicy.dotQuoted(Self.rtl) == "\"abcdef\"")
        #expect(OutputPolicy.dotQuoted(Self.others) == "\"abcde\"")
        #expect(OutputPolicy.dotQuoted("a\r\nb\rc\td") == "\"a\\nb\\nc d\"")
        #expect(OutputPolicy.dotHTML(Self.html) == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(OutputPolicy.dotHTML(Self.dot + "\n" + Self.rtl) == "&quot;]; node [shape=box<br/>abcdef")
    }

    @Test func markupEscapesForHTMLAndXML() {
        #expect(OutputPolicy.markup(Self.html) == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(OutputPolicy.markup("O'Neil \"&amp;\"") == "O&#39;Neil &quot;&amp;amp;&quot;")
        #expect(OutputPolicy.markup(Self.ansi) == "[31mred[0m")
        #expect(OutputPolicy.markup(Self.rtl) == "abcdef")
        #expect(OutputPolicy.markup(Self.others) == "abcde")
        #expect(OutputPolicy.markup("a\tb\nc\rd") == "a\tb\nc&#13;d")
        #expect(OutputPolicy.markup(Self.formula) == "=HYPERLINK(&quot;http://x&quot;)")
    }
}
