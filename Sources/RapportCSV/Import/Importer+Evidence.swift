import Rapport

/// What an import brings besides contact and network files: the evidence the readers found
/// (LinkedIn archive, calendar, mailbox) and the user's own profile.
public struct EvidenceInput: Hashable, Sendable {
    public var files: [EvidenceFile]
    /// The user's profile from a LinkedIn archive (Profile.csv, Positions.csv, Education.csv, …).
    public var profile: OwnProfile?
    /// The user's addresses given on the command line (`--my-email`); stored on `me`.
    public var myEmails: [String]
    /// Files of an archive that were found and not read, for the report ("Ad_Targeting.csv").
    public var ignoredFiles: [String]

    public init(
        files: [EvidenceFile] = [], profile: OwnProfile? = nil, myEmails: [String] = [], ignoredFiles: [String] = []
    ) {
        self.files = files
        self.profile = profile
        self.myEmails = myEmails
        self.ignoredFiles = ignoredFiles
    }

    public var isEmpty: Bool { files.isEmpty && profile == nil && myEmails.isEmpty }
}

extension Importer {
    /// Who the user is for the evidence readers: the workspace's `me` (e-mails, full name, profile
    /// URL), `adding` (a LinkedIn archive's own `selfIdentity`) and `emails` (`--my-email`).
    /// - Complexity: O(people) to find `me`.
    public static func selfIdentity(of data: NetworkData, adding: SelfIdentity = SelfIdentity(), emails: [String] = [])
        -> SelfIdentity
    {
        var identity = adding
        identity.emails.formUnion(emails.map(IdentityKeys.lowercased))
        guard let me = data.people.first(where: \.isSelf) else { return identity }
        identity.emails.formUnion(me.emails.map(IdentityKeys.lowercased).filter { !$0.isEmpty })
        if !me.hasPlaceholderName, !(me.firstName + me.lastName).isEmpty { identity.names.insert(me.displayName) }
        if let url = me.profileURL, !url.isEmpty { identity.profileURLs.insert(url) }
        return identity
    }
}

/// How a party resolved.
private enum PartyResolution {
    case person(Int, EvidenceMatch)
    case ambiguous([Int])
    case unknown
}

/// An unknown party seen in this import, with what all its records say.
private struct PendingParty {
    var party: EvidenceParty
    var reciprocated = false
    var sources: [InteractionSource] = []
}

extension Merge {
    /// Merges `input` (after the people-bearing files, before the reference phase): updates `me`
    /// from the profile and `--my-email`, resolves every record's party, creates a person for each
    /// unknown party with a two-way exchange, and adds each record as an interaction unless its
    /// `(source, key)` is present. Returns one report per evidence file, in order.
    ///
    /// A party resolves by profile URL, then e-mail, then a full name that fits exactly one person
    /// (folded for case and diacritics: "Zoë Lefèvre" is "zoe lefevre"; someone of that name with
    /// another profile URL is not them). A name that fits several never guesses. Matched by name,
    /// the party's e-mail and profile URL are added to the person when missing, so the next import
    /// matches by address. No stored tie is written: the snapshot builder gives every interaction
    /// without a tie one of origin `.interaction`, as for native interactions.
    ///
    /// Nothing here can fail: a record that names nobody is reported, never an error.
    /// - Complexity: O(R) expected for R records; the first name lookup builds the name index.
    mutating func addEvidence(_ input: EvidenceInput) -> [EvidenceReport] {
        let first =
            input.files.lazy.flatMap(\.records).first?.location
            ?? SourceLocation(path: input.files.first?.path ?? "evidence", line: 1, column: 1)
        let user = userIndex(at: first)
        updateUser(at: user, profile: input.profile, emails: input.myEmails)
        createReciprocatedParties(of: input.files, user: user)
        var reports: [EvidenceReport] = []
        for file in input.files { reports.append(add(file, user: user)) }
        return reports
    }

    /// The index of `me`, created (with a warning) when the workspace has no user yet.
    private mutating func userIndex(at location: SourceLocation) -> Int {
        if let i = resolver.index(ofID: Person.selfID) { return i }
        warnings.append(ImportWarning("no user (id 'me') yet; created one to hold the evidence", at: location))
        return resolver.add(Person(id: Person.selfID, firstName: Person.placeholderFirstName))
    }

    private mutating func updateUser(at user: Int, profile: OwnProfile?, emails: [String]) {
        let before = resolver.people[user]
        var after = profile?.update(before) ?? before
        after.emails = Person.union(after.emails, emails.map(IdentityKeys.lowercased), caseInsensitive: true)
        guard after != before else { return }
        resolver.replace(at: user, with: after)
        if user < existingPeople { updatedPeople.insert(user) }
    }

    /// The person `party` names, if exactly one.
    private mutating func resolve(_ party: EvidenceParty) -> PartyResolution {
        if let url = party.profileURL, let i = resolver.index(ofProfileURL: url) { return .person(i, .profileURL) }
        if let email = party.email, let i = resolver.index(ofEmail: email) { return .person(i, .email) }
        let named = resolver.indices(named: Merge.name(of: party)).filter { i in
            // Someone of the same name with another profile URL is someone else.
            guard let url = party.profileURL, let theirs = resolver.people[i].profileURL, !theirs.isEmpty else {
                return true
            }
            return ProfileURL.key(theirs) == ProfileURL.key(url)
        }
        switch named.count {
        case 0: return .unknown
        case 1: return .person(named[0], .name)
        default: return .ambiguous(named)
        }
    }

    /// The party's name, unless the source put an address there.
    private static func name(of party: EvidenceParty) -> String { party.name.contains("@") ? "" : party.name }

