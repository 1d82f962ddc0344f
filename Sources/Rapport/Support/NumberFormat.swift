/// How Rapport prints a score, a strength or a reach: one rule for the terminal, the report, the
/// diagrams, the CSV files and the explanations.
///
/// **Rounding rule:** round half away from zero on the decimal value as a person reads it — the
/// shortest decimal that reads back as the same `Double` (Swift's `description`, Steele & White /
/// Ryū: 0.125 is `0.125`, 0.145 is `0.145`) — not on the binary value underneath (0.145 is stored as
/// 0.14499999999999999). So `twoDecimals(0.125)` is `0.13` and `twoDecimals(0.145)` is `0.15`,
/// where `String(format: "%.2f")` gives `0.12` and `0.14`. A period whatever the locale; no sign on
/// a value that rounds to zero (`-0.001` → `0.00`); a value that is not finite prints `–`.
public enum NumberFormat {
    /// `value` with two decimals: `0.5` → `0.50`, `0.125` → `0.13`, `1` → `1.00`.
    /// - Complexity: O(digits).
    public static func twoDecimals(_ value: Double) -> String { decimal(value, digits: 2) }

    /// `value` with `digits` decimals (0 to 17) under the rule above: `decimal(0.0625, digits: 3)`
    /// is `0.063`, `decimal(2.5, digits: 0)` is `3`.
    /// - Complexity: O(digits of the value).
    public static func decimal(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "–" }
        let places = min(max(digits, 0), 17)
        var (mantissa, pointAt) = decimalDigits(of: abs(value))
        // `mantissa` holds the digits d₀d₁…, and the value is 0.d₀d₁… × 10^pointAt.
        let keep = pointAt + places
        if keep < 0 {
            mantissa = []
        } else if keep < mantissa.count {
            let roundUp = mantissa[keep] >= 5
            mantissa.removeSubrange(keep...)
            if roundUp {
                var i = keep - 1
                while i >= 0, mantissa[i] == 9 {
                    mantissa[i] = 0
                    i -= 1
                }
                if i >= 0 {
                    mantissa[i] += 1
                } else {
                    mantissa.insert(1, at: 0)
                    pointAt += 1
                }
            }
        }
        // Lay the digits out: integer part, then exactly `places` decimals.
        var integer = ""
        var fraction = ""
        for position in 0..<max(pointAt, 0) { integer += digit(mantissa, position) }
        for position in pointAt..<(pointAt + places) { fraction += digit(mantissa, position) }
        integer = String(integer.drop(while: { $0 == "0" }))
        if integer.isEmpty { integer = "0" }
        let isZero = mantissa.allSatisfy { $0 == 0 }
        let sign = value < 0 && !isZero ? "-" : ""
        return sign + integer + (places > 0 ? "." + fraction : "")
    }

    /// The digit at `position` of 0.d₀d₁… (0 outside the digits), as text.
    private static func digit(_ mantissa: [UInt8], _ position: Int) -> String {
        position >= 0 && position < mantissa.count ? String(mantissa[position]) : "0"
    }

    /// The shortest decimal digits of `value` (≥ 0) and where the point goes: `0.125` → ([1,2,5], 0),
    /// `12.5` → ([1,2,5], 2), `1e-05` → ([1], -4).
    private static func decimalDigits(of value: Double) -> (digits: [UInt8], pointAt: Int) {
        let text = value.description  // shortest round-trip form: "0.125", "12.5", "1e-05", "1.5e+16"
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        var digits: [UInt8] = []
        var pointAt = 0
        var seenPoint = false
        for character in parts[0] {
            if character == "." {
                seenPoint = true
            } else if let d = character.wholeNumberValue {
                digits.append(UInt8(d))
                if !seenPoint { pointAt += 1 }
            }
        }
        // Leading zeros move the point left: "0.0625" is 0.625 × 10^-1.
        while let first = digits.first, first == 0, digits.count > 1 {
            digits.removeFirst()
            pointAt -= 1
        }
        return (digits, pointAt + exponent)
    }
}
