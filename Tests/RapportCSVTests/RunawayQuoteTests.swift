import Foundation
import Rapport
import Testing

@testable import RapportCSV

/// Python's `csv` module on `text`, as rows of cells: the oracle for what a file holds.
func pythonCSV(_ text: String) throws -> [[String]] {
    let path = NSTemporaryDirectory() + "rapport-oracle-\(UUID().uuidString).csv"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
        "python3", "-c",
        "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))",
        path,
    ]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0)
    return try JSONDecoder().decode([[String]].self, from: data)
}

/// What the bulk `RecordStream` makes of a file: its records, or its error's description.
enum BulkOutcome: Equatable {
    case records([[String]])
    case failure(String)

    /// The records, or `nil` on failure.
    var rows: [[String]]? {
        if case .records(let rows) = self { return rows }
        return nil
    }
}

/// Every record of `text` through the bulk `RecordStream`, or its error's description.
func bulkRecords(_ text: String) -> BulkOutcome {
    let path = NSTemporaryDirectory() + "rapport-bulk-\(UUID().uuidString).csv"
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var rows: [[String]] = []
        let stream = try RecordStream(path: path, bufferSize: 1 << 16)
        try stream.forEachRecord { record in
            rows.append((0..<record.count).map { record.string($0) })
            return true
        }
        return .records(rows)
    } catch let error as BulkError {
        // Name the error by its place, not the temporary path.
        return .failure(error.description.replacingOccurrences(of: path, with: "bulk.csv"))
    } catch {
        return .failure("unexpected error: \(error)")
    }
}

/// A stray quote that swallows records is refused where it opened; real multi-line cells still read.
@Suite struct RunawayQuoteTests {
    static let peopleHeader = "id,first_name,last_name,email,organization,title,sectors,school,location\n"

    /// 79 people; line 57 (`q0056`) opens a quote that the quote before `Org 0, LLC` on line 61 closes.
    static let swallowing: String = {
        var text = peopleHeader
        for i in 1..<80 {
            switch i {
            case 56: text += "q0056,\"Broken,Last56,f56@x.com,Org 0 LLC,Associate,tax,,Boston\n"
            case 60: text += "q0060,First60,Last60,f60@x.com,\"Org 0, LLC\",Associate,tax,,Boston\n"
            default: text += "q\(String(format: "%04d", i)),First\(i),Last\(i),f\(i)@x.com,Org \(i % 5) LLC,Associate,tax,,Boston\n"
            }
        }
        return text
    }()

    @Test func strayQuoteThatClosesLaterIsRefusedAtTheQuoteNamingTheSwallowedLine() {
        let expected =
            "people.csv:57:7: quoted field opened here swallows line 58, which reads as a record of its own; close the quote, or double it (\"\") if it is text"
        #expect(errorText { _ = try parse(Self.swallowing, path: "people.csv") } == expected)
        #expect(bulkRecords(Self.swallowing) == .failure(expected.replacingOccurrences(of: "people.csv", with: "bulk.csv")))
    }

    @Test func strayQuoteInTheLastFieldIsRefused() {
        let text =
            Self.peopleHeader + "p1,Ann,Lee,a@x.com,Org,Title,,,\"Boston\n" + "p2,Bo,Ray,b@x.com,Org,Title,,,Boston\n"
            + "p3,Cy,Fox,c@x.com,Org,Title,,,\"Austin\"\n"
        // Line 2, column 32: the quote before Boston; line 3 (p2) is a whole record inside it.
        let message = errorText { _ = try parse(text, path: "p.csv") }
        #expect(message?.hasPrefix("p.csv:2:32: quoted field opened here swallows line 3,") == true)
        #expect(bulkRecords(text).rows == nil)
    }

    /// Rule (b): ids of different shapes (`alice`, `bob-2`), caught because the record comes out too wide.
    @Test func swallowedRecordWithAnotherIdShapeIsRefusedByTheRecordWidth() {
        let text =
            "id,first_name,last_name,email\n" + "alice,\"Alice,Lee,a@x.com\n" + "bob-2,Bob,Ray,b@x.com\n"
            + "carol,Carol,\"Fox\",c@x.com\n"
        let expected = "p.csv:2:7: " + RunawayQuote.message(swallowedLine: 3)
        #expect(errorText { _ = try parse(text, path: "p.csv") } == expected)
        #expect(bulkRecords(text) == .failure(expected.replacingOccurrences(of: "p.csv", with: "bulk.csv")))
    }

    @Test func quoteThatNeverClosesIsStillRefusedWhereItOpened() throws {
        let message = errorText {
            _ = try ContactFile.parse(path: "people.csv", data: try fixture("unbalanced-quote-57.csv"))
        }
        #expect(message == "people.csv:57:6: quoted field opened here is never closed")
        let text = String(decoding: try fixture("unbalanced-quote-57.csv"), as: UTF8.self)
        #expect(bulkRecords(text) == .failure("bulk.csv:57:6: unbalanced quote: the quoted field opened here never closes"))
    }

