import Testing

@testable import Rapport

/// One two-decimal rule everywhere: half away from zero on the decimal a person reads. Expected
/// values by hand (and Python's `decimal.Decimal(repr(x)).quantize(Decimal("0.01"), ROUND_HALF_UP)`).
@Suite struct NumberFormatTests {
    @Test func halvesRoundAwayFromZeroOnTheDecimalValue() {
        #expect(NumberFormat.twoDecimals(0.125) == "0.13")  // "%.2f" gives 0.12 (binary 0.125 is exact, ties to even)
        #expect(NumberFormat.twoDecimals(0.145) == "0.15")  // stored as 0.1449999…; "%.2f" gives 0.14
        #expect(NumberFormat.twoDecimals(1.005) == "1.01")
        #expect(NumberFormat.twoDecimals(2.675) == "2.68")
        #expect(NumberFormat.twoDecimals(-0.125) == "-0.13")
        #expect(NumberFormat.twoDecimals(0.124999) == "0.12")
    }

    @Test func paddingCarriesAndZero() {
        #expect(NumberFormat.twoDecimals(0.5) == "0.50")
        #expect(NumberFormat.twoDecimals(1) == "1.00")
        #expect(NumberFormat.twoDecimals(0) == "0.00")
        #expect(NumberFormat.twoDecimals(9.995) == "10.00")
        #expect(NumberFormat.twoDecimals(2.996) == "3.00")
        #expect(NumberFormat.twoDecimals(0.05) == "0.05")
        #expect(NumberFormat.twoDecimals(0.005) == "0.01")
        #expect(NumberFormat.twoDecimals(-0.001) == "0.00")
        #expect(NumberFormat.twoDecimals(1e-05) == "0.00")
        #expect(NumberFormat.twoDecimals(123456.789) == "123456.79")
        #expect(NumberFormat.twoDecimals(1.5e16) == "15000000000000000.00")
        #expect(NumberFormat.twoDecimals(.nan) == "–")
        #expect(NumberFormat.twoDecimals(.infinity) == "–")
    }

    @Test func otherPrecisions() {
        #expect(NumberFormat.decimal(0.0625, digits: 3) == "0.063")
        #expect(NumberFormat.decimal(4.25, digits: 1) == "4.3")
        #expect(NumberFormat.decimal(2.5, digits: 0) == "3")
        #expect(NumberFormat.decimal(0.4, digits: 0) == "0")
    }
}
