import Foundation
import Rapport
import RapportTestSupport
import Testing

@testable import RapportCSV

/// Seeded random inputs through every reader and the merge: no crash, no hang, and every error
/// keeps the `path:line:column: message` shape. (The libFuzzer targets of issue 7 go further.)
@Suite struct RobustnessTests {
    static let headers = [
        "id,first_name,last_name,email,organization\n", "person_a,person_b,kind,since\n",
        "date,person,kind,one_on_one,minutes,rapport,initiated_by,notes,with\n", "date,introducer,person,status,to\n",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n", "Notes:\n\"x, y\"\n\n",
        "BEGIN:VCARD\nFN:", "Given Name,Family Name,E-mail 1 - Value\n", "",
    ]
    static let pieces: [[UInt8]] = [
        [0x2C], [0x22], [0x0A], [0x0D], [0x3B], [0x20], Array("me".utf8), Array("p1".utf8), Array("a@b.c".utf8),
        Array("2026-01-02".utf8), Array("friend".utf8), Array("coffee".utf8), [0xC3, 0xA9], [0xE9], [0xC3],
        [0xFF, 0xFE],
        Array("END:VCARD".utf8), Array("\\n".utf8), Array("=C3".utf8), Array("7".utf8), Array("yes".utf8),
    ]

    func isLocated(_ text: String, path: String) -> Bool {
        guard text.hasPrefix(path + ":") else { return false }
        let parts = text.dropFirst(path.count + 1).split(separator: ":", maxSplits: 2)
        return parts.count == 3 && Int(parts[0]) != nil && Int(parts[1]) != nil && parts[2].hasPrefix(" ")
    }

    @Test func randomInputsNeverCrashAndAlwaysLocateTheirErrors() {
        var rng = SplitMix64(seed: 20_261_128)
        let existing = NetworkData(people: [Person(id: "me"), Person(id: "p1", firstName: "Ann", emails: ["a@b.c"])])
        var parsed = 0
        for round in 0..<3000 {
            var bytes = Array(Self.headers[Int(rng.next() % UInt64(Self.headers.count))].utf8)
            for _ in 0..<Int(rng.next() % 40) { bytes += Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }
            let path = "r\(round).csv"
            do {
                let file = try ContactFile.parse(path: path, data: bytes)
                parsed += 1
                for warning in file.warnings { #expect(isLocated(warning.description, path: path)) }
                _ = try Importer.merge(existing: existing, files: [file])
            } catch {
                #expect(isLocated(error.description, path: path), "\(error)")
            }
        }
        #expect(parsed > 100)
    }
}
