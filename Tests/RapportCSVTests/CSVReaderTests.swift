import Foundation
import Testing

@testable import RapportCSV

@Suite struct CSVReaderTests {
    @Test func quotedCommasStayInOneField() throws {
        #expect(try records("a,\"b,c\",d\n") == [["a", "b,c", "d"]])
    }

    @Test func doubledQuotesReadAsOneQuote() throws {
        #expect(try records("\"say \"\"hi\"\"\",x\n") == [["say \"hi\"", "x"]])
    }

    @Test func newlineInsideQuotesIsPartOfTheField() throws {
        let text = "id,notes\n1,\"line one\nline two\"\n2,x\n"
        var reader = CSVReader(path: "n.csv", utf8: Array(text.utf8))
        let all = try reader.readAll()
        #expect(all.map(\.fields) == [["id", "notes"], ["1", "line one\nline two"], ["2", "x"]])
        #expect(all.map(\.line) == [1, 2, 4])
    }

    @Test func lfCrAndCrlfLineEndsAllSplitRecords() throws {
        let expected = [["a", "b"], ["c", "d"], ["e", "f"]]
        #expect(try records("a,b\nc,d\ne,f\n") == expected)
        #expect(try records("a,b\r\nc,d\r\ne,f\r\n") == expected)
        #expect(try records("a,b\rc,d\re,f") == expected)
        var reader = CSVReader(path: "r.csv", utf8: Array("a\rb\r\nc\nd".utf8))
        #expect(try reader.readAll().map(\.line) == [1, 2, 3, 4])
    }

    @Test func emptyFieldsAndTrailingDelimiterAreKept() throws {
        #expect(try records("a,,b,\n,\n") == [["a", "", "b", ""], ["", ""]])
    }

    @Test func fieldColumnsAreOneBasedCharacterColumns() throws {
        var reader = CSVReader(path: "c.csv", utf8: Array("ab,\"c\",d\nÉé,\"ü\nñ\",ø\"x\",z\n".utf8))
        let first = try #require(try reader.next())
        #expect(first.positions.map(\.column) == [1, 4, 8])
        let second = try #require(try reader.next())
        #expect(second.positions.map(\.line) == [2, 2, 3, 3])
        #expect(second.positions.map(\.column) == [1, 4, 4, 9])
    }

