import Rapport

/// Merges parsed files into a network as one unit (DESIGN §8, issue 2 item 3).
public enum Importer {
    /// Merges `files` into `existing`.
    ///
    /// Files are taken people-bearing first (people, then contact exports), then ties, interactions
    /// and introductions, each group in argument order. A person row matches a known person by id,
    /// then e-mail, then profile URL, then (for rows without an id) name + organization, and merges
    /// into it (`Person.merging`); otherwise it is added, with a generated id when it has none.
    /// Contact exports add a tie between the user (`me`) and each contact. References resolve by id,
    /// e-mail, profile URL, then full name. Each interaction row gets the source key
    /// `Interaction.nativeSourceKey(ordinal:)` (its fields and its ordinal among identical rows of
    /// its file) and is added unless that key is present: re-importing the same files changes
    /// nothing, and two identical rows of one file are two interactions.
    ///
    /// - Throws: `ImportError` at the row or cell at fault (unknown or ambiguous reference, a person
    ///   tied to themselves); nothing is merged then.
    /// - Complexity: O(P + T + I + N) expected for P people, T ties, I interactions and N
    ///   introductions, existing and new: every lookup is a dictionary lookup.
    public static func merge(existing: NetworkData, files: [ParsedFile]) throws(ImportError) -> ImportOutcome {
        try merge(existing: existing, files: files, evidence: EvidenceInput())
    }

    /// Merges `files` and then `evidence` into `existing`, as one unit: `merge(existing:files:)`
    /// with the evidence of the LinkedIn archive, calendars and mailboxes added after the
    /// people-bearing files (see `Merge.addEvidence`): each record attaches to a person by profile
    /// URL, e-mail or an unambiguous name, or creates one when the exchange went both ways, and is
    /// added unless its `(source, key)` is already present. The outcome's `evidence` holds one
    /// report per evidence file.
    ///
    /// - Parameter peopleMerged: called once the people are merged, before the ties, interactions
    ///   and introductions, with the people the outcome's `changes.upsertPeople` will hold (nothing
    ///   after that point adds or changes a person): a caller can start writing them meanwhile.
    /// - Throws: `ImportError` as `merge(existing:files:)`; nothing is merged then.
    /// - Complexity: O(P + T + I + N + R) expected, R the evidence records.
    public static func merge(
        existing: NetworkData, files: [ParsedFile], evidence: EvidenceInput, peopleMerged: ([Person]) -> Void = { _ in }
    ) throws(ImportError) -> ImportOutcome {
        try merge(
            existing: existing, files: files, evidence: evidence, joiningFrom: Merge.joinThreshold,
            peopleMerged: peopleMerged)
    }

    /// `merge(existing:files:evidence:peopleMerged:)`, joining a ties file of at least `joiningFrom`
    /// rows with the ties present by sorting (`Merge.addByJoin`) instead of row by row: the same
    /// outcome, which the tests check with both thresholds.
    static func merge(
        existing: NetworkData, files: [ParsedFile], evidence: EvidenceInput, joiningFrom threshold: Int,
        peopleMerged: ([Person]) -> Void = { _ in }
    ) throws(ImportError) -> ImportOutcome {
        let numbered = files.enumerated().map { (offset: $0.offset, file: $0.element) }
        do {
            return try merge(
                existing: existing, peopleBearing: numbered.filter(\.file.format.bearsPeople), evidence: evidence,
                rest: { numbered.filter { !$0.file.format.bearsPeople } }, joiningFrom: threshold,
                peopleMerged: peopleMerged)
        } catch let error as ImportError {
            throw error
        } catch {
            preconditionFailure("only the files' own rest can fail otherwise: \(error)")
        }
    }

    /// `merge(existing:files:evidence:peopleMerged:)` with the files given in two groups, so that
    /// the people can merge (and be handed over) while the other files are still being read:
    /// `peopleBearing`, every people-bearing file, then `rest()`, every other one, called once the
    /// people are handed over (it must give no people-bearing file: that traps). Each file comes
    /// with its position among the arguments, which orders the merge and the warnings exactly as
    /// `files` would.
    /// - Throws: `ImportError` as `merge(existing:files:)`, or what `rest()` throws.
    public static func merge(
        existing: NetworkData, peopleBearing: consuming [(offset: Int, file: ParsedFile)], evidence: EvidenceInput,
        rest: () throws -> [(offset: Int, file: ParsedFile)], peopleMerged: ([Person]) -> Void = { _ in }
    ) throws -> ImportOutcome {
        try merge(
            existing: existing, peopleBearing: peopleBearing, evidence: evidence, rest: rest,
            joiningFrom: Merge.joinThreshold, peopleMerged: peopleMerged)
    }

