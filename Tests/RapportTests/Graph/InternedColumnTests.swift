import Testing
@testable import Rapport

@Suite struct InternedColumnTests {
    /// Rows by bytes, rows by `String`, and parts joined: every row reads back its own value, and
    /// equal byte strings share one code. The expectation is a dictionary keyed by the bytes.
    @Test func equalBytesShareACodeAndEveryRowReadsBack() {
        // "é" precomposed and decomposed are equal `String`s but different bytes: two values.
        let rows = [
            "Olson & Chen LLP", "", "Riley & Harrison LLP", "caf\u{e9}", "cafe\u{301}", "Olson & Chen LLP", "",
            "Zoë 🚀 \"quoted\", <b>", "caf\u{e9}",
        ]
        var builder = InternedColumnBuilder()
        for (i, row) in rows.enumerated() {
            if i % 2 == 0 {
                var row = row
                row.withUTF8 { builder.append(UnsafeRawBufferPointer($0)) }
            } else {
                builder.append(row)
            }
        }
        let column = builder.build()
        #expect((0..<rows.count).map { column[$0] } == rows)
        var distinct: [[UInt8]: Int32] = [:]
        for (i, row) in rows.enumerated() {
            let code = column.codes[i]
            #expect(distinct[Array(row.utf8), default: code] == code)
            distinct[Array(row.utf8)] = code
        }
        #expect(column.values.count == distinct.count)
        #expect(column.values.count == 6)
    }

    /// Two parts joined give the same rows as one builder, and a value in both parts is stored once.
    @Test func partsJoinIntoOneColumn() {
        let first = ["a", "b", "a", "shared"], second = ["shared", "c", "b", "c", "d"]
        func part(_ rows: [String], interning: Bool = true) -> InternedColumnBuilder {
            var b = InternedColumnBuilder(interning: interning)
            for r in rows {
                var r = r
                r.withUTF8 { b.append(UnsafeRawBufferPointer($0)) }
            }
            return b
        }
        var joined = part(first)
        joined.append(contentsOf: part(second))
        let column = joined.build()
        #expect((0..<column.count).map { column[$0] } == first + second)
        #expect(column.values.count == 5)  // a, b, shared, c, d
        #expect(column.codes == [0, 1, 0, 2, 2, 3, 1, 3, 4])

        // Without interning every row keeps its own copy.
        var plain = part(first, interning: false)
        plain.append(contentsOf: part(second, interning: false))
        let copies = plain.build()
        #expect((0..<copies.count).map { copies[$0] } == first + second)
        #expect(copies.values.count == 9)
    }

    /// Enough distinct values to grow the table several times; every value still found again.
    @Test func theTableGrowsWithoutLosingValues() {
        var builder = InternedColumnBuilder()
        for i in 0..<5_000 { builder.append("org \(i % 1_300)") }
        let column = builder.build()
        #expect(column.values.count == 1_300)
        #expect((0..<5_000).allSatisfy { column[$0] == "org \($0 % 1_300)" })
        #expect((0..<5_000).allSatisfy { Int(column.codes[$0]) == $0 % 1_300 })
    }
}
