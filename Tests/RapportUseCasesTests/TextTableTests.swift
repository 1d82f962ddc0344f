import Foundation
import Rapport
import RapportUseCases
import Testing

/// The terminal tables, in-process: display widths (counted by hand from the Unicode tables:
/// East Asian Wide and emoji presentation take 2 columns, combining marks 0) and alignment.
@Suite struct TextTableTests {
    @Test func displayWidthsCountWideAndZeroWidthCharacters() {
        #expect(DisplayWidth.of("Maria Chen") == 10)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("Ame\u{301}lie") == 6)  // e + combining acute: one column
        #expect(DisplayWidth.of("👋 hi") == 5)
        #expect(DisplayWidth.of("\u{2764}\u{FE0F}") == 2)  // heart + emoji variation selector
        #expect(DisplayWidth.of("👩\u{200D}👩\u{200D}👧") == 2)  // one family, joined
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func truncationCutsByColumnsAndMarksTheCut() {
        #expect(DisplayWidth.truncate("日本語テキスト", to: 5) == "日本…")
        #expect(DisplayWidth.truncate("Wilson & Okafor LLP", to: 8) == "Wilson …")
        #expect(DisplayWidth.truncate("short", to: 5) == "short")
        #expect(DisplayWidth.pad("日本", to: 6) == "日本  ")
        #expect(DisplayWidth.pad("7", to: 3, right: true) == "  7")
    }

    @Test func columnsStayAlignedWithWideText() {
        var table = TextTable(["NAME", "N"])
        table.rightAligned = [1]
        table.add(["日本", "1"])
        table.add(["abc", "22"])
        #expect(table.render() == "NAME   N\n----  --\n日本   1\nabc   22")
    }

    @Test func cellsAreInertAndHeadersBoldOnlyWhenAsked() {
        var table = TextTable(["NAME", "ORG"])
        table.add(["Eve\u{1B}[31m", "Acme\nInc"])
        let plain = table.render()
        #expect(!plain.contains("\u{1B}"))
        #expect(plain.split(separator: "\n").count == 3)
        table.boldHeaders = true
        #expect(table.render().hasPrefix("\u{1B}[1mNAME"))
        #expect(table.render().split(separator: "\n").dropFirst().allSatisfy { !$0.contains("\u{1B}") })
    }

    @Test func theSuggestionTableListsEverySuggestionWithItsReasons() throws {
        let folder = try Folder.samples()
        let planner = try Planner(try folder.analysis())
        let ego = try planner.ego()
        let suggestions = try planner.suggest(top: 3)
        let lines = SuggestionTable.render(suggestions, from: ego, planner: planner, explain: false)
            .split(separator: "\n").map(String.init)
        #expect(lines.count == 2 + suggestions.count)
        #expect(lines[0].hasPrefix("#  PERSON"))
        for (i, s) in suggestions.enumerated() {
            #expect(lines[2 + i].hasPrefix("\(i + 1)  " + DisplayWidth.truncate(s.name, to: 20)))
        }
        let explained = SuggestionTable.render(suggestions, from: ego, planner: planner, explain: true)
        #expect(explained.components(separatedBy: "\n    → ").count == 1 + suggestions.count)
        #expect(explained.components(separatedBy: "\n    score ").count == 1 + suggestions.count)
        #expect(explained.contains("\n    path: "))
    }
}
