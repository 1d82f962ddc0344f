extension CalendarLines {
    /// Splits one unfolded line into name, parameters and value (RFC 5545 §3.1, §3.2):
    /// `name = iana-token / x-name`, `param = param-name "=" param-value *("," param-value)`,
    /// `param-value = paramtext / DQUOTE *QSAFE-CHAR DQUOTE`. A colon or semicolon inside a quoted
    /// value (`CN="Lefèvre, Zoë"`, Apple's `X-TITLE="a:b"`) does not end it.
    ///
    /// - Returns: `nil` when the line is not a content line (no name, no colon, an unclosed quote).
    /// - Complexity: O(n) in the line's length.
    static func split(_ bytes: [UInt8], segments: [Segment], path: String) -> CalendarContentLine? {
        var i = 0
        func isNameByte(_ b: UInt8) -> Bool {
            (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F
        }
        func name() -> String? {
            let start = i
            while i < bytes.count, isNameByte(bytes[i]) { i += 1 }
            guard i > start else { return nil }
            return String(decoding: bytes[start..<i], as: UTF8.self).uppercased()
        }
        guard let propertyName = name() else { return nil }
        var parameters: [CalendarParameter] = []
        while i < bytes.count, bytes[i] == 0x3B {  // ;
            i += 1
            guard let parameterName = name(), i < bytes.count, bytes[i] == 0x3D else { return nil }  // =
            i += 1
            var values: [String] = []
            while true {
                if i < bytes.count, bytes[i] == 0x22 {  // "
                    let start = i + 1
                    guard let close = bytes[start...].firstIndex(of: 0x22) else { return nil }
                    values.append(caretDecoded(bytes[start..<close]))
                    i = close + 1
                } else {
                    let start = i
                    while i < bytes.count, bytes[i] != 0x2C, bytes[i] != 0x3B, bytes[i] != 0x3A { i += 1 }
                    values.append(caretDecoded(bytes[start..<i]))
                }
                guard i < bytes.count, bytes[i] == 0x2C else { break }  // ,
                i += 1
            }
            parameters.append(CalendarParameter(name: parameterName, values: values))
        }
        guard i < bytes.count, bytes[i] == 0x3A else { return nil }  // :
        let valueStart = i + 1
        return CalendarContentLine(
            name: propertyName, parameters: parameters,
            value: String(decoding: bytes[valueStart...], as: UTF8.self),
            location: location(of: 0, in: bytes, segments: segments, path: path),
            valueLocation: location(of: valueStart, in: bytes, segments: segments, path: path))
    }

    /// RFC 6868 parameter-value encoding: `^n` → newline, `^'` → `"`, `^^` → `^`; any other `^`
    /// stays as written.
    static func caretDecoded(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(0x5E) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] == 0x5E, i + 1 < bytes.endIndex {
                switch bytes[i + 1] {
                case 0x6E, 0x4E: out.append(0x0A)
                case 0x27: out.append(0x22)
                case 0x5E: out.append(0x5E)
                default:
                    out.append(bytes[i])
                    i += 1
                    continue
                }
                i += 2
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Lists and trimming for property values (RFC 5545 §3.1.1). TEXT escapes (§3.3.11) are the vCard
/// ones, undone by `VCardFormat.unescape`.
enum CalendarText {
    /// The comma-separated values of a list property (EXDATE, RDATE), each trimmed; empty items
    /// dropped.
    static func list(_ value: String) -> [String] {
        value.split(separator: ",").map { trimmed($0) }.filter { !$0.isEmpty }
    }

    /// Without leading and trailing spaces and tabs.
    static func trimmed(_ text: some StringProtocol) -> String {
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
