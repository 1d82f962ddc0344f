import Foundation
import Testing

@testable import RapportCSV

/// A file read in place from its memory map (`ContactFile.parse(path:mapped:)`, the import's path)
/// reads exactly as its copied bytes do (`parse(path:data:)`, checked against Python's csv module
/// elsewhere): the same rows, locations and warnings, or the same error, including for the files
/// the mapped path hands to the copy (UTF-16, Windows-1252, NUL bytes, vCards).
@Suite struct MappedParsingTests {
    /// Both readings of `bytes` written to a file named `name`: the outcome's description, or the error's.
    private func bothWays(_ bytes: [UInt8], name: String = "in.csv", format: ImportFormat? = nil) throws -> (
        mapped: Result<ParsedFile, ImportError>, copied: Result<ParsedFile, ImportError>
    ) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let file = try MappedFile(path: path)
        let mapped = Result { () throws(ImportError) in try ContactFile.parse(path: path, mapped: file, format: format) }
        let copied = Result { () throws(ImportError) in try ContactFile.parse(path: path, data: bytes, format: format) }
        return (mapped, copied)
    }

    /// More rows than one release step (65,536), with quoted ids, blanks around cells, a ragged
    /// row, blank lines, CRLF and non-ASCII names: the pages given back behind the reader change nothing.
    @Test func aLargeTiesFileReadsTheSameInPlace() throws {
        var text = "person_a,person_b,kind,since\r\n"
        let kinds = ["friend", "colleague", "", "mentor", "acquaintance"]
        for i in 0..<70_000 {
            let a = i % 97 == 0 ? "\"p\(i) \"\"q\"\"\"" : "p\(i)"
            let b = i % 89 == 0 ? " zoë\(i + 1) " : "p\(i + 1)"
            let since = i % 3 == 0 ? "" : "20\(10 + i % 15)-0\(1 + i % 9)-1\(i % 10)"
            text += "\(a),\(b),\(kinds[i % kinds.count]),\(since)\(i % 1000 == 0 ? ",extra" : "")\r\n"
            if i % 5000 == 0 { text += "\r\n" }
        }
        let (mapped, copied) = try bothWays(Array(text.utf8))
        let file = try mapped.get()
        #expect(file.ties.count == 70_000)
        #expect(file == (try copied.get()))
    }

    /// A file read in two parts whose cut falls inside a quoted field: the second part's reader has
    /// given back pages (past 65,536 rows) when the first reader goes on alone over them. They are
    /// read again from the file: the rows are the serial reading's.
    @Test func pagesGivenBackAreReadAgainWhenTheFirstReaderGoesOn() throws {
        // A quoted field of 250,000 short lines (under the 1 MiB field limit) from about 38 % to 61 %
        // of the file: the cut near the middle falls inside it, and the second reader reads the
        // lines after the cut as rows of ties (ragged, valid) past 65,536 of them before the field's
        // closing quote stops it.
        var text = "person_a,person_b,kind\n"
        for i in 0..<100_000 { text += "p\(i),q\(i),friend\n" }
        let fieldLines = 250_000
        text += "\"" + String(repeating: "a,b\n", count: fieldLines) + "\",q,friend\n"
        for i in 0..<90_000 { text += "r\(i),s\(i),colleague\n" }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ties.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        func read(_ reader: CSVReader, partsFrom: Int) throws -> (ParsedFile, Bool) {
            var reader = reader
            let header = try FormatDetection.readHeader(&reader) { FormatDetection.detect($0) != nil }
            var file = ParsedFile(path: path, format: .ties)
            let inParts = try NativeFormats.read(&reader, header: header, into: &file, partsFrom: partsFrom)
            return (file, inParts)
        }
        // Cut near the middle of the rows: inside the quoted field, so the parts are not kept.
        var probe = CSVReader(path: path, utf8: Array(text.utf8))
        _ = try probe.next()
        let middle = try #require(probe.middleLineStart(minimumBytes: 1))
        let quote = try #require(text.utf8.firstIndex(of: UInt8(ascii: "\"")))
        let offset = text.utf8.distance(from: text.utf8.startIndex, to: quote)
        #expect(offset < middle && (offset + 1 + 4 * fieldLines - middle) / 4 > 70_000, "the cut falls early in the field")
        let mapped = try read(CSVReader(path: path, source: CSVBytes(try MappedFile(path: path), from: 0)), partsFrom: 1)
        let serial = try read(CSVReader(path: path, utf8: Array(text.utf8)), partsFrom: .max)
        #expect(!mapped.1)
        #expect(mapped.0.ties.count == 190_001)
        let same = mapped.0 == serial.0  // not printed: two hundred thousand rows
        #expect(same)
    }

    @Test func otherEncodingsAndFormatsReadTheSame() throws {
        let people = "id,first_name,last_name,email\nz1,Zoë,\"O'Neil, Jr.\",z@x.example\n"
        let cases: [(name: String, bytes: [UInt8])] = [
            ("bom.csv", [0xEF, 0xBB, 0xBF] + Array(people.utf8)),
            ("latin.csv", Array("id,first_name,last_name\nq1,Ren".utf8) + [0xE9] + Array("e,Roy\n".utf8)),
            ("utf16.csv", [0xFF, 0xFE] + Array(people.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            ("card.vcf", Array("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nEMAIL:ann@x.example\r\nEND:VCARD\r\n".utf8)),
            ("card.txt", Array("\n\n  BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Li\r\nEND:VCARD\r\n".utf8)),
            ("linkedin.csv", Array("Notes:\n\"When exporting, some emails are hidden.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nAnn,Lee,https://www.linkedin.com/in/ann,,Acme,Engineer,04 Dec 2026\n".utf8)),
        ]
        for (name, bytes) in cases {
            let (mapped, copied) = try bothWays(bytes, name: name)
            let file = try mapped.get()
            #expect(file == (try copied.get()), "\(name)")
            #expect(file.rowCount == 1, "\(name)")
        }
    }

    @Test func errorsAreTheSame() throws {
        let cases: [(name: String, bytes: [UInt8], format: ImportFormat?)] = [
            ("nul.csv", Array("id,first_name\np1,A".utf8) + [0] + Array("\n".utf8), nil),
            ("quote.csv", Array("person_a,person_b\np1,p2\n\"p3,p4\np5,p6\n".utf8), nil),
            ("kind.csv", Array("person_a,person_b,kind\np1,p2,friend\np3,p4,buddy\n".utf8), nil),
            ("mapped.csv", Array("a,b\n1,2\n".utf8), .mapped),
        ]
        for (name, bytes, format) in cases {
            let (mapped, copied) = try bothWays(bytes, name: name, format: format)
            guard case .failure(let error) = mapped, case .failure(let expected) = copied else {
                Issue.record("\(name): both readings fail")
                continue
            }
            #expect(error.description == expected.description, "\(name)")
        }
    }
}
