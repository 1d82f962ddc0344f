import Rapport

/// Someone named in a LinkedIn file: a display name and, in exports since about 2020, a profile URL.
struct LinkedInName: Hashable, Sendable {
    var name: String
    var url: String?
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
        let table = try LinkedInTable(
            path: path, bytes: bytes, file: "messages.csv",
            required: [Columns.conversation, Columns.from, Columns.date])
        self.path = path
        warnings = table.warnings
        let hasContent = table.column(Columns.content) != nil
        var rows: [LinkedInMessageRow] = []
        rows.reserveCapacity(table.rows.count)
        for row in table.rows {
            let timestamp = row.text(Columns.date)
            let day = try row.linkedInDay(Columns.date)
            let content = hasContent ? row.text(Columns.content) : ""
            let sender = LinkedInName(name: row.text(Columns.from), url: nonEmpty(row.text(Columns.senderURL)))
            let draftFlag = row.text(Columns.draft)
            let isDraft: Bool
            if draftFlag.isEmpty {
                isDraft = false
            } else if let flag = CellValues.boolean(draftFlag) {
                isDraft = flag
            } else {
                throw ImportError(
                    .unreadableBoolean(column: "IS MESSAGE DRAFT", value: draftFlag), at: row.location(Columns.draft))
            }
            let folder = row.text(Columns.folder).uppercased()
            var skip: String?
            if isDraft || folder == "DRAFT" || folder == "DRAFTS" {
                skip = "draft"
            } else if folder == "SPAM" {
                skip = "spam"
            } else if let reason = Self.systemReason(sender: sender, content: content) {
                skip = reason
            } else if day == nil {
                skip = "no date"
            }
            rows.append(
                LinkedInMessageRow(
                    conversation: row.text(Columns.conversation), sender: sender,
                    recipients: Self.recipients(names: row.text(Columns.to), urls: row.text(Columns.recipientURLs)),
                    timestamp: timestamp, day: day, words: hasContent ? WordCount.words(content) : nil, skip: skip,
                    location: row.location))
        }
        self.rows = rows
    }

    /// The recipients of a row: the `TO` names paired with the `RECIPIENT PROFILE URLS` when both
    /// lists have the same length; the URLs alone when they do not (a name with a comma in it); the
    /// names alone in exports without URLs. Both lists are split on `,` and `;`: exports use either.
    static func recipients(names: String, urls: String) -> [LinkedInName] {
        func split(_ text: String) -> [String] {
            text.split(whereSeparator: { $0 == "," || $0 == ";" }).map { CellValues.trimmed(String($0)) }
                .filter { !$0.isEmpty }
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
        guard content.utf8.count <= 160, !content.contains(where: \.isNewline) else { return nil }
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
