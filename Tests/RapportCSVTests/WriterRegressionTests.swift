import Testing

@testable import RapportCSV

/// Regressions found in the CSV export while checking injection (issue 7).
@Suite struct WriterRegressionTests {
    /// `rapport suggest --csv` used to copy an ESC from a name to stdout, where a terminal runs it.
    @Test func escapeAndOtherControlCharactersAreDropped() {
        let writer = CSVWriter()
        #expect(writer.cell("\u{1B}[31mred\u{1B}[0m") == "[31mred[0m")
        #expect(writer.cell("a\u{7F}b\u{9B}c\u{07}") == "abc")
    }

    @Test func tabsLineBreaksRightToLeftScriptAndEmojiAreKept() {
        let writer = CSVWriter()
        // The override would show "abcfed" in a spreadsheet: dropped, as in every document.
        #expect(writer.cell("abc\u{202E}def") == "abcdef")
        #expect(writer.cell("שלום") == "שלום")
        #expect(writer.cell("👩\u{200D}💻 Zoë") == "👩\u{200D}💻 Zoë")
        #expect(writer.cell("a\tb\nc") == "\"a\tb\nc\"")
    }

    @Test func formulaBehindAnEscapeIsStillNeutralized() {
        #expect(CSVWriter().cell("\u{1B}=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
    }
}
