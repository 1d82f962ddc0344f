import Rapport

/// Someone named in a LinkedIn file: a display name and, in exports since about 2020, a profile URL.
struct LinkedInName: Hashable, Sendable {
    var name: String
    var url: String?

    /// `url:` and the normalized profile URL, else `name:` and the folded name; `nil` for neither.
    func id(_ keys: IdentityKeys) -> String? {
        if let url { return "url:" + ProfileURL.key(url) }
        let name = keys.person(name)
        return name.isEmpty ? nil : "name:" + name
    }
}

/// Dedupe keys `<prefix>:<base>|<ordinal>`, the ordinal counting earlier rows of the same base in
/// the file: two rows alike in every keyed field are two records, and a second read of the file
/// gives the same keys.
struct LinkedInDedupeKeys {
    let prefix: String
    private var seen: [String: Int] = [:]

    init(prefix: String, capacity: Int = 0) {
        self.prefix = prefix
        seen.reserveCapacity(capacity)
    }

    /// - Complexity: O(length of `base`) expected.
    mutating func key(_ base: String) -> String {
        let ordinal = seen[base, default: 0]
        seen[base] = ordinal + 1
        return "\(prefix):\(base)|\(ordinal)"
    }
}

/// One row of `messages.csv`, checked and reduced to what evidence needs: no content, no subject,
/// only the word count.
struct LinkedInMessageRow: Hashable, Sendable {
    var conversation: String
    var sender: LinkedInName
    var recipients: [LinkedInName]
    /// The DATE cell as written (trimmed): part of the dedupe key.
    var timestamp: String
    var day: Day?
    var words: Int?
    /// Why the row gives no evidence, if it gives none ("draft", "spam", "system message", …).
    var skip: String?
    var location: SourceLocation
}

/// `messages.csv`: every message the member sent or received, one row each.
///
/// Columns (current exports): `CONVERSATION ID, CONVERSATION TITLE, FROM, SENDER PROFILE URL, TO,
/// RECIPIENT PROFILE URLS, DATE, SUBJECT, CONTENT, FOLDER, ATTACHMENTS, IS MESSAGE DRAFT`; older
/// exports lack `SENDER PROFILE URL`, `RECIPIENT PROFILE URLS`, `FOLDER` and `IS MESSAGE DRAFT`.
/// `CONVERSATION ID`, `FROM` and `DATE` are required.
struct LinkedInMessages: Sendable {
    var path: String
    var rows: [LinkedInMessageRow]
    var warnings: [ImportWarning]

    enum Columns {
        static let conversation = ["CONVERSATION ID"], from = ["FROM"], senderURL = ["SENDER PROFILE URL"]
        static let to = ["TO"], recipientURLs = ["RECIPIENT PROFILE URLS", "RECIPIENT PROFILE URL"]
        static let date = ["DATE"], content = ["CONTENT"], folder = ["FOLDER"], draft = ["IS MESSAGE DRAFT"]
    }

    /// Reads and checks every row; the content is counted in words and dropped.
    /// - Throws: the CSV reader's errors, `.missingColumn` for a required column,
    ///   `.unreadableDate` / `.unreadableBoolean` at the cell.
    /// - Complexity: O(bytes).
    init(path: String, bytes: [UInt8]) throws(ImportError) {
        var table = try LinkedInTable(
            path: path, bytes: bytes, file: "messages.csv",
            required: [Columns.conversation, Columns.from, Columns.date], streaming: true)
        self.path = path
        let conversation = table.index(Columns.conversation), from = table.index(Columns.from)
        let senderURL = table.index(Columns.senderURL), to = table.index(Columns.to)
        let recipientURLs = table.index(Columns.recipientURLs), date = table.index(Columns.date)
        let content = table.index(Columns.content), folder = table.index(Columns.folder)
        let draft = table.index(Columns.draft)
        var rows: [LinkedInMessageRow] = []
        while let row = try table.nextRow() {
            let timestamp = row.text(at: date)
            let day = try row.linkedInDay(at: date)
            let text = row.text(at: content)
            let sender = LinkedInName(name: row.text(at: from), url: nonEmpty(row.text(at: senderURL)))
            let draftFlag = row.text(at: draft)
            let isDraft: Bool
            if draftFlag.isEmpty {
                isDraft = false
            } else if let flag = CellValues.boolean(draftFlag) {
                isDraft = flag
            } else {
                throw ImportError(
                    .unreadableBoolean(column: "IS MESSAGE DRAFT", value: draftFlag), at: row.location(at: draft))
            }
            let box = row.text(at: folder).uppercased()
            var skip: String?
            if isDraft || box == "DRAFT" || box == "DRAFTS" {
                skip = "draft"
            } else if box == "SPAM" {
                skip = "spam"
            } else if let reason = Self.systemReason(sender: sender, content: text) {
                skip = reason
            } else if day == nil {
                skip = "no date"
            }
            rows.append(
                LinkedInMessageRow(
                    conversation: row.text(at: conversation), sender: sender,
                    recipients: Self.recipients(names: row.text(at: to), urls: row.text(at: recipientURLs)),
                    timestamp: timestamp, day: day, words: content == nil ? nil : WordCount.words(text), skip: skip,
                    location: row.location))
        }
        self.rows = rows
        warnings = table.warnings
    }

