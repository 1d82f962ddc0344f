/// The one RFC 4180 record state machine: `CSVReader` (strings and positions, for every import)
/// and the bulk `RecordStream` (byte ranges over a sliding buffer) both run it, so they agree on
/// quoting, line ends, limits and the runaway-quote rule.
///
/// A call to `scan` reads one record from a buffer and leaves its fields as byte ranges (`starts`,
/// `ends`: the content between quotes for a quoted field). It never writes to the buffer: a quoted
/// field with doubled quotes or text after its closing quote is listed in `fixups`, for the caller
/// to unescape (in place in the bulk path, into a new string in the reader). When the buffer ends
/// inside the record and more bytes may follow, it answers `.needMore`, and the caller scans the
/// same record again once it has them.
///
/// Grammar: fields separated by `delimiter`; a field starting with `"` runs to the next `"` not
/// doubled, may hold delimiters and line breaks, and any text after its closing quote stays part of
/// it (RFC 4180 forbids it; real files have it); records end at LF, CRLF or CR outside quotes.
/// Limits (`CSVLimits`) stop a hostile file early: a field longer than `maxFieldBytes` is refused
/// while it is scanned, not after, which also bounds the bulk reader's buffer.
///
/// - Complexity: O(bytes of the record) per `scan`, eight bytes at a time through unquoted fields.
struct RecordMachine: Sendable {
    var delimiter: UInt8
    let limits: CSVLimits
    /// Fields in the last record read: the width `RunawayQuote` checks against.
    var lastWidth = 0
    /// Records read so far.
    var rows = 0
    /// Fields of the record just read.
    private(set) var count = 0
    /// Line breaks inside the quoted fields of the record just read.
    private(set) var newlines = 0
    /// Whether the record just read holds a byte of 0x80 or above (not plain ASCII).
    private(set) var hasNonASCII = false
    /// Where the fields of the record just read start and end (copy-on-write, reused record after record).
    private var bounds = FieldBounds(capacity: 64)
    /// Start of field `i` (< `count`) of the record just read.
    func start(_ i: Int) -> Int { bounds.starts[i] }
    /// End of field `i` (< `count`) of the record just read.
    func end(_ i: Int) -> Int { bounds.ends[i] }
    /// Quoted fields of the record just read whose bytes need rewriting.
    private(set) var fixups: [Fixup] = []

    /// A quoted field holding doubled quotes or text after its closing quote: its content runs from
    /// `starts[field]` to `closingQuote`, then from `closingQuote + 1` to `trailingEnd`.
    struct Fixup: Equatable, Sendable {
        var field: Int
        var closingQuote: Int
        var trailingEnd: Int
    }

    /// Why a record was refused; every offset is into the buffer scanned.
    enum Failure: Equatable {
        /// The quoted field opened at `at` never closes.
        case unbalancedQuote(at: Int)
        /// The quoted field opened at `at` swallows a line reading as a record (`RunawayQuote`),
        /// `breaksBefore` line breaks into the field.
        case runawayQuote(at: Int, breaksBefore: Int)
        case fieldTooLarge(at: Int)
        case tooManyColumns(at: Int)
        case tooManyRows(at: Int)
    }

    enum Step: Equatable {
        /// A whole record; the next one starts at `end`.
        case record(end: Int)
        /// The buffer ends inside the record: scan it again with more bytes.
        case needMore
        case failed(Failure)
    }

    init(delimiter: UInt8 = UInt8(ascii: ","), limits: CSVLimits = CSVLimits()) {
        self.delimiter = delimiter
        self.limits = limits
    }

