import Foundation
import Rapport
import RapportUseCases
import Testing

/// The `suggest` contracts of Docs/JSON.md and the one suggestion CSV layout, in-process.
@Suite struct SuggestContractTests {
    @Test func jsonEntriesCarryTheDocumentedFields() throws {
        let folder = try Folder.samples()
        let planner = try Planner(try folder.analysis())
        let text = try JSONOutput.string(SuggestionJSON.list(try planner.suggest(top: 5)))
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(entries.count == 5)
        #expect(entries.map { $0["rank"] as? Int } == [1, 2, 3, 4, 5])
        for key in ["id", "name", "organization", "score", "components", "path", "action", "warmth", "sharedHistory"] {
            #expect(entries[0][key] != nil, "missing \(key)")
        }
        let components = try #require(entries[0]["components"] as? [String: Any])
        for key in ["reliability", "warmth", "relativeWarmth", "redundancy"] {
            #expect(components[key] is Double || components[key] is Int, "missing components.\(key)")
        }
        let warmth = try #require(entries[0]["warmth"] as? [[String: Any]])
        #expect(!warmth.isEmpty && warmth.allSatisfy { $0["id"] != nil && $0["contribution"] != nil })
        let hops = try #require(entries[0]["path"] as? [[String: Any]])
        #expect(hops.allSatisfy { $0["id"] != nil && $0["name"] != nil && $0["strength"] != nil })
    }

    /// `--csv` and every `--batch` file share one layout: the batch file of the user equals the
    /// CSV of the same request, byte for byte, and is readable by its owner only.
    @Test func batchFilesAndCsvOutputShareOneLayout() throws {
        let folder = try Folder.samples()
        let planner = try Planner(try folder.analysis())
        let csv = SuggestionCSV.document(try planner.suggest(top: 3), ego: try planner.ego(), planner: planner)
        let header = csv.split(separator: "\n").first.map(String.init)
        #expect(header == "rank,id,name,organization,title,score,relevance,reliability,redundancy,quality_gain,insight,freshness,introducer,path,action")
        try folder.write("egos.csv", "id\nme\np001\np002\n")
        let summary = try BatchSuggestions.run(planner, egosFile: folder.path + "/egos.csv", folder: folder.path + "/out", top: 3)
        #expect(summary.people == 3)
        #expect(try String(contentsOfFile: folder.path + "/out/me.csv", encoding: .utf8) == csv)
        for id in ["me", "p001", "p002"] {
            let path = folder.path + "/out/\(id).csv"
            #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count == 4)
            #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        }
    }

    @Test func anUnknownPersonInABatchFileIsBadInputAtItsLine() throws {
        let folder = try Folder.samples()
        let planner = try Planner(try folder.analysis())
        let egos = try folder.write("egos.csv", "id\nme\nnobody-here\n")
        #expect(throws: UseCaseError.badInput("\(egos):3: no person matches 'nobody-here'")) {
            try BatchSuggestions.run(planner, egosFile: egos, folder: folder.path + "/out", top: 3)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
    }

    @Test func csvNeutralizesFormulas() throws {
        let folder = try Folder()
        _ = try Recording.initWorkspace(folder.location, me: "Ada Lovelace")
        let people = try folder.write("people.csv", """
            id,first_name,last_name,email,organization,title,sectors,school,location
            p1,=HYPERLINK(""http://x""),Evil,,+cmd Corp,@SUM(1),intellectual property,,
            p2,Ann,Friend,,Friendly LLP,Partner,,,
            """)
        let ties = try folder.write("ties.csv", "person_a,person_b,kind,since\nme,p2,friend,\np2,p1,colleague,\n")
        _ = try Importing.run(Importing.Request(files: [people, ties]), in: folder.location)
        let planner = try Planner(try folder.analysis())
        let csv = SuggestionCSV.document(try planner.suggest(top: 10), ego: try planner.ego(), planner: planner)
        #expect(csv.contains("'=HYPERLINK"))
        #expect(csv.contains("'+cmd Corp"))
        #expect(csv.contains("'@SUM(1)"))
    }

    /// A goal file in TOML reads as the same goal as its JSON form, weights included.
    @Test func tomlAndJsonGoalFilesAgree() throws {
        let folder = try Folder()
        let toml = try folder.write("goal.toml", """
            sectors = ["intellectual property"]
            keywords = ["patent", "litigation"]
            [weights]
            sectors = 2.0
            """)
        let json = try folder.write("goal.json", #"{"sectors": ["intellectual property"], "keywords": ["patent", "litigation"], "weights": {"sectors": 2.0}}"#)
        let fromTOML = try GoalFile.read(path: toml)
        #expect(fromTOML == (try GoalFile.read(path: json)))
        #expect(fromTOML.weights.sectors == 2.0)
        #expect(fromTOML.keywords == ["patent", "litigation"])
        let flags = try SuggestRequest.goal(file: toml, adding: Goal(sectors: ["tax"]))
        #expect(flags.sectors == ["intellectual property", "tax"])
    }

    @Test func aGoalFileWithAnUnknownKeyNamesTheFile() throws {
        let folder = try Folder()
        let path = try folder.write("goal.json", #"{"sector": ["tax"]}"#)
        #expect(performing: { try GoalFile.read(path: path) }, throws: { error in
            guard let error = error as? UseCaseError, case .badInput(let message) = error else { return false }
            return message.hasPrefix("\(path): ") && message.contains("sector")
        })
    }

    /// An unknown `[suggest]` key is bad input at its `file:line:column` (it used to exit 1).
    @Test func anUnknownSuggestSettingIsBadInputAtItsPlace() throws {
        let folder = try Folder()
        _ = try Recording.initWorkspace(folder.location, me: "Ada Lovelace")
        try folder.write("rapport.toml", "[suggest]\nmax_hops = 3\nper_orgs = 2\n")
        let analysis = try folder.analysis()
        let known = SuggestionConfiguration.keys.sorted().joined(separator: ", ")
        #expect(throws: UseCaseError.badInput("\(folder.path)/rapport.toml:3:1: unknown key 'per_orgs' in [suggest]; known keys: \(known)")) {
            try Planner(analysis)
        }
    }
}

