import Foundation
import Testing

@testable import Rapport
import RapportTestSupport

/// Real weighted networks bundled with networkx, turned into dated contact episodes: the data of
/// the strength model's check against naive counts (issue 14, "strength that orders real ties").
///
/// Les Misérables (co-appearance counts, 254 ties) and Zachary's karate club (the number of contexts
/// in which two members met, 78 ties). Each unit of real weight becomes contact episodes, given as
/// meetings with minutes, one-on-one or in a group, in two designs:
/// - **time split**: each tie begins at a random day and ends after an exponential lifetime whose
///   mean grows with its weight (strong ties decay more slowly, Burt 2000); while it lasts its
///   episodes arrive at a rate proportional to the weight. The evidence is what happened before the
///   day; the label is whether the tie has at least two episodes in the next 180 days.
/// - **held-out episodes**: three episodes per unit of weight within 60 days, each kept or held out
///   with probability ½; the label is whether the tie's held-out count is in the top third.
/// In both, an episode lasts a log-normal number of minutes (median `3 + 2 ln w`, σ 0.8: almost all
/// are short, as in face-to-face contact data) and is one-on-one with probability `w / (w + 4)`.
/// Python's `random` seeded with a string is reproducible across runs and machines.
enum RealTieData {
    static let script = #"""
        import math, random, sys
        import networkx as nx
        AS_OF, END = 540, 720
        def graph(name):
            g = nx.les_miserables_graph() if name == "lesmis" else nx.karate_club_graph()
            return sorted((str(a), str(b), int(d["weight"])) for a, b, d in g.edges(data=True))
        def episode(rng, w):
            median = 3 + 2 * math.log(w)
            return max(1, round(math.exp(rng.gauss(math.log(median), 0.8)))), rng.random() < w / (w + 4)
        def time_split(name, seed):
            rng = random.Random(f"{name}-{seed}")
            for e, (a, b, w) in enumerate(graph(name)):
                start = rng.uniform(-360, AS_OF)
                end = start + rng.expovariate(1 / (120 * w))
                t, later, rows = max(start, 0), 0, []
                while True:
                    t += rng.expovariate(w / 90)
                    if t >= min(end, END): break
                    minutes, one = episode(rng, w)
                    if t < AS_OF: rows.append((AS_OF - int(t), minutes, one))
                    else: later += 1
                yield e, a, b, later >= 2, rows
        def held_out(name, seed):
            rng = random.Random(f"heldout-{name}-{seed}")
            ties = []
            for e, (a, b, w) in enumerate(graph(name)):
                rows, held = [], 0
                for _ in range(3 * w):
                    age = 1 + rng.randrange(60)
                    minutes, one = episode(rng, w)
                    if rng.random() < 0.5: rows.append((age, minutes, one))
                    else: held += 1
                if rows: ties.append((e, a, b, held, rows))
            counts = sorted(t[3] for t in ties)
            threshold = counts[len(counts) * 2 // 3]
            for e, a, b, held, rows in ties: yield e, a, b, held >= threshold, rows
        for design, make in (("time split", time_split), ("held-out episodes", held_out)):
            for name in ("lesmis", "karate"):
                for seed in range(1, int(sys.argv[1]) + 1):
                    for e, a, b, label, rows in make(name, seed):
                        if not rows: continue
                        print(f"T|{design}|{name}|{seed}|{e}|{a}|{b}|{int(label)}")
                        for age, minutes, one in rows: print(f"I|{age}|{minutes}|{int(one)}")
        """#

    /// One tie of one generated data set: its label and its episodes (age in days, minutes, one-on-one).
    struct Tie {
        var a: String
        var b: String
        var label: Bool
        var episodes: [(age: Int, minutes: Int, oneOnOne: Bool)] = []
    }

    /// Data sets by design, graph and seed.
    struct DataSet {
        let design: String
        let graph: String
        let seed: Int
        var ties: [Tie] = []
    }

    static let pythonHasNetworkX: Bool = NetworkXDataset.run(["python3", "-c", "import networkx"])

    /// Runs the generator for seeds 1…`seeds`.
    static func generate(seeds: Int) throws -> [DataSet] {
        let (status, data) = try Python.run(["-c", script, String(seeds)])
        try #require(status == 0, "the networkx generator failed")
        var sets: [DataSet] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let f = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            if f[0] == "T" {
                let seed = try #require(Int(f[3]))
                if sets.last.map({ $0.design != f[1] || $0.graph != f[2] || $0.seed != seed }) ?? true {
                    sets.append(DataSet(design: f[1], graph: f[2], seed: seed))
                }
                sets[sets.count - 1].ties.append(Tie(a: f[5], b: f[6], label: f[7] == "1"))
            } else {
                let age = try #require(Int(f[1])), minutes = try #require(Int(f[2]))
                let last = sets.count - 1
                sets[last].ties[sets[last].ties.count - 1].episodes.append((age, minutes, f[3] == "1"))
            }
        }
        return sets
    }

    /// The area under the ROC curve of `scores` for `labels` (Mann–Whitney, ties count ½).
    /// - Complexity: O(n log n).
    static func auc(_ scores: [Double], _ labels: [Bool]) -> Double {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var ranks = [Double](repeating: 0, count: scores.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count, scores[order[j + 1]] == scores[order[i]] { j += 1 }
            for k in i...j { ranks[order[k]] = Double(i + j) / 2 + 1 }
            i = j + 1
        }
        let positives = labels.filter { $0 }.count
        let negatives = labels.count - positives
        let rankSum = zip(ranks, labels).filter(\.1).map(\.0).reduce(0, +)
        return (rankSum - Double(positives * (positives + 1)) / 2) / Double(positives * negatives)
    }
}

@Suite("Strength on real tie data (networkx)", .enabled(if: RealTieData.pythonHasNetworkX))
struct RealTieDataTests {
    static let asOf = Day(iso: "2026-11-01")!

    /// Strength, number of episodes and total minutes of every tie of one data set.
    func scores(_ set: RealTieData.DataSet) throws -> (strength: [Double], count: [Double], minutes: [Double]) {
        let people = Set(set.ties.flatMap { [$0.a, $0.b] }).sorted()
        var data = NetworkData(people: people.map { Person(id: "n" + $0) })
        for tie in set.ties {
            for e in tie.episodes {
                data.interactions.append(
                    Interaction(
                        date: Self.asOf.adding(days: -e.age), personID: "n" + tie.a, withID: "n" + tie.b, kind: .meeting,
                        isOneOnOne: e.oneOnOne, minutes: e.minutes))
            }
        }
        let snapshot = try NetworkSnapshot(data)
        let strengths = StrengthModel().strengths(in: snapshot, asOf: Self.asOf)
        var s: [Double] = []
        for tie in set.ties {
            let a = try #require(snapshot.index(ofID: "n" + tie.a)), b = try #require(snapshot.index(ofID: "n" + tie.b))
            s.append(try #require(strengths.strength(between: a, and: b)))
        }
        return (
            s, set.ties.map { Double($0.episodes.count) }, set.ties.map { Double($0.episodes.map(\.minutes).reduce(0, +)) }
        )
    }

    @Test func strengthRanksStrongAndPersistentTiesAboveTheNaiveCounts() throws {
        let sets = try RealTieData.generate(seeds: 10)
        #expect(sets.count == 40)
        var table: [String: [(strength: Double, count: Double, minutes: Double)]] = [:]
        for set in sets {
            let (s, n, m) = try scores(set)
            let labels = set.ties.map(\.label)
            #expect(labels.contains(true) && labels.contains(false))
            table["\(set.design), \(set.graph)", default: []].append(
                (RealTieData.auc(s, labels), RealTieData.auc(n, labels), RealTieData.auc(m, labels)))
        }
        print("AUC, mean over seeds 1–10 (strength / number of episodes / total minutes):")
        for (key, rows) in table.sorted(by: { $0.key < $1.key }) {
            let mean = { (f: ((strength: Double, count: Double, minutes: Double)) -> Double) in
                rows.map(f).reduce(0, +) / Double(rows.count)
            }
            let s = mean(\.strength), n = mean(\.count), m = mean(\.minutes)
            print("  " + key.padding(toLength: 30, withPad: " ", startingAt: 0) + String(format: "%.3f / %.3f / %.3f", s, n, m))
            #expect(s > n && s > m, "\(key): strength \(s), count \(n), minutes \(m)")
        }
    }
}
