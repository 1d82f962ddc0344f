import CMalloc
import Foundation
import Rapport
import RapportCSV

// rapport-bench DATA_DIR — the reference workload W (../shared/bench/WORKLOAD.md) through the types
// `rapport suggest` uses: prints the top-K CSV on stdout, and the phase timings, the PHASES line and
// peak RSS on stderr.

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: rapport-bench DATA_DIR   (a folder written by gen_network.py)\n".utf8))
    exit(2)
}

if ProcessInfo.processInfo.environment["RAPPORT_BENCH_SCAN"] != nil {
    let t0 = DispatchTime.now()
    var n = 0
    let stream = try RecordStream(path: arguments[1] + "/ties.csv")
    try stream.forEachRecord { r in
        n += r.count; return true
    }
    FileHandle.standardError.write(
        Data(
            "scan: \(n) fields in \(Double(DispatchTime.now().uptimeNanoseconds - t0.uptimeNanoseconds) / 1e9) s\n".utf8
        ))
    exit(0)
}
// The allocator setting `rapport` runs with (`RapportCommand.main`): freed arrays go back to the
// system instead of staying in glibc's heap (55 MB of W's people load at a million).
_ = rapport_fix_mmap_threshold(128 << 10)
var clock = PhaseClock()
do {
    var w = try Workload(directory: arguments[1])
    try w.load()
    clock.mark("load")

    // (a) The product's CSR graph. The graph does not keep the edge list, and W needs it no more.
    let graph = try Graph(nodeCount: w.ids.count, endpoints: w.endpoints)
    let tieCount = graph.edgeCount
    w.endpoints = []
    clock.mark("build")

    // (b) W's strengths: Rapport's SimpleStrengthModel with W's configuration (palette weights).
    let model = SimpleStrengthModel(configuration: Workload.strengthConfiguration)
    let weights = try model.weights(
        graph: graph, kinds: w.kinds, user: w.ego, contacts: w.contacts, asOf: Workload.refDate)
    w.kinds = []
    var strongTie = [Bool](repeating: false, count: graph.nodeCount)
    for h in graph.halfEdges(of: w.ego) where weights.strength(ofEdge: graph.incidentEdges[h]) >= 0.5 {
        strongTie[Int(graph.neighbors[h])] = true
    }
    clock.mark("strengths")

    // (c) Most reliable paths from the ego, no hop limit: the radix-heap Dijkstra `rapport` uses.
    let distance = try MostReliablePaths(graph: graph, weights: weights, source: w.ego).distance
    clock.mark("dijkstra")

    // (d) The product's weighted Adamic–Adar.
    let adamicAdar = try graph.weightedAdamicAdar(from: w.ego, weights: weights)
    clock.mark("adamic-adar")

    let output = Ranking(workload: w, strongTie: strongTie, distance: distance, adamicAdar: adamicAdar).csv()
    FileHandle.standardOutput.write(Data(output.utf8))
    clock.mark("rank")
    clock.report(people: w.ids.count, ties: tieCount)
} catch {
    FileHandle.standardError.write(Data("rapport-bench: \(error)\n".utf8))
    exit(1)
}

/// Wall-clock phase timer with WORKLOAD.md's report format.
struct PhaseClock {
    static let phases = ["load", "build", "strengths", "dijkstra", "adamic-adar", "rank"]
    let start = DispatchTime.now()
    var last = DispatchTime.now()
    var seconds: [String: Double] = [:]

    mutating func mark(_ phase: String) {
        let now = DispatchTime.now()
        seconds[phase, default: 0] += Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9
        last = now
        if ProcessInfo.processInfo.environment["RAPPORT_BENCH_DEBUG"] != nil {
            FileHandle.standardError.write(
                Data(
                    "  [\(phase): RSS \(Int(PhaseClock.currentMegabytes())) MB, peak \(Int(PhaseClock.peakMegabytes())) MB]\n"
                        .utf8))
        }
    }

    /// Resident memory now (Linux: /proc/self/statm), for RAPPORT_BENCH_DEBUG's phase lines.
    static func currentMegabytes() -> Double {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    static func peakMegabytes() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    func report(people: Int, ties: Int) {
        let total = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        var lines = ["# peer=rapport-swift people=\(people) ties=\(ties)"]
        for p in PhaseClock.phases {
            lines.append(
                p.padding(toLength: 12, withPad: " ", startingAt: 0) + String(format: " %9.3f s", seconds[p] ?? 0))
        }
        lines.append("total".padding(toLength: 12, withPad: " ", startingAt: 0) + String(format: " %9.3f s", total))
        lines.append(String(format: "peak_rss     %9.1f MB", PhaseClock.peakMegabytes()))
        lines.append(
            "PHASES "
                + PhaseClock.phases.map { "\($0)=" + String(format: "%.3f", seconds[$0] ?? 0) }.joined(separator: " ")
                + String(format: " total=%.3f", total))
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
