#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The header fields the mailbox reader decodes; every other field (Subject, Received, the body's
/// MIME headers) is stepped over by its bytes and never decoded.
enum MailField: Hashable, Sendable {
    case from, to, cc, date, messageID, listID, precedence, autoSubmitted, gmailLabels, listUnsubscribe

    /// The field a lowercased header name names, or `nil` for every field the reader ignores.
    /// - Complexity: O(1): a switch on the length, then at most two byte compares of that length.
    static func named(_ name: UnsafeRawBufferPointer) -> MailField? {
        func equals(_ expected: StaticString) -> Bool {
            guard expected.utf8CodeUnitCount == name.count else { return false }
            let e = expected.utf8Start
            for i in 0..<name.count {
                let b = name[i]
                if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != e[i] { return false }
            }
            return true
        }
        switch name.count {
        case 2: return equals("to") ? .to : equals("cc") ? .cc : nil
        case 4: return equals("from") ? .from : equals("date") ? .date : nil
        case 7: return equals("list-id") ? .listID : nil
        case 10: return equals("message-id") ? .messageID : equals("precedence") ? .precedence : nil
        case 14: return equals("auto-submitted") ? .autoSubmitted : equals("x-gmail-labels") ? .gmailLabels : nil
        case 16: return equals("list-unsubscribe") ? .listUnsubscribe : nil
        default: return nil
        }
    }
}

/// One decoded-to-be header field: its unfolded value bytes and where the value starts.
struct RawMailField {
    var field: MailField
    /// The value after the colon, unfolded (RFC 5322 §2.2.3: each line break before a space or tab
    /// removed), without leading or trailing white space. Raw bytes, possibly 8-bit.
    var value: [UInt8]
    var location: SourceLocation
}

extension MboxScanner {
    /// Calls `body` with each header field of `span` that the reader decodes, in order.
    ///
    /// A continuation line before any field (a defect) is ignored, as Python's parser does.
    /// - Complexity: O(h) in the header block's bytes; only wanted fields are copied.
    func forEachField(of span: MboxMessageSpan, _ body: (RawMailField) -> Void) {
        guard let base = bytes.baseAddress, !span.headers.isEmpty else { return }
        let end = span.headers.upperBound
        var pos = span.headers.lowerBound
        var line = span.line + 1
        while pos < end {
            let fieldLine = line
            let fieldStart = pos
            // The field's extent: its first line and every continuation line.
            var fieldEnd = lineEnd(base, pos, end)
            pos = fieldEnd
            line += 1
            while pos < end {
                let b = base.load(fromByteOffset: pos, as: UInt8.self)
                guard b == 0x20 || b == 0x09 else { break }
                fieldEnd = lineEnd(base, pos, end)
                pos = fieldEnd
                line += 1
            }
            let first = base.load(fromByteOffset: fieldStart, as: UInt8.self)
            guard first != 0x20, first != 0x09 else { continue }
            var colon = fieldStart
            while colon < fieldEnd, base.load(fromByteOffset: colon, as: UInt8.self) != 0x3A { colon += 1 }
            guard colon < fieldEnd else { continue }
            // RFC 5322 forbids space before the colon; obsolete syntax (§4.5) allows it.
            var nameEnd = colon
            while nameEnd > fieldStart, isSpace(base.load(fromByteOffset: nameEnd - 1, as: UInt8.self)) { nameEnd -= 1 }
            guard
                let field = MailField.named(
                    UnsafeRawBufferPointer(start: base + fieldStart, count: nameEnd - fieldStart))
            else { continue }
            var value = unfold(base, from: colon + 1, to: fieldEnd)
            var lead = 0
            while lead < value.count, isSpace(value[lead]) { lead += 1 }
            while let last = value.last, isSpace(last) { value.removeLast() }
            let column = colon + 1 + lead - fieldStart + 1
            value.removeFirst(min(lead, value.count))
            body(
                RawMailField(
                    field: field, value: value, location: SourceLocation(path: path, line: fieldLine, column: column)))
        }
    }

    /// The offset after the `LF` ending the line at `pos`, or `end`.
    private func lineEnd(_ base: UnsafeRawPointer, _ pos: Int, _ end: Int) -> Int {
        guard let hit = memchr(base + pos, 0x0A, end - pos) else { return end }
        return UnsafeRawPointer(hit) - base + 1
    }

    /// The bytes of `from..<to` without their `CR` and `LF` bytes: a folded value joined on its
    /// continuation lines' leading white space.
    private func unfold(_ base: UnsafeRawPointer, from: Int, to: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(to - from)
        for i in from..<to {
            let b = base.load(fromByteOffset: i, as: UInt8.self)
            if b != 0x0A && b != 0x0D { out.append(b) }
        }
        return out
    }
}

/// Space, tab, CR or LF.
@inline(__always)
func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
