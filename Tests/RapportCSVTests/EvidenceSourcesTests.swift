import Foundation
import Rapport
import Testing

@testable import RapportCSV

/// Issue 13: the user's own profile, the identity given to the readers, and the routing of inputs
/// to the readers (driven here by readers of the test's own).
@Suite struct EvidenceSourcesTests {
    static let positions = [
        OwnProfile.Position(
            company: "Halvorsen LLP", title: "Summer Associate", startedOn: Day(iso: "2022-06-01"),
            finishedOn: Day(iso: "2022-08-31")),
        OwnProfile.Position(
            company: "Baker Lowe", title: "Paralegal", startedOn: Day(iso: "2019-01-01"),
            finishedOn: Day(iso: "2021-05-31")),
        OwnProfile.Position(company: "Wilson Sonsini", title: "Associate", startedOn: Day(iso: "2023-09-01")),
        OwnProfile.Position(
            company: "halvorsen llp", title: "Intern", startedOn: Day(iso: "2018-06-01"),
            finishedOn: Day(iso: "2018-08-31")),
    ]
    static let profile = OwnProfile(
        firstName: "Avery", lastName: "Quinn", location: "Boston, MA",
        emails: ["Avery@Example.com", "aq@work.example"],
        positions: positions, schools: ["Halvorsen Law School"])

    @Test func theProfileReplacesThePlaceholderAndFillsTheRest() throws {
        let placeholder = Person(id: "me", firstName: "Me", lastName: "", emails: ["aq@work.example"])
        let updated = Self.profile.update(placeholder)
        #expect(updated.firstName == "Avery" && updated.lastName == "Quinn")
        #expect(updated.emails == ["aq@work.example", "avery@example.com"])
        #expect(updated.organization == "Wilson Sonsini" && updated.title == "Associate")
        #expect(updated.location == "Boston, MA")
        #expect(updated.schools == ["Halvorsen Law School"])
        // Finished positions, latest first, each employer once.
        #expect(updated.pastOrganizations == ["Halvorsen LLP", "Baker Lowe"])
    }

    @Test func theProfileNeverOverwritesWhatTheUserTyped() {
        let typed = Person(id: "me", firstName: "Ave", lastName: "Q.", organization: "Own Practice", title: "Founder")
        let updated = Self.profile.update(typed)
        #expect((updated.firstName, updated.lastName) == ("Ave", "Q."))
        #expect(updated.organization == "Own Practice" && updated.title == "Founder")
    }

    @Test func theProfileUpdatesMeInAnImport() throws {
        let existing = NetworkData(people: [Person(id: "me", firstName: "Me")])
        let outcome = try Importer.merge(
            existing: existing, files: [],
            evidence: EvidenceInput(profile: Self.profile, myEmails: ["avery.q@home.example"]))
        let me = try #require(outcome.data.people.first)
        #expect(me.displayName == "Avery Quinn")
        #expect(me.emails == ["avery@example.com", "aq@work.example", "avery.q@home.example"])
        #expect(outcome.report.peopleUpdated == 1)
    }

    @Test func theReadersSeeTheWorkspaceUserTheArchiveAndMyEmail() {
        let data = NetworkData(people: [
            Person(
                id: "me", firstName: "Avery", lastName: "Quinn", emails: ["Avery@Example.com"],
                profileURL: "linkedin.com/in/aq")
        ])
        let identity = Importer.selfIdentity(
            of: data, adding: SelfIdentity(emails: ["aq@work.example"], names: ["Avery Q"]),
            emails: ["Home@Example.org"])
        #expect(identity.emails == ["avery@example.com", "aq@work.example", "home@example.org"])
        #expect(identity.names == ["Avery Quinn", "Avery Q"])
        #expect(identity.profileURLs == ["linkedin.com/in/aq"])
        // The placeholder name is nobody's name.
        #expect(Importer.selfIdentity(of: NetworkData(people: [Person(id: "me", firstName: "Me")])).names.isEmpty)
    }

    // MARK: Routing

    /// Readers that record what they were asked and answer with one record each.
    final class Calls: @unchecked Sendable {
        var identities: [SelfIdentity] = []
    }

    static func record(_ source: InteractionSource, _ path: String) -> EvidenceRecord {
        EvidenceRecord(
            source: source, key: "\(path)#1", date: Day(iso: "2026-01-05")!, kind: .meeting,
            party: EvidenceParty(name: "Noor Haddad", email: "noor@haddad.example"), isOneOnOne: true,
            initiatedBy: .them, reciprocated: true, location: SourceLocation(path: path, line: 1, column: 1))
    }