    @Test func errorColumnsCountCharactersNotBytes() {
        let header = "date,person,kind,one_on_one,minutes,rapport\n"
        #expect(
            errorText { _ = try parse(header + "2026-02-01,Zoë Müller,coffee,,,9\n", path: "i.csv") }
                == "i.csv:2:32: rapport: '9' is not a rating from 1 to 5")
    }

    @Test func utf8BOMIsStripped() throws {
        let (text, encoding) = try TextDecoding.utf8([0xEF, 0xBB, 0xBF] + Array("id,x\n".utf8), path: "b.csv")
        #expect(encoding == .utf8WithBOM)
        #expect(text == Array("id,x\n".utf8))
    }

    @Test func utf16LittleAndBigEndianWithBOMAreTranscoded() throws {
        let text = "name\nZoë 🌟\n"
        var little: [UInt8] = [0xFF, 0xFE]
        var big: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 {
            little += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            big += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        #expect(try records(little) == [["name"], ["Zoë 🌟"]])
        #expect(try records(big) == [["name"], ["Zoë 🌟"]])
        #expect(try TextDecoding.utf8(big, path: "x").encoding == .utf16BE)
    }

    @Test func invalidUTF8FallsBackToWindows1252() throws {
        // "Jos\xE9,\x93quoted\x94,\x80" in Windows-1252: é, curly quotes, euro sign.
        let bytes: [UInt8] = Array("Jos".utf8) + [0xE9, 0x2C, 0x93] + Array("q".utf8) + [0x94, 0x2C, 0x80, 0x0A]
        let (_, encoding) = try TextDecoding.utf8(bytes, path: "w.csv")
        #expect(encoding == .windows1252)
        #expect(try records(bytes) == [["José", "\u{201C}q\u{201D}", "€"]])
    }

    @Test func nulByteIsBinaryDataWithItsLocation() {
        let bytes: [UInt8] = Array("id,x\nab".utf8) + [0] + Array("c\n".utf8)
        #expect(
            errorText { _ = try records(bytes, path: "bin.csv") }
                == "bin.csv:2:3: binary data (a NUL byte); expected a text file")
    }

    @Test func utf16WithoutBOMIsNamed() {
        var bytes: [UInt8] = []
        for unit in "id,first_name\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(
            errorText { _ = try records(bytes, path: "u.csv") }?.contains("UTF-16 without a byte-order mark") == true)
    }

    @Test func unbalancedQuoteReportsWhereTheFieldOpened() {
        let text = "a,b\nc,\"open\nmore\nstill\n"
        #expect(
            errorText { _ = try records(Array(text.utf8), path: "q.csv") }
                == "q.csv:2:3: quoted field opened here is never closed")
    }

    @Test func unbalancedQuoteOpeningAtLine57Reports57() throws {
        let message = errorText {
            _ = try ContactFile.parse(path: "people.csv", data: try! fixture("unbalanced-quote-57.csv"))
        }
        #expect(message == "people.csv:57:6: quoted field opened here is never closed")
    }

    @Test func textAfterClosingQuoteIsKeptWithAWarning() throws {
        var reader = CSVReader(path: "t.csv", utf8: Array("\"ab\"cd,e\n".utf8))
        #expect(try reader.next()?.fields == ["abcd", "e"])
        #expect(
            reader.warnings.map(\.description) == [
                "t.csv:1:1: warning: text after the closing quote is kept as part of the field"
            ])
    }

    @Test func limitsAreErrorsThatNameTheLimit() {
        let small = CSVLimits(maxFieldBytes: 8, maxColumns: 3, maxRows: 2)
        func run(_ text: String) -> String? {
            errorText {
                var reader = CSVReader(path: "l.csv", utf8: Array(text.utf8), limits: small)
                _ = try reader.readAll()
            }
        }
        #expect(run("123456789\n") == "l.csv:1:1: field larger than the limit of 8 bytes")
        #expect(run("\"12345678\"\n") == "l.csv:1:1: field larger than the limit of 8 bytes")
        #expect(run("a,b,c,d\n") == "l.csv:1:7: row has more than the limit of 3 columns")
        #expect(run("a\nb\nc\n") == "l.csv:3:1: file has more than the limit of 2 rows")
    }

    @Test func defaultLimitsAreOneMebibyteTenThousandColumnsTwentyMillionRows() {
        let limits = CSVLimits()
        #expect(limits.maxFieldBytes == 1_048_576)
        #expect(limits.maxColumns == 10_000)
        #expect(limits.maxRows == 20_000_000)
    }

    @Test func tenMegabyteFieldIsRefused() {
        let text = "name\n" + String(repeating: "x", count: 10_000_000) + "\n"
        #expect(
            errorText { _ = try parse(text, path: "big.csv") }
                == "big.csv:2:1: field larger than the limit of 1048576 bytes")
    }

    @Test func millionEmptyLinesEndQuicklyWithNoHeaderRow() {
        let bytes = [UInt8](repeating: 0x0A, count: 1_000_000)
        let start = Date()
        let message = errorText { _ = try ContactFile.parse(path: "empty.csv", data: bytes) }
        #expect(message == "empty.csv:1000001:1: no header row (the file is empty or holds only blank lines)")
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func emptyFileHasNoHeaderRow() {
        #expect(
            errorText { _ = try parse("", path: "e.csv") }
                == "e.csv:1:1: no header row (the file is empty or holds only blank lines)")
    }

    @Test func semicolonDelimiterIsUsedWhenTheHeaderHasNoComma() throws {
        let file = try parse("id;first_name;last_name;organization\np1;Ana;Lima;Souza, Cescon\n")
        #expect(file.format == .people)
        #expect(file.people.first?.person.organization == "Souza, Cescon")
        #expect(file.people.first?.person.firstName == "Ana")
        #expect(file.people.first?.person.lastName == "Lima")
    }

    @Test func excelSepHintSetsTheDelimiter() throws {
        let file = try parse("sep=;\nid;first_name;last_name\np1;Ana;Lima\n")
        #expect(file.people.map(\.person.lastName) == ["Lima"])
        let tabs = try parse("sep=\t\nid\tfirst_name\tlast_name\np1\tAna\tde Souza, Jr.\n")
        #expect(tabs.people.map(\.person.lastName) == ["de Souza, Jr."])
    }

    @Test func raggedRowIsAWarningNotAnError() throws {
        let file = try parse("id,first_name,last_name\np1,Ana\n")
        #expect(file.people.count == 1)
        #expect(
            file.warnings.map(\.description) == [
                "in.csv:2:1: warning: row has 2 fields, the header has 3; missing cells read as empty, extra ones are ignored"
            ])
    }
}
