import Foundation
import Rapport
import RapportCSV

/// The reference workload W (../shared/bench/WORKLOAD.md), step (a) and the loading: Rapport's bulk
/// API reads the files (`RecordStream`) and maps ids (`IdentifierTable`); `main.swift` runs the
/// steps on the product's `Graph`, `SimpleStrengthModel`, `MostReliablePaths` and Adamic–Adar.
struct Workload {
    static let refDate = Day(iso: "2026-11-01")!

    /// W step (b) as the configuration of Rapport's `SimpleStrengthModel`: W's interaction weights,
    /// base strengths, half-life 180 days, saturation 3, unrated rapport 0.6 and floor 0.05.
    static var strengthConfiguration: StrengthConfiguration {
        var c = StrengthConfiguration.default
        c.halfLifeDays = 180
        c.saturation = 3
        c.unratedRapport = 0.6
        c.floor = 0.05
        c.interactionWeights = [
            .informationalInterview: 1, .coffee: 1, .meeting: 1, .videoCall: 0.8, .call: 0.7,
            .referral: 0.9, .thankYou: 0.3, .email: 0.3, .message: 0.2, .event: 0.15,
        ]
        c.tieBase = [
            .mentor: 0.7, .friend: 0.6, .colleague: 0.4, .classmate: 0.35, .formerColleague: 0.25,
            .acquaintance: 0.1, .family: 0.6,
        ]
        return c
    }

    struct Goal: Decodable {
        var ego: String
        var sectors: [String]
        var keywords: [String]
        var organizations: [String]
        var top: Int
    }

    let directory: String
    var goal: Goal
    var ids = IdentifierTable()
    /// The people's organizations, titles and sectors, each distinct value stored once (a million
    /// people hold 25,000 organizations, 626 titles, 19,000 sector lists).
    var organizations = InternedColumn()
    var titles = InternedColumn()
    var sectors = InternedColumn()
    var ego: Int32 = -1
    var endpoints: [Int32] = []
    var kinds: [TieKind] = []
    /// The interaction rows, in file order.
    var contacts: [SimpleStrengthModel.Contact] = []

    init(directory: String) throws {
        self.directory = directory
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/goal.json"))
        goal = try JSONDecoder().decode(Goal.self, from: data)
    }

    // MARK: load

    mutating func load() throws {
        let t0 = DispatchTime.now()
        defer { Workload.debug("load total", t0) }
        try loadPeople()
        Workload.debug("people", t0)
        guard let e = ids.index(of: goal.ego) else { throw BenchError("ego \(goal.ego) not in people.csv") }
        ego = e
        try loadTies()
        Workload.debug("ties", t0)
        try loadInteractions()
    }

    static func debug(_ what: String, _ since: DispatchTime) {
        guard ProcessInfo.processInfo.environment["RAPPORT_BENCH_DEBUG"] != nil else { return }
        let s = Double(DispatchTime.now().uptimeNanoseconds - since.uptimeNanoseconds) / 1e9
        FileHandle.standardError.write(
            Data(
                "  [\(what) at \(String(format: "%.3f", s)) s, RSS \(Int(PhaseClock.currentMegabytes())) MB, peak \(Int(PhaseClock.peakMegabytes())) MB]\n"
                    .utf8))
    }

    /// Reads people.csv on two threads, split at a line boundary near the middle (serially when the
    /// boundary falls inside a quoted field, as for ties.csv).
    mutating func loadPeople() throws {
        let path = directory + "/people.csv"
        var columns: [Int] = []
        try RecordStream(path: path).forEachRecord { record in
            columns = try Workload.columns(["id", "organization", "title", "sectors"], in: record, path: path)
            return false
        }
        let size = RecordStream.fileSize(path) ?? 0
        var parts: [PeoplePart] = []
        if size > 1 << 20, let split = RecordStream.lineBoundary(in: path, after: size / 2) {
            let results = Parts<PeoplePart>(count: 2)
            let wanted = columns
            WorkerPool.shared.forEach(2) { half in
                results.run(half) {
                    try Workload.readPeople(
                        path: path, range: half == 0 ? 0..<split : split..<Int.max, header: half == 0, columns: wanted)
                }
            }
            let halves = try results.values()
            if halves[0].end == split { parts = halves }
        }
        if parts.isEmpty {
            parts = [try Workload.readPeople(path: path, range: 0..<Int.max, header: true, columns: columns)]
        }
        var whole = parts.removeFirst()
        for part in parts {
            whole.ids.append(contentsOf: part.ids)
            whole.organizations.append(contentsOf: part.organizations)
            whole.titles.append(contentsOf: part.titles)
            whole.sectors.append(contentsOf: part.sectors)
        }
        parts = []
        ids = whole.ids
        organizations = whole.organizations.build()
        titles = whole.titles.build()
        sectors = whole.sectors.build()
        do { try ids.build() } catch { throw BenchError("\(path): \(error)") }
    }

    struct PeoplePart {
        var ids = IdentifierTable()
        var organizations = InternedColumnBuilder()
        var titles = InternedColumnBuilder()
        var sectors = InternedColumnBuilder()
        var end = 0
    }