    /// Reads the record starting at `start` (< `filled`) in `bytes[0..<filled]`. `atEnd` says that
    /// no byte follows `filled`.
    mutating func scan(_ bytes: UnsafePointer<UInt8>, from start: Int, filled: Int, atEnd: Bool) -> Step {
        if rows >= limits.maxRows { return .failed(.tooManyRows(at: start)) }
        if !isKnownUniquelyReferenced(&bounds) { bounds = FieldBounds(capacity: bounds.capacity) }
        if !fixups.isEmpty { fixups.removeAll(keepingCapacity: true) }
        var state = ScanState(lastWidth: lastWidth)
        while true {
            let step = Self.scan(
                bytes, start, filled, atEnd, delimiter, limits, bounds.starts, bounds.ends, &state, &fixups)
            count = state.count
            newlines = state.newlines
            hasNonASCII = state.highBits & 0x8080_8080_8080_8080 != 0
            guard let step else {
                // More fields than room: double it and read the record again.
                bounds = FieldBounds(capacity: bounds.capacity * 2)
                state = ScanState(lastWidth: lastWidth)
                fixups.removeAll(keepingCapacity: true)
                continue
            }
            if case .record = step {
                lastWidth = count
                rows += 1
            }
            return step
        }
    }

    /// Field bounds in memory of their own: no exclusivity check or copy per record.
    final class FieldBounds: @unchecked Sendable {
        let capacity: Int
        let starts: UnsafeMutableBufferPointer<Int>
        let ends: UnsafeMutableBufferPointer<Int>

        init(capacity: Int) {
            self.capacity = capacity
            starts = .allocate(capacity: capacity)
            ends = .allocate(capacity: capacity)
        }

        deinit {
            starts.deallocate()
            ends.deallocate()
        }
    }

    /// What one scan reads and leaves: the width it checks against, the fields and line breaks found.
    struct ScanState {
        var lastWidth: Int
        var count = 0
        var newlines = 0
        /// Every byte of the record's fields OR-ed in words: its high bits say whether any is not ASCII.
        var highBits: UInt64 = 0
    }