    static func merge(
        existing: NetworkData, peopleBearing: consuming [(offset: Int, file: ParsedFile)], evidence: EvidenceInput,
        rest: () throws -> [(offset: Int, file: ParsedFile)], joiningFrom threshold: Int,
        peopleMerged: ([Person]) -> Void
    ) throws -> ImportOutcome {
        func inMergeOrder(_ files: [(offset: Int, file: ParsedFile)]) -> [(offset: Int, file: ParsedFile)] {
            files.sorted { ($0.file.format.mergeRank, $0.offset) < ($1.file.format.mergeRank, $1.offset) }
        }
        var peopleFiles = inMergeOrder(peopleBearing)
        peopleBearing = []
        var merge = Merge(
            existing, incomingTies: peopleFiles.reduce(0) { $0 + $1.file.ties.count + $1.file.people.count })
        merge.resolver.reserve(additional: peopleFiles.reduce(0) { $0 + $1.file.people.count })
        for k in peopleFiles.indices {
            merge.addPeople(of: peopleFiles[k].file)
            // Merged: the rows go (a million people's records, while a ties file may still be read),
            // unless the caller holds the file too.
            peopleFiles[k].file.people = []
        }
        try merge.addContactTies()
        let evidenceReports = evidence.isEmpty ? [] : merge.addEvidence(evidence)
        merge.resolver.indexIDsForReferences(from: 0)
        // One array for the caller and the outcome: at a million people a second copy is 200 MB.
        merge.handedPeople = merge.changedPeople
        peopleMerged(merge.handedPeople!)
        var others = try rest()
        // Their people would never be merged: a caller that split the files by format cannot do this.
        precondition(!others.contains { $0.file.format.bearsPeople }, "rest() gave a people-bearing file")
        let more = others.reduce(0) { $0 + $1.file.ties.count + $1.file.secondPartTies.count + $1.file.people.count }
        merge.incomingTies += more
        merge.tieRoom += more
        var ordered = inMergeOrder(peopleFiles + others)
        (peopleFiles, others) = ([], [])
        let warnings = ordered.sorted { $0.offset < $1.offset }.flatMap(\.file.warnings)
        for k in ordered.indices {
            merge.nativeOrdinals.removeAll(keepingCapacity: true)
            // Taken out of the file: the join lets ten million rows go once it has what it needs of
            // them (when the caller holds no other copy), before it makes the ties.
            // A ties file read in two parts comes in two (`ParsedFile.secondPartTies`), merged as one.
            var ties = ordered[k].file.ties, second = ordered[k].file.secondPartTies
            (ordered[k].file.ties, ordered[k].file.secondPartTies) = ([], [])
            if ties.count + second.count >= threshold, merge.addByJoin(&ties, then: &second) {
                // Joined.
            } else {
                // Through the buffer: each record is read in place instead of copied out and released
                // (a retain and a release of its shared context, ten million times).
                for part in [ties, second] {
                    try part.withUnsafeBufferPointer { (ties) throws(ImportError) in
                        for i in ties.indices { try merge.add(ties[i]) }
                    }
                }
            }
            let file = ordered[k].file
            for i in file.interactions.indices { try merge.add(file.interactions[i]) }
            for i in file.introductions.indices { try merge.add(file.introductions[i]) }
        }
        var outcome = merge.outcome(warnings: warnings + evidence.files.flatMap(\.warnings))
        outcome.evidence = evidenceReports
        outcome.ignoredFiles = evidence.ignoredFiles
        return outcome
    }
}

/// What `Merge.addByJoin` keeps of a ties file's row once the row itself is let go: its people
/// (indices among the resolver's, in the row's order), its date and its kind (16 bytes, against 80
/// for a `TieRecord`).
struct JoinRow {
    static let noDate = Int32.min
    var a: Int32
    var b: Int32
    /// `Day.ordinal`, or `noDate`.
    var since: Int32
    /// `TieKind.columnCode`.
    var kind: UInt8

