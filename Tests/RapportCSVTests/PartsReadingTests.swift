import Foundation
import Rapport
import RapportTestSupport
import Testing

@testable import RapportCSV

/// Issue 16: a large native file is read in two parts side by side (`NativeFormats.read`, cut at a
/// line start near the middle). Whatever the bytes, the result must be the serial reader's: the same
/// records at the same lines and columns, the same warnings in the same order, the same first error.
@Suite struct PartsReadingTests {
    /// `text` read as a native file, in two parts from `partsFrom` bytes of rows on.
    static func read(_ text: String, partsFrom: Int) -> Result<ParsedFile, ImportError> {
        readCounting(text, partsFrom: partsFrom).0
    }

    /// `read`, and whether the two parts were kept. Not `joining`, the second part's ties are left
    /// apart by the reader (as an import asks) and joined here by `joinParts()`; `waiting` counts
    /// them.
    static func readCounting(_ text: String, partsFrom: Int, joining: Bool = true, waiting: inout Int)
        -> (Result<ParsedFile, ImportError>, Bool)
    {
        var reader = CSVReader(path: "in.csv", utf8: Array(text.utf8))
        do throws(ImportError) {
            let header = try FormatDetection.readHeader(&reader) { FormatDetection.detect($0) != nil }
            var file = ParsedFile(path: "in.csv", format: FormatDetection.detect(header) ?? .people)
            let inParts = try NativeFormats.read(
                &reader, header: header, into: &file, partsFrom: partsFrom, joiningParts: joining)
            waiting += file.secondPartTies.count
            file.joinParts()
            file.warnings = reader.warnings + file.warnings
            return (.success(file), inParts)
        } catch {
            return (.failure(error), false)
        }
    }

    static func readCounting(_ text: String, partsFrom: Int) -> (Result<ParsedFile, ImportError>, Bool) {
        var waiting = 0
        return readCounting(text, partsFrom: partsFrom, waiting: &waiting)
    }

