import Foundation
import Testing

/// Issue 13 through the real CLI: source keys, `--my-email`, and the privacy of evidence — no
/// message content, subject, body, summary or description reaches any byte of the workspace.
@Suite struct EvidenceImportTests {
    /// A phrase that appears only in content: message text, mail subjects and bodies, event
    /// summaries and descriptions, the profile's summary.
    static let phrase = "Zanzibar quokka 7731"

    /// Whether this build reads a kind of evidence: forcing its `--format` on a file is refused
    /// with "has no … reader" only by a build without it.
    static func reads(_ format: String, _ noun: String) -> Bool {
        guard let cli = try? CLI(), (try? cli.run("init"))?.status == 0, (try? cli.write("probe.txt", "x")) != nil,
            let probe = try? cli.run("import", "--format", format, "--dry-run", "probe.txt")
        else { return false }
        return !probe.stderr.contains("has no \(noun) reader")
    }

    static let linkedInReader = reads("linkedin-archive", "LinkedIn archive")
    static let calendarReader = reads("ics", "calendar")
    static let mailboxReader = reads("mbox", "mailbox")

    static let archive = "Basic_LinkedInDataExport_01-02-2025"

    /// A LinkedIn archive folder, a calendar and a mailbox between Avery and Zoë, shaped like the
    /// real exports (LinkedIn's Notes preamble and upper-case message headers with a multi-line
    /// CONTENT, Google Calendar's CRLF lines, an RFC 2047 sender name in Gmail's mbox).
    static func evidenceFiles(_ cli: CLI) throws {
        let folder = cli.directory.appendingPathComponent(archive)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func put(_ name: String, _ text: String) throws { try cli.write("\(archive)/\(name)", text) }
        try put(
            "Connections.csv",
            """
            Notes:
            "When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more about this here: https://www.linkedin.com/help/linkedin/answer/261"

            First Name,Last Name,URL,Email Address,Company,Position,Connected On
            Zoë,Lefèvre,https://www.linkedin.com/in/zoe-lefevre,,Wilson Sonsini,Associate,07 Feb 2023

            """)
        try put(
            "messages.csv",
            """
            CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,IS MESSAGE DRAFT
            2-YmQ4ZjA1,,Zoë Lefèvre,https://www.linkedin.com/in/zoe-lefevre,Avery Quinn,https://www.linkedin.com/in/avery-quinn,2023-06-11 15:33:58 UTC,\(phrase) subject,"Hi Avery,
            \(phrase) in the content",INBOX,No
            2-YmQ4ZjA1,,Avery Quinn,https://www.linkedin.com/in/avery-quinn,Zoë Lefèvre,https://www.linkedin.com/in/zoe-lefevre,2023-06-12 09:01:00 UTC,,"Thanks Zoë — \(phrase)",INBOX,No

            """)
        try put(
            "Profile.csv",
            """
            First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers
            Avery,Quinn,,,,Law student,"\(phrase) in my summary",Law Practice,,"Boston, Massachusetts, United States",,,

            """)
        try put(
            "Email Addresses.csv",
            "Email Address,Confirmed,Primary,Updated On\navery@example.com,Yes,Yes,1/2/25, 10:00 AM\n")
        let calendar = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
            "X-WR-CALNAME:avery@example.com", "BEGIN:VEVENT", "DTSTART:20240305T150000Z", "DTEND:20240305T153000Z",
            "DTSTAMP:20240301T120000Z", "UID:coffee-1@google.com",
            "ORGANIZER;CN=Zoë Lefèvre:mailto:zoe@lefevre.example",
            "ATTENDEE;CN=Zoë Lefèvre;PARTSTAT=ACCEPTED:mailto:zoe@lefevre.example",
            "ATTENDEE;CN=Avery Quinn;PARTSTAT=ACCEPTED:mailto:avery@example.com",
            "SUMMARY:\(phrase) summary", "DESCRIPTION:\(phrase) description", "STATUS:CONFIRMED", "END:VEVENT",
            "END:VCALENDAR",
        ]
        try cli.write("calendar.ics", calendar.joined(separator: "\r\n") + "\r\n")
        try cli.write(
            "mail.mbox",
            """
            From zoe@lefevre.example Tue Mar 05 10:00:00 2024
            From: =?UTF-8?Q?Zo=C3=AB_Lef=C3=A8vre?= <zoe@lefevre.example>
            To: Avery Quinn <avery@example.com>
            Subject: \(phrase) subject
            Date: Tue, 05 Mar 2024 10:00:00 +0000
            Message-ID: <m1@lefevre.example>

            \(phrase) in the body

            From avery@example.com Tue Mar 05 11:00:00 2024
            From: Avery Quinn <avery@example.com>
            To: =?UTF-8?Q?Zo=C3=AB_Lef=C3=A8vre?= <zoe@lefevre.example>
            Subject: Re: \(phrase) subject
            Date: Tue, 05 Mar 2024 11:00:00 +0000
            Message-ID: <m2@example.com>
            In-Reply-To: <m1@lefevre.example>

            \(phrase) in the reply

            """)
    }

    /// Imports `inputs`, writes the snapshot cache, then reads every byte of every file in the
    /// workspace's folder but the inputs themselves.
    static func expectNoContentStored(_ inputs: [String], source: String) throws {
        let cli = try CLI()
        #expect(try cli.run("init", "--me", "Avery Quinn").status == 0)
        try evidenceFiles(cli)
        let imported = try cli.run(["import"] + inputs + ["--my-email", "avery@example.com", "--verbose"])
        #expect(imported.status == 0, "\(imported.stderr)")
        // Evidence did land: the test would prove nothing otherwise.
        #expect(
            imported.stdout.contains(source) && !imported.stdout.contains("; 0 new interactions"), "\(imported.stdout)")
        #expect(!imported.stdout.contains(phrase) && !imported.stderr.contains(phrase))
        let ties = try cli.run("ties", "--all", "--as-of", "2026-11-20", "--explain")
        #expect(ties.status == 0, "\(ties.stderr)")
        #expect(!ties.stdout.contains(phrase))
        let (names, holding) = try workspaceFiles(of: cli, holding: phrase)
        #expect(names.contains("rapport.db") && names.contains("rapport.db-snapshot"), "\(names)")
        #expect(holding.isEmpty, "\(holding) hold the phrase")
    }

    /// The workspace's files (`rapport.db`, its `-wal` and `-shm`, the snapshot cache), and those
    /// whose bytes hold `phrase` as written or lower-cased.
    static func workspaceFiles(of cli: CLI, holding phrase: String) throws -> (names: [String], holding: [String]) {
        let names = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter {
            $0.hasPrefix("rapport.db")
        }
        let needles = [Array(phrase.utf8), Array(phrase.lowercased().utf8)]
        let holding = try names.filter { name in
            let bytes = [UInt8](try cli.contents(name))
            return needles.contains { n in
                bytes.count >= n.count
                    && (0...(bytes.count - n.count)).contains { bytes[$0..<$0 + n.count].elementsEqual(n) }
            }
        }
        return (names.sorted(), holding)
    }

    /// The search above finds what is there: a native note (kept by design) is found in the files.
    @Test func theWorkspaceSearchFindsAStoredPhrase() throws {
        let cli = try CLI()
        try cli.run("init", "--me", "Avery Quinn")
        try cli.write("people.csv", "id,first_name,last_name\np1,Zoë,Lefèvre\n")
        try cli.write("interactions.csv", "date,person,kind,notes\n2026-01-02,p1,coffee,\(Self.phrase)\n")
        #expect(try cli.run("import", "people.csv", "interactions.csv").status == 0)
        #expect(try cli.run("ties", "--all", "--as-of", "2026-11-20").status == 0)
        let (names, holding) = try Self.workspaceFiles(of: cli, holding: Self.phrase)
        #expect(names.contains("rapport.db-snapshot"))
        #expect(!holding.isEmpty && holding.contains("rapport.db-snapshot"), "\(names)")
    }

    @Test(.enabled(if: linkedInReader, "the LinkedIn archive reader is not wired into EvidenceReaders.standard"))
    func noLinkedInMessageContentOrSubjectIsStored() throws {
        try Self.expectNoContentStored([Self.archive], source: "messages.csv")
    }

    @Test(.enabled(if: calendarReader, "the calendar reader is not wired into EvidenceReaders.standard"))
    func noEventSummaryOrDescriptionIsStored() throws {
        try Self.expectNoContentStored(["calendar.ics"], source: "calendar.ics")
    }

    @Test(.enabled(if: mailboxReader, "the mailbox reader is not wired into EvidenceReaders.standard"))
    func noMailSubjectOrBodyIsStored() throws {
        try Self.expectNoContentStored(["mail.mbox"], source: "mail.mbox")
    }

    @Test(
        .enabled(if: linkedInReader && calendarReader && mailboxReader, "the evidence readers are not all wired"),
        .enabled(
            if: PrivacyTests.canTrace, "strace is not installed (.ci/install-deps installs it) or cannot ptrace here"))
    func importingEvidenceOpensNoInternetSocket() throws {
        let cli = try CLI()
        try cli.run("init", "--me", "Avery Quinn")
        try Self.evidenceFiles(cli)
        let strace = try #require(PrivacyTests.strace)
        let commands: [[String]] = [
            ["import", Self.archive, "calendar.ics", "mail.mbox", "--my-email", "avery@example.com", "--dry-run"],
            ["import", Self.archive, "calendar.ics", "mail.mbox", "--my-email", "avery@example.com"],
        ]
        for (i, arguments) in commands.enumerated() {
            let log = "evidence-trace\(i).txt"
            let result = try cli.runProgram(
                strace, ["-f", "-qq", "-e", "trace=network", "-o", log, CLI.binary.path] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            let trace = String(decoding: try cli.contents(log), as: UTF8.self)
            let internet = PrivacyTests.socketCalls(trace).filter {
                $0.contains("AF_INET") || $0.contains("AF_NETLINK")
            }
            #expect(internet.isEmpty, "\(arguments): \(internet.prefix(3))")
        }
    }

    /// Evidence again adds nothing, through the CLI, whichever reader is wired.
    @Test(.enabled(if: linkedInReader && calendarReader && mailboxReader, "the evidence readers are not all wired"))
    func reimportingTheSameEvidenceAddsNothing() throws {
        let cli = try CLI()
        try cli.run("init", "--me", "Avery Quinn")
        try Self.evidenceFiles(cli)
        let inputs = [Self.archive, "calendar.ics", "mail.mbox"]
        let dry = try cli.run(["import"] + inputs + ["--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.hasPrefix("Dry run, nothing written."))
        let first = try cli.run(["import"] + inputs)
        #expect(first.status == 0, "\(first.stderr)")
        let again = try cli.run(["import"] + inputs)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasPrefix("0 new, 0 updated"), "\(again.stdout)")
        // Zoë is one person: the connection, matched by profile URL, then by her address.
        let people = try cli.run("people", "--json")
        let list = try #require(
            try JSONSerialization.jsonObject(with: Data(people.stdout.utf8)) as? [[String: Any]])
        #expect(list.filter { $0["lastName"] as? String == "Lefèvre" }.count == 1, "\(people.stdout)")
    }

    // MARK: Without the readers

    @Test func identicalNativeRowsAreTwoInteractionsAndReimportAddsNone() throws {
        let cli = try CLI()
        try cli.run("init", "--me", "Avery Quinn")
        try cli.write("people.csv", "id,first_name,last_name\np1,Zoë,Lefèvre\n")
        try cli.write("interactions.csv", "date,person,kind\n2026-01-02,p1,coffee\n2026-01-02,p1,coffee\n")
        let first = try cli.run("import", "people.csv", "interactions.csv")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("interactions 2 new"), "\(first.stdout)")
        let again = try cli.run("import", "interactions.csv")
        #expect(
            again.stdout.hasPrefix("0 new, 0 updated") && again.stdout.contains("2 rows unchanged"), "\(again.stdout)")
        // A typed log is never a duplicate.
        #expect(try cli.run("log", "coffee", "p1", "--date", "2026-01-02").status == 0)
        #expect(try cli.run("log", "coffee", "p1", "--date", "2026-01-02").status == 0)
        let exported = try cli.run("export", "--format", "json", "-o", "net.json", "--as-of", "2026-11-20")
        #expect(exported.stdout.contains(", 4 interactions,"), "\(exported.stdout) \(exported.stderr)")
    }

    @Test func myEmailIsStoredOnTheUser() throws {
        let cli = try CLI()
        try cli.run("init")
        try cli.write("people.csv", "id,first_name,last_name\np1,Ann,Lee\n")
        let result = try cli.run(
            "import", "people.csv", "--my-email", "Avery@Example.com", "--my-email", "aq@work.example")
        #expect(result.status == 0, "\(result.stderr)")
        let people = try cli.run("people", "--json")
        #expect(
            people.stdout.contains("avery@example.com") && people.stdout.contains("aq@work.example"), "\(people.stdout)"
        )
        let bad = try cli.run("import", "people.csv", "--my-email", "not-an-address")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--my-email must be an e-mail address, not 'not-an-address'"), "\(bad.stderr)")
    }

    @Test func theEvidenceFormatsAreNamedInTheFormatError() throws {
        let cli = try CLI()
        try cli.run("init")
        let result = try cli.run("import", "x.csv", "--format", "pst")
        #expect(result.status == 2)
        #expect(result.stderr.contains("linkedin-archive, ics, mbox"), "\(result.stderr)")
    }
}
