/// `NameKey.person` compared against a known key without building the key, for ASCII text: the
/// rows a broad search reads are almost all plain ASCII, and building a key (lower-casing, words,
/// joining) per row was most of the time a search spent on them.
enum ASCIIKey {
    enum Comparison: Equatable {
        /// `NameKey.person(text) == key`.
        case equal
        /// The key of `text` is `key` followed by more words.
        case extends
        /// Neither.
        case differs
        /// `text` is not ASCII: compare the real keys.
        case notASCII
    }

    /// Streams the words of `text` as `NameKey.tokens` forms them for ASCII (lower-cased letters
    /// and digits; `.` and `'` dropped; `&` the word "and"; anything else separates), joined by
    /// one space, and compares them with `key` as they come.
    /// - Complexity: O(length of `text`), no allocation.
    static func compare(_ text: String, to key: [UInt8]) -> Comparison {
        var position = 0
        var inWord = false
        var mismatch = false
        var extends = false
        /// Appends one byte of the text's key; false once the outcome is known to be `differs` or `extends`.
        func emit(_ byte: UInt8) -> Bool {
            if position == key.count {
                if byte == UInt8(ascii: " ") { extends = true } else { mismatch = true }
                return false
            }
            if key[position] != byte {
                mismatch = true
                return false
            }
            position += 1
            return true
        }
        func startWord() -> Bool { position == 0 ? true : emit(UInt8(ascii: " ")) }
        for byte in text.utf8 {
            if byte >= 0x80 { return .notASCII }
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: "'"):
                continue
            case UInt8(ascii: "&"):
                guard startWord(), emit(UInt8(ascii: "a")), emit(UInt8(ascii: "n")), emit(UInt8(ascii: "d")) else {
                    return settle(text, mismatch: mismatch, extends: extends)
                }
                inWord = false
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if !inWord, !startWord() { return settle(text, mismatch: mismatch, extends: extends) }
                inWord = true
                let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                if !emit(lower) { return settle(text, mismatch: mismatch, extends: extends) }
            default:
                inWord = false
            }
        }
        return position == key.count ? .equal : .differs
    }

    /// The outcome once the comparison stopped early; a later non-ASCII byte still means the
    /// ASCII reading was wrong.
    private static func settle(_ text: String, mismatch: Bool, extends: Bool) -> Comparison {
        if text.utf8.contains(where: { $0 >= 0x80 }) { return .notASCII }
        return extends && !mismatch ? .extends : .differs
    }
}
