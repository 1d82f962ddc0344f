import Foundation
import Rapport
import RapportCSV
import RapportStore
import RapportUseCases
import Testing

/// `import` in-process: one transaction, a dry run that writes nothing, located errors.
@Suite struct ImportingTests {
    @Test func aDryRunReportsAndWritesNothing() throws {
        let folder = try Folder()
        _ = try Recording.initWorkspace(folder.location, me: "Ada Lovelace")
        let people = try folder.write("people.csv", "id,first_name,last_name\np1,Maria,Chen\np2,Dana,Lee\n")
        let before = try Data(contentsOf: URL(fileURLWithPath: folder.location.path))
        let outcome = try Importing.run(Importing.Request(files: [people], dryRun: true), in: folder.location)
        #expect(outcome.changes.upsertPeople.count == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.location.path)) == before)
        #expect(try Session(folder.location).snapshot().personCount == 1)
    }

    /// The stray quote of issue 17: refused at the opening quote, and nothing of the other file lands.
    @Test func aRunawayQuoteIsRefusedAtItsPlaceAndNothingIsWritten() throws {
        let folder = try Folder()
        _ = try Recording.initWorkspace(folder.location, me: "Ada Lovelace")
        let good = try folder.write("a.csv", "id,first_name,last_name\np1,Maria,Chen\n")
        let bad = try folder.write(
            "b.csv", "id,first_name,last_name,email\nq1,\"Broken,Last,f@x.com\nq2,Dana,Lee,d@x.com\n")
        #expect(
            performing: { try Importing.run(Importing.Request(files: [good, bad]), in: folder.location) },
            throws: { error in
                let report = ErrorReport(error)
                return report.kind == .badInput && report.message.hasPrefix("\(bad):2:4: ")
            })
        #expect(try Session(folder.location).snapshot().personCount == 1)
    }

    /// Files that bear people merge (and start going to the workspace) while the others are still
    /// being read; a failure is still the first in argument order, as if every file were read
    /// before the merge, and nothing is written.
    @Test func aFailureIsTheFirstInArgumentOrderWhileThePeopleMergeEarly() throws {
        let folder = try Folder()
        _ = try Recording.initWorkspace(folder.location, me: "Ada Lovelace")
        let people = try folder.write("people.csv", "id,first_name,last_name\np1,Maria,Chen\np2,Dana,Lee\n")
        let badPeople = try folder.write("bad-people.csv", "id,first_name,last_name\np3,\"Runaway,Lee\np4,Sam,Ng\n")
        let ties = try folder.write("ties.csv", "person_a,person_b,kind,since\nme,p1,friend,\np1,p2,colleague,\n")
        let badTies = try folder.write(
            "bad-ties.csv", "person_a,person_b,kind,since\nme,p1,friend,\np1,\"p2,colleague,\n")
        func failure(_ files: [String]) -> String? {
            do {
                _ = try Importing.run(Importing.Request(files: files), in: folder.location)
                return nil
            } catch {
                return ErrorReport(error).message
            }
        }
        #expect(failure([people, badTies])?.hasPrefix("\(badTies):3:4: ") == true)
        #expect(failure([badTies, badPeople])?.hasPrefix("\(badTies):3:4: ") == true)
        #expect(failure([badPeople, badTies])?.hasPrefix("\(badPeople):2:4: ") == true)
        #expect(failure([ties, badPeople])?.hasPrefix("\(badPeople):2:4: ") == true)
        // A calendar that cannot be read fails after the files, as when every file was read first.
        let calendar = try folder.write("bad.ics", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\n")
        #expect(failure([people, badTies, calendar])?.hasPrefix("\(badTies):3:4: ") == true)
        #expect(failure([people, ties, calendar])?.hasPrefix("\(calendar):1:1: ") == true)
        #expect(try Session(folder.location).snapshot().personCount == 1)
        // The good pair lands whole, the ties file first or not.
        let outcome = try Importing.run(Importing.Request(files: [ties, people]), in: folder.location)
        #expect(outcome.report.peopleNew == 2 && outcome.report.tiesNew == 2, "\(outcome.report.summary)")
        #expect(try Session(folder.location).snapshot().tieCount == 2)
    }

    /// Merging the people-bearing files before the others are read changes nothing in the outcome:
    /// it is the one-piece merge of the same files (in argument order: a ties file first, two
    /// people files around an interactions file, the second updating a person of the first by
    /// e-mail).
    @Test func mergingThePeopleEarlyGivesTheOutcomeOfOneMerge() throws {
        let folder = try Folder()
        _ = try Recording.initWorkspace(folder.location, me: "Ada Lovelace")
        let files = [
            try folder.write(
                "ties.csv", "person_a,person_b,kind,since\nme,p1,friend,2020-01-02\np1,p2,colleague,\nme,p1,mentor,\n"),
            try folder.write("people.csv", "id,first_name,last_name,email\np1,Maria,Chen,m@x.org\np2,Dana,Lee,\n"),
            try folder.write(
                "interactions.csv", "date,person,with,kind\n2026-10-01,p1,me,coffee\n2026-10-01,p1,me,coffee\n"),
            try folder.write(
                "more.csv", "id,first_name,last_name,email,organization\n,Maria,Chen,m@x.org,Acme\np3,Sam,Ng,,\n"),
        ]
        let stored = try folder.location.open().loadNetwork()
        let parsed = try files.map {
            try ContactFile.parse(path: $0, data: Array(try Data(contentsOf: URL(fileURLWithPath: $0))))
        }
        let merged = try Importer.merge(existing: stored, files: parsed)
        let early = try Importing.run(Importing.Request(files: files, dryRun: true), in: folder.location)
        #expect(early.changes == merged.changes)
        #expect(early.report == merged.report)
        #expect(early.warnings.map(\.description) == merged.warnings.map(\.description))
        #expect(merged.report.peopleNew == 3 && merged.report.tiesNew == 2 && merged.report.interactionsNew == 2)
    }

    @Test func aMissingFileAndAnUnknownFormatAreBadInput() throws {
        let folder = try Folder()
        _ = try Recording.initWorkspace(folder.location, me: nil)
        #expect(
            performing: {
                try Importing.run(Importing.Request(files: [folder.path + "/none.csv"]), in: folder.location)
            },
            throws: { error in
                ErrorReport(error)
                    == ErrorReport(
                        message:
                            "\(folder.path)/none.csv:1:1: cannot read the file (missing, a directory, or no permission)",
                        kind: .badInput)
            })
        #expect(
            performing: {
                try Importing.run(Importing.Request(files: ["x.csv"], format: "excel"), in: folder.location)
            },
            throws: { error in
                (error as? UseCaseError)?.description.hasPrefix("unknown format 'excel'; use auto or one of: ") == true
            })
    }

    @Test func reimportingTheSamplesChangesNothing() throws {
        let folder = try Folder.samples()
        let entries = SampleFilesList.entries(folder)
        let snapshot = folder.location.snapshotPath
        let before = try FileManager.default.attributesOfItem(atPath: snapshot)
        let again = try Importing.run(Importing.Request(files: entries, asOf: Folder.day), in: folder.location)
        #expect(again.report.totalNew == 0 && again.report.totalUpdated == 0, "\(again.report.summary)")
        #expect(again.report.rowsUnchanged > 0)
        // Nothing written: the snapshot file is the very file the first import left, still current.
        let after = try FileManager.default.attributesOfItem(atPath: snapshot)
        #expect(after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int)
        #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
        let key = try #require(try Session(folder.location).workspace.contentKey())
        #expect(NetworkSnapshot.fileKey(atPath: snapshot) == key)
    }

    /// An import of people alone does not read the stored ties (it adds none) and leaves them as
    /// they were; its changes and report are those of a merge with the ties read.
    @Test func anImportOfPeopleAloneKeepsTheTies() throws {
        let folder = try Folder.samples()
        let stored = try folder.location.open().loadNetwork()
        let tieCount = try Session(folder.location).snapshot().tieCount
        #expect(stored.ties.count > 100)
        let text =
            "id,first_name,last_name,organization\np001,Kenji,Ferreira,Greaves & Ibarra LLP\nnew-1,Nia,Okafor,Acme\n"
        let file = try folder.write("more.csv", text)
        let merged = try Importer.merge(
            existing: stored, files: [try ContactFile.parse(path: file, data: Array(text.utf8))])
        #expect(merged.report.peopleNew == 1)

        let dryRun = try Importing.run(
            Importing.Request(files: [file], asOf: Folder.day, dryRun: true), in: folder.location)
        #expect(dryRun.changes == merged.changes)
        #expect(dryRun.report == merged.report)
        _ = try Importing.run(Importing.Request(files: [file], asOf: Folder.day), in: folder.location)
        let after = try folder.location.open().loadNetwork()
        #expect(after.ties == stored.ties)
        #expect(after.people.contains { $0.id == "new-1" })
        #expect(try Session(folder.location).snapshot().tieCount == tieCount)

        // A contact export alone adds ties (user to contact): those stored are read and merged into.
        let again = try Importing.run(
            Importing.Request(files: [folder.path + "/samples/LinkedInDataExport/Connections.csv"], asOf: Folder.day),
            in: folder.location)
        #expect(again.report.tiesNew == 0 && again.report.tiesUpdated == 0, "\(again.report.summary)")
        #expect(try folder.location.open().loadNetwork().ties == stored.ties)
    }

    /// A re-import that writes nothing still leaves a current snapshot: without a file, it builds one.
    @Test func aReimportOfNothingNewStillLeavesACurrentSnapshot() throws {
        let folder = try Folder.samples()
        let snapshot = folder.location.snapshotPath
        try FileManager.default.removeItem(atPath: snapshot)
        _ = try Importing.run(
            Importing.Request(files: SampleFilesList.entries(folder), asOf: Folder.day), in: folder.location)
        let key = try #require(try Session(folder.location).workspace.contentKey())
        #expect(NetworkSnapshot.fileKey(atPath: snapshot) == key)
        #expect(try NetworkSnapshot(contentsOfFile: snapshot, key: key).people.count == 461)
    }
}

enum SampleFilesList {
    static func entries(_ folder: Folder) -> [String] {
        [
            "LinkedInDataExport", "people.csv", "ties.csv", "interactions.csv", "introductions.csv", "calendar.ics",
            "mail.mbox",
        ]
        .map { folder.path + "/samples/" + $0 }
    }
}
