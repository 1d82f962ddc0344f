import Rapport

extension Mailbox {
    /// The most recipients (distinct `To` and `Cc` addresses, the user's included) a mail may have
    /// and still count: past 20 it is a broadcast, not a relationship (the calendar's attendee cap).
    public static let maxRecipients = 20

    /// The evidence an mbox gives, seen from the user: one `EvidenceRecord` of kind `.email`
    /// (source `.mail`) per message and other party.
    ///
    /// The user's addresses are `me.emails`; when that is empty, the `From` addresses of the messages
    /// Gmail labelled `Sent`. A message is, in this order:
    /// 1. skipped as `spam`, `trash` or `draft` by its Gmail label (`Spam`, `Trash`, `Draft`, `Drafts`);
    /// 2. skipped as `bulk or list mail` with a `List-Id`, a `List-Unsubscribe`, or `Precedence`
    ///    `bulk`, `list` or `junk`; as `automatic mail` with an `Auto-Submitted` other than `no`;
    /// 3. skipped as `noreply sender` when someone else sent it from a noreply address (`isNoReply`);
    /// 4. from the user: one record per other recipient (`To` + `Cc` minus the user's addresses),
    ///    `initiatedBy .me`, one-on-one when there is exactly one; `no other recipient` when none;
    /// 5. to the user (in `To` or `Cc`): one record with the sender, `initiatedBy .them`, one-on-one
    ///    when the user is the only recipient;
    /// 6. otherwise skipped as `not addressed to you`; and skipped as `more than 20 recipients` past
    ///    `maxRecipients`.
    /// An address without a local part or a domain (`postmaster`, `@example.com`) is never a party.
    /// A message that would count but has no readable `Date` (or, to the user, no sender address) is
    /// skipped with a located warning and counted (`unreadable date`, `no date`, `no sender address`):
    /// header garbage in one message of many should not stop an import, and is never silent.
    ///
    /// `reciprocated`: the file holds counted mail both ways between the user and that party (a reply
    /// from them counts, whichever came first). The record's date is the `Date` header's civil date
    /// in its own offset. The key is the normalized Message-ID, a space and the party's address;
    /// without a Message-ID it is `#` and 16 hex digits of FNV-1a 64 over the date's instant and the
    /// From, To and Cc addresses (stable across runs and re-exports), a space and the address. A key
    /// seen twice in the file (the same message in two folders) counts once (`duplicate message`).
    ///
    /// - Throws: `ImportError` as `readHeaders(path:)`; `.needsYourEmail(source: "mailbox")` at 1:1 when the user's
    ///   addresses are neither given nor found through the `Sent` label.
    /// - Complexity: O(n) in the file's bytes; the mapping is O(r) in the recipients, with hashed lookups.
    public static func evidence(path: String, for me: SelfIdentity) throws(ImportError) -> EvidenceFile {
        try evidence(of: parse(path: path), path: path, for: me)
    }

    /// `evidence(path:for:)` over already parsed messages.
    static func evidence(of messages: [ParsedMail], path: String, for me: SelfIdentity) throws(ImportError)
        -> EvidenceFile
    {
        var own = Set(me.emails.map { $0.lowercased() })
        if own.isEmpty {
            for m in messages where m.headers.gmailLabels.contains(where: { $0.lowercased() == "sent" }) {
                own.formUnion(m.headers.from.map(\.address))
            }
        }
        guard !own.isEmpty else {
            throw ImportError(.needsYourEmail(source: "mailbox"), at: SourceLocation(path: path, line: 1, column: 1))
        }
        var file = EvidenceFile(path: path)
        var pending: [EvidenceRecord] = []
        var wroteTo = Set<String>()
        var heardFrom = Set<String>()
        for message in messages {
            switch classify(message, own: own) {
            case .skip(let reason):
                file.skipped[reason, default: 0] += 1
            case .warn(let reason, let warning):
                file.skipped[reason, default: 0] += 1
                file.warnings.append(warning)
            case .count(let parties, let initiator, let date):
                let h = message.headers
                let idKey = h.messageID ?? "#" + fallbackHash(h)
                for party in parties {
                    if initiator == .me { wroteTo.insert(party.address) } else { heardFrom.insert(party.address) }
                    pending.append(
                        EvidenceRecord(
                            source: .mail, key: idKey + " " + party.address, date: date.localDay, kind: .email,
                            party: EvidenceParty(name: party.name, email: party.address),
                            isOneOnOne: initiator == .me ? parties.count == 1 : isOnlyRecipient(h, own: own),
                            initiatedBy: initiator, reciprocated: false, location: h.location))
                }
            }
        }
        var keys = Set<String>()
        for var record in pending {
            guard keys.insert(record.key).inserted else {
                file.skipped["duplicate message", default: 0] += 1
                continue
            }
            if let address = record.party.email {
                record.reciprocated = wroteTo.contains(address) && heardFrom.contains(address)
            }
            file.records.append(record)
        }
        return file
    }

