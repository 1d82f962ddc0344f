import Foundation
import Rapport
import RapportCSV

/// `suggest --batch`: one CSV of suggestions per person listed in a file, all from one loaded
/// network, computed on every core.
public enum BatchSuggestions {
    /// What a batch did.
    public struct Summary: Sendable {
        public var people: Int
        public var seconds: Double
        public var perSecond: Double { Double(people) / max(seconds, 1e-9) }
    }

    /// Suggests for every person in `egosFile` and writes `folder/ID.csv` for each, in the layout
    /// of `SuggestionCSV`.
    /// - Throws: `UseCaseError.badInput` naming `file:line` for a person the network does not have.
    public static func run(_ planner: Planner, egosFile path: String, folder: String, top: Int) throws -> Summary {
        let references = try references(in: path)
        guard !references.isEmpty else { throw UseCaseError.badInput("\(path): no people listed") }
        let analysis = planner.analysis
        // An unknown person is bad input at its line of the file.
        let egos = try references.map { reference in
            do { return try analysis.resolve(reference.text) } catch let error as UseCaseError {
                throw error.prefixed("\(path):\(reference.line): ")
            }
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let start = DispatchTime.now()
        let engine = planner.engine, goal = planner.request.goal
        let results = Parallel.map(egos) { ego in try engine.suggest(for: ego, goal: goal, top: top) }
        for (ego, result) in zip(egos, results) {
            let file = folder + "/" + fileName(for: analysis.snapshot.people[Int(ego)].id)
            try OutputFile.write(SuggestionCSV.document(try result.get(), ego: ego, planner: planner), to: file)
        }
        return Summary(people: egos.count, seconds: Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
    }

    /// The person references of a CSV with their lines: its `id` (else `person`, `email`, `name`)
    /// column, or its first column when there is no such header; blank rows skipped.
    /// - Throws: `UseCaseError.badInput` (exit 2) for a file that cannot be opened or read as CSV.
    public static func references(in path: String) throws -> [(text: String, line: Int)] {
        let stream: RecordStream
        do { stream = try RecordStream(path: path) } catch { throw UseCaseError.badInput(error.description) }
        var column = -1
        var references: [(text: String, line: Int)] = []
        do {
            try stream.forEachRecord { record in
                if column < 0 {
                    column = 0
                    var header: [String] = []
                    for i in 0..<record.count { header.append(record.string(i).trimmingCharacters(in: .whitespaces).lowercased()) }
                    // A header row names the column; without one, the first column holds the people.
                    for name in ["id", "person", "email", "name"] {
                        if let i = header.firstIndex(of: name) { column = i; return true }
                    }
                }
                let value = record.string(column).trimmingCharacters(in: .whitespaces)
                if !value.isEmpty { references.append((value, record.line)) }
                return true
            }
        } catch let error as BulkError {
            throw UseCaseError.badInput(error.description)
        }
        return references
    }

    /// A file name from an id: letters, digits, `-`, `_` and `.` kept, anything else as `_`.
    public static func fileName(for id: String) -> String {
        let safe = String(id.unicodeScalars.map { c -> Character in
            c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_" || c == "." ? Character(c) : "_"
        })
        return (safe.isEmpty || safe.hasPrefix(".") ? "_" + safe : safe) + ".csv"
    }
}