    /// An Outlook desktop export (the fixture's 92 columns) whose Notes cell holds paragraphs with
    /// commas, a line of CSV-looking text and a blank line: read exactly as Python's csv reads it.
    @Test func outlookNotesWithSeveralLinesStillImport() throws {
        let header = String(decoding: try fixture("outlook-desktop.csv"), as: UTF8.self)
            .components(separatedBy: "\r\n")[0]
        let columns = header.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        let notesIndex = try #require(columns.firstIndex(of: "Notes"))
        func row(_ first: String, _ last: String, notes: String) -> String {
            var cells = Array(repeating: "", count: columns.count)
            cells[columns.firstIndex(of: "First Name") ?? 1] = first
            cells[columns.firstIndex(of: "Last Name") ?? 3] = last
            cells[notesIndex] = notes
            return cells.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
        }
        let notes =
            "Met at the ABA mixer, Boston.\r\nFollow up: Ann, Bo, Cy\r\n\r\nName,Title,Company\r\nAnn,Partner,\"Lee & Co\""
        let text =
            header + "\r\n" + row("Fatima", "Al-Sayed", notes: notes) + "\r\n" + row("Ann", "Lee", notes: "x") + "\r\n"
        let file = try parse(text, path: "outlook.csv")
        #expect(file.format == .outlook)
        #expect(file.people.count == 2)
        #expect(try records(text) == pythonCSV(text))
        #expect(try bulkRecords(text).rows == pythonCSV(text))
    }

    /// A LinkedIn messages.csv (11 columns) whose CONTENT has paragraphs, commas, a pasted CSV line
    /// and even a line of exactly ten commas (eleven cells): prose does not start like a
    /// conversation id, and the record keeps its width, so nothing is refused.
    @Test func linkedInMessageContentWithParagraphsAndCSVLookingLinesStillReads() throws {
        let header =
            "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS\n"
        let content =
            "Hi Maria,\n\nThanks for the chat, really helpful.\nHere is my list: firm,partner,city\n"
            + "Skadden, Latham, Kirkland, Sidley, Jones Day, Ropes, Goodwin, WilmerHale, Mintz, Foley, Choate\n"
            + "He said \"\"call me\"\", so I will.\n\nBest,\nJordan"
        let first =
            "2-NTg3YjNmNzctMjQ4YS00ZjY3LWE0MWQtOGE0NWYyMzNhYTk3XzAxMA==,,Jordan Alvarez,https://www.linkedin.com/in/jordan,Maria Chen,https://www.linkedin.com/in/maria,2024-03-05 14:02:11 UTC,,\""
            + content + "\",INBOX,\n"
        let second =
            "2-ZjM1YTBkYjEtNDc2Ni00ODA5LWJiZDMtYzI1ZTk0NzQ2NmQ0XzAxMA==,,Maria Chen,https://www.linkedin.com/in/maria,Jordan Alvarez,https://www.linkedin.com/in/jordan,2024-03-06 09:00:00 UTC,,\"Sure, Tuesday works.\",INBOX,\n"
        let text = header + first + second
        let expected = try pythonCSV(text)
        #expect(expected.count == 3 && expected[1].count == 11)
        #expect(try records(text) == expected)
        #expect(bulkRecords(text).rows == expected)
    }

    /// interactions.csv with multi-line notes in its last column, one line of which holds seven
    /// commas (eight cells, the header's width) but starts with a word, not a date.
    @Test func interactionNotesWithLineBreaksStillImport() throws {
        let text =
            "date,person,kind,one_on_one,minutes,rapport,initiated_by,notes\n"
            + "2024-05-01,p1,coffee,true,30,4,me,\"Great chat.\nTopics: IP, trademarks, patents, M&A, tax, ERISA, privacy, venture\nSend thanks.\"\n"
            + "2024-05-02,p1,call,true,15,3,them,\"Short call\"\n"
        #expect(try records(text) == pythonCSV(text))
        #expect(try bulkRecords(text).rows == pythonCSV(text))
    }

    @Test func shapeMapsRunsOfLettersAndDigits() {
        func shape(_ s: String) -> String {
            let bytes = Array(s.utf8)
            return bytes.withUnsafeBufferPointer { String(decoding: RunawayQuote.shape(of: $0), as: UTF8.self) }
        }
        #expect(shape("q0057") == "a9")
        #expect(shape("2024-05-01") == "9-9-9")
        #expect(shape("José Ruiz") == "a a")
        #expect(shape("") == "")
    }
}