    private enum Verdict {
        case skip(String)
        case warn(String, ImportWarning)
        case count([MailAddress], Initiator, MailDate)
    }

    private static func classify(_ message: ParsedMail, own: Set<String>) -> Verdict {
        let h = message.headers
        let labels = Set(h.gmailLabels.map { $0.lowercased() })
        if labels.contains("spam") { return .skip("spam") }
        if labels.contains("trash") { return .skip("trash") }
        if labels.contains("draft") || labels.contains("drafts") { return .skip("draft") }
        if h.listID != nil || h.hasListUnsubscribe || ["bulk", "list", "junk"].contains(firstWord(h.precedence)) {
            return .skip("bulk or list mail")
        }
        if let auto = h.autoSubmitted, firstWord(auto) != "no" { return .skip("automatic mail") }
        let sender = h.from.first { isUsable($0.address) }
        let fromMe = h.from.contains { own.contains($0.address) }
        if !fromMe, let sender, isNoReply(sender.address) { return .skip("noreply sender") }
        var recipients = Set<String>()
        var others: [MailAddress] = []
        for r in h.to + h.cc where recipients.insert(r.address).inserted {
            if !own.contains(r.address) && isUsable(r.address) { others.append(r) }
        }
        let toMe = recipients.contains { own.contains($0) }
        guard fromMe || toMe else { return .skip("not addressed to you") }
        if recipients.count > maxRecipients { return .skip("more than \(maxRecipients) recipients") }
        if fromMe && others.isEmpty { return .skip("no other recipient") }
        guard let date = h.date else {
            if let field = message.dateField {
                return .warn(
                    "unreadable date",
                    ImportWarning("unreadable Date header '\(field.text)'; message skipped", at: field.location))
            }
            return .warn("no date", ImportWarning("message without a Date header; skipped", at: h.location))
        }
        if fromMe { return .count(others, .me, date) }
        guard let sender else {
            return .warn(
                "no sender address", ImportWarning("message to you without a From address; skipped", at: h.location))
        }
        return .count([sender], .them, date)
    }

    /// An address with a local part, an `@` and a domain: a party can only be someone with one.
    private static func isUsable(_ address: String) -> Bool {
        guard let at = address.firstIndex(of: "@") else { return false }
        return at != address.startIndex && address.index(after: at) != address.endIndex
    }

    /// The user is the only recipient: every `To` and `Cc` address is one of theirs.
    private static func isOnlyRecipient(_ h: MailHeaders, own: Set<String>) -> Bool {
        (h.to + h.cc).allSatisfy { own.contains($0.address) }
    }

    /// The first word of a header value, lowercased (`bulk` of `Bulk (newsletter)`), or "".
    private static func firstWord(_ value: String?) -> String {
        guard let value else { return "" }
        return String(value.lowercased().prefix { $0.isLetter || $0 == "-" })
    }

    /// Local parts that mark an address no person reads: `noreply`, `no-reply`, `no_reply`,
    /// `donotreply`, `do-not-reply`, `do_not_reply` anywhere in the local part (`jira-noreply`);
    /// `mailer-daemon`, `postmaster`, `bounce`, `bounces`, `notification`, `notifications` as the
    /// whole local part or followed by `+`, `-`, `_`, `.` or a digit (`bounces+123`, `notifications-eu`).
    static let noReplyWords = ["noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply"]
    static let noReplyLocalParts = [
        "mailer-daemon", "postmaster", "bounce", "bounces", "notification", "notifications",
    ]

    /// Whether `address` (lowercased) is a noreply sender, by `noReplyWords` and `noReplyLocalParts`.
    /// - Complexity: O(length of the address).
    public static func isNoReply(_ address: String) -> Bool {
        let local = address.split(separator: "@", maxSplits: 1).first.map(String.init) ?? address
        let bytes = Array(local.utf8)
        func contains(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard bytes.count >= w.count else { return false }
            return (0...(bytes.count - w.count)).contains { bytes[$0..<($0 + w.count)].elementsEqual(w) }
        }
        if noReplyWords.contains(where: contains) { return true }
        for part in noReplyLocalParts where local.hasPrefix(part) {
            guard let next = local.dropFirst(part.count).first else { return true }
            if "+-_.".contains(next) || next.isNumber { return true }
        }
        return false
    }

    /// FNV-1a 64 (Fowler, Noll, Vo) of the date's instant and the From, To and Cc addresses, as 16
    /// hex digits: the stand-in for a missing Message-ID.
    static func fallbackHash(_ h: MailHeaders) -> String {
        var text = "date=" + (h.date.map { String($0.secondsSince1970) } ?? "")
        text += "\nfrom=" + h.from.map(\.address).joined(separator: ",")
        text += "\nto=" + h.to.map(\.address).joined(separator: ",")
        text += "\ncc=" + h.cc.map(\.address).joined(separator: ",")
        return FNV1a64.hex(text.utf8)
    }
}
