import Foundation
import Testing

@testable import RapportCSV

/// The mailbox reader against Python's standard library on the same files: `mailbox.mbox` for the
/// message boundaries, `email.utils.getaddresses` for From/To/Cc, `email.header.decode_header` +
/// `make_header` for the display names, `email.utils.parsedate_to_datetime` for the Date as a UTC
/// instant (a date without a zone counted as UTC). python3 comes from `.ci/install-deps`.
@Suite struct MailboxOracleTests {
    static let python: String? =
        ["/usr/bin/python3", "/usr/local/bin/python3"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        ?? ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map { "\($0)/python3" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }

    /// Per message: the fields the reader keeps, as Python reads them.
    static let script = #"""
        import datetime, email.header, email.utils, json, mailbox, sys

        def text(value):
            # compat32 keeps 8-bit header bytes as surrogates; read them as UTF-8, as the reader does.
            return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")

        def raw(message, field):
            # raw_items: get_all would turn 8-bit values into Header objects of replacement characters.
            return [text(v) for k, v in message.raw_items() if k.lower() == field.lower()]

        def first(message, field):
            values = raw(message, field)
            return values[0] if values else None

        def name(value):
            return str(email.header.make_header(email.header.decode_header(value)))

        def addresses(message, field):
            return [[name(n), a.lower()] for n, a in email.utils.getaddresses(raw(message, field)) if a]

        def instant(message):
            value = first(message, "Date")
            if value is None:
                return None
            try:
                moment = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError):
                return None
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=datetime.timezone.utc)
            return int(moment.timestamp())

        def message_id(message):
            value = first(message, "Message-ID")
            if value is None:
                return None
            value = value.strip()
            if "<" in value and ">" in value[value.index("<"):]:
                value = value[value.index("<") + 1:value.index(">", value.index("<"))]
            return "".join(value.split()) or None

        out = [{"from": addresses(m, "From"), "to": addresses(m, "To"), "cc": addresses(m, "Cc"),
                "messageID": message_id(m), "date": instant(m)} for m in mailbox.mbox(sys.argv[1], create=False)]
        json.dump(out, sys.stdout, ensure_ascii=False)
        """#

    struct Expected: Decodable {
        var from: [[String]]
        var to: [[String]]
        var cc: [[String]]
        var messageID: String?
        var date: Int64?
    }

    static func run(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(python))
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 \(arguments.prefix(2)) failed")
        return data
    }

    static func compare(_ path: String) throws {
        let expected = try JSONDecoder().decode([Expected].self, from: run(["-c", script, path]))
        let actual = try Mailbox.readHeaders(path: path)
        #expect(actual.count == expected.count, "message count of \(path)")
        #expect(!actual.isEmpty)
        for (a, e) in zip(actual, expected) {
            let at = "message at \(a.location)"
            #expect(a.from.map { [$0.name, $0.address] } == e.from, "From of \(at)")
            #expect(a.to.map { [$0.name, $0.address] } == e.to, "To of \(at)")
            #expect(a.cc.map { [$0.name, $0.address] } == e.cc, "Cc of \(at)")
            #expect(a.messageID == e.messageID, "Message-ID of \(at)")
            #expect(a.date?.secondsSince1970 == e.date, "Date of \(at)")
        }
    }

    @Test(
        .enabled(if: python != nil, "python3 is missing; .ci/install-deps installs it"),
        arguments: ["gmail-takeout.mbox", "thunderbird.mbox", "mboxrd.mbox", "crlf.mbox"])
    func fixtureAgreesWithPythonMailbox(_ name: String) throws {
        try Self.compare(mailFixturePath(name))
    }

    @Test(.enabled(if: python != nil, "python3 is missing; .ci/install-deps installs it"))
    func generatedTwoThousandMessagesAgreeWithPythonMailbox() throws {
        let generator = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Benchmarks/mbox/generate_mbox.py").standardized.path
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "mbox-oracle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (file, extra) in [("lf.mbox", [String]()), ("crlf.mbox", ["--crlf"])] {
            let path = directory.appendingPathComponent(file).path
            _ = try Self.run([generator, "--out", path, "--messages", "2000", "--seed", "7", "--small-attachments"] + extra)
            // Every message's location is its "From " line, as Python counts the lines.
            let lines = try Self.run([
                "-c",
                "import sys\nwith open(sys.argv[1], 'rb') as f:\n    print([i for i, l in enumerate(f, 1) if l.startswith(b'From ')])",
                path,
            ])
            let fromLines = try JSONDecoder().decode([Int].self, from: lines)
            let headers = try Mailbox.readHeaders(path: path)
            #expect(headers.count == 2000)
            #expect(headers.map(\.location.line) == fromLines)
            try Self.compare(path)
        }
    }
}
