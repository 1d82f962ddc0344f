import Foundation
import Testing

@testable import Rapport

/// Compares reliabilities on a generated bench dataset with NetworkX's
/// `single_source_dijkstra_path_length` on the same −ln s weights (WORKLOAD.md steps (b)–(c)).
///
/// The dataset is `RAPPORT_BENCH_10K` when set, else generated once into the temporary folder by
/// the benchmark kit beside the repository (`../shared/bench/gen_network.py --people 10000 --seed 1`).
/// Runs when either is available and `python3` has `numpy` and `networkx` (as on the project's
/// machines and CI). The Python side writes `DIR/networkx_reliability.csv` (`id,distance`, `repr`
/// floats) once; the test reuses it afterwards.
enum NetworkXDataset {
    /// The 10k dataset folder, generating it when needed; nil when it cannot be had here.
    static let dataset: String? = {
        if let directory = ProcessInfo.processInfo.environment["RAPPORT_BENCH_10K"],
            FileManager.default.fileExists(atPath: directory + "/people.csv")
        {
            return directory
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let generator = root.deletingLastPathComponent().appendingPathComponent("shared/bench/gen_network.py").path
        guard FileManager.default.fileExists(atPath: generator) else { return nil }
        let directory = NSTemporaryDirectory() + "rapport-bench-10k-seed1"
        if FileManager.default.fileExists(atPath: directory + "/goal.json") { return directory }
        guard NetworkXDataset.run(["python3", "-c", "import numpy, networkx"]),
            NetworkXDataset.run(["python3", generator, "--people", "10000", "--seed", "1", "--out", directory])
        else { return nil }
        return directory
    }()

    static func run(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

@Suite("Paths against NetworkX")
struct NetworkXComparisonTests {
    static let script = #"""
        import csv, datetime as dt, json, math, sys
        import networkx as nx
        d = sys.argv[1]
        REF = dt.date(2026, 11, 1)
        W = {"informational_interview": 1.0, "coffee": 1.0, "meeting": 1.0, "video_call": 0.8, "call": 0.7,
             "referral": 0.9, "thank_you": 0.3, "email": 0.3, "message": 0.2, "event": 0.15}
        BASE = {"mentor": 0.7, "friend": 0.6, "colleague": 0.4, "classmate": 0.35,
                "former_colleague": 0.25, "acquaintance": 0.1}
        def rows(name):
            with open(f"{d}/{name}", encoding="utf-8", newline="") as f:
                r = csv.reader(f); h = next(r)
                for rec in r: yield dict(zip(h, rec))
        ego = json.load(open(f"{d}/goal.json"))["ego"]
        ties = [(t["person_a"], t["person_b"], t["kind"]) for t in rows("ties.csv")]
        nbrs = {b if a == ego else a for a, b, _ in ties if ego in (a, b)}
        acc = {}
        for it in rows("interactions.csv"):
            v = it["person"]
            if v not in nbrs: continue
            age = (REF - dt.date.fromisoformat(it["date"])).days
            q = 0.6 if it["rapport"] == "" else int(it["rapport"]) / 5.0
            acc[v] = acc.get(v, 0.0) + W[it["kind"]] * q * 2.0 ** (-age / 180.0)
        G = nx.Graph()
        G.add_nodes_from(p["id"] for p in rows("people.csv"))
        for a, b, k in ties:
            if ego in (a, b):
                o = b if a == ego else a
                s = max(0.05, 1.0 - math.exp(-acc.get(o, 0.0) / 3.0))
            else:
                s = BASE[k]
            G.add_edge(a, b, weight=-math.log(s))
        dist = nx.single_source_dijkstra_path_length(G, ego, weight="weight")
        with open(f"{d}/networkx_reliability.csv", "w") as f:
            f.write("id,distance\n")
            for v in sorted(dist): f.write(f"{v},{dist[v]!r}\n")
        """#

    static func referenceFile(in directory: String) throws -> String? {
        let out = directory + "/networkx_reliability.csv"
        if FileManager.default.fileExists(atPath: out) { return out }
        let scriptPath = NSTemporaryDirectory() + "rapport_networkx_reliability.py"
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptPath, directory]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? out : nil
    }

    @Test(.enabled(if: NetworkXDataset.dataset != nil, "no bench kit beside the repository, or no python3 with numpy and networkx"))
    func reliabilitiesEqualNetworkXOnThe10kDataset() throws {
        let directory = try #require(NetworkXDataset.dataset)
        guard let reference = try Self.referenceFile(in: directory) else {
            Issue.record("python3 with networkx could not produce the reference distances")
            return
        }
        let fixture = try BenchFixture(directory: directory)
        let paths = try MostReliablePaths(graph: fixture.graph, strengths: fixture.strengths, source: fixture.ego)
        let rows = try TestCSV.records(atPath: reference).dropFirst()
        var expected: [String: Double] = [:]
        for row in rows { expected[row[0]] = Double(row[1]) }
        var reachedCount = 0
        var worst = 0.0
        for (i, id) in fixture.ids.enumerated() {
            let mine = paths.reliability(of: Int32(i))
            if let d = expected[id] {
                reachedCount += 1
                worst = max(worst, abs(mine - exp(-d)))
            } else {
                #expect(mine == 0, "node \(i) should be unreachable")
            }
        }
        #expect(reachedCount == paths.reached.count + 1)
        #expect(worst <= 1e-9)
    }
}
