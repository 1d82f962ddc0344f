import Foundation
import Testing
@testable import Rapport

/// Issue 13: the snapshot carries each interaction's source and word count and each person's
/// former employers, through the builder and the file; a file of the format before them is stale.
@Suite struct SnapshotEvidenceTests {
    static func network() throws -> NetworkSnapshot {
        var b = NetworkBuilder()
        try b.add(Person(id: "me", firstName: "Avery", pastOrganizations: ["Halvorsen LLP", "Baker, \"Lowe\""]))
        try b.add(Person(id: "p1", firstName: "Zoë"))
        let day = try #require(Day(iso: "2023-06-11"))
        try b.add(
            Interaction(
                date: day, personID: "p1", kind: .message, initiatedBy: .them, source: .linkedin,
                sourceKey: "conv-1@15:33:58#1", words: 57))
        try b.add(
            Interaction(
                date: day, personID: "p1", kind: .meeting, minutes: 30, source: .calendar, sourceKey: "uid-9@2023-06-11"
            ))
        try b.add(
            Interaction(date: day, personID: "p1", kind: .email, isOneOnOne: false, source: .mail, sourceKey: "<m@x>"))
        try b.add(Interaction(date: day, personID: "p1", kind: .coffee))
        return try b.freeze()
    }

    @Test func sourceWordsAndPastOrganizationsSurviveTheBuilderAndTheFile() throws {
        let built = try Self.network()
        #expect(built.people[0].pastOrganizations == ["Halvorsen LLP", "Baker, \"Lowe\""])
        #expect(built.interactions.map(\.source) == [.linkedin, .calendar, .mail, .native])
        #expect(built.interactions.map(\.words) == [57, nil, nil, nil])
        // The dedupe key stays in the workspace: nothing analytic reads it.
        #expect(built.interactions.allSatisfy { $0.sourceKey == nil })
        let read = try NetworkSnapshot(snapshotBytes: built.encoded(key: "k"), key: "k")
        #expect(read.interactions == built.interactions)
        #expect(Array(read.people) == Array(built.people))
        #expect(read.people.pastOrganizations == built.people.pastOrganizations)
    }

    /// A file written by a format before this one (version 1 before sources, 2 with an offset per
    /// edge for the interactions, 3 with the graph's arrays unaligned, 4 with the ties' columns
    /// unaligned, 5 with the people's columns unaligned; the 8 bytes after the magic number) is
    /// rebuilt, never read as if its columns were these.
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt8]) func aFileOfAFormerVersionIsStale(version: UInt8) throws {
        var bytes = try Self.network().encoded(key: "k")
        #expect(bytes[8..<16].elementsEqual([6, 0, 0, 0, 0, 0, 0, 0]))
        bytes.replaceSubrange(8..<16, with: [version, 0, 0, 0, 0, 0, 0, 0])
        #expect(throws: SnapshotFileError.stale) { try NetworkSnapshot(snapshotBytes: bytes, key: "k") }
    }
}