    /// The recipients of a row: the `TO` names paired with the `RECIPIENT PROFILE URLS` when both
    /// lists have the same length; the URLs alone when they do not (a name with a comma in it); the
    /// names alone in exports without URLs. Both lists are split on `,` and `;`: exports use either.
    static func recipients(names: String, urls: String) -> [LinkedInName] {
        // Over the UTF-8 bytes: `,` `;` and the spaces and tabs that trim are ASCII, never inside a
        // multi-byte character (a Character-wise split was a quarter of the file's reading time).
        func split(_ text: String) -> [String] {
            var parts: [String] = []
            let utf8 = Array(text.utf8)
            var start = 0
            func flush(_ end: Int) {
                var a = start, b = end
                while a < b, utf8[a] == 0x20 || utf8[a] == 0x09 { a += 1 }
                while b > a, utf8[b - 1] == 0x20 || utf8[b - 1] == 0x09 { b -= 1 }
                if a < b { parts.append(String(decoding: utf8[a..<b], as: UTF8.self)) }
            }
            for (i, b) in utf8.enumerated() where b == UInt8(ascii: ",") || b == UInt8(ascii: ";") {
                flush(i)
                start = i + 1
            }
            flush(utf8.count)
            return parts
        }
        let urlList = split(urls)
        let nameList = split(names)
        if urlList.isEmpty { return nameList.map { LinkedInName(name: $0, url: nil) } }
        if nameList.count == urlList.count { return zip(nameList, urlList).map { LinkedInName(name: $0, url: $1) } }
        return urlList.map { LinkedInName(name: "", url: $0) }
    }

    /// Why a row is LinkedIn's, not a member's, or `nil` for a real message.
    ///
    /// Matched conservatively, on the whole (short, one-line) CONTENT or the exact sender name:
    /// - no sender at all (no name, no URL): an event row;
    /// - "Message request accepted", "… left the conversation", "… joined the conversation",
    ///   "… added … to the conversation", "… removed … from the conversation" (group events, as
    ///   LinkedIn's messaging shows and exports them);
    /// - sender "Sponsored Conversation" or "LinkedIn Talent Solutions" (sponsored InMail: ads);
    /// - sender "LinkedIn Member" without a URL (an account since closed: nobody to attach it to).
    static func systemReason(sender: LinkedInName, content: String) -> String? {
        if sender.name.isEmpty && sender.url == nil { return "system message" }
        switch sender.name.lowercased() {
        case "sponsored conversation", "linkedin talent solutions": return "sponsored"
        case "linkedin member" where sender.url == nil: return "closed account"
        default: break
        }
        // U+2028 and U+2029 (E2 80 A8/A9) aside, line breaks are ASCII: checked over bytes.
        guard content.utf8.count <= 160, !content.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0xE2 })
        else { return nil }
        var text = content.lowercased()
        while text.hasSuffix(".") || text.hasSuffix("!") { text.removeLast() }
        if text == "message request accepted" || text == "you accepted the message request" { return "system message" }
        if text.hasSuffix(" left the conversation") || text.hasSuffix(" joined the conversation") {
            return "system message"
        }
        if (text.hasSuffix(" to the conversation") && text.contains(" added "))
            || (text.hasSuffix(" from the conversation") && text.contains(" removed "))
        {
            return "system message"
        }
        return nil
    }
}
