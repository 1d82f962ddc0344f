#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where one message of an mbox lies: its "From " line and its header block, as byte offsets.
struct MboxMessageSpan: Hashable, Sendable {
    /// Offset of the `F` of the message's "From " line.
    var start: Int
    /// 1-based line of the "From " line.
    var line: Int
    /// The header block: from the line after "From " up to (not including) the blank line, the first
    /// line that is not a header field, or the next "From " line.
    var headers: Range<Int>
}

/// Finds the messages of an mbox (mboxo, mboxrd, Gmail Takeout, Thunderbird) and their header
/// blocks by scanning bytes; bodies are stepped over line by line with `memchr` and never decoded.
///
/// Rules (the same as Python's `mailbox.mbox` and Thunderbird): a message starts at every line that
/// begins with the five bytes `From `; a `>From ` line (mboxrd/mboxo quoting) is body text. The header
/// block ends at the first empty line (`LF` or `CR LF`), at the first line that is neither a header
/// field (`name:`, with a printable name) nor a continuation (space or tab), or at the next "From "
/// line, like Python's `email.feedparser`. Lines end with `LF`; a `CR` before it is kept in the span.
///
/// The scanner works over an `UnsafeRawBufferPointer`, so the mapped file and the fuzzer share it.
struct MboxScanner {
    /// The largest header block accepted (1 MiB): real ones are a few KB, a 20,000-address `To`
    /// about 600 KB. A larger one is a file that is not mail, or a header that never ends.
    static let maxHeaderBytes = 1 << 20

    let bytes: UnsafeRawBufferPointer
    let path: String

    init(_ bytes: UnsafeRawBufferPointer, path: String) {
        self.bytes = bytes
        self.path = path
    }

    /// Whether `prefix` starts with `From ` (every mbox variant does).
    static func startsWithFromLine(_ prefix: UnsafeRawBufferPointer) -> Bool {
        prefix.count >= 5 && prefix[0] == 0x46 && prefix[1] == 0x72 && prefix[2] == 0x6F && prefix[3] == 0x6D
            && prefix[4] == 0x20
    }

    /// Every message's span, in file order. An empty file is an empty mailbox.
    ///
    /// - Throws: `ImportError` `.notAMailbox` at 1:1 when the file does not start with "From ";
    ///   `.mailHeaderTooLarge` at a message's "From " line when its header block passes
    ///   `maxHeaderBytes`.
    /// - Complexity: O(n) in the file's bytes: one `memchr` per line, five byte compares per line.
    func messages() throws(ImportError) -> [MboxMessageSpan] {
        var spans: [MboxMessageSpan] = []
        try forEachMessage { spans.append($0) }
        return spans
    }

    /// Calls `body` with each message's span, in file order, without collecting them.
    /// - Throws: as `messages()`.
    /// - Complexity: O(n) in the file's bytes.
    func forEachMessage(_ body: (MboxMessageSpan) throws(ImportError) -> Void) throws(ImportError) {
        let count = bytes.count
        guard count > 0 else { return }
        guard let base = bytes.baseAddress, Self.startsWithFromLine(bytes) else {
            throw ImportError(.notAMailbox, at: SourceLocation(path: path, line: 1, column: 1))
        }
        var pos = 0
        var line = 1
        // Invariant at the top: `pos` is the start of a "From " line numbered `line`.
        while pos < count {
            let start = pos
            let fromLine = line
            guard let afterFrom = nextLine(base, pos, count) else {
                try body(MboxMessageSpan(start: start, line: fromLine, headers: count..<count))
                return
            }
            pos = afterFrom
            line += 1
            let headerStart = pos
            var headerEnd = count
            var inBody = false
            while pos < count {
                let b = base.load(fromByteOffset: pos, as: UInt8.self)
                if b == 0x0A
                    || (b == 0x0D && pos + 1 < count && base.load(fromByteOffset: pos + 1, as: UInt8.self) == 0x0A)
                {
                    headerEnd = pos
                    inBody = true
                    break
                }
                if isFromLine(base, pos, count) || !isHeaderLine(base, pos, count) {
                    headerEnd = pos
                    inBody = !isFromLine(base, pos, count)
                    break
                }
                guard let next = nextLine(base, pos, count) else {
                    pos = count
                    break
                }
                pos = next
                line += 1
                if pos - headerStart > Self.maxHeaderBytes {
                    throw ImportError(
                        .mailHeaderTooLarge(limit: Self.maxHeaderBytes),
                        at: SourceLocation(path: path, line: fromLine, column: 1))
                }
            }
            if pos - headerStart > Self.maxHeaderBytes {
                throw ImportError(
                    .mailHeaderTooLarge(limit: Self.maxHeaderBytes),
                    at: SourceLocation(path: path, line: fromLine, column: 1))
            }
            try body(MboxMessageSpan(start: start, line: fromLine, headers: headerStart..<min(headerEnd, pos)))
            guard inBody else { continue }
            // The body: step over it to the next line that starts with "From ".
            guard pos < count, !isFromLine(base, pos, count) else { continue }
            (pos, line) = skipBody(base, from: pos, line: line, count: count)
        }
    }