    var tieKind: TieKind { TieKind.byColumnCode[Int(kind)] }
    var day: Day? { since == JoinRow.noDate ? nil : Day(ordinal: since) }
}

/// The state of one merge (extended by `Importer+Evidence.swift`).
struct Merge {
    var resolver: IdentityResolver
    let existingPeople: Int
    var updatedPeople: Set<Int> = []
    var ties: [Tie]
    let existingTies: Int
    /// Tie position by unordered pair of person indices (`pairKey`): integer keys hash faster
    /// than pairs of id strings, which matters at 10M ties. Built on the first tie merged
    /// (`indexStoredTies`): an import that brings no tie (people alone, evidence that matches
    /// nobody) never pays for indexing the stored ones, 1.4 s at 9.8M.
    var tieIndex = PairIndex()
    var tieIndexReady = false
    /// The pair key of each tie present, as far as a join has needed them (`keyPresentTies`);
    /// `noKey` for a stored tie to an id nobody has.
    var tieKeys: [UInt64] = []
    static let noKey = UInt64.max
    /// The fewest rows a ties file has for `addByJoin` to merge it.
    static let joinThreshold = 4096
    var incomingTies: Int
    /// Room for new ties, made at the first one added (`appendTie`): a merge that adds no tie (a
    /// re-import of unchanged files) leaves the stored ties shared with the caller instead of
    /// copying ten million of them into a larger array.
    var tieRoom = 0
    var updatedTies: Set<Int> = []
    var interactions: [Interaction]
    let existingInteractions: Int
    /// The `(source, sourceKey)` of every interaction present: a second interaction with the same
    /// key is the same one. Interactions without a key never match.
    var interactionKeys: Set<InteractionSourceKey> = []
    /// How many rows of the file being merged had each `Interaction.fieldDigest` so far: the next
    /// identical row gets the next ordinal in its key (`Interaction.nativeSourceKey(ordinal:)`).
    var nativeOrdinals: [UInt64: Int] = [:]
    /// People the evidence created (indices), and those already counted in a file's report.
    var createdByEvidence: Set<Int> = []
    var createdCounted: Set<Int> = []
    var introductions: [Introduction]
    let existingIntroductions: Int
    var introductionIndex: [IntroductionKey: Int] = [:]
    var updatedIntroductions: Set<Int> = []
    var contacts: [(index: Int, since: Day?, location: SourceLocation)] = []
    var report = ImportReport()
    var warnings: [ImportWarning] = []

    struct IntroductionKey: Hashable {
        var introducer: String
        var person: String
        var to: String
        init(_ i: Introduction) { (introducer, person, to) = (i.introducerID, i.personID, i.toID) }
    }

    static func pairKey(_ a: Int, _ b: Int) -> UInt64 { UInt64(min(a, b)) << 32 | UInt64(max(a, b)) }

    init(_ data: NetworkData, incomingTies: Int) {
        resolver = IdentityResolver(data.people)
        // The stored ties below resolve through the id table: a re-import of ten million ties
        // otherwise hashes twenty million id strings here.
        resolver.indexIDsForReferences(from: 0)
        existingPeople = data.people.count
        ties = data.ties
        existingTies = ties.count
        tieRoom = incomingTies
        self.incomingTies = incomingTies
        interactions = data.interactions
        existingInteractions = interactions.count
        interactionKeys.reserveCapacity(interactions.count)
        for interaction in interactions {
            if let key = InteractionSourceKey(interaction) { interactionKeys.insert(key) }
        }
        introductions = data.introductions
        existingIntroductions = introductions.count
        for (i, introduction) in introductions.enumerated() { introductionIndex[IntroductionKey(introduction)] = i }
    }

