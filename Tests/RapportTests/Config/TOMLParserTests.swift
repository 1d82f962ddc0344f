import PropertyBased
import Testing

@testable import Rapport

@Suite("TOML subset parser")
struct TOMLParserTests {
    func message(_ text: String) -> String? {
        do {
            _ = try TOMLParser.parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func parsesTablesKeysAndEveryValueKind() throws {
        let text = """
            # Rapport settings
            title = "Ada's network"   # trailing comment
            [strength]
            half_life_days = 120
            saturation = 1.5e0
            big = 1_000
            negative = -0.25
            enabled = true
            off = false
            literal = 'C:\\path'
            escaped = "tab\\there \\"quoted\\" \\u00e9"
            [suggest]
            sectors = ["ip law", "litigation",]
            weights = [
              1, 2.5, # comment inside an array
              3,
            ]
            empty = []
            [strength.ties]
            mentor = 0.7
            """
        let document = try TOMLParser.parse(text)
        #expect(document.table("")["title"]?.value == .string("Ada's network"))
        let strength = document.table("strength")
        #expect(strength["half_life_days"]?.value == .integer(120))
        #expect(strength["saturation"]?.value == .float(1.5))
        #expect(strength["big"]?.value == .integer(1000))
        #expect(strength["negative"]?.value == .float(-0.25))
        #expect(strength["enabled"]?.value == .boolean(true))
        #expect(strength["off"]?.value == .boolean(false))
        #expect(strength["literal"]?.value == .string("C:\\path"))
        #expect(strength["escaped"]?.value == .string("tab\there \"quoted\" é"))
        #expect(strength["half_life_days"]?.location == TextLocation(line: 4, column: 1))
        let suggest = document.table("suggest")
        #expect(suggest["sectors"]?.value == .array([.string("ip law"), .string("litigation")]))
        #expect(suggest["weights"]?.value == .array([.integer(1), .float(2.5), .integer(3)]))
        #expect(suggest["empty"]?.value == .array([]))
        #expect(document.table("strength.ties")["mentor"]?.value.doubleValue == 0.7)
        #expect(document.table("absent").isEmpty)
    }

    @Test func emptyAndCommentOnlyTextsAreEmptyDocuments() throws {
        #expect(try TOMLParser.parse("").tables.isEmpty)
        #expect(try TOMLParser.parse("\n# nothing here\n\r\n").tables.isEmpty)
        #expect(try TOMLParser.parse("\u{FEFF}[a]\r\nx = 1\r\n").table("a")["x"]?.value == .integer(1))
    }

    @Test func syntaxErrorsNameTheirLineAndColumn() {
        #expect(message("a = 1\nb = \n") == "2:5: expected a value, found the end of the line")
        #expect(message("a = 1\nb 2") == "2:3: expected '=' after the key 'b', found '2'")
        #expect(
            message("[strength\nx = 1") == "1:10: expected ']' to close the table header, found the end of the line")
        #expect(message("x = \"open") == "1:5: unterminated string")
        #expect(message("x = \"bad \\q\"") == "1:10: invalid escape sequence")
        #expect(message("x = yes") == "1:5: 'yes' is not a value (strings need quotes)")
        #expect(message("x = 1 2") == "1:7: expected the end of the line, found '2'")
        #expect(message("x = [1, 2") == "1:10: expected ',' or ']' in the array, found the end of the file")
        #expect(message("x = 007") == "1:5: '007' is not a value (strings need quotes)")
        #expect(message("x = 1__0") == "1:5: '1__0' is not a value (strings need quotes)")
        #expect(message("d = 2026-11-01") == "1:5: dates are not supported; write the date as a string")
        #expect(message("x = {a = 1}") == "1:5: inline tables are not supported")
        #expect(message("[[people]]") == "1:1: arrays of tables are not supported")
        #expect(message("a.b = 1") == "1:2: dotted keys are not supported")
        #expect(message("= 1") == "1:1: expected a key, found '='")
        #expect(message("é = 1") == "1:1: expected a key, found 'é'")
        #expect(message("x = \"\"\"multi\"\"\"") == "1:5: multi-line strings are not supported")
    }

    /// Found by fuzz-toml (issue 17): 4,732 nested `[` overflowed the stack of the recursive
    /// descent (input kept as Tests/Fuzz/seeds/toml/crash-deep-arrays.toml). Lines of `[[ [#]` open
    /// three arrays each (the `]` is inside the comment): ten lines open 30, and the 33rd `[` is the
    /// third of line 11, at column 4.
    @Test func arraysNestAtMost32Deep() throws {
        let lines = "s=" + String(repeating: "[[ [#]\n", count: 2_000)
        #expect(message(lines) == "11:4: arrays nested deeper than 32 levels")
        #expect(message("s = " + String(repeating: "[", count: 100_000)) == "1:37: arrays nested deeper than 32 levels")
        var nested = TOMLValue.integer(1)
        for _ in 0..<32 { nested = .array([nested]) }
        let text = "s = " + String(repeating: "[", count: 32) + "1" + String(repeating: "]", count: 32)
        #expect(try TOMLParser.parse(text).table("")["s"]?.value == nested)
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(message("x = \"é\" y") == "1:9: expected the end of the line, found 'y'")
    }

    @Test func duplicatesAreErrors() {
        #expect(message("a = 1\na = 2") == "2:1: key 'a' is defined twice in the top level")
        #expect(message("[s]\na = 1\n[t]\n[s]") == "4:1: table [s] is defined twice")
        #expect(message("[s]\na = 1\na = 1") == "3:1: key 'a' is defined twice in [s]")
    }

    @Test func valuesRoundTripThroughTheirDescription() async {
        let scalar = Gen.int(in: -1_000_000...1_000_000).map { TOMLValue.integer($0) }
        let text = Gen.letterOrNumber.string(of: 0...12).map { TOMLValue.string($0 + "\"\\\t é") }
        await propertyCheck(input: scalar, text, Gen.bool) { number, string, flag in
            let array = TOMLValue.array([number, string, .boolean(flag)])
            let document = try TOMLParser.parse("[t]\nn = \(number)\ns = \(string)\na = \(array)\n")
            #expect(document.table("t")["n"]?.value == number)
            #expect(document.table("t")["s"]?.value == string)
            #expect(document.table("t")["a"]?.value == array)
        }
    }

    @Test func arbitraryTextNeverCrashesTheParser() async {
        await propertyCheck(count: 300, input: Gen.ascii.string(of: 0...80)) { text in
            _ = try? TOMLParser.parse(text)
        }
    }
}