    /// The start of the first line after `pos` that begins with "From ", or `count`, and its line
    /// number; `pos` is the start of a line that is not a "From " line.
    ///
    /// Word at a time (8 bytes per step, no per-line call): with `x = w ^ 0x0A…0A`, the expression
    /// `~(((x & 0x7F…7F) + 0x7F…7F) | x | 0x7F…7F)` sets the high bit of exactly the bytes of `w`
    /// that are `LF` (no false positives, unlike the borrow-based "has zero byte" test), so
    /// `popcount` counts lines; the same mask for `F`, shifted against the `LF` mask by one byte
    /// (and carried across words), marks the candidates `\nF`, each then checked for "From ".
    /// Reference: Sean Eron Anderson, "Bit Twiddling Hacks", determine if a word has a byte equal to n.
    /// - Complexity: O(n / 8) word steps.
    @inline(__always)
    private func skipBody(_ base: UnsafeRawPointer, from start: Int, line startLine: Int, count: Int) -> (Int, Int) {
        var pos = start
        var line = startLine
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        @inline(__always) func bytesEqual(_ w: UInt64, _ pattern: UInt64) -> UInt64 {
            let x = w ^ pattern
            return ~(((x & low7) &+ low7) | x | low7)
        }
        // `carry`: the previous word's last byte was LF (its high bit moved to bit 7 of byte 0).
        var carry: UInt64 = 0
        while pos + 8 <= count {
            let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: pos, as: UInt64.self))
            let newlines = bytesEqual(w, 0x0A0A_0A0A_0A0A_0A0A)
            let fs = bytesEqual(w, 0x4646_4646_4646_4646)
            var candidates = ((newlines << 8) | carry) & fs
            while candidates != 0 {
                let byte = candidates.trailingZeroBitCount >> 3
                let at = pos + byte
                if isFromLine(base, at, count) {
                    // Lines up to `at`: the LFs before byte `byte` of this word.
                    let below = byte == 0 ? 0 : newlines & ((1 << UInt64(byte * 8)) - 1)
                    return (at, line + below.nonzeroBitCount)
                }
                candidates &= candidates - 1
            }
            line += newlines.nonzeroBitCount
            carry = newlines >> 56
            pos += 8
        }
        // The tail, byte by byte.
        var afterNewline = carry != 0
        while pos < count {
            if afterNewline && isFromLine(base, pos, count) { return (pos, line) }
            let b = base.load(fromByteOffset: pos, as: UInt8.self)
            afterNewline = b == 0x0A
            if afterNewline { line += 1 }
            pos += 1
        }
        return (count, line)
    }

    /// The offset after the next `LF` at or after `pos`, or `nil` at the end of the buffer.
    @inline(__always)
    private func nextLine(_ base: UnsafeRawPointer, _ pos: Int, _ count: Int) -> Int? {
        guard let hit = memchr(base + pos, 0x0A, count - pos) else { return nil }
        return UnsafeRawPointer(hit) - base + 1
    }

    /// Whether the line at `pos` starts with `From `.
    @inline(__always)
    private func isFromLine(_ base: UnsafeRawPointer, _ pos: Int, _ count: Int) -> Bool {
        guard count - pos >= 5 else { return false }
        // "From" little-endian, then the space.
        return base.loadUnaligned(fromByteOffset: pos, as: UInt32.self) == 0x6D6F_7246
            && base.load(fromByteOffset: pos + 4, as: UInt8.self) == 0x20
    }

    /// Python's `headerRE`: a continuation (space or tab), or printable non-colon bytes then `:`.
    @inline(__always)
    private func isHeaderLine(_ base: UnsafeRawPointer, _ pos: Int, _ count: Int) -> Bool {
        var i = pos
        let first = base.load(fromByteOffset: i, as: UInt8.self)
        if first == 0x20 || first == 0x09 { return true }
        while i < count {
            let b = base.load(fromByteOffset: i, as: UInt8.self)
            if b == 0x3A { return true }
            guard b >= 0x21, b <= 0x7E else { return false }
            i += 1
        }
        return false
    }
}