    mutating func addPeople(of file: ParsedFile) {
        for record in file.people {
            let person = record.person
            let index: Int
            if let (i, reason) = resolver.match(person) {
                let before = resolver.people[i]
                let merged = before.merging(person)
                if merged != before {
                    resolver.replace(at: i, with: merged)
                    if i < existingPeople { updatedPeople.insert(i) }
                } else {
                    report.rowsUnchanged += 1
                }
                if !person.id.isEmpty, person.id != before.id { resolver.alias(person.id, to: before.id) }
                if reason != .id || i >= existingPeople {
                    report.merges.append(MergeNote(location: record.location, intoID: before.id, reason: reason))
                }
                index = i
            } else {
                var added = person
                if added.id.isEmpty { added.id = resolver.freshID(for: person) }
                index = resolver.add(added, ownID: !person.id.isEmpty)
            }
            if file.format.isContactExport { contacts.append((index, record.connectedOn, record.location)) }
        }
    }

    /// The tie between the user and each contact of a contact export. The user is whoever the
    /// reference `me` resolves to (id `me`, else a person named "me"); created when nobody is.
    mutating func addContactTies() throws(ImportError) {
        guard let first = contacts.first else { return }
        let user: Int
        do {
            user = try resolver.resolveIndex(PersonReference(Person.selfID, column: "me", at: first.location))
        } catch {
            guard case .unknownPerson = error.reason else { throw error }
            user = resolver.add(Person(id: Person.selfID))
            warnings.append(
                ImportWarning("no user (id 'me') yet; created one to hold the contact ties", at: first.location))
        }
        let userID = resolver.people[user].id
        for contact in contacts where contact.index != user {
            let tie = Tie(
                userID, resolver.people[contact.index].id, kind: .acquaintance, since: contact.since, origin: .contact)
            upsert(tie, user, contact.index)
        }
    }

    /// Indexes the ties present by the pair of people they join. The ids of stored people resolve
    /// to the same indices before and after people are added or aliased (an alias is only ever a
    /// new id), and no tie is added but through the index or a join (which keeps `tieKeys`), so
    /// building it late gives the same index.
    mutating func indexStoredTies() {
        tieIndex = PairIndex(capacity: ties.count + incomingTies)
        for i in 0..<ties.count {
            let key = i < tieKeys.count ? tieKeys[i] : key(of: ties[i])
            // A stored tie to an unknown id cannot be matched; it is kept as it is.
            if key != Merge.noKey { tieIndex.insertIfAbsent(key, position: i) }
        }
        tieIndexReady = true
    }

    /// The pair key of a tie present, `noKey` when one of its ids is nobody's.
    func key(of tie: Tie) -> UInt64 {
        guard let a = resolver.index(ofID: tie.personA), let b = resolver.index(ofID: tie.personB) else {
            return Merge.noKey
        }
        return Merge.pairKey(a, b)
    }

    /// Adds `tie` between the people at indices `a` and `b`, or merges it into their tie.
    mutating func upsert(_ tie: Tie, _ a: Int, _ b: Int) {
        if !tieIndexReady { indexStoredTies() }
        let key = Merge.pairKey(a, b)
        if let j = tieIndex[key] {
            merge(tie, into: j)
        } else {
            tieIndex.insertIfAbsent(key, position: ties.count)
            appendTie(tie)
        }
    }

