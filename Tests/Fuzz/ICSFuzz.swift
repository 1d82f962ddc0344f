// libFuzzer entry point for the calendar reader (RapportCSV/Evidence/Calendar): content lines and
// unfolding, parameters, components, date-times and VTIMEZONEs, RRULE expansion and the evidence.
// Linked against the instrumented RapportCSV by Tests/Fuzz/build.sh; not part of the package.
//
// Besides "no crash, no hang" (the expansion is bounded per event and per file), it checks the
// reader's promises: at most `cap` occurrences per event and none after the day asked for, unique
// dedupe keys, lowercased addresses, and every error with a line and column of at least 1.

import Rapport
@testable import RapportCSV

/// 2030-12-31: late enough that fuzzed rules from the seeds expand for years.
private let asOf = Day(ordinal: 22_279)
private let cap = 50

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzICS(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = CalendarFile.looksLikeCalendar(bytes)
    let file: CalendarFile
    do {
        file = try CalendarFile.parse(path: "fuzz.ics", data: bytes)
    } catch {
        precondition(error.location.line >= 1 && error.location.column >= 1, "error without a location: \(error)")
        return 0
    }
    let (occurrences, capped) = file.occurrences(through: asOf, cap: cap)
    var perEvent: [String: Int] = [:]
    for occurrence in occurrences {
        precondition(occurrence.day <= asOf, "an occurrence after the day asked for")
        precondition(file.events.indices.contains(occurrence.eventIndex), "occurrence of no event")
        precondition(occurrence.length >= 0, "negative length")
        perEvent[occurrence.uid, default: 0] += 1
    }
    precondition(perEvent.values.allSatisfy { $0 <= cap }, "more than cap occurrences for one event")
    precondition(Set(capped).count == capped.count, "an event listed twice as capped")
    do {
        let evidence = try file.evidence(for: SelfIdentity(emails: ["me@x.example"]), asOf: asOf)
        precondition(Set(evidence.records.map(\.key)).count == evidence.records.count, "duplicate dedupe key")
        for record in evidence.records {
            precondition(record.source == .calendar && record.kind == .meeting)
            precondition(record.date <= asOf, "evidence after the day asked for")
            precondition(record.party.email.map { $0 == $0.lowercased() } ?? true, "address not lowercased")
            precondition(record.party.email != "me@x.example", "the user as their own party")
            precondition(record.minutes.map { $0 > 0 } ?? true, "a zero-minute meeting")
        }
        precondition(evidence.skipped.values.allSatisfy { $0 > 0 }, "a zero skip count")
    } catch {
        precondition(error.location.line >= 1 && error.location.column >= 1, "error without a location: \(error)")
    }
    return 0
}
