import Foundation

/// The header fields of one message that the mailbox reader keeps, decoded. Nothing else of the
/// message (no Subject, no body) is read into it.
public struct MailHeaders: Hashable, Sendable {
    /// `From`, `To` and `Cc` mailboxes (every occurrence of a repeated field, in order).
    public var from: [MailAddress]
    public var to: [MailAddress]
    public var cc: [MailAddress]
    /// `Date`; `nil` when missing or unreadable.
    public var date: MailDate?
    /// `Message-ID` without its angle brackets and white space; `nil` when missing or empty.
    public var messageID: String?
    /// `List-Id`, `Precedence`, `Auto-Submitted` as written (trimmed).
    public var listID: String?
    public var precedence: String?
    public var autoSubmitted: String?
    /// `List-Unsubscribe` is present (its value is not kept): newsletters carry it, personal mail does not.
    public var hasListUnsubscribe: Bool
    /// `X-Gmail-Labels` (Gmail Takeout), split at commas outside quotes, encoded words decoded.
    public var gmailLabels: [String]
    /// The message's "From " line.
    public var location: SourceLocation

    public init(
        from: [MailAddress] = [], to: [MailAddress] = [], cc: [MailAddress] = [], date: MailDate? = nil,
        messageID: String? = nil, listID: String? = nil, precedence: String? = nil, autoSubmitted: String? = nil,
        hasListUnsubscribe: Bool = false, gmailLabels: [String] = [], location: SourceLocation
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.date = date
        self.messageID = messageID
        self.listID = listID
        self.precedence = precedence
        self.autoSubmitted = autoSubmitted
        self.hasListUnsubscribe = hasListUnsubscribe
        self.gmailLabels = gmailLabels
        self.location = location
    }
}

/// One message as parsed: its headers, and where its `Date` field was (for a located warning).
struct ParsedMail: Sendable {
    var headers: MailHeaders
    /// The `Date` field's text and the location of its value, when the field is present.
    var dateField: (text: String, location: SourceLocation)?
}

/// The mailbox reader: an mbox file (Gmail Takeout, Thunderbird, mboxo, mboxrd, LF or CRLF) to
/// the headers of its messages, and those headers to evidence seen from the user.
///
/// Only `From`, `To`, `Cc`, `Date`, `Message-ID`, `List-Id`, `List-Unsubscribe` (presence only),
/// `Precedence`, `Auto-Submitted` and `X-Gmail-Labels` are decoded. Bodies are never stored or
/// decoded: `MboxScanner` steps over them by bytes to the next "From " line.
public enum Mailbox {
    /// Whether a file's first bytes look like an mbox: they start with `From ` (the envelope line
    /// that every mbox variant writes first).
    /// - Complexity: O(1).
    public static func looksLikeMailbox(_ prefix: [UInt8]) -> Bool {
        prefix.withUnsafeBytes { MboxScanner.startsWithFromLine($0) }
    }

    /// The header fields of every message of the mbox at `path`, in file order.
    ///
    /// The file is memory-mapped, never copied; only each header block is read.
    /// - Throws: `ImportError`: `.unreadableFile`; `.notAMailbox` (1:1) when it does not start with
    ///   "From "; `.mailHeaderTooLarge` at the "From " line of a header block over 1 MiB.
    /// - Complexity: O(n) in the file's bytes, O(h) work per header byte.
    public static func readHeaders(path: String) throws(ImportError) -> [MailHeaders] {
        try parse(path: path).map(\.headers)
    }

    /// Maps the file and parses each message's header block.
    static func parse(path: String) throws(ImportError) -> [ParsedMail] {
        let file = try MappedFile(path: path)
        return try file.withBytes { (bytes) throws(ImportError) in try parse(bytes, path: path, releasing: file) }
    }

    /// Parses the messages of mbox bytes: the entry point the mapped file and the fuzzer share.
    /// - Throws: as `readHeaders(path:)`.
    /// - Complexity: O(n).
    /// With `file`, the pages already read are released as the scan moves on.
    static func parse(_ bytes: UnsafeRawBufferPointer, path: String, releasing file: MappedFile? = nil)
        throws(ImportError)
        -> [ParsedMail]
    {
        let scanner = MboxScanner(bytes, path: path)
        var messages: [ParsedMail] = []
        try scanner.forEachMessage { span in
            messages.append(headers(of: span, scanner: scanner))
            file?.release(upTo: span.start)
        }
        return messages
    }

    /// Decodes the wanted fields of one header block.
    static func headers(of span: MboxMessageSpan, scanner: MboxScanner) -> ParsedMail {
        var headers = MailHeaders(location: SourceLocation(path: scanner.path, line: span.line, column: 1))
        var dateField: (text: String, location: SourceLocation)?
        var seenLabels = false
        scanner.forEachField(of: span) { field in
            switch field.field {
            case .from: headers.from += MailAddressParser.parse(field.value)
            case .to: headers.to += MailAddressParser.parse(field.value)
            case .cc: headers.cc += MailAddressParser.parse(field.value)
            case .date:
                guard dateField == nil else { return }
                dateField = (EncodedWords.text(field.value), field.location)
                headers.date = MailDate(rfc5322: field.value)
            case .messageID:
                if headers.messageID == nil { headers.messageID = normalizedMessageID(field.value) }
            case .listID:
                if headers.listID == nil { headers.listID = EncodedWords.text(field.value) }
            case .precedence:
                if headers.precedence == nil { headers.precedence = EncodedWords.text(field.value) }
            case .autoSubmitted:
                if headers.autoSubmitted == nil { headers.autoSubmitted = EncodedWords.text(field.value) }
            case .listUnsubscribe: headers.hasListUnsubscribe = true
            case .gmailLabels:
                guard !seenLabels else { return }
                seenLabels = true
                headers.gmailLabels = labels(EncodedWords.decode(field.value))
            }
        }
        return ParsedMail(headers: headers, dateField: dateField)
    }

    /// The Message-ID's content: between `<` and `>` when both are there, else the value, without
    /// white space; `nil` when nothing is left.
    static func normalizedMessageID(_ value: [UInt8]) -> String? {
        var id = value[...]
        if let open = id.firstIndex(of: 0x3C), let close = id[(open + 1)...].firstIndex(of: 0x3E) {
            id = id[(open + 1)..<close]
        }
        let kept = id.filter { !isSpace($0) }
        return kept.isEmpty ? nil : EncodedWords.text(Array(kept))
    }

    /// Gmail's label list: comma-separated, a label with a comma in double quotes.
    static func labels(_ text: String) -> [String] {
        var labels: [String] = []
        var current = ""
        var quoted = false
        for c in text {
            if c == "\"" {
                quoted.toggle()
            } else if c == ",", !quoted {
                labels.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        labels.append(current)
        return labels.compactMap { label in
            let trimmed = label.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
            return trimmed.isEmpty ? nil : String(trimmed)
        }
    }
}