    /// Merges a ties file's rows as `add(_:)` would one by one, with one sort instead of a hash
    /// lookup per row: at ten million rows the lookups into a half-gigabyte table each missed the
    /// cache, twice in a re-import (indexing the stored ties, then probing them).
    ///
    /// The pair key of every row (both references ids, resolved on the worker pool) and of every
    /// tie present are sorted (`RadixSort`, stable); walking the two in step gives each row the tie
    /// it merges into, or, for a pair not present, the first row naming it, which adds the tie.
    /// The new ties are added in file order; the other rows then merge in tie order, each tie's
    /// rows in file order. A tie's outcome depends only on its own rows, so the outcome (ties,
    /// their order, updates and unchanged rows) is the row-by-row one.
    ///
    /// Refused, with nothing merged, when a row names someone by anything but their own id or
    /// names one person twice (the row path then reports it at its place), or when ties were
    /// already merged through the index.
    /// - Returns: whether the rows were merged.
    /// - Complexity: O((T + R) · key bits / 11) for T ties present and R rows, O(T + R) memory.
    mutating func addByJoin(_ records: inout [TieRecord], then more: inout [TieRecord]) -> Bool {
        guard !tieIndexReady else { return false }
        let (n1, n) = (records.count, records.count + more.count)
        let resolver = self.resolver
        // A row the join cannot key keeps `noKey`, and the file goes to the row path. What the join
        // reads of a row later (its people's indices, kind and date) is kept beside its key.
        var keys = [UInt64](repeating: Merge.noKey, count: n)
        var rows = [JoinRow](repeating: JoinRow(a: 0, b: 0, since: 0, kind: 0), count: n)
        records.withUnsafeBufferPointer { first in
            more.withUnsafeBufferPointer { second in
                keys.withUnsafeMutableBufferPointer { out in
                    rows.withUnsafeMutableBufferPointer { compact in
                        // Row `i` of the two parts, read in place (`records[j]`, not a copy of it).
                        func keyed(_ records: UnsafeBufferPointer<TieRecord>, _ j: Int, as i: Int) -> Bool {
                            guard let a = resolver.index(ofOwnID: records[j].personAText),
                                let b = resolver.index(ofOwnID: records[j].personBText), a != b
                            else { return false }
                            out[i] = Merge.pairKey(a, b)
                            compact[i] = JoinRow(
                                a: Int32(a), b: Int32(b), since: records[j].since?.ordinal ?? JoinRow.noDate,
                                kind: records[j].kind.columnCode)
                            return true
                        }
                        WorkerPool.shared.forEachChunk(of: n, chunks: n >= 1 << 16 ? 16 : 1) { range in
                            for i in range {
                                guard i < n1 ? keyed(first, i, as: i) : keyed(second, i - n1, as: i) else { return }
                            }
                        }
                    }
                }
            }
        }
        guard !keys.contains(Merge.noKey) else { return false }
        // The rows are not read again: they go now (freed on the pool, off this path), before the
        // ties are made, instead of sitting beside them (at ten million rows, 0.8 GB).
        let taken = (records, more)
        (records, more) = ([], [])
        WorkerPool.shared.detach { _ = taken.0.count + taken.1.count }
        keyPresentTies()

        // Keys in sorting form (the smaller index above the larger, in just the bits they need),
        // each with its tie's position or its row.
        let width = UInt64(UInt64.bitWidth - UInt64(max(resolver.people.count, 1)).leadingZeroBitCount)
        func compact(_ key: UInt64) -> UInt64 { (key >> 32) << width | (key & 0xFFFF_FFFF) }
        var present: [(key: UInt64, index: Int)] = []
        present.reserveCapacity(tieKeys.count)
        for (position, key) in tieKeys.enumerated() where key != Merge.noKey {
            present.append((compact(key), position))
        }
        RadixSort.sort(&present, by: \.key)
        var sorted = keys.enumerated().map { (key: compact($0.element), index: $0.offset) }
        RadixSort.sort(&sorted, by: \.key)

        // Each row's tie position (≥ 0), or −(first row of its pair + 1) for a pair not present.
        var target = [Int](repeating: 0, count: n)
        var s = 0, r = 0
        while r < sorted.count {
            let key = sorted[r].key
            var end = r + 1
            while end < sorted.count, sorted[end].key == key { end += 1 }
            while s < present.count, present[s].key < key { s += 1 }
            let t = s < present.count && present[s].key == key ? present[s].index : -(sorted[r].index + 1)
            for k in r..<end { target[sorted[k].index] = t }
            r = end
        }
        present = []
        sorted = []

        // New pairs first, in file order: the first row of each adds its tie. Its people were
        // found by their own ids, so each person's id is the row's text.
        func tie(_ i: Int) -> Tie {
            Tie(
                resolver.people[Int(rows[i].a)].id, resolver.people[Int(rows[i].b)].id, kind: rows[i].tieKind,
                since: rows[i].day, origin: .declared)
        }
        var adds = [Bool](repeating: false, count: n)
        for i in 0..<n where target[i] < 0 {
            let first = -target[i] - 1
            if first == i {
                adds[i] = true
                target[i] = ties.count
                appendTie(tie(i))
                tieKeys.append(keys[i])
            } else {
                target[i] = target[first]
            }
        }
        // Then every other row merges into its tie, taken in tie order (rows of one tie in file
        // order), each carrying what a merge reads of it (its kind and since, packed): the ties
        // and the rows are both read in sequence instead of one cache miss per row.
        var order: [(key: UInt64, declaration: UInt64)] = []
        order.reserveCapacity(n)
        for i in 0..<n where !adds[i] {
            let since = rows[i].day.map { UInt64(UInt32(bitPattern: $0.ordinal)) | 1 << 32 } ?? 0
            order.append((UInt64(target[i]), UInt64(rows[i].kind) << 40 | since))
        }
        target = []
        adds = []
        rows = []
        RadixSort.sort(&order, by: \.key)
        for (position, declaration) in order {
            let kind = TieKind.byColumnCode[Int(declaration >> 40)]
            let since =
                declaration & 1 << 32 == 0
                ? nil : Day(ordinal: Int32(bitPattern: UInt32(truncatingIfNeeded: declaration)))
            merge(into: Int(position)) { $0.merged(kind: kind, since: since, origin: .declared) }
        }
        return true
    }