    /// Both ways, compared field by field (errors and warnings by their `path:line:column` text);
    /// in parts also with the second part's ties joined after the read.
    static func expectSame(_ text: String, _ context: String) {
        var waiting = 0
        let serial = read(text, partsFrom: .max), parts = read(text, partsFrom: 1)
        let apart = readCounting(text, partsFrom: 1, joining: false, waiting: &waiting).0
        let comment = Comment(rawValue: context)
        switch (serial, parts, apart) {
        case (.success(let a), .success(let b), .success(let c)):
            #expect(a == b, comment)
            #expect(a == c, comment)
            #expect(a.warnings.map(\.description) == b.warnings.map(\.description), comment)
            #expect(
                a.ties.map(\.location) == b.ties.map(\.location)
                    && a.people.map(\.location) == b.people.map(\.location), comment)
            #expect(a.ties.map(\.location) == c.ties.map(\.location), comment)
        case (.failure(let a), .failure(let b), .failure(let c)):
            #expect(a.description == b.description, comment)
            #expect(a.description == c.description, comment)
        default:
            Issue.record("serial \(serial), in parts \(parts), apart \(apart): \(context)")
        }
    }

    /// Rows of ties and people with everything that moves lines and columns or a reader's state:
    /// quoted fields with line breaks and doubled quotes (some spanning the middle), CRLF and lone
    /// CR endings, blank lines, ragged rows, non-ASCII text, and now and then a bad row.
    static func randomFile(_ random: inout SplitMix64, ties: Bool, rows: Int, errors: Bool, quoted: Bool = true)
        -> String
    {
        func pick(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        var text = ties ? "person_a,person_b,kind,since" : "id,first_name,last_name,email,organization,title"
        let ends = ["\n", "\n", "\n", "\r\n", "\r"]
        let end = ends[pick(2) == 0 ? 0 : pick(ends.count)]
        text += end
        for i in 0..<rows {
            let name = ["Zoë", "\"Ann\n\"\"Bee\"\"\"", "O'Brien, Jr.", "🙂", "\"multi\r\nline\"", "Li"][pick(6)]
            if ties {
                let since =
                    errors && pick(200) == 0 ? "2026-13-40" : pick(3) == 0 ? "" : "2020-0\(1 + pick(9))-1\(pick(10))"
                let kind = errors && pick(250) == 0 ? "enemy" : ["friend", "colleague", "mentor"][pick(3)]
                let b = errors && pick(300) == 0 ? "p\(i)" : "p\(i + 1 + pick(50))"
                // Now and then a quoted reference with a line break or a doubled quote in it.
                let a =
                    quoted && pick(25) == 0 ? ["\"p\(i)\nx\"", "\"p\(i)\"\"y\"", "\"Zoë\r\n\(i)\""][pick(3)] : "p\(i)"
                text += "\(a),\(b),\(kind),\(since)"
                if pick(40) == 0 { text += ",extra" }
            } else {
                text += "p\(i),\(name),L\(i),p\(i)@x.example,\(pick(2) == 0 ? "\"Hart, Wu & Co\"" : "Acme"),T"
                if pick(40) == 0 { text += ",extra,cells" }
            }
            text += pick(30) == 0 ? end + end : end
        }
        return text
    }

    @Test(arguments: 1...40 as ClosedRange<UInt64>)
    func readingInTwoPartsGivesTheSerialResult(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let ties = seed % 2 == 0
        let text = Self.randomFile(&random, ties: ties, rows: 50 + Int(random.next() % 400), errors: seed % 3 == 0)
        Self.expectSame(text, "seed \(seed)")
    }

    /// The two parts are really used: on ties without quoted fields (these seeds end lines in LF or CRLF).
    @Test func tiesWithoutQuotedFieldsAreReadInTwoParts() {
        for seed in [2, 4, 8, 10] as [UInt64] {
            var random = SplitMix64(seed: seed)
            let text = Self.randomFile(&random, ties: true, rows: 300, errors: false, quoted: false)
            let (result, inParts) = Self.readCounting(text, partsFrom: 1)
            #expect(inParts, "seed \(seed)")
            #expect((try? result.get().ties.count) == 300)
            // Asked to, the reader leaves the second part's ties apart until `joinParts()`.
            var waiting = 0
            let apart = Self.readCounting(text, partsFrom: 1, joining: false, waiting: &waiting).0
            #expect(waiting > 100 && waiting < 200, "seed \(seed): \(waiting)")
            #expect((try? apart.get()) == (try? result.get()))
        }
    }

    /// A quoted field that spans the middle: the first part does not end at the cut, so the second
    /// part's reading is thrown away and the first reader goes on.
    @Test func aQuotedFieldAcrossTheCutFallsBackToOneReader() throws {
        var ties = "person_a,person_b,kind\n"
        for i in 0..<20 { ties += "p\(i),q,friend\n" }
        ties += "\"" + String(repeating: "line\n", count: 40) + "\",q,friend\n"
        for i in 21..<40 { ties += "p\(i),q,friend\n" }
        Self.expectSame(ties, "spanning field")
        let (result, inParts) = Self.readCounting(ties, partsFrom: 1)
        let file = try result.get()
        #expect(!inParts)
        #expect(file.ties.count == 40 && file.ties[20].personAText.hasPrefix("line\nline"))
        #expect(file.ties[21].location.line == 2 + 21 + 40)
    }

    /// Errors in both parts: the first one in the file is reported.
    @Test func theFirstErrorOfTheFileIsReported() {
        var ties = "person_a,person_b,kind,since\n"
        for i in 0..<200 { ties += "p\(i),q\(i),friend,\(i == 40 || i == 160 ? "2020-02-31" : "")\n" }
        Self.expectSame(ties, "two errors")
        guard case .failure(let error) = Self.read(ties, partsFrom: 1) else {
            Issue.record("no error")
            return
        }
        #expect(error.location.line == 42)
    }
}
