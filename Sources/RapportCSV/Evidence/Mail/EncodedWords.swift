import Foundation

/// RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?ISO-8859-1?Q?…?=`) and raw 8-bit header text.
///
/// Decoding follows RFC 2047 §6 and Python's `email.header.decode_header` + `make_header`:
/// - white space between two adjacent encoded words is dropped (§6.2), so a name split across
///   several words joins up; adjacent words in the same charset are joined as bytes before decoding,
///   so a UTF-8 sequence split between two words survives;
/// - between an encoded word and plain text a space is kept, and added when there is none;
/// - `B` is base64 (missing padding tolerated), `Q` is `_` for space and `=XX` for a byte (§4.2);
/// - RFC 2231's language suffix (`UTF-8*fr`) is ignored;
/// - words are also decoded inside quoted strings, as Gmail, Thunderbird and Python do.
///
/// Charsets: UTF-8 and US-ASCII; ISO-8859-1 and windows-1252 both as windows-1252 (as WHATWG and
/// every browser read ISO-8859-1); ISO-8859-15; the other charsets Foundation knows (ISO-8859-2,
/// windows-1250/1/3/4, Shift_JIS, EUC-JP, ISO-2022-JP, UTF-16). A word in an unknown charset, or
/// whose bytes do not decode, stays as written. Raw 8-bit text outside encoded words is read as
/// UTF-8 where it is valid and as windows-1252 byte by byte elsewhere (`TextDecoding.windows1252ToUTF8`).
///
/// Reference: RFC 2047, "MIME Part Three: Message Header Extensions for Non-ASCII Text", 1996.
enum EncodedWords {
    private enum Piece {
        case text([UInt8])
        case word(charset: String, bytes: [UInt8], literal: [UInt8])
    }

    /// Decodes a header value's bytes to text.
    /// - Complexity: O(n).
    static func decode(_ bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        guard containsEncodedWordStart(bytes) else { return text(bytes) }
        var pieces: [Piece] = []
        var i = 0
        var textStart = 0
        while i + 1 < bytes.count {
            guard bytes[i] == 0x3D, bytes[i + 1] == 0x3F, let (piece, end) = word(bytes, at: i) else {
                i += 1
                continue
            }
            if textStart < i { pieces.append(.text(Array(bytes[textStart..<i]))) }
            pieces.append(piece)
            i = end
            textStart = end
        }
        if textStart < bytes.count { pieces.append(.text(Array(bytes[textStart...]))) }
        return join(pieces)
    }

    private static func containsEncodedWordStart(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 2 else { return false }
        for i in 0..<(bytes.count - 1) where bytes[i] == 0x3D && bytes[i + 1] == 0x3F { return true }
        return false
    }

