import Rapport

/// The people of one `messages.csv`, each under one id: the normalized profile URL when known
/// (`url:linkedin.com/in/zoe`), else the folded name (`name:zoe lefevre`).
struct LinkedInParticipants {
    /// Folded name → the one profile URL key it was seen with (names seen with two URLs map to none).
    private var urlByName: [String: String] = [:]
    /// id → the name and URL shown for it (the first non-empty ones seen).
    private(set) var shown: [String: LinkedInName] = [:]
    /// Each row's sender id (`nil`: no name, no URL) and recipient ids.
    private(set) var senders: [String?] = []
    private(set) var recipients: [[String]] = []

    /// - Complexity: O(rows · people per row); each distinct name or URL is folded once.
    init(_ rows: [LinkedInMessageRow]) {
        var urlKeys: [String: String] = [:]
        var nameKeys: [String: String] = [:]
        let keys = IdentityKeys()
        func urlKey(_ url: String) -> String {
            if let key = urlKeys[url] { return key }
            let key = ProfileURL.key(url)
            urlKeys[url] = key
            return key
        }
        func nameKey(_ name: String) -> String {
            if let key = nameKeys[name] { return key }
            let key = keys.person(name)
            nameKeys[name] = key
            return key
        }
        var urls: [String: Set<String>] = [:]
        for row in rows {
            for person in [row.sender] + row.recipients {
                guard let url = person.url, !person.name.isEmpty else { continue }
                urls[nameKey(person.name), default: []].insert(urlKey(url))
            }
        }
        for (name, set) in urls where set.count == 1 { urlByName[name] = set.first }
        func id(of person: LinkedInName) -> String? {
            if let url = person.url { return "url:" + urlKey(url) }
            let key = nameKey(person.name)
            if key.isEmpty { return nil }
            if let url = urlByName[key] { return "url:" + url }
            return "name:" + key
        }
        senders.reserveCapacity(rows.count)
        recipients.reserveCapacity(rows.count)
        for row in rows {
            var ids: [String] = []
            for (k, person) in ([row.sender] + row.recipients).enumerated() {
                let personID = id(of: person)
                if k == 0 { senders.append(personID) }
                guard let personID else { continue }
                if k > 0 { ids.append(personID) }
                var entry = shown[personID] ?? LinkedInName(name: "", url: nil)
                if entry.name.isEmpty { entry.name = person.name }
                if entry.url == nil { entry.url = person.url }
                shown[personID] = entry
            }
            recipients.append(ids)
        }
    }
}

extension LinkedInMessages {
    /// The evidence of the file, seen from `me`.
    ///
    /// - A conversation's participants are every sender and recipient of its rows, drafts and spam
    ///   aside. Exactly one besides the user: one-on-one; more: a group, whatever its size.
    /// - One-on-one: each message is a record with the other participant, `initiatedBy` the
    ///   sender's side, `reciprocated` when both sides wrote in the conversation.
    /// - Group: each message from someone else is a group record with its sender, `reciprocated`
    ///   when the user also wrote there; the user's own messages to a group make no record
    ///   (counted as skipped, "own message to a group").
    /// - The user is whoever matches `me.profileURLs`, else `me.names` (folded like `NameKey`);
    ///   when nobody does, the participant present in the most conversations, with a warning.
    /// - Key: `message:<conversation id>|<DATE>|<sender id>|<ordinal among identical triples>`.
    /// - Complexity: O(rows · participants per row).
    func evidence(for me: SelfIdentity) -> EvidenceFile {
        var file = EvidenceFile(path: path, warnings: warnings)
        let people = LinkedInParticipants(rows)
        // Conversations in order of first appearance; rows in file order.
        var order: [String] = []
        var byConversation: [String: [Int]] = [:]
        for (i, row) in rows.enumerated() {
            if byConversation[row.conversation] == nil { order.append(row.conversation) }
            byConversation[row.conversation, default: []].append(i)
        }
        func counts(_ row: LinkedInMessageRow) -> Bool { row.skip != "draft" && row.skip != "spam" }
        var members: [String: Set<String>] = [:]
        for conversation in order {
            var set: Set<String> = []
            for i in byConversation[conversation] ?? [] where counts(rows[i]) {
                if let sender = people.senders[i] { set.insert(sender) }
                set.formUnion(people.recipients[i])
            }
            members[conversation] = set
        }
        let mine = selfIDs(me, people: people, members: members, order: order, file: &file)
        // One counter for the file: ids and timestamps holding `|` cannot make two keys alike.
        var ordinals: [String: Int] = [:]
        for conversation in order {
            let indices = byConversation[conversation] ?? []
            let others = (members[conversation] ?? []).subtracting(mine)
            var writers: Set<String> = []
            for i in indices where rows[i].skip == nil { if let id = people.senders[i] { writers.insert(id) } }
            let meWrote = !writers.isDisjoint(with: mine)
            for i in indices {
                let row = rows[i]
                if let reason = row.skip {
                    file.skipped[reason, default: 0] += 1
                    continue
                }
                // A skip reason covers a missing day; a sender whose name folds to nothing is counted here.
                guard let day = row.day, let sender = people.senders[i] else {
                    file.skipped["no sender", default: 0] += 1
                    continue
                }
                let triple = "\(conversation)|\(row.timestamp)|\(sender)"
                let ordinal = ordinals[triple, default: 0]
                ordinals[triple] = ordinal + 1
                let fromMe = mine.contains(sender)
                let party: String
                if others.count == 1, let other = others.first {
                    party = other
                } else if others.isEmpty {
                    file.skipped["no other participant", default: 0] += 1
                    continue
                } else if fromMe {
                    file.skipped["own message to a group", default: 0] += 1
                    continue
                } else {
                    party = sender
                }
                let shown = people.shown[party] ?? row.sender
                file.records.append(
                    EvidenceRecord(
                        source: .linkedin, key: "message:\(triple)|\(ordinal)", date: day, kind: .message,
                        party: EvidenceParty(name: shown.name, profileURL: shown.url), isOneOnOne: others.count == 1,
                        words: row.words, initiatedBy: fromMe ? .me : .them,
                        reciprocated: meWrote && writers.contains(party), location: row.location))
            }
        }
        return file
    }

    /// The ids that are the user: by profile URL, then by folded name (a name-matched participant
    /// with a URL counts only when no URL matched at all), else the participant in the most
    /// conversations, with a warning.
    private func selfIDs(
        _ me: SelfIdentity, people: LinkedInParticipants, members: [String: Set<String>], order: [String],
        file: inout EvidenceFile
    ) -> Set<String> {
        let urlKeys = Set(me.profileURLs.map { "url:" + ProfileURL.key($0) })
        let keys = IdentityKeys()
        let nameKeys = Set(me.names.map(keys.person).filter { !$0.isEmpty })
        let all = Set(people.shown.keys)
        var mine = all.intersection(urlKeys)
        let byURL = !mine.isEmpty
        for (id, shown) in people.shown where nameKeys.contains(keys.person(shown.name)) {
            if id.hasPrefix("name:") || !byURL { mine.insert(id) }
        }
        if !mine.isEmpty || order.isEmpty { return mine }
        var presence: [String: Int] = [:]
        for conversation in order { for id in members[conversation] ?? [] { presence[id, default: 0] += 1 } }
        guard let best = presence.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { return [] }
        let name = people.shown[best.key]?.name ?? ""
        file.warnings.append(
            ImportWarning(
                "none of the participants matches your profile URL or name; taking '\(name)', present in \(best.value) of \(order.count) conversations, as you",
                at: SourceLocation(path: path, line: 1, column: 1)))
        return [best.key]
    }
}
