import Foundation
import Testing

@testable import Rapport

/// Every layout of `IdentifierTable` (the id → node map of snapshots and of the bench's loader).
@Suite("IdentifierTable")
struct IdentifierTableTests {
    static func table(_ ids: [String]) throws -> IdentifierTable {
        var table = IdentifierTable()
        for id in ids { table.append(id) }
        try table.build()
        return table
    }

    static func expectLookups(_ table: IdentifierTable, _ ids: [String], absent: [String]) {
        for (i, id) in ids.enumerated() {
            #expect(table.index(of: id) == Int32(i))
            #expect(table.id(at: Int32(i)) == id)
        }
        for id in absent { #expect(table.index(of: id) == nil, "\(id)") }
    }

    @Test func consecutiveNumbersNeedNoArray() throws {
        let ids = (5..<105).map { String(format: "p%06d", $0) }
        let table = try Self.table(ids)
        #expect(table.isNumeric)
        Self.expectLookups(table, ids, absent: ["p000004", "p000105", "p00010", "q000005", "p00001x", ""])
    }

    @Test func shuffledNumbersUseTheNumberTable() throws {
        let ids = ["A-0042", "A-0007", "A-0100", "A-0001"]
        let table = try Self.table(ids)
        #expect(table.isNumeric)
        Self.expectLookups(table, ids, absent: ["A-0002", "A-0101", "A-9999", "B-0042"])
        #expect(throws: IdentifierTableError.duplicate("A-0007")) { try Self.table(["A-0007", "A-0001", "A-0007"]) }
    }

    @Test func aFewIdsOfAnotherShapeAreHashedBesideTheNumbers() throws {
        // A workspace: the user first, then a directory in id order; a late addition by name.
        let ids = ["me"] + (0..<200).map { String(format: "p%06d", $0) } + ["zoë"]
        let table = try Self.table(ids)
        #expect(table.isNumeric)
        Self.expectLookups(table, ids, absent: ["p000200", "p-00001", "you", "m", "p00000"])
        // The same with the numbers shuffled: the number table, still with the exceptions.
        let shuffled = ["me"] + (0..<200).map { String(format: "p%06d", ($0 * 37) % 200) } + ["zoë"]
        let table2 = try Self.table(shuffled)
        #expect(table2.isNumeric)
        Self.expectLookups(table2, shuffled, absent: ["p000200", "you"])
        #expect(throws: IdentifierTableError.duplicate("me")) { try Self.table(ids + ["me"]) }
        #expect(throws: IdentifierTableError.duplicate("p000007")) { try Self.table(shuffled.filter { $0 != "zoë" } + ["p000007"]) }
        // Too many exceptions: hashed.
        let mixed = (0..<20).map { "name\($0)x" } + (0..<200).map { String(format: "p%06d", $0) }
        #expect(!(try Self.table(mixed)).isNumeric)
    }

    @Test func otherIdsAreHashed() throws {
        let ids = ["alice", "bob", "p000001", "", "Zoë", "p1"]
        let table = try Self.table(ids)
        #expect(!table.isNumeric)
        Self.expectLookups(table, ids, absent: ["carol", "p000002", "alic"])
        #expect(throws: IdentifierTableError.duplicate("bob")) { try Self.table(["bob", "alice", "bob"]) }
        // Numbers too sparse for a table fall back to hashing.
        let sparse = ["n1000000", "n0000001", "n0500000"]
        let hashed = try Self.table(sparse)
        #expect(!hashed.isNumeric)
        Self.expectLookups(hashed, sparse, absent: ["n0000002"])
    }
}
