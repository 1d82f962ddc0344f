import Testing
@testable import Rapport

@Suite struct DayTests {
    @Test func epochAndKnownOrdinals() {
        #expect(Day(iso: "1970-01-01")?.ordinal == 0)
        // 2026-11-01 is 20,758 days after the epoch (date -d 2026-11-01 +%s / 86400).
        #expect(Day(iso: "2026-11-01")?.ordinal == 20_758)
        #expect(Day(iso: "2000-02-29")?.ordinal == 11_016)
    }

    @Test func roundTripsEveryDayOfFourCenturies() {
        var day = Day(year: 1800, month: 1, day: 1)!
        let end = Day(year: 2200, month: 12, day: 31)!
        while day <= end {
            #expect(Day(iso: day.iso) == day)
            day = day.adding(days: 1)
        }
    }

    @Test func rejectsImpossibleDates() {
        for text in ["2026-02-31", "2026-02-29", "1900-02-29", "0000-01-01", "2026-13-01", "2026-00-10", "2026-1-01", "26-01-01", "2026/01/01", ""] {
            #expect(Day(iso: text) == nil, "\(text)")
        }
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2000-02-29") != nil)
    }

    @Test func daysBetween() {
        let a = Day(iso: "2026-04-15")!, b = Day(iso: "2026-11-01")!
        #expect(a.days(until: b) == 200)
        #expect(b.days(until: a) == -200)
    }
}

extension DayTests {
    @Test func bytesParseLikeStrings() {
        for text in ["2026-11-01", "2024-02-29", "2023-02-29", "0001-01-01", "9999-12-31", "2026-1-01", "2026/11/01", "", "2026-11-0x", "20261101xx"] {
            let bytes = Array(text.utf8)
            #expect(Day(isoBytes: bytes) == Day(iso: text), "\(text)")
            // A slice that does not start at index 0 reads the same.
            let padded = Array("xx".utf8) + bytes
            #expect(Day(isoBytes: padded[2...]) == Day(iso: text), "\(text) in a slice")
        }
        #expect(Day(isoBytes: Array("2026-11-01".utf8)) == Day(year: 2026, month: 11, day: 1))
    }
}

@Suite struct NameKeyTests {
    @Test func legalSuffixesAndPunctuationFold() {
        #expect(NameKey.organization("Wilson Sonsini Goodrich & Rosati, P.C.") == NameKey.organization("wilson sonsini goodrich & rosati"))
        #expect(NameKey.organization("Google LLC") == NameKey.organization("Google"))
        #expect(NameKey.organization("Acme Holdings, Inc.") == "acme holdings")
        #expect(NameKey.organization("Goldman Sachs & Co.") == "goldman sachs")
        #expect(NameKey.organization("Baker, Lowe & Finch LLP") == "baker lowe and finch")
        #expect(NameKey.organization("Müller GmbH") == NameKey.organization("MULLER gmbh"))
    }

    @Test func aNameMadeOnlyOfSuffixesKeepsOne() {
        #expect(NameKey.organization("LLC") == "llc")
    }

    @Test func distinctFirmsStayDistinct() {
        #expect(NameKey.organization("Zeta & Co.") != NameKey.organization("Zeta Partners"))
    }

    @Test func personKeysFoldAccentsAndApostrophes() {
        #expect(NameKey.person("José Núñez") == "jose nunez")
        #expect(NameKey.person("Robert  O'Neil") == "robert oneil")
        #expect(NameKey.person("Zoë Müller") == NameKey.person("zoe muller"))
    }
}
