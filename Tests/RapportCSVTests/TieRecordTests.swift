import Rapport
import Testing
@testable import RapportCSV

/// `TieRecord` is stored compactly (a shared context for a file's path and column names); its
/// public properties still read and write every field, and equality and hashing go by them.
@Suite struct TieRecordTests {
    static let location = SourceLocation(path: "ties.csv", line: 7, column: 1)
    static let a = PersonReference("p1", column: "person_a", at: SourceLocation(path: "ties.csv", line: 7, column: 1))
    static let b = PersonReference("ann@x.org", column: "person_b", at: SourceLocation(path: "ties.csv", line: 8, column: 4))

    @Test func fitsInEightyBytes() {
        // Was 176: ten million of them set the peak of a million-person import.
        #expect(MemoryLayout<TieRecord>.stride <= 80)
    }

    @Test func readsBackWhatItWasGiven() {
        let record = TieRecord(personA: Self.a, personB: Self.b, kind: .mentor, since: Day(iso: "2020-02-29"), location: Self.location)
        #expect(record.personA == Self.a)
        #expect(record.personB == Self.b)
        #expect(record.location == Self.location)
        #expect(record.kind == .mentor)
        #expect(record.since == Day(iso: "2020-02-29"))
    }

    @Test func settersReplaceOneFieldAndKeepTheOthers() {
        var record = TieRecord(personA: Self.a, personB: Self.b, kind: .friend, since: nil, location: Self.location)
        let other = PersonReference("Ann Lee", column: "with", at: SourceLocation(path: "other.csv", line: 2, column: 9))
        record.personB = other
        #expect(record.personB == other)
        #expect(record.personA == Self.a)
        record.location = SourceLocation(path: "moved.csv", line: 3, column: 1)
        #expect(record.location == SourceLocation(path: "moved.csv", line: 3, column: 1))
        #expect(record.personB == other)
        #expect(record.personA == Self.a)
    }

    @Test func equalRecordsAreEqualWhateverContextTheyShare() {
        let shared = TieRecord.Context(path: "ties.csv", aColumn: "person_a", bColumn: "person_b")
        let x = TieRecord(personA: Self.a, personB: Self.b, kind: .colleague, since: nil, location: Self.location, sharing: shared)
        let y = TieRecord(personA: Self.a, personB: Self.b, kind: .colleague, since: nil, location: Self.location)
        #expect(x == y)
        #expect(Set([x, y]).count == 1)
        var z = y
        z.kind = .family
        #expect(x != z)
        // A record whose columns differ from the shared context's keeps its own.
        let c = PersonReference("p2", column: "other", at: SourceLocation(path: "ties.csv", line: 7, column: 5))
        let w = TieRecord(personA: c, personB: Self.b, kind: .colleague, since: nil, location: Self.location, sharing: shared)
        #expect(w.personA == c)
    }
}