/// `suggest --batch` resumes: an interrupted run's files are kept, the rest computed; another goal
/// is another run, and recomputes everything.
@Suite struct BatchResumeTests {
    @Test func aSecondRunOfTheSameBatchKeepsWhatTheFirstWrote() throws {
        let folder = try Folder.samples()
        let planner = try Planner(try folder.analysis())
        let egos = try folder.write("egos.csv", "id\nme\np001\np002\np001\n")
        let first = try BatchSuggestions.run(planner, egosFile: egos, folder: folder.path + "/out", top: 3)
        #expect(first.people == 3 && first.resumed == 0)
        // An interruption after two files: the third is missing, and one kept file is marked.
        try FileManager.default.removeItem(atPath: folder.path + "/out/p002.csv")
        try "kept".write(toFile: folder.path + "/out/me.csv", atomically: true, encoding: .utf8)
        let counts = Counts()
        let second = try BatchSuggestions.run(planner, egosFile: egos, folder: folder.path + "/out", top: 3) { done, total in
            counts.add(done, total)
        }
        #expect(second.people == 3 && second.resumed == 2)
        #expect(counts.values == [[3, 3]])
        #expect(try String(contentsOfFile: folder.path + "/out/me.csv", encoding: .utf8) == "kept")
        #expect(FileManager.default.fileExists(atPath: folder.path + "/out/p002.csv"))
        // Another top-K is another run: every file is written again.
        let other = try BatchSuggestions.run(planner, egosFile: egos, folder: folder.path + "/out", top: 2)
        #expect(other.resumed == 0)
        #expect(try String(contentsOfFile: folder.path + "/out/me.csv", encoding: .utf8).hasPrefix("rank,id,"))
    }

    final class Counts: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [[Int]] = []
        func add(_ done: Int, _ total: Int) { lock.withLock { values.append([done, total]) } }
    }
}