    /// What groups the records of one unknown party: its e-mail, else its profile URL, else its
    /// folded name; `nil` for a party with none of them.
    private func groupKey(_ party: EvidenceParty) -> String? {
        if let email = party.email, !email.isEmpty { return "e:" + IdentityKeys.lowercased(email) }
        if let url = party.profileURL, !ProfileURL.key(url).isEmpty { return "u:" + ProfileURL.key(url) }
        let name = NameKey.person(Merge.name(of: party))
        return name.isEmpty ? nil : "n:" + name
    }

    /// Creates a person for each unknown party with at least one reciprocated record, tagged
    /// `found-in:<source>`. A party that resolves once an earlier one is created (the same name,
    /// seen with its address in the mail and its profile URL on LinkedIn) completes that person.
    private mutating func createReciprocatedParties(of files: [EvidenceFile], user: Int) {
        var pending: [String: PendingParty] = [:]
        var order: [String] = []
        for file in files {
            for record in file.records {
                guard case .unknown = resolve(record.party), let key = groupKey(record.party) else { continue }
                if pending[key] == nil { order.append(key) }
                var seen = pending[key] ?? PendingParty(party: record.party)
                seen.reciprocated = seen.reciprocated || record.reciprocated
                if !seen.sources.contains(record.source) { seen.sources.append(record.source) }
                if seen.party.name.isEmpty { seen.party.name = record.party.name }
                if seen.party.profileURL == nil { seen.party.profileURL = record.party.profileURL }
                pending[key] = seen
            }
        }
        for key in order {
            guard let candidate = pending[key], candidate.reciprocated else { continue }
            switch resolve(candidate.party) {
            case .person(let i, _):
                if i != user { complete(i, with: candidate.party) }
            case .ambiguous:
                continue
            case .unknown:
                let (firstName, lastName) = Merge.split(Merge.name(of: candidate.party))
                var person = Person(
                    id: "", firstName: firstName, lastName: lastName,
                    emails: candidate.party.email.map { [IdentityKeys.lowercased($0)] } ?? [],
                    profileURL: candidate.party.profileURL,
                    tags: candidate.sources.map { "found-in:\($0.rawValue)" })
                person.id = resolver.freshID(for: person)
                createdByEvidence.insert(resolver.add(person))
            }
        }
    }

    /// "Zoë Lefèvre" → ("Zoë", "Lefèvre"); "Lefèvre, Zoë" → ("Zoë", "Lefèvre"); "Cher" → ("Cher", "").
    static func split(_ name: String) -> (String, String) {
        let parts = name.split(separator: ",", omittingEmptySubsequences: true)
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty { return (parts[1], parts[0]) }
        let words = name.split(whereSeparator: \.isWhitespace)
        guard let first = words.first else { return ("", "") }
        return (String(first), words.dropFirst().joined(separator: " "))
    }

    /// Adds the party's e-mail and profile URL to person `i` when missing.
    private mutating func complete(_ i: Int, with party: EvidenceParty) {
        var person = resolver.people[i]
        if let email = party.email, !email.isEmpty, resolver.index(ofEmail: email) == nil {
            person.emails.append(IdentityKeys.lowercased(email))
        }
        if (person.profileURL ?? "").isEmpty, let url = party.profileURL, !url.isEmpty,
            resolver.index(ofProfileURL: url) == nil
        {
            person.profileURL = url
        }
        guard person != resolver.people[i] else { return }
        resolver.replace(at: i, with: person)
        if i < existingPeople { updatedPeople.insert(i) }
    }

    /// Adds the records of one file; its report.
    private mutating func add(_ file: EvidenceFile, user: Int) -> EvidenceReport {
        var report = EvidenceReport(path: file.path, source: file.records.first?.source)
        report.records = file.records.count
        report.skipped = file.skipped
        var noteIndex: [String: Int] = [:]
        func note(_ key: String, _ record: EvidenceRecord, _ outcome: EvidenceNote.Outcome) {
            if let n = noteIndex[key] {
                report.notes[n].records += 1
            } else {
                noteIndex[key] = report.notes.count
                report.notes.append(
                    EvidenceNote(location: record.location, party: record.party, outcome: outcome, records: 1))
            }
        }
        let userID = resolver.people[user].id
        for record in file.records {
            switch resolve(record.party) {
            case .person(let i, _) where i == user:
                report.withYourself += 1
            case .person(let i, var match):
                if match == .name { complete(i, with: record.party) }
                if createdByEvidence.contains(i) {
                    match = .created
                    if createdCounted.insert(i).inserted { report.peopleCreated += 1 }
                }
                let id = resolver.people[i].id
                note("p:" + id, record, .matched(personID: id, by: match))
                let interaction = Interaction(
                    date: record.date, personID: id, withID: userID, kind: record.kind, isOneOnOne: record.isOneOnOne,
                    minutes: record.minutes, initiatedBy: record.initiatedBy, source: record.source,
                    sourceKey: record.key, words: record.words)
                report.matched[match, default: 0] += 1
                if addIfNew(interaction) { report.interactionsNew += 1 } else { report.duplicates += 1 }
            case .ambiguous(let candidates):
                report.ambiguous += 1
                note(
                    "a:" + NameKey.person(record.party.name), record,
                    .ambiguous(candidates: candidates.map { resolver.people[$0].id }.sorted()))
            case .unknown:
                if let key = groupKey(record.party) {
                    report.oneWay += 1
                    note("u:" + key, record, .oneWay)
                } else {
                    report.skipped["no name or address", default: 0] += 1
                }
            }
        }
        return report
    }
}
