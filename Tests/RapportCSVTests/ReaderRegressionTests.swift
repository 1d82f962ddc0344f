import Foundation
import Testing

@testable import RapportCSV

/// Regressions found while hardening the reader (issue 7): each pins the fixed behaviour.
@Suite struct ReaderRegressionTests {
    /// A quoted field made of doubled quotes (`""""…`) was copied whole at every pair: 400 KB took
    /// 34 s and 10 MB never finished. Now it is linear and stops at the field limit.
    /// Timed in this thread's CPU time (about 3 s in a debug build): the wall clock of a test that
    /// shares two cores with the rest of the suite ran past 5 s with nothing wrong.
    @Test func tenMegabytesOfDoubledQuotesStopAtTheFieldLimitQuickly() {
        let text = "id,first_name,last_name\np1,\"" + String(repeating: "\"\"", count: 5_000_000) + "\",Lee\n"
        let start = Self.threadCPUSeconds()
        let message = errorText { _ = try parse(text, path: "q.csv") }
        #expect(message == "q.csv:2:4: field larger than the limit of 1048576 bytes")
        #expect(Self.threadCPUSeconds() - start < 5)
    }

    /// CPU seconds the calling thread has used.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    @Test func fieldOfDoubledQuotesUnderTheLimitReadsAsQuotes() throws {
        // 200,000 doubled quotes (400,002 bytes with the outer quotes) are 200,000 quote characters.
        let text = "a\n\"" + String(repeating: "\"\"", count: 200_000) + "\"\n"
        let start = ContinuousClock.now
        let rows = try records(text)
        #expect(rows.count == 2)
        #expect(rows[1] == [String(repeating: "\"", count: 200_000)])
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func quotedFieldJustOverTheLimitIsRefusedWhereItOpens() {
        let limits = CSVLimits(maxFieldBytes: 8, maxColumns: 10, maxRows: 10)
        var reader = CSVReader(path: "s.csv", utf8: Array("x,\"a\"\"bcdefgh\"\n".utf8), limits: limits)
        #expect(
            errorText { _ = try reader.readAll() } == "s.csv:1:3: field larger than the limit of 8 bytes")
    }

    /// Found by fuzz-csv: a row ending in a delimiter at the very end of the file got one field more
    /// than the column limit (the last, empty field skipped the check).
    @Test func delimiterAtTheEndOfTheFileCountsTowardsTheColumnLimit() throws {
        let limits = CSVLimits(maxFieldBytes: 64, maxColumns: 3, maxRows: 10)
        var reader = CSVReader(path: "c.csv", utf8: Array("a,b,c,".utf8), limits: limits)
        #expect(errorText { _ = try reader.readAll() } == "c.csv:1:7: row has more than the limit of 3 columns")
        var exact = CSVReader(path: "c.csv", utf8: Array("a,b,".utf8), limits: limits)
        #expect(try exact.readAll().map(\.fields) == [["a", "b", ""]])
    }
}

/// Regressions of the bulk `RecordStream` found while making both CSV machines agree (issue 17).
@Suite struct BulkReaderRegressionTests {
    /// Text after a closing quote was dropped and an extra empty field added; `CSVReader` (and
    /// Python's csv) keep it as part of the field.
    @Test func textAfterAClosingQuoteStaysInTheField() throws {
        let text = "a,b,c\n\"ab\"cd,e,f\n\"x\"\"y\"z,2,3\n"
        #expect(try pythonCSV(text) == [["a", "b", "c"], ["abcd", "e", "f"], ["x\"yz", "2", "3"]])
        #expect(bulkRecords(text).rows == [["a", "b", "c"], ["abcd", "e", "f"], ["x\"yz", "2", "3"]])
        #expect(try records(text) == [["a", "b", "c"], ["abcd", "e", "f"], ["x\"yz", "2", "3"]])
    }

    /// A record holding a doubled-quote field and crossing the end of the 64 KiB buffer was
    /// unescaped in place, then parsed again after the refill from the rewritten bytes.
    @Test func doubledQuotesInARecordThatCrossesTheBufferEndReadOnce() throws {
        var text = "id,quote,tail\n"
        var n = 0
        while text.utf8.count < (1 << 16) - 12 {
            text += "r\(n),plain,x\n"
            n += 1
        }
        text += "rq,\"say \"\"hi\"\" twice\"," + String(repeating: "t", count: 40) + "\nlast,1,2\n"
        let expected = try pythonCSV(text)
        #expect(expected.last == ["last", "1", "2"])
        #expect(bulkRecords(text).rows == expected)
    }
}
