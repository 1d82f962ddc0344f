import Rapport

/// Whether someone is among the member's connections (`Connections.csv`): by profile URL, else by
/// a full name that only one connection has.
struct LinkedInConnectionIndex: Sendable {
    private var urls: Set<String> = []
    private var names: [String: Int] = [:]

    init(_ connections: ParsedFile?) {
        let keys = IdentityKeys()
        for record in connections?.people ?? [] {
            if let url = record.person.profileURL, !url.isEmpty { urls.insert(ProfileURL.key(url)) }
            let name = keys.person("\(record.person.firstName) \(record.person.lastName)")
            if !name.isEmpty { names[name, default: 0] += 1 }
        }
    }

    /// - Complexity: O(length of the name and URL).
    func contains(_ person: LinkedInName) -> Bool {
        if let url = person.url { return urls.contains(ProfileURL.key(url)) }
        return names[IdentityKeys().person(person.name)] == 1
    }
}

/// One row of `Invitations.csv`: who invited whom to connect, when, and how long the note was.
struct LinkedInInvitation: Hashable, Sendable {
    var incoming: Bool
    /// The other side: `From` and `inviterProfileUrl` for an incoming invitation, `To` and
    /// `inviteeProfileUrl` for an outgoing one.
    var party: LinkedInName
    /// The member's own profile URL when the row gives it (the other end of the invitation).
    var ownURL: String?
    var timestamp: String
    var day: Day?
    var words: Int
    var location: SourceLocation
}

/// `Invitations.csv`: `From, To, Sent At, Message, Direction`; exports since about 2022 add
/// `inviterProfileUrl, inviteeProfileUrl`.
struct LinkedInInvitations: Sendable {
    var path: String
    var rows: [LinkedInInvitation]
    var warnings: [ImportWarning]

    enum Columns {
        static let from = ["From"], to = ["To"], sentAt = ["Sent At", "Sent"], message = ["Message"]
        static let direction = ["Direction"], inviter = ["inviterProfileUrl", "Inviter Profile Url"]
        static let invitee = ["inviteeProfileUrl", "Invitee Profile Url"]
    }

    /// - Throws: the CSV reader's errors, `.missingColumn` (`From`, `To`, `Sent At`, `Direction`),
    ///   `.unreadableDate` at `Sent At`, `.unknownValue` for a direction other than INCOMING/OUTGOING.
    /// - Complexity: O(bytes).
    init(path: String, bytes: [UInt8]) throws(ImportError) {
        let table = try LinkedInTable(
            path: path, bytes: bytes, file: "Invitations.csv",
            required: [Columns.from, Columns.to, Columns.sentAt, Columns.direction])
        self.path = path
        warnings = table.warnings
        rows = []
        for row in table.rows {
            let direction = row.text(Columns.direction).uppercased()
            guard direction == "INCOMING" || direction == "OUTGOING" else {
                throw ImportError(
                    .unknownValue(
                        column: "Direction", value: row.text(Columns.direction), allowed: ["INCOMING", "OUTGOING"]),
                    at: row.location(Columns.direction))
            }
            let incoming = direction == "INCOMING"
            let inviter = LinkedInName(name: row.text(Columns.from), url: nonEmpty(row.text(Columns.inviter)))
            let invitee = LinkedInName(name: row.text(Columns.to), url: nonEmpty(row.text(Columns.invitee)))
            rows.append(
                LinkedInInvitation(
                    incoming: incoming, party: incoming ? inviter : invitee,
                    ownURL: incoming ? invitee.url : inviter.url,
                    timestamp: row.text(Columns.sentAt), day: try row.linkedInDay(Columns.sentAt),
                    words: WordCount.words(row.text(Columns.message)), location: row.location))
        }
    }

    /// One record per invitation: kind `.invitation`, `initiatedBy` the inviter's side, `words`
    /// the length of the personal note (0 without one).
    ///
    /// `reciprocated` is true when the other side is in Connections.csv: the invitation was
    /// accepted, so both acted. A note on an invitation nobody accepted stays one-way, so a
    /// stranger's pitch never creates a person; the note still counts through `words`.
    /// Key: `invitation:<INCOMING|OUTGOING>|<party>|<Sent At>|<ordinal>`.
    /// - Complexity: O(rows).
    func evidence(connections: LinkedInConnectionIndex) -> EvidenceFile {
        var file = EvidenceFile(path: path, warnings: warnings)
        var keys = LinkedInDedupeKeys(prefix: "invitation")
        for row in rows {
            guard let (day, party) = file.dated(row.day, row.party) else { continue }
            file.records.append(
                EvidenceRecord(
                    source: .linkedin,
                    key: keys.key("\(row.incoming ? "INCOMING" : "OUTGOING")|\(party)|\(row.timestamp)"),
                    date: day, kind: .invitation,
                    party: EvidenceParty(name: row.party.name, profileURL: row.party.url), isOneOnOne: true,
                    words: row.words, initiatedBy: row.incoming ? .them : .me,
                    reciprocated: connections.contains(row.party), location: row.location))
        }
        return file
    }

    /// The member's own profile URL, as the invitations give it most often; `nil` when none does.
    var ownProfileURL: String? {
        var counts: [String: (count: Int, url: String)] = [:]
        for row in rows {
            guard let url = row.ownURL else { continue }
            let key = ProfileURL.key(url)
            counts[key] = ((counts[key]?.count ?? 0) + 1, counts[key]?.url ?? url)
        }
        return counts.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.value.url
    }
}

extension EvidenceFile {
    /// The day and party id of a row that has both; otherwise `nil`, the row counted as skipped
    /// ("no date", "no name").
    mutating func dated(_ day: Day?, _ party: LinkedInName) -> (Day, String)? {
        guard let day else {
            skipped["no date", default: 0] += 1
            return nil
        }
        guard let id = party.id(IdentityKeys()) else {
            skipped["no name", default: 0] += 1
            return nil
        }
        return (day, id)
    }
}
