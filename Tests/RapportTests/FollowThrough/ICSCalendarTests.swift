import Foundation
import PropertyBased
import Testing
@testable import Rapport

/// A small RFC 5545 reader written for these tests: unfolds lines, splits name, parameters and
/// value, and unescapes TEXT values. It shares no code with `ICSCalendar`.
struct ICSReader {
    struct Property: Equatable {
        var name: String
        var parameters: [String]
        var value: String
    }

    /// The physical lines (without CRLF); fails when a line ends in a bare LF or CR.
    static func physicalLines(_ bytes: [UInt8]) throws -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 13 {
                guard i + 1 < bytes.count, bytes[i + 1] == 10 else { throw ReadError.bareCR }
                lines.append(current)
                current = []
                i += 2
                continue
            }
            if bytes[i] == 10 { throw ReadError.bareLF }
            current.append(bytes[i])
            i += 1
        }
        guard current.isEmpty else { throw ReadError.unterminated }
        return lines
    }

    /// Unfolds (a line starting with a space or tab continues the previous one) and splits.
    static func properties(_ bytes: [UInt8]) throws -> [Property] {
        var logical: [[UInt8]] = []
        for line in try physicalLines(bytes) {
            if let first = line.first, first == 32 || first == 9, !logical.isEmpty {
                logical[logical.count - 1] += line.dropFirst()
            } else {
                logical.append(line)
            }
        }
        return try logical.map { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            guard let colon = text.firstIndex(of: ":") else { throw ReadError.noColon(text) }
            let head = text[..<colon].split(separator: ";").map(String.init)
            return Property(
                name: head.first ?? "", parameters: Array(head.dropFirst()),
                value: String(text[text.index(after: colon)...]))
        }
    }

    static func unescape(_ value: String) -> String {
        var out = ""
        var escaping = false
        for c in value {
            if escaping {
                out += c == "n" || c == "N" ? "\n" : String(c)
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        return out
    }

    enum ReadError: Error { case bareCR, bareLF, unterminated, noColon(String) }
}

@Suite struct ICSCalendarTests {
    let d = FollowThroughFixture.day

    func calendar(summary: String, description: String = "") -> [UInt8] {
        let event = ICSCalendar.Event(
            uid: "thank_you-0123@rapport.invalid", date: d("2028-02-29"), summary: summary, description: description)
        return Array(ICSCalendar(events: [event], stamp: d("2028-02-28")).render().utf8)
    }

    @Test func aCalendarHasTheRequiredPropertiesInOrder() throws {
        let props = try ICSReader.properties(calendar(summary: "Thank Maria"))
        #expect(
            props.map(\.name) == [
                "BEGIN", "VERSION", "PRODID", "CALSCALE", "METHOD", "BEGIN", "UID", "DTSTAMP", "DTSTART", "DTEND",
                "SUMMARY",
                "TRANSP", "END", "END",
            ])
        #expect(props[1].value == "2.0")
        #expect(props[7].value == "20280228T000000Z")
        #expect(props[8] == .init(name: "DTSTART", parameters: ["VALUE=DATE"], value: "20280229"))
        // All-day events end on the next day, exclusively: 29 February 2028 → 1 March.
        #expect(props[9] == .init(name: "DTEND", parameters: ["VALUE=DATE"], value: "20280301"))
    }

    @Test func commasSemicolonsBackslashesAndNewlinesAreEscapedAndRoundTrip() throws {
        let summary = "Thank O'Neil, Siobhán; re: C:\\docs"
        let description = "Line one\nLine two\r\nLine three"
        let text = String(decoding: calendar(summary: summary, description: description), as: UTF8.self)
        #expect(text.contains("SUMMARY:Thank O'Neil\\, Siobhán\\; re: C:\\\\docs\r\n"))
        let props = try ICSReader.properties(calendar(summary: summary, description: description))
        #expect(props.first { $0.name == "SUMMARY" }.map { ICSReader.unescape($0.value) } == summary)
        #expect(
            props.first { $0.name == "DESCRIPTION" }.map { ICSReader.unescape($0.value) }
                == "Line one\nLine two\nLine three")
    }

    @Test func longLinesFoldAt75OctetsWithoutSplittingAUTF8Sequence() throws {
        // 'é' is two octets and '👩‍⚖️' thirteen, so fold points fall inside sequences unless handled.
        let summary = "Thank " + String(repeating: "é", count: 50) + String(repeating: "👩‍⚖️", count: 8) + " Zoë Ångström"
        let bytes = calendar(summary: summary)
        let lines = try ICSReader.physicalLines(bytes)
        #expect(lines.count > 16)
        for line in lines {
            #expect(line.count <= 75)
            #expect(String(validating: line, as: UTF8.self) != nil, "a fold split a UTF-8 sequence")
        }
        #expect(lines.filter { $0.first == 32 }.count >= 3, "the summary spans several folded lines")
        let props = try ICSReader.properties(bytes)
        #expect(props.first { $0.name == "SUMMARY" }.map { ICSReader.unescape($0.value) } == summary)
    }

    @Test func aLineOfExactly75OctetsIsNotFolded() {
        let line = String(repeating: "a", count: 75)
        #expect(ICSCalendar.fold(line) == line + "\r\n")
        #expect(ICSCalendar.fold(line + "b") == line + "\r\n b\r\n")
    }

    @Test func dueItemsBecomeEventsWithStableUIDsThatHideThePersonID() throws {
        let item = DueItem(
            reason: .followUp, node: 1, personID: "maria@example.com", due: d("2028-02-28"), windowEnd: d("2028-03-13"),
            since: d("2028-01-31"), detail: "follow-up after your interview", action: "write to Maria")
        let event = ICSCalendar.Event(item, summary: "Follow up with Maria")
        #expect(event.uid.hasPrefix("follow_up-"))
        #expect(event.uid.hasSuffix("-20280131@rapport.invalid"))
        #expect(!event.uid.contains("maria"))
        #expect(event == ICSCalendar.Event(item, summary: "Follow up with Maria"))
        #expect(event.description == "Follow-up after your interview.\nNext: write to Maria.\nWindow ends 2028-03-13.")
        let late = ICSCalendar.Event(item, summary: "Follow up with Maria", notBefore: d("2028-03-02"))
        #expect(late.date == d("2028-03-02"))
        #expect(late.uid == event.uid)
        #expect(late.description.hasSuffix("\nWas due 2028-02-28."))
        #expect(ICSCalendar.Event(item, summary: "x", notBefore: d("2028-02-01")).date == d("2028-02-28"))
    }

    static let hasPython: Bool = {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "--version"]
        check.standardOutput = FileHandle.nullDevice
        check.standardError = FileHandle.nullDevice
        guard (try? check.run()) != nil else { return false }
        check.waitUntilExit()
        return check.terminationStatus == 0
    }()

    // .ci/install-deps installs icalendar from Tests/requirements.txt: without it, this fails.
    @Test(.enabled(if: hasPython, "python3 is not installed"))
    func pythonIcalendarReadsTheFile() throws {
        let python = "/usr/bin/env"
        let check = Process()
        check.executableURL = URL(fileURLWithPath: python)
        check.arguments = ["python3", "-c", "import icalendar"]
        check.standardError = FileHandle.nullDevice
        try check.run()
        check.waitUntilExit()
        guard check.terminationStatus == 0 else {
            Issue.record("Python's icalendar is not installed; run .ci/install-deps, which installs Tests/requirements.txt")
            return
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-\(UUID().uuidString).ics")
        try Data(calendar(summary: "Thank O'Neil, Siobhán; " + String(repeating: "é", count: 60), description: "a\nb"))
            .write(to: url)
        let run = Process()
        run.executableURL = URL(fileURLWithPath: python)
        run.arguments = [
            "python3", "-c",
            """
            import sys, icalendar
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            ev = [c for c in cal.walk('VEVENT')][0]
            assert str(ev['SUMMARY']) == "Thank O'Neil, Siobhán; " + "é" * 60, ev['SUMMARY']
            assert str(ev['DESCRIPTION']) == "a\\nb"
            assert ev.decoded('DTSTART').isoformat() == '2028-02-29'
            """,
            url.path,
        ]
        try run.run()
        run.waitUntilExit()
        #expect(run.terminationStatus == 0)
    }

    @Test func anyTextFoldsWithinTheLimitAndReadsBackUnchanged() async {
        let pool: [Character] = [
            "a", "Z", " ", "é", "Å", "漢", "👩‍⚖️", "🇮🇪", "𝄞", ",", ";", ":", "\\", "\n", "\t", "\"", "'",
        ]
        let text = Gen<Character?>.element(of: pool).map { $0 ?? "a" }.string(of: 0...300)
        await propertyCheck(count: 200, input: text) { summary in
            let bytes = calendar(summary: "S" + summary)
            let lines = try ICSReader.physicalLines(bytes)
            for line in lines {
                #expect(line.count <= 75)
                #expect(String(validating: line, as: UTF8.self) != nil)
            }
            let read = try ICSReader.properties(bytes).first { $0.name == "SUMMARY" }.map {
                ICSReader.unescape($0.value)
            }
            #expect(read == "S" + summary)
        }
    }
}
