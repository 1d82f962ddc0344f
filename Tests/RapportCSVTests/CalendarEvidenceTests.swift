import Foundation
import Rapport
import Testing

@testable import RapportCSV

/// Calendar occurrences → evidence records, on the three real-shaped exports. Every expected
/// value was computed by hand from the fixture's text (dates, zones, attendees, durations).
@Suite struct CalendarEvidenceTests {
    /// A record as one comparable line: date, key's start, party, one-on-one, minutes, initiator,
    /// reciprocated.
    func line(_ r: EvidenceRecord) -> String {
        let stamp = r.key.split(separator: "|").dropFirst().first.map(String.init) ?? "?"
        let who = r.party.email ?? "(\(r.party.name))"
        let initiator = r.initiatedBy?.rawValue ?? "-"
        return
            "\(r.date) \(stamp) \(who) \(r.isOneOnOne ? "1:1" : "group") \(r.minutes.map(String.init) ?? "-") \(initiator) \(r.reciprocated)"
    }

    @Test func googleExport() throws {
        let file = try calendarFixture("google.ics")
        // The address comes from X-WR-CALNAME: Google names the calendar after the account.
        let evidence = try file.evidence(for: SelfIdentity(), asOf: day("2024-06-30"))
        #expect(evidence.warnings.isEmpty)
        #expect(evidence.records.allSatisfy { $0.source == .calendar && $0.kind == .meeting })
        #expect(
            evidence.records.map(line) == [
                // Weekly one-on-one with Zoë: she never answered the series (NEEDS-ACTION) but accepted the
                // moved instance, whose key keeps its RECURRENCE-ID (March 19, 09:30 EDT).
                "2024-02-13 20240213T143000Z zoe.lefevre@example.org 1:1 30 me false",
                "2024-02-20 20240220T143000Z zoe.lefevre@example.org 1:1 30 me false",
                "2024-03-05 20240305T143000Z zoe.lefevre@example.org 1:1 30 me false",
                "2024-03-20 20240319T133000Z zoe.lefevre@example.org 1:1 45 me true",
                "2024-04-02 20240402T133000Z zoe.lefevre@example.org 1:1 30 me false",
                // Monthly reading group, first Thursday 18:00–19:30 New York, organized by Kwame; Luis
                // declined, the room is no one.
                "2024-01-04 20240104T230000Z kwame@mensah.example group 90 them true",
                "2024-01-04 20240104T230000Z priya.raman@example.net group 90 - true",
                "2024-01-04 20240104T230000Z berenice.moreau@example.fr group 90 - false",
                "2024-02-01 20240201T230000Z kwame@mensah.example group 90 them true",
                "2024-02-01 20240201T230000Z priya.raman@example.net group 90 - true",
                "2024-02-01 20240201T230000Z berenice.moreau@example.fr group 90 - false",
                "2024-03-07 20240307T230000Z kwame@mensah.example group 90 them true",
                "2024-03-07 20240307T230000Z priya.raman@example.net group 90 - true",
                "2024-03-07 20240307T230000Z berenice.moreau@example.fr group 90 - false",
                "2024-04-04 20240404T220000Z kwame@mensah.example group 90 them true",
                "2024-04-04 20240404T220000Z priya.raman@example.net group 90 - true",
                "2024-04-04 20240404T220000Z berenice.moreau@example.fr group 90 - false",
                "2024-05-02 20240502T220000Z kwame@mensah.example group 90 them true",
                "2024-05-02 20240502T220000Z priya.raman@example.net group 90 - true",
                "2024-05-02 20240502T220000Z berenice.moreau@example.fr group 90 - false",
                // Coffee in UTC organized by Priya; the user never answered but it is on their calendar.
                "2024-06-18 20240618T150000Z priya.raman@example.net 1:1 45 them true",
            ])
        #expect(
            evidence.skipped == [
                "cancelled": 2, "all-day": 1, "declined": 1, "more than 20 attendees": 1, "no other attendee": 2,
                "attendee declined": 5, "room or resource": 5,
            ])
        let zoe = try #require(evidence.records.first)
        #expect(zoe.party.name == "Zoë Lefèvre")
        #expect(zoe.key == "3k9d2f7q1m8v4c6b0a5e1g2h3i@google.com|20240213T143000Z|zoe.lefevre@example.org")
        #expect(zoe.location == SourceLocation(path: "google.ics", line: 26, column: 1))
        #expect(evidence.records[7].party.name == "Bérénice Moreau")
    }

    @Test func outlookExportNeedsTheUsersAddress() throws {
        let file = try calendarFixture("outlook.ics")
        #expect(
            errorText { _ = try file.evidence(for: SelfIdentity(names: ["Avery Quinn"]), asOf: day("2024-11-30")) }
                == "outlook.ics:10:1: the calendar needs your own e-mail address to tell your side from theirs, and neither the workspace nor the file gives one; give it with --my-email ADDRESS (repeatable), which also stores it"
        )
        let evidence = try file.evidence(
            for: SelfIdentity(emails: ["Avery.Quinn@northwind-legal.example"]), asOf: day("2024-11-30"))
        #expect(
            evidence.records.map(line) == [
                // Weekly, W. Europe Standard Time, across the change to summer time on March 31;
                // Outlook writes no PARTSTAT, so no answer is known.
                "2024-03-14 20240314T090000Z zoe.lefevre@example.org 1:1 30 me false",
                "2024-03-21 20240321T090000Z zoe.lefevre@example.org 1:1 30 me false",
                "2024-03-28 20240328T090000Z zoe.lefevre@example.org 1:1 30 me false",
                "2024-04-04 20240404T080000Z zoe.lefevre@example.org 1:1 30 me false",
                // Last Friday 16:00 Pacific: the local date, not the UTC one.
                "2024-01-26 20240127T000000Z sean.obrien@legalaid.example group 60 them true",
                "2024-01-26 20240127T000000Z amelie@dubois.example group 60 - false",
                "2024-02-23 20240224T000000Z sean.obrien@legalaid.example group 60 them true",
                "2024-02-23 20240224T000000Z amelie@dubois.example group 60 - false",
                "2024-03-29 20240329T230000Z sean.obrien@legalaid.example group 60 them true",
                "2024-03-29 20240329T230000Z amelie@dubois.example group 60 - false",
                "2024-04-26 20240426T230000Z sean.obrien@legalaid.example group 60 them true",
                "2024-04-26 20240426T230000Z amelie@dubois.example group 60 - false",
                "2024-05-31 20240531T230000Z sean.obrien@legalaid.example group 60 them true",
                "2024-05-31 20240531T230000Z amelie@dubois.example group 60 - false",
                // The user is not listed: the export is their own calendar, so they attended.
                "2024-10-17 20241017T130000Z kwame@mensah.example group 60 them true",
                "2024-10-17 20241017T130000Z dana@okafor.example group 60 - false",
                "2024-10-31 20241031T140000Z kwame@mensah.example group 60 them true",
                "2024-10-31 20241031T140000Z dana@okafor.example group 60 - false",
                "2024-11-14 20241114T140000Z kwame@mensah.example group 60 them true",
                "2024-11-14 20241114T140000Z dana@okafor.example group 60 - false",
            ])
        #expect(evidence.records[0].party.name == "Lefèvre, Zoë")
        #expect(evidence.skipped == ["all-day": 1, "room or resource": 4])
    }

    @Test func appleExport() throws {
        let file = try calendarFixture("apple.ics")
        let evidence = try file.evidence(
            for: SelfIdentity(emails: ["avery.quinn@icloud.example"]), asOf: day("2024-06-30"))
        let expected =
            ["2021", "2022", "2023", "2024"].map { "\($0)-06-10 \($0)0610T113000Z dana@okafor.example 1:1 90 me true" }
            + ["03-25", "03-26", "03-27", "03-28", "04-02", "04-03", "04-04", "04-05"].flatMap { date -> [String] in
                let stamp = "2024" + date.replacingOccurrences(of: "-", with: "")
                let time = date < "04-01" ? "T091500Z" : "T081500Z"
                return [
                    "2024-\(date) \(stamp)\(time) priya.raman@example.net group 15 them true",
                    "2024-\(date) \(stamp)\(time) kwame@mensah.example group 15 - true",
                ]
            }
            + [
                // Floating 12:00, read in X-WR-TIMEZONE (Europe/London, summer time).
                "2024-05-01 20240501T110000Z sean.obrien@legalaid.example group 60 me true",
                "2024-05-01 20240501T110000Z (Guest) group 60 me false",
                "2024-05-22 20240522T150000Z amelie@dubois.example 1:1 60 them true",
                "2024-06-13 20240613T160000Z luis.garcia@fenwick.example 1:1 45 me true",
                "2024-06-20 20240620T160000Z luis.garcia@fenwick.example 1:1 45 me true",
            ]
        #expect(evidence.records.map(line) == expected)
        #expect(evidence.skipped == [:])
        let guest = try #require(evidence.records.first { $0.party.email == nil })
        #expect(guest.key == "D4E5F6A7-B8C9-4D0E-8F1A-2B3C4D5E6F70|20240501T110000Z|cn:guest")
    }

    @Test func keysAreStableAndANewerExportOnlyAdds() throws {
        let me = SelfIdentity(emails: ["avery.quinn@icloud.example"])
        let first = try calendarFixture("apple.ics").evidence(for: me, asOf: day("2024-04-03"))
        let again = try calendarFixture("apple.ics").evidence(for: me, asOf: day("2024-04-03"))
        #expect(first.records.map(\.key) == again.records.map(\.key))
        #expect(Set(first.records.map(\.key)).count == first.records.count)
        let later = try calendarFixture("apple.ics").evidence(for: me, asOf: day("2024-06-30"))
        let firstKeys = Set(first.records.map(\.key))
        #expect(firstKeys.isSubset(of: Set(later.records.map(\.key))))
        // April 4 and 5 standups (2 × 2), the 2024 lunch, May 1 (2), May 22, June 13 and 20.
        #expect(later.records.count - first.records.count == 2 * 2 + 1 + 2 + 1 + 2)
        // Re-reading with CRLF turned into LF gives the same keys.
        let lf = try fixture("calendar/apple.ics").filter { $0 != 0x0D }
        let relf = try CalendarFile.parse(path: "apple.ics", data: lf).evidence(for: me, asOf: day("2024-04-03"))
        #expect(relf.records.map(\.key) == first.records.map(\.key))
    }

    @Test func capHitIsAWarningAndTheLatestThousandAreKept() throws {
        let file = try CalendarFile.parse(
            path: "daily.ics",
            data: calendar([
                "BEGIN:VEVENT", "UID:standup", "DTSTART:20200101T090000Z", "DTEND:20200101T091500Z", "RRULE:FREQ=DAILY",
                "ORGANIZER:mailto:avery@example.com", "ATTENDEE;PARTSTAT=ACCEPTED:mailto:kwame@mensah.example",
                "END:VEVENT",
            ]))
        let evidence = try file.evidence(for: SelfIdentity(), asOf: day("2024-06-30"))
        #expect(
            evidence.warnings.map(\.description) == [
                "daily.ics:5:1: warning: more than 1000 occurrences up to 2024-06-30; only the latest 1000 are counted"
            ])
        #expect(evidence.records.count == 1000)
        #expect(evidence.records.last?.date == day("2024-06-30"))
        #expect(evidence.records.first?.date == day("2024-06-30").adding(days: -999))
        #expect(evidence.records.allSatisfy { $0.isOneOnOne && $0.minutes == 15 && $0.initiatedBy == .me })
    }

    @Test func declinedCancelledCrowdsAndRoomsInline() throws {
        func skipped(_ attendees: [String], status: String? = nil) throws -> ([String], [String: Int]) {
            let file = try CalendarFile.parse(
                path: "i.ics",
                data: calendar(
                    ["BEGIN:VEVENT", "UID:i", "DTSTART:20240301T100000Z", "DURATION:PT1H"]
                        + (status.map { ["STATUS:" + $0] } ?? [])
                        + attendees + ["END:VEVENT"]))
            let evidence = try file.evidence(for: SelfIdentity(emails: ["me@x.example"]), asOf: day("2024-03-31"))
            return (evidence.records.compactMap(\.party.email), evidence.skipped)
        }
        let me = "ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@x.example"
        let ann = "ATTENDEE;PARTSTAT=ACCEPTED;CN=Ann:mailto:ann@x.example"
        #expect(try skipped([me, ann]) == (["ann@x.example"], [:]))
        #expect(try skipped([me, ann], status: "CANCELLED") == ([], ["cancelled": 1]))
        #expect(try skipped(["ATTENDEE;PARTSTAT=DECLINED:mailto:ME@X.example", ann]) == ([], ["declined": 1]))
        #expect(try skipped([me]) == ([], ["no other attendee": 1]))
        #expect(try skipped([]) == ([], ["no other attendee": 1]))
        #expect(
            try skipped([me, "ATTENDEE;CUTYPE=ROOM;CN=Boardroom:mailto:board@x.example"]) == (
                [], ["no other attendee": 1]
            ))
        #expect(
            try skipped([
                me, ann, "ATTENDEE;CUTYPE=ROOM:mailto:board@x.example",
                "ATTENDEE;PARTSTAT=DECLINED:mailto:bo@x.example",
            ])
                == (["ann@x.example"], ["room or resource": 1, "attendee declined": 1]))
        // 20 people (the user and 19 others) are still a meeting; 21 are a crowd.
        let nineteen = (1...19).map { "ATTENDEE:mailto:p\($0)@x.example" }
        #expect(try skipped([me] + nineteen).0.count == 19)
        #expect(try skipped([me] + nineteen + ["ATTENDEE:mailto:p20@x.example"]) == ([], ["more than 20 attendees": 1]))
        // Without the user listed, the 20 are counted with the user: a crowd too.
        #expect(try skipped(nineteen + ["ATTENDEE:mailto:p20@x.example"]).1 == ["more than 20 attendees": 1])
        // The organizer listed again as an attendee is one person.
        let both = try skipped([me, "ORGANIZER;CN=Ann:mailto:ann@x.example", ann])
        #expect(both.0 == ["ann@x.example"])
    }

    @Test func evidenceHoldsNoContent() throws {
        let evidence = try calendarFixture("google.ics").evidence(for: SelfIdentity(), asOf: day("2024-06-30"))
        let dump = String(describing: evidence)
        for phrase in ["Confidential subject line", "claims construction", "Bring notes"] {
            #expect(!dump.contains(phrase))
        }
    }
}
