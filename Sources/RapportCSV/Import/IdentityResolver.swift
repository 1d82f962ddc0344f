import Rapport

/// Finds people by identity while an import merges: by id, e-mail, profile URL and name.
///
/// Holds the people of the workspace plus those added so far, with dictionary indexes, so every
/// lookup is O(1) expected. The name indexes are built on first use, since files that use ids
/// throughout never need them.
struct IdentityResolver {
    private(set) var people: [Person]
    private var indexByID: [String: Int] = [:]
    /// The ids of `people[idTableBase...]`, once `indexIDsForReferences(from:)` has run and until
    /// a person is added: references then resolve through `IdentifierTable` (an array read for ids
    /// of one numbered shape) instead of a string hash and a probe of a million-entry dictionary.
    private var idTable: IdentifierTable?
    private var idTableBase = 0
    /// Row ids that merged into another person's id.
    private var aliases: [String: String] = [:]
    private var byEmail: [String: Int] = [:]
    private var byURL: [String: Int] = [:]
    private var byName: [String: [Int]]?
    private var byNameAndOrganization: [String: [Int]]?
    private var keys = IdentityKeys()
    /// Per person, whether this import added them from a row with its own id: two such rows are two
    /// people even when they share an e-mail or URL (an alumni directory can list a shared office
    /// address).
    private var addedWithOwnID: [Bool]

    /// - Complexity: O(n) in the number of people.
    init(_ people: [Person]) {
        self.people = people
        addedWithOwnID = [Bool](repeating: false, count: people.count)
        indexByID.reserveCapacity(people.count)
        byEmail.reserveCapacity(people.count)
        for (i, person) in people.enumerated() {
            indexByID[person.id] = i
            indexSecondaryKeys(of: person, at: i)
        }
    }

    /// Makes room for `count` more people in the list and its id and e-mail indexes: a million
    /// rows would otherwise regrow each of them about twenty times. The room is made when the
    /// first person is added: a re-import that adds nobody leaves the stored people shared with
    /// the caller instead of copying a million of them into larger arrays and tables.
    mutating func reserve(additional count: Int) { pendingRoom += count }

    /// Room asked for by `reserve(additional:)` and not made yet.
    private var pendingRoom = 0

    private mutating func makePendingRoom() {
        guard pendingRoom > 0 else { return }
        let count = pendingRoom
        pendingRoom = 0
        people.reserveCapacity(people.count + count)
        addedWithOwnID.reserveCapacity(people.count + count)
        indexByID.reserveCapacity(indexByID.count + count)
        byEmail.reserveCapacity(byEmail.count + count)
    }

    private mutating func indexSecondaryKeys(of person: Person, at i: Int) {
        for email in person.emails where !email.isEmpty {
            let key = IdentityKeys.lowercased(email)
            if byEmail[key] == nil { byEmail[key] = i }
        }
        if let url = person.profileURL, !url.isEmpty {
            let key = ProfileURL.key(url)
            if byURL[key] == nil { byURL[key] = i }
        }
    }

    private mutating func buildNameIndexes() {
        guard byName == nil else { return }
        var names: [String: [Int]] = [:]
        var namesAndOrgs: [String: [Int]] = [:]
        for (i, person) in people.enumerated() {
            guard let name = nameKey(person) else { continue }
            names[name, default: []].append(i)
            namesAndOrgs[name + "|" + keys.organization(person.organization ?? ""), default: []].append(i)
        }
        byName = names
        byNameAndOrganization = namesAndOrgs
    }

    /// The normalized "first last" key, or `nil` when the person has no name.
    private func nameKey(_ person: Person) -> String? {
        let key = keys.person(person.firstName + " " + person.lastName)
        return key.isEmpty ? nil : key
    }

    /// Name key plus organization key: the weakest identity.
    private mutating func nameAndOrganizationKey(_ person: Person) -> String? {
        guard let name = nameKey(person) else { return nil }
        return name + "|" + keys.organization(person.organization ?? "")
    }

    /// Indexes the ids of the people from index `start` on for the lookups that add nobody (the
    /// stored ties, then the reference phase: ties, interactions, introductions). Ids of one
    /// numbered shape then cost an array read; the table takes a workspace's `me` among them as
    /// an exception. The people before `start` keep their dictionary; a later `add` drops the
    /// index. Lookups stay correct either way.
    /// - Complexity: O(total id bytes).
    mutating func indexIDsForReferences(from start: Int) {
        var table = IdentifierTable()
        for person in people[start...] { table.append(person.id) }
        idTable = (try? table.build()) != nil ? table : nil
        idTableBase = start
    }

    func index(ofID id: String) -> Int? {
        if let idTable, let i = idTable.index(of: id) { return idTableBase + Int(i) }
        if let i = indexByID[id] { return i }
        if let target = aliases[id] { return indexByID[target] }
        return nil
    }

    func contains(id: String) -> Bool { index(ofID: id) != nil }

    /// `resolveIndex(reference)` and that person's id. When the reference is the id itself (the
    /// common case), its own text is returned: reading the person back would be a cache miss per
    /// reference at a million people.
    mutating func resolve(_ reference: PersonReference) throws(ImportError) -> (index: Int, id: String) {
        try resolve(reference.text) { reference }
    }

