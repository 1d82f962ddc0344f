import Foundation
import Rapport

/// A bench dataset (`../shared/bench`, `gen_network.py` layout) loaded straight into a CSR graph with
/// the strengths of WORKLOAD.md step (b). Test-only: the real CSV reader lives in RapportCSV.
struct BenchFixture {
    static let referenceDate = Day(year: 2026, month: 11, day: 1)!
    static let interactionWeight: [String: Double] = [
        "informational_interview": 1, "coffee": 1, "meeting": 1, "video_call": 0.8, "call": 0.7,
        "referral": 0.9, "thank_you": 0.3, "email": 0.3, "message": 0.2, "event": 0.15,
    ]
    static let baseStrength: [String: Double] = [
        "mentor": 0.7, "friend": 0.6, "colleague": 0.4, "classmate": 0.35, "former_colleague": 0.25,
        "acquaintance": 0.1,
    ]

    let ids: [String]
    let graph: Graph
    let strengths: [Double]
    let ego: Int32

    /// The tiny fixture's folder: a copy of `../shared/bench/fixtures/tiny` kept beside this file,
    /// so the tests never depend on where the benchmark kit lies.
    static let tinyDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/tiny").path

    /// The tiny fixture, loaded from ``tinyDirectory``.
    static func tiny() throws -> BenchFixture {
        let dir = tinyDirectory
        return try BenchFixture(directory: dir)
    }

    init(directory: String) throws {
        let people = try TestCSV.records(atPath: directory + "/people.csv")
        let ties = try TestCSV.records(atPath: directory + "/ties.csv")
        let interactions = try TestCSV.records(atPath: directory + "/interactions.csv")
        let goal = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: directory + "/goal.json")))
        guard let egoID = (goal as? [String: Any])?["ego"] as? String else {
            throw TestCSV.Failure.malformed("goal.json")
        }

        let idColumn = try TestCSV.column("id", in: people[0])
        ids = people.dropFirst().map { $0[idColumn] }
        var index: [String: Int32] = [:]
        for (i, id) in ids.enumerated() { index[id] = Int32(i) }
        guard let ego = index[egoID] else { throw TestCSV.Failure.malformed("ego") }
        self.ego = ego

        let a = try TestCSV.column("person_a", in: ties[0])
        let b = try TestCSV.column("person_b", in: ties[0])
        let k = try TestCSV.column("kind", in: ties[0])
        var endpoints: [Int32] = []
        var kinds: [String] = []
        for row in ties.dropFirst() {
            guard let x = index[row[a]], let y = index[row[b]] else { throw TestCSV.Failure.malformed("ties") }
            endpoints += [x, y]
            kinds.append(row[k])
        }
        graph = try Graph(nodeCount: ids.count, endpoints: endpoints)

        // Ego ties: X(v) = Σ w(kind) · q · 2^(−age/180); s = max(0.05, 1 − exp(−X/3)).
        var egoEdge: [Int32: Int32] = [:]
        for h in graph.halfEdges(of: ego) { egoEdge[graph.neighbors[h]] = graph.incidentEdges[h] }
        var x: [Int32: Double] = [:]
        let date = try TestCSV.column("date", in: interactions[0])
        let person = try TestCSV.column("person", in: interactions[0])
        let kind = try TestCSV.column("kind", in: interactions[0])
        let rapport = try TestCSV.column("rapport", in: interactions[0])
        for row in interactions.dropFirst() {
            guard let v = index[row[person]], egoEdge[v] != nil else { continue }
            guard let day = Day(iso: row[date]), let w = Self.interactionWeight[row[kind]] else {
                throw TestCSV.Failure.malformed("interactions")
            }
            let age = Double(day.days(until: Self.referenceDate))
            let q = row[rapport].isEmpty ? 0.6 : (Double(row[rapport]) ?? 0) / 5
            x[v, default: 0] += w * q * pow(2, -age / 180)
        }
        var strengths = [Double](repeating: 0, count: graph.edgeCount)
        for e in 0..<graph.edgeCount {
            let u = endpoints[2 * e], v = endpoints[2 * e + 1]
            if u == ego || v == ego {
                let other = u == ego ? v : u
                strengths[e] = max(0.05, 1 - exp(-(x[other] ?? 0) / 3))
            } else {
                guard let s = Self.baseStrength[kinds[e]] else { throw TestCSV.Failure.malformed("kind") }
                strengths[e] = s
            }
        }
        self.strengths = strengths
    }

    func node(_ id: String) -> Int32 { Int32(ids.firstIndex(of: id) ?? -1) }
}

/// A minimal RFC 4180 reader for test fixtures: quotes, doubled quotes, CRLF or LF.
enum TestCSV {
    enum Failure: Error { case malformed(String), missingColumn(String) }

    static func records(atPath path: String) throws -> [[String]] {
        try parse(String(contentsOfFile: path, encoding: .utf8))
    }

    static func column(_ name: String, in header: [String]) throws -> Int {
        guard let i = header.firstIndex(of: name) else { throw Failure.missingColumn(name) }
        return i
    }

    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var fieldWasQuoted = false
        let bytes = Array(text.utf8)
        var i = 0
        func endField() {
            row.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        while i < bytes.count {
            let c = bytes[i]
            if inQuotes {
                if c == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(c)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == UInt8(ascii: "\"") && field.isEmpty && !fieldWasQuoted {
                inQuotes = true
                fieldWasQuoted = true
            } else if c == UInt8(ascii: ",") {
                endField()
            } else if c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
                if c == UInt8(ascii: "\r"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
                endField()
                rows.append(row)
                row = []
            } else {
                field.append(c)
            }
            i += 1
        }
        if inQuotes { throw Failure.malformed("unterminated quote") }
        if !field.isEmpty || !row.isEmpty || fieldWasQuoted {
            endField()
            rows.append(row)
        }
        return rows
    }
}
