import Rapport

extension NetworkJSON {
    /// Merges Rapport JSON documents, then any other parsed files, into `existing` as one unit.
    ///
    /// Documents merge by id, exactly: a person with a known id merges into that person
    /// (`Person.merging`: empty fields filled, lists united), a tie with a known pair combines with
    /// it (closer kind, earlier `since`, `declared` wins), an interaction or introduction already
    /// present changes nothing. Ties keep their origin, so a document re-imported into an empty
    /// workspace gives the same network back, and re-imported into the workspace it came from
    /// gives "0 new, 0 updated". Then `files` and `evidence` merge through `Importer.merge` as
    /// usual. An interaction is the same as one present when it has the same source and source
    /// key; one written before keys existed gets the key of an `interactions.csv` row.
    ///
    /// - Throws: `ImportError` at the document's path when a tie, interaction or introduction names
    ///   an id no person has, or ties a person to themselves; any error of `Importer.merge`.
    ///   Nothing is merged then.
    /// - Complexity: O(P + T + I + N) expected over existing and imported records.
    public static func merge(
        existing: NetworkData, documents: [(path: String, document: NetworkDocument)], files: [ParsedFile] = [],
        evidence: EvidenceInput = EvidenceInput()
    ) throws(ImportError) -> ImportOutcome {
        var data = existing
        var unchanged = 0
        var personIndex: [String: Int] = [:]
        for (i, p) in data.people.enumerated() where personIndex[p.id] == nil { personIndex[p.id] = i }
        var tieIndex: [TiePair: Int] = [:]
        for (i, t) in data.ties.enumerated() where tieIndex[t.pair] == nil { tieIndex[t.pair] = i }
        var interactionKeys = Set(data.interactions.compactMap(InteractionSourceKey.init))
        var introductionIndex: [IntroductionKey: Int] = [:]
        for (i, n) in data.introductions.enumerated() { introductionIndex[IntroductionKey(n)] = i }

        for (path, document) in documents {
            var nativeOrdinals: [UInt64: Int] = [:]
            let location = SourceLocation(path: path, line: 1, column: 1)
            func known(_ id: String) throws(ImportError) {
                guard personIndex[id] != nil else { throw ImportError(.unknownPerson(id), at: location) }
            }
            for person in document.people {
                if let i = personIndex[person.id] {
                    let merged = data.people[i].merging(person)
                    if merged == data.people[i] { unchanged += 1 } else { data.people[i] = merged }
                } else {
                    personIndex[person.id] = data.people.count
                    data.people.append(person)
                }
            }
            for exported in document.ties {
                let tie = exported.tie
                try known(tie.personA)
                try known(tie.personB)
                guard tie.personA != tie.personB else {
                    throw ImportError(.selfReference(column: "personB"), at: location)
                }
                if let j = tieIndex[tie.pair] {
                    let merged = data.ties[j].merged(with: tie)
                    if merged == data.ties[j] { unchanged += 1 } else { data.ties[j] = merged }
                } else {
                    tieIndex[tie.pair] = data.ties.count
                    data.ties.append(tie)
                }
            }
            for var interaction in document.interactions {
                // A document written before source keys: each interaction gets the key an
                // `interactions.csv` row with its fields would get.
                if interaction.sourceKey == nil {
                    let ordinal = (nativeOrdinals[interaction.fieldDigest] ?? 0) + 1
                    nativeOrdinals[interaction.fieldDigest] = ordinal
                    interaction.sourceKey = interaction.nativeSourceKey(ordinal: ordinal)
                }
                try known(interaction.personID)
                try known(interaction.withID)
                guard interaction.personID != interaction.withID else {
                    throw ImportError(.selfReference(column: "withID"), at: location)
                }
                if let key = InteractionSourceKey(interaction), interactionKeys.insert(key).inserted {
                    data.interactions.append(interaction)
                } else {
                    unchanged += 1
                }
            }
            for introduction in document.introductions {
                try known(introduction.introducerID)
                try known(introduction.personID)
                try known(introduction.toID)
                guard introduction.introducerID != introduction.personID, introduction.personID != introduction.toID
                else {
                    throw ImportError(.selfReference(column: "personID"), at: location)
                }
                let key = IntroductionKey(introduction)
                if let j = introductionIndex[key] {
                    var merged = data.introductions[j]
                    merged.status = introduction.status
                    if let date = introduction.date { merged.date = date }
                    if merged == data.introductions[j] { unchanged += 1 } else { data.introductions[j] = merged }
                } else {
                    introductionIndex[key] = data.introductions.count
                    data.introductions.append(introduction)
                }
            }
        }

        var report = ImportReport()
        var warnings: [ImportWarning] = []
        var evidenceReports: [EvidenceReport] = []
        if !files.isEmpty || !evidence.isEmpty {
            let rest = try Importer.merge(existing: data, files: files, evidence: evidence)
            evidenceReports = rest.evidence
            data = rest.data
            warnings = rest.warnings
            report.rowsUnchanged = rest.report.rowsUnchanged
            report.merges = rest.report.merges
        }
        report.rowsUnchanged += unchanged
        let changes = difference(from: existing, to: data, report: &report)
        return ImportOutcome(
            data: data, changes: changes, report: report, warnings: warnings, evidence: evidenceReports,
            ignoredFiles: evidence.ignoredFiles)
    }

    /// The upserts that turn `old` into `new` (both merges only append interactions), with counts.
    /// - Complexity: O(size of both networks) expected.
    static func difference(from old: NetworkData, to new: NetworkData, report: inout ImportReport) -> NetworkChanges {
        var changes = NetworkChanges()
        let oldPeople = Dictionary(old.people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for person in new.people {
            guard let before = oldPeople[person.id] else {
                report.peopleNew += 1
                changes.upsertPeople.append(person)
                continue
            }
            if before != person {
                report.peopleUpdated += 1
                changes.upsertPeople.append(person)
            }
        }
        let oldTies = Dictionary(old.ties.map { ($0.pair, $0) }, uniquingKeysWith: { first, _ in first })
        for tie in new.ties {
            guard let before = oldTies[tie.pair] else {
                report.tiesNew += 1
                changes.upsertTies.append(tie)
                continue
            }
            if before != tie {
                report.tiesUpdated += 1
                changes.upsertTies.append(tie)
            }
        }
        changes.newInteractions = Array(new.interactions.dropFirst(old.interactions.count))
        report.interactionsNew = changes.newInteractions.count
        let oldIntroductions = Dictionary(
            old.introductions.map { (IntroductionKey($0), $0) }, uniquingKeysWith: { first, _ in first })
        for introduction in new.introductions {
            guard let before = oldIntroductions[IntroductionKey(introduction)] else {
                report.introductionsNew += 1
                changes.upsertIntroductions.append(introduction)
                continue
            }
            if before != introduction {
                report.introductionsUpdated += 1
                changes.upsertIntroductions.append(introduction)
            }
        }
        return changes
    }

    /// What makes two introductions the same one.
    struct IntroductionKey: Hashable {
        var introducer: String
        var person: String
        var to: String
        init(_ i: Introduction) { (introducer, person, to) = (i.introducerID, i.personID, i.toID) }
    }
}
