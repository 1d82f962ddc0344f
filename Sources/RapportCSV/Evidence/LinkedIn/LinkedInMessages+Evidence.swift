import Rapport

/// The people of one `messages.csv`, each under one id: the normalized profile URL when known
/// (`url:linkedin.com/in/zoe`), else the folded name (`name:zoe lefevre`), and a dense index for
/// each id so that conversations are sets of small integers.
struct LinkedInParticipants {
    /// The id of each person index.
    private(set) var ids: [String] = []
    /// The name and URL shown for each person index (the first non-empty ones seen).
    private(set) var shown: [LinkedInName] = []
    /// Each row's sender (`-1`: no name, no URL) and recipients, as person indices.
    private(set) var senders: [Int32] = []
    private(set) var recipients: [[Int32]] = []

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
        // Folded name → the one profile URL key it was seen with (names seen with two URLs map to none).
        var urls: [String: Set<String>] = [:]
        for row in rows {
            for person in CollectionOfOne(row.sender) + row.recipients {
                guard let url = person.url, !person.name.isEmpty else { continue }
                urls[nameKey(person.name), default: []].insert(urlKey(url))
            }
        }
        var urlByName: [String: String] = [:]
        for (name, set) in urls where set.count == 1 { urlByName[name] = set.first }
        var indexByID: [String: Int32] = [:]
        func index(of person: LinkedInName) -> Int32 {
            let id: String
            if let url = person.url {
                id = "url:" + urlKey(url)
            } else {
                let key = nameKey(person.name)
                if key.isEmpty { return -1 }
                id = urlByName[key].map { "url:" + $0 } ?? "name:" + key
            }
            if let i = indexByID[id] {
                if shown[Int(i)].name.isEmpty { shown[Int(i)].name = person.name }
                if shown[Int(i)].url == nil { shown[Int(i)].url = person.url }
                return i
            }
            let i = Int32(ids.count)
            indexByID[id] = i
            ids.append(id)
            shown.append(person)
            return i
        }
        senders.reserveCapacity(rows.count)
        recipients.reserveCapacity(rows.count)
        for row in rows {
            senders.append(index(of: row.sender))
            recipients.append(row.recipients.map(index(of:)).filter { $0 >= 0 })
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
        var conversationIndex: [String: Int] = [:]
        var conversations: [[Int]] = []
        for (i, row) in rows.enumerated() {
            if let c = conversationIndex[row.conversation] {
                conversations[c].append(i)
            } else {
                conversationIndex[row.conversation] = conversations.count
                conversations.append([i])
            }
        }
        let members: [Set<Int32>] = conversations.map { indices in
            var set: Set<Int32> = []
            for i in indices where rows[i].skip != "draft" && rows[i].skip != "spam" {
                if people.senders[i] >= 0 { set.insert(people.senders[i]) }
                set.formUnion(people.recipients[i])
            }
            return set
        }
        let mine = selfIndices(me, people: people, members: members, file: &file)
        // One counter for the file: ids and timestamps holding `|` cannot make two keys alike.
        var keys = LinkedInDedupeKeys(prefix: "message", capacity: rows.count)
        for (c, indices) in conversations.enumerated() {
            let others = members[c].subtracting(mine)
            var writers: Set<Int32> = []
            for i in indices where rows[i].skip == nil && people.senders[i] >= 0 { writers.insert(people.senders[i]) }
            let meWrote = !writers.isDisjoint(with: mine)
            for i in indices {
                if let reason = rows[i].skip {
                    file.skipped[reason, default: 0] += 1
                    continue
                }
                // A skip reason covers a missing day; a sender whose name folds to nothing is counted here.
                let sender = people.senders[i]
                guard let day = rows[i].day, sender >= 0 else {
                    file.skipped["no sender", default: 0] += 1
                    continue
                }
                let fromMe = mine.contains(sender)
                let party: Int32
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
                let key = keys.key("\(rows[i].conversation)|\(rows[i].timestamp)|\(people.ids[Int(sender)])")
                let shown = people.shown[Int(party)]
                file.records.append(
                    EvidenceRecord(
                        source: .linkedin, key: key, date: day, kind: .message,
                        party: EvidenceParty(name: shown.name, profileURL: shown.url), isOneOnOne: others.count == 1,
                        words: rows[i].words, initiatedBy: fromMe ? .me : .them,
                        reciprocated: meWrote && writers.contains(party), location: rows[i].location))
            }
        }
        return file
    }

    /// The people that are the user: by profile URL, then by folded name (a name-matched
    /// participant with a URL counts only when no URL matched at all), else the participant in
    /// the most conversations, with a warning.
    private func selfIndices(
        _ me: SelfIdentity, people: LinkedInParticipants, members: [Set<Int32>], file: inout EvidenceFile
    ) -> Set<Int32> {
        let urlKeys = Set(me.profileURLs.map { "url:" + ProfileURL.key($0) })
        let keys = IdentityKeys()
        let nameKeys = Set(me.names.map(keys.person).filter { !$0.isEmpty })
        var mine: Set<Int32> = []
        for (i, id) in people.ids.enumerated() where urlKeys.contains(id) { mine.insert(Int32(i)) }
        let byURL = !mine.isEmpty
        for (i, id) in people.ids.enumerated() where nameKeys.contains(keys.person(people.shown[i].name)) {
            if id.hasPrefix("name:") || !byURL { mine.insert(Int32(i)) }
        }
        if !mine.isEmpty || members.isEmpty { return mine }
        var presence = [Int](repeating: 0, count: people.ids.count)
        for set in members { for i in set { presence[Int(i)] += 1 } }
        // The most conversations; on a tie, the smallest id, so that every read picks the same one.
        guard
            let best = presence.indices.filter({ presence[$0] > 0 }).max(by: {
                (presence[$0], people.ids[$1]) < (presence[$1], people.ids[$0])
            })
        else { return [] }
        file.warnings.append(
            ImportWarning(
                "none of the participants matches your profile URL or name; taking '\(people.shown[best].name)', present in \(presence[best]) of \(members.count) conversations, as you",
                at: SourceLocation(path: path, line: 1, column: 1)))
        return [Int32(best)]
    }
}
