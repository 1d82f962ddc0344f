import Foundation
import Rapport
import RapportCSV

/// The reference workload W (../shared/bench/WORKLOAD.md), step for step, on Rapport's bulk API:
/// `RecordStream` to read, `IdentifierTable` to map ids, `LabeledGraph` for the CSR, its Dijkstra
/// and weighted Adamic–Adar. W's strength formula is W's own (a benchmark fixture), not Rapport's
/// relationship model.
struct Workload {
    static let refDate = Day(iso: "2026-11-01")!
    static let tieKinds = ["mentor", "friend", "colleague", "classmate", "former_colleague", "acquaintance"]
    static let baseStrength: [Double] = [0.7, 0.6, 0.4, 0.35, 0.25, 0.1]
    static let interactionWeight: [String: Double] = [
        "informational_interview": 1, "coffee": 1, "meeting": 1, "video_call": 0.8, "call": 0.7,
        "referral": 0.9, "thank_you": 0.3, "email": 0.3, "message": 0.2, "event": 0.15,
    ]
    /// The label of ties with the ego: their strength comes from interactions.
    static let egoLabel: UInt8 = 15

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
    var organizations = Column()
    var titles = Column()
    var sectors = Column()
    var ego: Int32 = -1
    var endpoints: [Int32] = []
    var labels: [UInt8] = []
    /// (person index, weight · q, age in days) per interaction row, in file order.
    var interactions: [(person: Int32, weight: Double, age: Int)] = []

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
        FileHandle.standardError.write(Data("  [\(what) at \(String(format: "%.3f", s)) s]\n".utf8))
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
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                results.run(half) {
                    try Workload.readPeople(path: path, range: half == 0 ? 0..<split : split..<Int.max, header: half == 0, columns: wanted)
                }
            }
            let halves = try results.values()
            if halves[0].end == split { parts = halves }
        }
        if parts.isEmpty {
            parts = [try Workload.readPeople(path: path, range: 0..<Int.max, header: true, columns: columns)]
        }
        for part in parts {
            ids.append(contentsOf: part.ids)
            organizations.append(contentsOf: part.organizations)
            titles.append(contentsOf: part.titles)
            sectors.append(contentsOf: part.sectors)
        }
        do { try ids.build() } catch { throw BenchError("\(path): \(error)") }
    }

    struct PeoplePart {
        var ids = IdentifierTable()
        var organizations = Column()
        var titles = Column()
        var sectors = Column()
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
        let table = ids, ego = self.ego
        if let split {
            let results = Parts<TiePart>(count: 2)
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                results.run(half) {
                    try Workload.readTies(path: path, range: half == 0 ? 0..<split : split..<Int.max, header: half == 0, ids: table, ego: ego)
                }
            }
            var halves = try results.values()
            if halves[0].end == split {
                // The first half reserved room for the whole file: the second is appended in place,
                // not both copied into a new 80 MB array.
                endpoints = halves[0].endpoints
                labels = halves[0].labels
                halves[0] = TiePart()
                endpoints.append(contentsOf: halves[1].endpoints)
                labels.append(contentsOf: halves[1].labels)
                return
            }
        }
        let whole = try Workload.readTies(path: path, range: 0..<Int.max, header: true, ids: table, ego: ego)
        endpoints = whole.endpoints
        labels = whole.labels
    }

    struct TiePart {
        var endpoints: [Int32] = []
        var labels: [UInt8] = []
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

    static func readTies(path: String, range: Range<Int>, header: Bool, ids: IdentifierTable, ego: Int32) throws -> TiePart {
        let stream = try RecordStream(path: path, range: range)
        var part = TiePart()
        // Rows are ~37 bytes. The part that starts the file reserves for all of it (pages untouched
        // cost no memory): `loadTies` appends the other part to it.
        let estimate = ((RecordStream.fileSize(path) ?? 0) - range.lowerBound) / 36
        part.endpoints.reserveCapacity(2 * estimate + 16)
        part.labels.reserveCapacity(estimate + 16)
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
            guard let kind = Workload.tieKind(record[columns[2]]) else {
                throw BenchError("\(path):\(record.line): unknown tie kind '\(record.string(columns[2]))'")
            }
            part.endpoints.append(a)
            part.endpoints.append(b)
            part.labels.append(a == ego || b == ego ? egoLabel : kind)
            return true
        }
        part.end = stream.endOffset
        return part
    }

    /// The index of a tie kind in `tieKinds`, by length and a distinguishing byte.
    @inline(__always)
    static func tieKind(_ bytes: UnsafeRawBufferPointer) -> UInt8? {
        switch bytes.count {
        case 6 where bytes[0] == UInt8(ascii: "m"): return equal(bytes, "mentor") ? 0 : nil
        case 6: return equal(bytes, "friend") ? 1 : nil
        case 9 where bytes[1] == UInt8(ascii: "o"): return equal(bytes, "colleague") ? 2 : nil
        case 9: return equal(bytes, "classmate") ? 3 : nil
        case 16: return equal(bytes, "former_colleague") ? 4 : nil
        case 12: return equal(bytes, "acquaintance") ? 5 : nil
        default: return nil
        }
    }

    static func equal(_ bytes: UnsafeRawBufferPointer, _ text: StaticString) -> Bool {
        bytes.count == text.utf8CodeUnitCount && memcmp(bytes.baseAddress!, text.utf8Start, bytes.count) == 0
    }

    mutating func loadInteractions() throws {
        let path = directory + "/interactions.csv"
        let stream = try RecordStream(path: path)
        var columns: [Int] = []
        let table = ids
        var rows: [(Int32, Double, Int)] = []
        try stream.forEachRecord { record in
            if columns.isEmpty {
                columns = try Workload.columns(["date", "person", "kind", "rapport"], in: record, path: path)
                return true
            }
            guard let person = table.index(of: record[columns[1]]) else {
                throw BenchError("\(path):\(record.line): unknown person '\(record.string(columns[1]))'")
            }
            guard let date = Day(iso: record.string(columns[0])) else { throw BenchError("\(path):\(record.line): bad date") }
            guard let w = Workload.interactionWeight[record.string(columns[2])] else { throw BenchError("\(path):\(record.line): unknown kind") }
            let rapport = record[columns[3]]
            let q: Double
            if rapport.isEmpty {
                q = 0.6
            } else {
                guard let r = Int(record.string(columns[3])), (1...5).contains(r) else { throw BenchError("\(path):\(record.line): bad rapport") }
                q = Double(r) / 5
            }
            rows.append((person, w * q, date.days(until: Workload.refDate)))
            return true
        }
        interactions = rows.map { (person: $0.0, weight: $0.1, age: $0.2) }
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

/// Strings of one column, packed: one byte arena and offsets.
struct Column {
    var bytes: [UInt8] = []
    var starts: [Int32] = [0]

    mutating func append(_ field: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: field)
        starts.append(Int32(bytes.count))
    }

    mutating func append(contentsOf other: Column) {
        let base = Int32(bytes.count)
        bytes.append(contentsOf: other.bytes)
        starts.append(contentsOf: other.starts.dropFirst().lazy.map { $0 + base })
    }

    @inline(__always)
    func field(_ i: Int) -> ArraySlice<UInt8> { bytes[Int(starts[i])..<Int(starts[i + 1])] }

    func string(_ i: Int) -> String { String(decoding: field(i), as: UTF8.self) }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