    /// Fills `tieKeys` for the ties present (on the worker pool: two id lookups per tie).
    mutating func keyPresentTies() {
        let start = tieKeys.count, count = ties.count - start
        guard count > 0 else { return }
        var keys = [UInt64](repeating: Merge.noKey, count: count)
        let merge = self
        keys.withUnsafeMutableBufferPointer { out in
            WorkerPool.shared.forEachChunk(of: count, chunks: count >= 1 << 16 ? 16 : 1) { range in
                for i in range { out[i] = merge.key(of: merge.ties[start + i]) }
            }
        }
        tieKeys += keys
    }

    /// Adds a new tie at the end, making the room asked for (`tieRoom`) first.
    mutating func appendTie(_ tie: Tie) {
        if tieRoom > 0 {
            ties.reserveCapacity(ties.count + tieRoom)
            tieRoom = 0
        }
        ties.append(tie)
    }

    /// Merges `tie` into the tie at `position`: an update when it changes it, an unchanged row when not.
    mutating func merge(_ tie: Tie, into position: Int) { merge(into: position) { $0.merged(with: tie) } }

    /// Replaces the tie at `position` by `merging(tie)`: an update when that changes it, an
    /// unchanged row when not.
    mutating func merge(into position: Int, _ merging: (Tie) -> Tie) {
        let merged = merging(ties[position])
        if merged != ties[position] {
            ties[position] = merged
            if position < existingTies { updatedTies.insert(position) }
        } else {
            report.rowsUnchanged += 1
        }
    }

    mutating func add(_ record: TieRecord) throws(ImportError) {
        let a = try resolver.resolve(record.personAText) { record.personA }
        let b = try resolver.resolve(record.personBText) { record.personB }
        guard a.index != b.index else {
            throw ImportError(.selfReference(column: record.personB.column), at: record.personB.location)
        }
        upsert(Tie(a.id, b.id, kind: record.kind, since: record.since, origin: .declared), a.index, b.index)
    }

    /// The id `reference` names, or the user's when there is no reference.
    mutating func resolve(_ reference: PersonReference?, orUserAt location: SourceLocation) throws(ImportError)
        -> String
    {
        try id(reference ?? PersonReference(Person.selfID, column: "me", at: location))
    }

    /// The id `reference` names.
    mutating func id(_ reference: PersonReference) throws(ImportError) -> String {
        resolver.people[try resolver.resolveIndex(reference)].id
    }

    mutating func add(_ record: InteractionRecord) throws(ImportError) {
        let person = try id(record.person)
        let with = try resolve(record.with, orUserAt: record.location)
        guard person != with else {
            throw ImportError(
                .selfReference(column: record.with?.column ?? "person"),
                at: record.with?.location ?? record.person.location)
        }
        var interaction = Interaction(
            date: record.date, personID: person, withID: with, kind: record.kind, isOneOnOne: record.isOneOnOne,
            minutes: record.minutes, rapport: record.rapport, initiatedBy: record.initiatedBy, notes: record.notes)
        // Two identical rows of one file are two interactions (#1, #2); the same row in the same
        // file again, or in another file, is the same one.
        let digest = interaction.fieldDigest
        let ordinal = (nativeOrdinals[digest] ?? 0) + 1
        nativeOrdinals[digest] = ordinal
        interaction.sourceKey = interaction.nativeSourceKey(ordinal: ordinal)
        _ = addIfNew(interaction)
    }