    static func readers(_ calls: Calls) -> EvidenceReaders {
        EvidenceReaders(
            isArchive: { $0.hasSuffix(".zip") || $0.hasSuffix("Export") },
            openArchive: { path in
                var connections = ParsedFile(path: path + "/Connections.csv", format: .linkedin)
                connections.people = [
                    PersonRecord(
                        person: Person(id: "", firstName: "Noor", lastName: "Haddad"),
                        location: SourceLocation(path: path, line: 5, column: 1))
                ]
                return OpenedArchive(
                    path: path, connections: connections,
                    profile: OwnProfile(firstName: "Avery", emails: ["aq@work.example"]),
                    selfIdentity: SelfIdentity(emails: ["aq@work.example"]), ignoredFiles: ["Ad_Targeting.csv"],
                    evidence: { identity in
                        calls.identities.append(identity)
                        return [EvidenceFile(path: path + "/messages.csv", records: [Self.record(.linkedin, path)])]
                    })
            },
            looksLikeCalendar: { $0.starts(with: Array("BEGIN:VCALENDAR".utf8)) },
            calendar: { path, bytes, identity, asOf in
                calls.identities.append(identity)
                #expect(asOf == Day(iso: "2026-11-20") && !bytes.isEmpty)
                return EvidenceFile(path: path, records: [Self.record(.calendar, path)])
            },
            looksLikeMailbox: { $0.starts(with: Array("From ".utf8)) },
            mailbox: { path, identity in
                calls.identities.append(identity)
                return EvidenceFile(path: path, records: [Self.record(.mail, path)], skipped: ["noreply sender": 1])
            })
    }

    static func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-evidence-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    @Test func inputsAreRoutedByContentAndNameAndTheRestIsLeftAlone() throws {
        let dir = try Self.folder([
            "cal.txt": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "inbox": "From a@b Mon Jan  1 00:00:00 2026\n\n",
            "people.csv": "id,first_name\np1,Ann\n", "x.zip": "PK\u{3}\u{4}",
        ])
        let calls = Calls()
        let paths = ["people.csv", "x.zip", "cal.txt", "inbox"].map { dir.appendingPathComponent($0).path }
        let (evidence, others) = try EvidenceSources.classify(paths, forced: nil, readers: Self.readers(calls))
        #expect(others == [paths[0]])
        #expect(evidence.map(\.format) == [.linkedinArchive, .ics, .mbox])
        #expect(evidence[1].bytes.map { String(decoding: $0, as: UTF8.self) } == "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
        // Without readers, nothing is evidence but a zip, which no one reads.
        #expect(
            errorText { _ = try EvidenceSources.classify([paths[1]], forced: nil, readers: EvidenceReaders()) }
                == "\(paths[1]):1:1: this build of rapport has no zip archive (other than a LinkedIn data archive) reader"
        )
        #expect(try EvidenceSources.classify([paths[2]], forced: nil, readers: EvidenceReaders()).others == [paths[2]])
        #expect(
            errorText { _ = try EvidenceSources.classify([paths[0]], forced: .mbox, readers: EvidenceReaders()) }
                == "\(paths[0]):1:1: this build of rapport has no mailbox reader")
    }

    @Test func theArchiveIsReadFirstAndEveryReaderSeesTheSameIdentity() throws {
        let calls = Calls()
        let existing = NetworkData(people: [Person(id: "me", firstName: "Me")])
        let reading = try EvidenceSources.read(
            [
                ("mail.mbox", .mbox, nil), ("Basic_LinkedInDataExport", .linkedinArchive, nil),
                ("cal.ics", .ics, Array("x".utf8)),
            ],
            existing: existing, myEmails: ["avery@example.com"], asOf: Day(iso: "2026-11-20")!,
            readers: Self.readers(calls))
        // The mailbox comes first on the command line, and already knows the archive's address.
        #expect(calls.identities.count == 3)
        #expect(calls.identities.allSatisfy { $0.emails == ["aq@work.example", "avery@example.com"] })
        #expect(
            reading.evidence.files.map(\.path) == ["mail.mbox", "Basic_LinkedInDataExport/messages.csv", "cal.ics"])
        #expect(reading.contactFiles.map(\.path) == ["Basic_LinkedInDataExport/Connections.csv"])
        #expect(reading.evidence.ignoredFiles == ["Basic_LinkedInDataExport/Ad_Targeting.csv"])

        // Connections first, then the evidence: Noor is a connection, matched by name, and learns her address.
        let outcome = try Importer.merge(existing: existing, files: reading.contactFiles, evidence: reading.evidence)
        #expect(outcome.report.peopleNew == 1)
        #expect(outcome.data.people.map(\.displayName) == ["Avery", "Noor Haddad"])
        #expect(outcome.evidence.map { $0.matched[.name] ?? 0 } == [1, 0, 0])
        #expect(outcome.evidence.map { $0.matched[.email] ?? 0 } == [0, 1, 1])
        #expect(outcome.report.interactionsNew == 3)
        #expect(outcome.ignoredFiles == ["Basic_LinkedInDataExport/Ad_Targeting.csv"])
    }

    @Test func aMailboxWithoutTheUsersAddressSaysToGiveIt() throws {
        // The real mailbox reader: no address in the workspace and no message labelled Sent.
        let path = NSTemporaryDirectory() + "rapport-no-owner-\(UUID().uuidString).mbox"
        try Data(
            "From x@example.org Mon Jan  5 10:00:00 2026\nFrom: Noor Haddad <noor@example.org>\nTo: someone@example.org\nDate: Mon, 5 Jan 2026 10:00:00 +0000\nMessage-ID: <1@example.org>\n\nHello\n"
                .utf8
        ).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = errorText {
            _ = try EvidenceSources.read(
                [(path, .mbox, nil)], existing: NetworkData(people: [Person(id: "me", firstName: "Me")]),
                myEmails: [], asOf: Day(iso: "2026-11-20")!, readers: .standard)
        }
        #expect(
            text
                == "\(path):1:1: the mailbox needs your own e-mail address to tell your side from theirs, and neither the workspace nor the file gives one; give it with --my-email ADDRESS (repeatable), which also stores it"
        )
    }
}