    /// The machine itself, over caller-owned field bounds (the bulk reader calls it directly, with
    /// buffers of its own); `nil` when `s` and `e` are too small for the record.
    static func scan(
        _ p: UnsafePointer<UInt8>, _ start: Int, _ filled: Int, _ atEnd: Bool, _ delimiter: UInt8, _ limits: CSVLimits,
        _ s: UnsafeMutableBufferPointer<Int>, _ e: UnsafeMutableBufferPointer<Int>, _ state: inout ScanState,
        _ fixups: inout [Fixup]
    ) -> Step? {
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let maxField = limits.maxFieldBytes, maxColumns = limits.maxColumns
        let pattern = 0x0101_0101_0101_0101 &* UInt64(delimiter)
        var count = 0, newlines = 0, highBits: UInt64 = 0
        var cursor = start
        // A line inside a quoted field that reads as a record but needs rule (b): the record's width.
        var pendingSwallow: (at: Int, breaksBefore: Int)? = nil
        defer {
            state.count = count
            state.newlines = newlines
            state.highBits = highBits
        }
        func complete(_ end: Int) -> Step {
            if let pendingSwallow, count != state.lastWidth {
                return .failed(.runawayQuote(at: pendingSwallow.at, breaksBefore: pendingSwallow.breaksBefore))
            }
            return .record(end: end)
        }
        while true {
            if count >= maxColumns { return .failed(.tooManyColumns(at: cursor)) }
            if count == s.count { return nil }
            if cursor >= filled {
                // A delimiter ending the input starts one last, empty field.
                guard atEnd else { return .needMore }
                s[count] = cursor
                e[count] = cursor
                count += 1
                return complete(cursor)
            }
            if p[cursor] == quote {
                // Find the closing quote first; the caller unescapes once the record is whole
                // (`fixups`), so a retry after a refill sees the original bytes.
                let opened = cursor
                let fieldBreaks = newlines
                var read = cursor + 1
                var closed = false, doubled = false
                while read < filled {
                    if read - opened > maxField { return .failed(.fieldTooLarge(at: opened)) }
                    let c = p[read]
                    highBits |= UInt64(c)
                    if c == quote {
                        if read + 1 < filled {
                            if p[read + 1] == quote {
                                doubled = true
                                read += 2
                                continue
                            }
                            closed = true
                        } else if atEnd {
                            closed = true
                        }
                        break
                    }
                    if c == lf { newlines += 1 } else if c == cr, read + 1 < filled, p[read + 1] != lf { newlines += 1 }
                    read += 1
                }
                if !closed { return atEnd ? .failed(.unbalancedQuote(at: opened)) : .needMore }
                if newlines > fieldBreaks,
                    let inner = RunawayQuote.innerRecord(
                        in: UnsafeBufferPointer(start: p + opened + 1, count: read - opened - 1), delimiter: delimiter,
                        width: state.lastWidth,
                        firstCellShape: RunawayQuote.firstCellShape(
                            UnsafeBufferPointer(start: p, count: filled), at: start, delimiter: delimiter))
                {
                    if inner.shapeMatches { return .failed(.runawayQuote(at: opened, breaksBefore: inner.breaksBefore)) }
                    if pendingSwallow == nil { pendingSwallow = (opened, inner.breaksBefore) }
                }
                // Text after the closing quote (RFC 4180 forbids it) stays part of the field.
                var trailing = read + 1
                while trailing < filled, p[trailing] != delimiter, p[trailing] != lf, p[trailing] != cr {
                    highBits |= UInt64(p[trailing])
                    trailing += 1
                }
                if trailing >= filled, !atEnd { return .needMore }
                if trailing - opened > maxField { return .failed(.fieldTooLarge(at: opened)) }
                if doubled || trailing > read + 1 {
                    fixups.append(Fixup(field: count, closingQuote: read, trailingEnd: trailing))
                }
                s[count] = opened + 1
                e[count] = read
                count += 1
                cursor = trailing
            } else {
                let fieldStart = cursor
                // Eight bytes at a time; the first separator's position comes from the mask's
                // trailing zeros, so only the last few bytes of the buffer go one by one.
                var found = false
                while cursor + 8 <= filled {
                    let word = UInt64(littleEndian: UnsafeRawPointer(p + cursor).loadUnaligned(as: UInt64.self))
                    let mask = separatorMask(word, delimiterPattern: pattern)
                    if mask != 0 {
                        // Only the bytes before the separator belong to the field.
                        highBits |= word & (mask >> 7 &- 1)
                        cursor += mask.trailingZeroBitCount >> 3
                        found = true
                        break
                    }
                    highBits |= word
                    cursor += 8
                    if cursor - fieldStart > maxField { return .failed(.fieldTooLarge(at: fieldStart)) }
                }
                if !found {
                    while cursor < filled, p[cursor] != delimiter, p[cursor] != lf, p[cursor] != cr {
                        highBits |= UInt64(p[cursor])
                        cursor += 1
                    }
                }
                if cursor - fieldStart > maxField { return .failed(.fieldTooLarge(at: fieldStart)) }
                if cursor >= filled, !atEnd { return .needMore }
                s[count] = fieldStart
                e[count] = cursor
                count += 1
            }
            if cursor >= filled { return complete(cursor) }  // at the end of the input (checked above)
            let c = p[cursor]
            if c == delimiter {
                cursor += 1
                continue
            }
            if c == lf { return complete(cursor + 1) }
            // Every field ends at a separator, so this is CR.
            if cursor + 1 >= filled, !atEnd { return .needMore }
            return complete(cursor + ((cursor + 1 < filled && p[cursor + 1] == lf) ? 2 : 1))
        }
    }

    /// A mask whose lowest set bit is the high bit of the first byte of `word` (in memory order,
    /// `word` read little-endian) that is the delimiter, LF or CR; 0 when there is none. The classic
    /// "has zero byte" bit trick on `word ^ repeated(separator)`: its borrows can mark bytes above
    /// the first match too, never below, so the lowest bit is exact.
    @inline(__always)
    static func separatorMask(_ word: UInt64, delimiterPattern: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        return zeroByte(word ^ delimiterPattern) | zeroByte(word ^ (ones &* 0x0A)) | zeroByte(word ^ (ones &* 0x0D))
    }

    /// Writes field `fixup.field`'s unescaped bytes (doubled quotes halved, the text after the
    /// closing quote appended) through `write`, in order.
    static func unescaped(_ p: UnsafePointer<UInt8>, from start: Int, _ fixup: Fixup, _ write: (UInt8) -> Void) {
        var r = start
        while r < fixup.closingQuote {
            write(p[r])
            r += p[r] == UInt8(ascii: "\"") ? 2 : 1
        }
        for t in (fixup.closingQuote + 1)..<fixup.trailingEnd { write(p[t]) }
    }
}