    /// Raw header bytes as text: UTF-8 where valid, windows-1252 elsewhere.
    static func text(_ bytes: [UInt8]) -> String {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: TextDecoding.windows1252ToUTF8(bytes), as: UTF8.self)
    }

    /// The encoded word starting at `start` (`=?charset?B|Q?text?=`) and the offset after it.
    private static func word(_ bytes: [UInt8], at start: Int) -> (Piece, Int)? {
        var i = start + 2
        let charsetStart = i
        while i < bytes.count, bytes[i] != 0x3F { i += 1 }
        guard i + 2 < bytes.count, bytes[i + 2] == 0x3F else { return nil }
        let charset = bytes[charsetStart..<i]
        let encoding = bytes[i + 1] | 0x20
        guard encoding == 0x62 || encoding == 0x71 else { return nil }
        let textStart = i + 3
        var j = textStart
        while j + 1 < bytes.count, !(bytes[j] == 0x3F && bytes[j + 1] == 0x3D) { j += 1 }
        guard j + 1 < bytes.count else { return nil }
        let encoded = bytes[textStart..<j]
        let decoded = encoding == 0x62 ? base64(encoded) : quoted(encoded)
        var name = String(decoding: charset, as: UTF8.self).lowercased()
        if let star = name.firstIndex(of: "*") { name = String(name[..<star]) }
        return (.word(charset: name, bytes: decoded, literal: Array(bytes[start..<(j + 2)])), j + 2)
    }

    /// Drops white space between encoded words, merges same-charset runs, decodes, and joins.
    private static func join(_ pieces: [Piece]) -> String {
        var kept: [Piece] = []
        for (n, piece) in pieces.enumerated() {
            if case .text(let t) = piece, n > 0, n + 1 < pieces.count, t.allSatisfy(isSpace),
                case .word = pieces[n - 1], case .word = pieces[n + 1]
            {
                continue
            }
            kept.append(piece)
        }
        // Runs of same-charset words, decoded together.
        var chunks: [(text: String, encoded: Bool)] = []
        var k = 0
        while k < kept.count {
            switch kept[k] {
            case .text(let t):
                chunks.append((text(t), false))
                k += 1
            case .word(let charset, var run, var literal):
                k += 1
                while k < kept.count, case .word(let next, let more, let lit) = kept[k], next == charset {
                    run += more
                    literal += lit
                    k += 1
                }
                if let decoded = decode(run, charset: charset) {
                    chunks.append((decoded, true))
                } else {
                    chunks.append((text(literal), false))
                }
            }
        }
        var out = ""
        var lastEncoded = false
        for (n, chunk) in chunks.enumerated() {
            if n > 0, chunk.encoded != lastEncoded {
                let boundary = chunk.encoded ? out.unicodeScalars.last : chunk.text.unicodeScalars.first
                if let b = boundary, !(b == " " || b == "\t" || b == "(" || b == ")") { out += " " }
            }
            out += chunk.text
            lastEncoded = chunk.encoded
        }
        return out
    }

    /// Bytes decoded from `charset`, or `nil` for an unknown charset or bytes that do not decode.
    static func decode(_ bytes: [UInt8], charset: String) -> String? {
        switch charset {
        case "utf-8", "utf8", "us-ascii", "ascii", "":
            return String(decoding: bytes, as: UTF8.self)
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252", "x-cp1252":
            return singleByte(bytes, fifteen: false)
        case "iso-8859-15", "iso8859-15", "iso_8859-15", "latin-9", "latin9":
            return singleByte(bytes, fifteen: true)
        default:
            guard let encoding = foundationEncodings[charset] else { return nil }
            return String(bytes: bytes, encoding: encoding)
        }
    }

    private static let foundationEncodings: [String: String.Encoding] = [
        "iso-8859-2": .isoLatin2, "latin2": .isoLatin2, "windows-1250": .windowsCP1250, "cp1250": .windowsCP1250,
        "windows-1251": .windowsCP1251, "cp1251": .windowsCP1251, "windows-1253": .windowsCP1253,
        "windows-1254": .windowsCP1254, "shift_jis": .shiftJIS, "shift-jis": .shiftJIS, "sjis": .shiftJIS,
        "euc-jp": .japaneseEUC, "iso-2022-jp": .iso2022JP, "utf-16": .utf16, "utf-16be": .utf16BigEndian,
        "utf-16le": .utf16LittleEndian,
    ]

    /// windows-1252 (ISO-8859-1 read the WHATWG way), or ISO-8859-15 with its eight changed letters.
    private static func singleByte(_ bytes: [UInt8], fifteen: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            var scalar = (0x80...0x9F).contains(b) ? TextDecoding.windows1252High[Int(b) - 0x80] : UInt32(b)
            if fifteen {
                switch b {
                case 0xA4: scalar = 0x20AC
                case 0xA6: scalar = 0x0160
                case 0xA8: scalar = 0x0161
                case 0xB4: scalar = 0x017D
                case 0xB8: scalar = 0x017E
                case 0xBC: scalar = 0x0152
                case 0xBD: scalar = 0x0153
                case 0xBE: scalar = 0x0178
                default: break
                }
            }
            TextDecoding.appendUTF8(scalar, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// RFC 2047 §4.2 `Q`: `_` is a space, `=XX` a byte; anything else stands for itself.
    static func quoted(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var i = text.startIndex
        while i < text.endIndex {
            let b = text[i]
            if b == 0x5F {
                out.append(0x20)
            } else if b == 0x3D, i + 2 < text.endIndex, let hi = hexValue(text[i + 1]), let lo = hexValue(text[i + 2]) {
                out.append(hi << 4 | lo)
                i += 2
            } else {
                out.append(b)
            }
            i += 1
        }
        return out
    }

    /// Base64 (RFC 4648 §4), leniently: characters outside the alphabet are skipped, padding optional.
    static func base64(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for c in text {
            let v: UInt32
            switch c {
            case 0x41...0x5A: v = UInt32(c - 0x41)
            case 0x61...0x7A: v = UInt32(c - 0x61 + 26)
            case 0x30...0x39: v = UInt32(c - 0x30 + 52)
            case 0x2B: v = 62
            case 0x2F: v = 63
            case 0x3D: return out
            default: continue
            }
            accumulator = accumulator << 6 | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                accumulator &= (1 << UInt32(bits)) - 1
            }
        }
        return out
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }
}