    /// Appends `interaction` unless one with its `(source, sourceKey)` is present; counts it as
    /// unchanged then. Whether it was added.
    mutating func addIfNew(_ interaction: Interaction) -> Bool {
        if let key = InteractionSourceKey(interaction), !interactionKeys.insert(key).inserted {
            report.rowsUnchanged += 1
            return false
        }
        interactions.append(interaction)
        return true
    }

    mutating func add(_ record: IntroductionRecord) throws(ImportError) {
        let introducer = try id(record.introducer)
        let person = try id(record.person)
        let to = try resolve(record.to, orUserAt: record.location)
        // A introduces B to C needs three people; a cycle (A→B to C, C→B to A) is legal data.
        guard introducer != person else {
            throw ImportError(
                .selfIntroduction(column: record.person.column, sameAs: record.introducer.column),
                at: record.person.location)
        }
        guard person != to else {
            throw ImportError(
                .selfIntroduction(
                    column: record.to?.column ?? record.person.column,
                    sameAs: record.to == nil ? "to (the user)" : record.person.column),
                at: record.to?.location ?? record.person.location)
        }
        guard introducer != to else {
            throw ImportError(
                .selfIntroduction(
                    column: record.to?.column ?? record.introducer.column,
                    sameAs: record.to == nil ? "to (the user)" : record.introducer.column),
                at: record.to?.location ?? record.introducer.location)
        }
        let introduction = Introduction(
            date: record.date, introducerID: introducer, personID: person, toID: to, status: record.status)
        let key = IntroductionKey(introduction)
        if let j = introductionIndex[key] {
            var merged = introductions[j]
            merged.status = record.status
            if let date = record.date { merged.date = date }
            if merged != introductions[j] {
                introductions[j] = merged
                if j < existingIntroductions { updatedIntroductions.insert(j) }
            } else {
                report.rowsUnchanged += 1
            }
        } else {
            introductionIndex[key] = introductions.count
            introductions.append(introduction)
        }
    }

    /// The updated rows of `all`, in order, then those past the first `existing`. Into an empty
    /// workspace that is `all` itself, shared rather than copied: ten million ties are 500 MB.
    static func changed<T>(_ all: [T], updated: Set<Int>, existing: Int) -> [T] {
        if existing == 0 { return all }
        return updated.sorted().map { all[$0] } + all[existing...]
    }

    /// The people to write: the updated stored ones, then the new ones.
    var changedPeople: [Person] { Merge.changed(resolver.people, updated: updatedPeople, existing: existingPeople) }
    /// `changedPeople` as handed to the caller once the people were merged (nothing changes them after).
    var handedPeople: [Person]?

    func outcome(warnings fileWarnings: [ImportWarning]) -> ImportOutcome {
        var report = self.report
        var changes = NetworkChanges()
        let people = resolver.people
        report.peopleNew = people.count - existingPeople
        report.peopleUpdated = updatedPeople.count
        changes.upsertPeople = handedPeople ?? changedPeople
        report.tiesNew = ties.count - existingTies
        report.tiesUpdated = updatedTies.count
        changes.upsertTies = Merge.changed(ties, updated: updatedTies, existing: existingTies)
        report.interactionsNew = interactions.count - existingInteractions
        changes.newInteractions = Array(interactions[existingInteractions...])
        report.introductionsNew = introductions.count - existingIntroductions
        report.introductionsUpdated = updatedIntroductions.count
        changes.upsertIntroductions =
            updatedIntroductions.sorted().map { introductions[$0] } + introductions[existingIntroductions...]
        return ImportOutcome(
            data: NetworkData(people: people, ties: ties, interactions: interactions, introductions: introductions),
            changes: changes, report: report, warnings: fileWarnings + warnings)
    }
}

/// What makes two interactions the same one: the same source and source key.
struct InteractionSourceKey: Hashable {
    var source: InteractionSource
    var key: String

    /// `nil` for an interaction without a key, which matches no other.
    init?(_ interaction: Interaction) {
        guard let key = interaction.sourceKey else { return nil }
        (source, self.key) = (interaction.source, key)
    }
}