    static func readPeople(path: String, range: Range<Int>, header: Bool, columns: [Int]) throws -> PeoplePart {
        let stream = try RecordStream(path: path, range: range)
        var part = PeoplePart()
        var skip = header
        try stream.forEachRecord { record in
            if skip {
                skip = false
                return true
            }
            part.ids.append(record[columns[0]])
            part.organizations.append(record[columns[1]])
            part.titles.append(record[columns[2]])
            part.sectors.append(record[columns[3]])
            return true
        }
        part.end = stream.endOffset
        return part
    }

    /// Reads ties.csv on two threads, split at a line boundary near the middle. When that boundary
    /// falls inside a quoted field (the first half does not end exactly there), it reads serially.
    mutating func loadTies() throws {
        let path = directory + "/ties.csv"
        let size = RecordStream.fileSize(path) ?? 0
        let split = size > 1 << 20 ? RecordStream.lineBoundary(in: path, after: size / 2) : nil
        let table = ids
        if let split {
            let results = Parts<TiePart>(count: 2)
            WorkerPool.shared.forEach(2) { half in
                results.run(half) {
                    try Workload.readTies(
                        path: path, range: half == 0 ? 0..<split : split..<Int.max, header: half == 0, ids: table)
                }
            }
            var halves = try results.values()
            if halves[0].end == split {
                // The first half reserved room for the whole file: the second is appended in place,
                // not both copied into a new 80 MB array.
                endpoints = halves[0].endpoints
                kinds = halves[0].kinds
                halves[0] = TiePart()
                endpoints.append(contentsOf: halves[1].endpoints)
                kinds.append(contentsOf: halves[1].kinds)
                return
            }
        }
        let whole = try Workload.readTies(path: path, range: 0..<Int.max, header: true, ids: table)
        endpoints = whole.endpoints
        kinds = whole.kinds
    }

    struct TiePart {
        var endpoints: [Int32] = []
        var kinds: [TieKind] = []
        var end = 0
    }

    /// Results of work split over threads: each slot filled once, the first error kept.
    final class Parts<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Value?]
        private var error: (any Error)?

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func run(_ i: Int, _ body: () throws -> Value) {
            do {
                let value = try body()
                lock.withLock { slots[i] = value }
            } catch {
                lock.withLock { self.error = self.error ?? error }
            }
        }

        func values() throws -> [Value] {
            try lock.withLock {
                if let error { throw error }
                return slots.compactMap { $0 }
            }
        }
    }

    static func readTies(path: String, range: Range<Int>, header: Bool, ids: IdentifierTable) throws -> TiePart {
        let stream = try RecordStream(path: path, range: range)
        var part = TiePart()
        // Rows are ~37 bytes. The part that starts the file reserves for all of it (pages untouched
        // cost no memory): `loadTies` appends the other part to it.
        let estimate = ((RecordStream.fileSize(path) ?? 0) - range.lowerBound) / 36
        part.endpoints.reserveCapacity(2 * estimate + 16)
        part.kinds.reserveCapacity(estimate + 16)
        var columns: [Int] = header ? [] : [0, 1, 2]
        try stream.forEachRecord { record in
            if columns.isEmpty {
                columns = try Workload.columns(["person_a", "person_b", "kind"], in: record, path: path)
                return true
            }
            guard let a = ids.index(of: record[columns[0]]) else {
                throw BenchError("\(path):\(record.line): unknown person_a '\(record.string(columns[0]))'")
            }
            guard let b = ids.index(of: record[columns[1]]) else {
                throw BenchError("\(path):\(record.line): unknown person_b '\(record.string(columns[1]))'")
            }
            guard let kind = TieKind(exactBytes: record[columns[2]]) else {
                throw BenchError("\(path):\(record.line): unknown tie kind '\(record.string(columns[2]))'")
            }
            part.endpoints.append(a)
            part.endpoints.append(b)
            part.kinds.append(kind)
            return true
        }
        part.end = stream.endOffset
        return part
    }

    mutating func loadInteractions() throws {
        let path = directory + "/interactions.csv"
        let stream = try RecordStream(path: path)
        var columns: [Int] = []
        let table = ids
        var rows: [SimpleStrengthModel.Contact] = []
        try stream.forEachRecord { record in
            if columns.isEmpty {
                columns = try Workload.columns(["date", "person", "kind", "rapport"], in: record, path: path)
                return true
            }
            guard let person = table.index(of: record[columns[1]]) else {
                throw BenchError("\(path):\(record.line): unknown person '\(record.string(columns[1]))'")
            }
            guard let date = Day(iso: record.string(columns[0])) else {
                throw BenchError("\(path):\(record.line): bad date")
            }
            guard let kind = InteractionKind(rawValue: record.string(columns[2])) else {
                throw BenchError("\(path):\(record.line): unknown kind")
            }
            var rapport: Int?
            if !record[columns[3]].isEmpty {
                guard let r = Int(record.string(columns[3])), (1...5).contains(r) else {
                    throw BenchError("\(path):\(record.line): bad rapport")
                }
                rapport = r
            }
            rows.append(SimpleStrengthModel.Contact(person: person, kind: kind, rapport: rapport, date: date))
            return true
        }
        contacts = rows
    }

    static func columns(_ names: [String], in record: borrowing RecordStream.Record, path: String) throws -> [Int] {
        var header: [String] = []
        for i in 0..<record.count { header.append(record.string(i)) }
        return try names.map { name in
            guard let i = header.firstIndex(of: name) else {
                throw BenchError("\(path):1:1: missing column '\(name)' (header: \(header.joined(separator: ",")))")
            }
            return i
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
