#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The encoding a file was read in.
public enum SourceEncoding: String, Sendable, Hashable {
    case utf8, utf8WithBOM = "utf8-bom", utf16LE = "utf16le", utf16BE = "utf16be", windows1252
}

/// Turns the bytes of a text file into UTF-8.
///
/// UTF-8 with or without BOM passes through (BOM stripped); UTF-16 LE/BE with a BOM is transcoded;
/// in a file that is not valid UTF-8, each byte outside a well-formed UTF-8 sequence is read as
/// Windows-1252. NUL bytes are refused:
/// they mean binary data (or UTF-16 without a BOM).
public enum TextDecoding {
    /// - Returns: UTF-8 bytes without BOM, and the encoding detected.
    /// - Throws: `.binaryData`, `.utf16WithoutBOM` or `.invalidUTF16` at the offending position.
    /// - Complexity: O(n).
    public static func utf8(_ bytes: [UInt8], path: String) throws(ImportError) -> (
        bytes: [UInt8], encoding: SourceEncoding
    ) {
        if let bom = bytes.withUnsafeBufferPointer(plainUTF8Start) {
            return bom == 0 ? (bytes, .utf8) : (Array(bytes[bom...]), .utf8WithBOM)
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return (try utf16(bytes, bigEndian: false, path: path), .utf16LE)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return (try utf16(bytes, bigEndian: true, path: path), .utf16BE)
        }
        var body = bytes
        var encoding = SourceEncoding.utf8
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            body = Array(bytes[3...])
            encoding = .utf8WithBOM
        }
        if let nul = body.firstIndex(of: 0) {
            throw ImportError(
                looksLikeUTF16(body) ? .utf16WithoutBOM : .binaryData, at: location(of: nul, in: body, path: path))
        }
        // Not UTF-16, no NUL byte: UTF-8 would have passed through above.
        return (windows1252ToUTF8(body), .windows1252)
    }

    /// Where the text of `bytes` starts (0, or 3 past a UTF-8 BOM) when `utf8(_:path:)` passes them
    /// through as they are: no UTF-16 BOM, no NUL byte, valid UTF-8; `nil` when it would transcode or
    /// refuse them. A mapped file is read in place only then (`ContactFile.parse(path:mapped:)`).
    /// - Complexity: O(n).
    static func plainUTF8Start(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return nil }
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let body = UnsafeBufferPointer(rebasing: bytes[bom...])
        if let base = body.baseAddress, memchr(base, 0, body.count) != nil { return nil }
        return isValidUTF8(body) ? bom : nil
    }

    /// The line and character column of `offset`.
    /// - Complexity: O(offset).
    static func location(of offset: Int, in bytes: [UInt8], path: String) -> SourceLocation {
        var line = 1
        var lineStart = 0
        var i = 0
        while i < offset {
            let b = bytes[i]
            if b == 0x0A || (b == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
                line += 1
                lineStart = i + 1
            } else if b & 0xC0 == 0x80 {
                lineStart += 1
            }
            i += 1
        }
        return SourceLocation(path: path, line: line, column: offset - lineStart + 1)
    }

    static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(512)
        guard sample.count >= 4 else { return false }
        let zeros = sample.lazy.filter { $0 == 0 }.count
        return zeros * 3 >= sample.count
    }

    /// Whether `bytes` is well-formed UTF-8 (no overlongs, surrogates or values above U+10FFFF).
    /// - Complexity: O(n), with an ASCII fast path.
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValidUTF8($0) }
    }

    static func isValidUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < buffer.count {
            if buffer[i] < 0x80 { i += 1; continue }
            guard let length = sequenceLength(buffer, at: i) else { return false }
            i += length
        }
        return true
    }

    /// The length of the well-formed UTF-8 sequence starting at `i` (a non-ASCII lead byte), or `nil`.
    static func sequenceLength(_ buffer: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch buffer[i] {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return nil
        }
        guard i + length <= buffer.count else { return nil }
        let b1 = buffer[i + 1]
        guard b1 >= lower, b1 <= upper else { return nil }
        var k = 2
        while k < length {
            guard buffer[i + k] & 0xC0 == 0x80 else { return nil }
            k += 1
        }
        return length
    }

    /// Code points of Windows-1252 bytes 0x80–0x9F; the five undefined bytes keep their C1 value.
    static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,
        0x017E, 0x0178,
    ]

    /// Decodes bytes that are not all valid UTF-8: well-formed UTF-8 sequences are kept, every
    /// other byte is read as Windows-1252. A pure Windows-1252 file decodes as such, and a file that
    /// mixes both (an Excel re-save appended to a UTF-8 export) keeps both kinds of names intact.
    /// - Complexity: O(n).
    public static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count {
                let b = buffer[i]
                if b < 0x80 {
                    out.append(b)
                    i += 1
                } else if let length = sequenceLength(buffer, at: i) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[i..<(i + length)]))
                    i += length
                } else {
                    appendUTF8((0x80...0x9F).contains(b) ? windows1252High[Int(b) - 0x80] : UInt32(b), to: &out)
                    i += 1
                }
            }
        }
        return out
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Transcodes UTF-16 (after its BOM) to UTF-8.
    /// - Complexity: O(n).
    static func utf16(_ bytes: [UInt8], bigEndian: Bool, path: String) throws(ImportError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 2)
        var line = 1
        func unit(_ i: Int) -> UInt32 {
            bigEndian ? UInt32(bytes[i]) << 8 | UInt32(bytes[i + 1]) : UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i])
        }
        func failure() -> ImportError {
            ImportError(.invalidUTF16, at: SourceLocation(path: path, line: line, column: 1))
        }
        guard bytes.count % 2 == 0 else { throw failure() }
        var i = 2
        while i < bytes.count {
            let u = unit(i)
            i += 2
            var scalar = u
            if (0xD800..<0xDC00).contains(u) {
                guard i < bytes.count else { throw failure() }
                let low = unit(i)
                guard (0xDC00..<0xE000).contains(low) else { throw failure() }
                i += 2
                scalar = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(u) {
                throw failure()
            }
            if scalar == 0 { throw ImportError(.binaryData, at: SourceLocation(path: path, line: line, column: 1)) }
            if scalar == 0x0A { line += 1 }
            appendUTF8(scalar, to: &out)
        }
        return out
    }
}