    /// `resolve(_:)` for a reference given by its text, built by `reference` only when the text
    /// is not an id (a tie row's references are read compactly; see `TieRecord`).
    mutating func resolve(_ text: String, reference: () -> PersonReference) throws(ImportError) -> (
        index: Int, id: String
    ) {
        if let i = index(ofOwnID: text) { return (i, text) }
        let i = try resolveIndex(reference())
        return (i, people[i].id)
    }

    /// The person whose own id (not an alias) is `text`: the lookup `resolve` tries first, whose
    /// id is then `text` itself. Reads only, so several threads may call it at once.
    func index(ofOwnID text: String) -> Int? {
        if let idTable, let i = idTable.index(of: text) { return idTableBase + Int(i) }
        return indexByID[text]
    }

    /// The person a row describes, if already known: by id; then by e-mail or profile URL; then,
    /// for rows without an id of their own, by name and organization. An explicit id is a claim of
    /// distinct identity: a name alone never overrides it, and two rows of this import with their
    /// own ids never merge by e-mail or URL.
    mutating func match(_ person: Person) -> (index: Int, reason: MatchReason)? {
        let hasID = !person.id.isEmpty
        if hasID, let i = index(ofID: person.id) { return (i, .id) }
        func eligible(_ i: Int) -> Bool { !hasID || !addedWithOwnID[i] }
        for email in person.emails {
            if let i = byEmail[IdentityKeys.lowercased(email)], eligible(i) { return (i, .email) }
        }
        if let url = person.profileURL, !url.isEmpty, let i = byURL[ProfileURL.key(url)], eligible(i) {
            return (i, .profileURL)
        }
        guard !hasID, let key = nameAndOrganizationKey(person) else { return nil }
        buildNameIndexes()
        if let i = byNameAndOrganization?[key]?.first { return (i, .nameAndOrganization) }
        return nil
    }

    /// Adds a new person; its id must be free. `ownID` says the id came from the row.
    mutating func add(_ person: Person, ownID: Bool = false) -> Int {
        makePendingRoom()
        let i = people.count
        idTable = nil
        addedWithOwnID.append(ownID)
        people.append(person)
        indexByID[person.id] = i
        indexSecondaryKeys(of: person, at: i)
        if byName != nil {
            if let key = nameKey(person) { byName?[key, default: []].append(i) }
            if let key = nameAndOrganizationKey(person) { byNameAndOrganization?[key, default: []].append(i) }
        }
        return i
    }

    /// Replaces person `i` (same id) by its merged version, keeping the indexes current.
    mutating func replace(at i: Int, with person: Person) {
        let old = people[i]
        people[i] = person
        indexSecondaryKeys(of: person, at: i)
        guard byName != nil else { return }
        let (oldName, newName) = (nameKey(old), nameKey(person))
        if oldName != newName {
            if let key = oldName { byName?[key]?.removeAll { $0 == i } }
            if let key = newName { byName?[key, default: []].append(i) }
        }
        let (oldKey, newKey) = (nameAndOrganizationKey(old), nameAndOrganizationKey(person))
        if oldKey != newKey {
            if let key = oldKey { byNameAndOrganization?[key]?.removeAll { $0 == i } }
            if let key = newKey { byNameAndOrganization?[key, default: []].append(i) }
        }
    }

    /// Makes `id` (a row's own id) resolve to `target`.
    mutating func alias(_ id: String, to target: String) {
        if indexByID[id] == nil { aliases[id] = target }
    }

    /// A free id for a person without one: `generatedIDBase`, then `-2`, `-3`, …
    func freshID(for person: Person) -> String {
        let base = person.generatedIDBase
        var candidate = base
        var n = 2
        while contains(id: candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        return candidate
    }

    /// The person with this e-mail (case-insensitive), if any.
    func index(ofEmail email: String) -> Int? { email.isEmpty ? nil : byEmail[IdentityKeys.lowercased(email)] }

    /// The person with this profile URL (`ProfileURL.key`), if any.
    func index(ofProfileURL url: String) -> Int? {
        let key = ProfileURL.key(url)
        return key.isEmpty ? nil : byURL[key]
    }

    /// Everyone whose full name folds (`NameKey.person`: case, diacritics, punctuation) to the key
    /// of `name`; empty for a name without letters.
    /// - Complexity: O(1) expected; the first name lookup builds the name index in O(n).
    mutating func indices(named name: String) -> [Int] {
        let key = keys.person(name)
        guard !key.isEmpty else { return [] }
        buildNameIndexes()
        return byName?[key] ?? []
    }

    /// The index of the person a reference names: by id, then e-mail, then profile URL, then exact
    /// full name.
    /// - Throws: `.unknownPerson` when nobody matches, `.ambiguousPerson` listing the candidates' ids.
    /// - Complexity: O(1) expected; the first name lookup builds the name index in O(n).
    mutating func resolveIndex(_ reference: PersonReference) throws(ImportError) -> Int {
        let text = reference.text
        if let i = index(ofID: text) { return i }
        if text.contains("@"), let i = byEmail[IdentityKeys.lowercased(text)] { return i }
        if text.contains("/"), let i = byURL[ProfileURL.key(text)] { return i }
        buildNameIndexes()
        let candidates = byName?[keys.person(text)] ?? []
        if candidates.count == 1 { return candidates[0] }
        if candidates.isEmpty { throw ImportError(.unknownPerson(text), at: reference.location) }
        throw ImportError(
            .ambiguousPerson(text, candidates: candidates.map { people[$0].id }.sorted()), at: reference.location)
    }
}
