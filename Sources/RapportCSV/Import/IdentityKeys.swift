import Rapport

/// Fast, memoized identity keys for the resolver.
///
/// `NameKey` folds through Foundation, which costs microseconds per call; an import of 100k people
/// computes hundreds of thousands of keys. ASCII names take a byte-level path that gives the same
/// result as `NameKey.person`, and organization keys are memoized (a network has far fewer
/// organizations than people).
struct IdentityKeys {
    private var organizationKeys: [String: String] = [:]

    /// `text.lowercased()`, without allocating when `text` has no upper-case ASCII and no non-ASCII.
    static func lowercased(_ text: String) -> String {
        for b in text.utf8 where b >= 0x80 || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b) {
            return text.lowercased()
        }
        return text
    }

    /// `NameKey.person(name)`.
    /// - Complexity: O(length of the name).
    func person(_ name: String) -> String {
        guard let key = IdentityKeys.asciiPersonKey(name) else { return NameKey.person(name) }
        return key
    }

    /// `NameKey.organization(name)`, memoized.
    mutating func organization(_ name: String) -> String {
        if let key = organizationKeys[name] { return key }
        let key = NameKey.organization(name)
        organizationKeys[name] = key
        return key
    }

    /// The `NameKey.person` rules for ASCII text: lower-cased words of letters and digits, `&` is
    /// the word `and`, `.` and `'` join, anything else separates. `nil` for non-ASCII text.
    static func asciiPersonKey(_ name: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count + 4)
        var inWord = false
        func separate() {
            if inWord { out.append(0x20) }
            inWord = false
        }
        for b in name.utf8 {
            switch b {
            case 0x80...: return nil
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                out.append(b + 32)
                inWord = true
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                out.append(b)
                inWord = true
            case UInt8(ascii: "."), UInt8(ascii: "'"):
                continue
            case UInt8(ascii: "&"):
                separate()
                out.append(contentsOf: "and ".utf8)
            default:
                separate()
            }
        }
        while out.last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}
