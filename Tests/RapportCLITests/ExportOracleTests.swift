import Foundation
import Testing

/// Real parsers as oracles for what `rapport export` and `rapport render` write: NetworkX reads the
/// GraphML back with every attribute, Graphviz's own parser (`dot -Tjson`) reads the DOT, and the
/// JSON export re-imports unchanged (`ExportingTests.jsonImportsIntoAnEmptyWorkspace…`, in-process).
@Suite struct ExportOracleTests {
    static func succeeds(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        return (try? CLI.collect(process, stdin: nil))?.status == 0
    }

    static let hasNetworkX = succeeds(["python3", "-c", "import networkx"])
    static let hasDot = succeeds(["dot", "-V"])

    /// Runs `arguments` (a program and its arguments) in `cli`'s folder; its stdout.
    static func output(_ cli: CLI, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = cli.directory
        let result = try CLI.collect(process, stdin: nil)
        try #require(result.status == 0, "\(arguments[0]): \(result.stderr)")
        return result.stdout
    }

    /// What NetworkX reads from a GraphML file: nodes and edges with their typed attributes.
    static let readGraphML = #"""
        import json, sys, networkx as nx
        g = nx.read_graphml(sys.argv[1])
        print(json.dumps({
            "directed": g.is_directed(),
            "nodes": {n: d for n, d in g.nodes(data=True)},
            "edges": [[a, b, d] for a, b, d in g.edges(data=True)],
        }))
        """#

    @Test(.enabled(if: hasNetworkX, "needs python3 with networkx (.ci/install-deps)"))
    func graphMLReadsBackInNetworkXWithEveryAttribute() throws {
        let cli = try ExportCommandTests.samples()
        #expect(try cli.run("export", "--format", "graphml", "-o", "n.graphml", "--as-of", ExportCommandTests.asOf).status == 0)
        #expect(try cli.run("export", "--format", "json", "-o", "n.json", "--as-of", ExportCommandTests.asOf).status == 0)
        let read = try ExportCommandTests.json(Data(try Self.output(cli, ["python3", "-c", Self.readGraphML, "n.graphml"]).utf8))
        let source = try ExportCommandTests.json(try cli.contents("n.json"))
        let people = try #require(source["people"] as? [[String: Any]])
        let ties = try #require(source["ties"] as? [[String: Any]])
        let nodes = try #require(read["nodes"] as? [String: [String: Any]])
        let edges = try #require(read["edges"] as? [[Any]])
        #expect(read["directed"] as? Bool == false)
        #expect(nodes.count == people.count)
        #expect(edges.count == ties.count)

        // Every person field, as the JSON export has it (lists joined with "; ", empty ones absent).
        for person in people {
            let id = try #require(person["id"] as? String)
            let node = try #require(nodes[id], "node \(id) missing")
            for key in ["firstName", "lastName", "organization", "title", "profileURL", "location"] {
                #expect(node[key] as? String == person[key] as? String, "\(id).\(key)")
            }
            for key in ["emails", "sectors", "schools", "tags", "notes"] {
                let list = (person[key] as? [String]) ?? []
                #expect(node[key] as? String == (list.isEmpty ? nil : list.joined(separator: "; ")), "\(id).\(key)")
            }
            #expect(node["isSelf"] as? Bool == (id == "me"), "\(id).isSelf")
        }
        // Every tie: its ends, kind, origin, since and strength (a double, as declared).
        func key(_ a: String, _ b: String) -> String { a < b ? a + "\u{1}" + b : b + "\u{1}" + a }
        var read_: [String: [String: Any]] = [:]
        for edge in edges {
            if let a = edge[0] as? String, let b = edge[1] as? String, let data = edge[2] as? [String: Any] {
                read_[key(a, b)] = data
            }
        }
        for tie in ties {
            let a = try #require(tie["personA"] as? String), b = try #require(tie["personB"] as? String)
            let edge = try #require(read_[key(a, b)], "tie \(a)–\(b) missing")
            #expect(edge["kind"] as? String == tie["kind"] as? String)
            #expect(edge["origin"] as? String == tie["origin"] as? String)
            #expect(edge["since"] as? String == tie["since"] as? String)
            #expect(edge["strength"] as? Double == tie["strength"] as? Double)
            #expect(edge["weight"] as? Double == tie["strength"] as? Double)
        }
    }

    /// What Graphviz draws for a plain label: `\\` is a backslash, `\n`, `\l` and `\r` end a
    /// line, `\"` is a quote, and the XML entities `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` are
    /// their characters (Graphviz's `htmlEntityUTF8` runs on every label).
    static func shown(_ label: String) -> String {
        var out = ""
        var escaped = false
        for ch in label {
            if escaped {
                out += ch == "n" || ch == "l" || ch == "r" ? "\n" : String(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        return out
    }

    @Test(.enabled(if: hasDot, "needs graphviz's dot (.ci/install-deps)"))
    func dotParsesInGraphvizWithEveryLabelIntact() throws {
        let cli = try ExportCommandTests.samples()
        // A name with every character DOT escaping must survive: quotes, backslash, braces, a newline.
        try cli.write("odd.csv", "id,first_name,last_name,organization\nodd1,\"Ann \"\"Q\"\" \\ {x}\",\"O'Neil <b>\",Greaves & Ibarra\n")
        #expect(try cli.run("import", "odd.csv").status == 0)
        #expect(try cli.run("render", "org", "Greaves & Ibarra", "-o", "org.dot", "--as-of", ExportCommandTests.asOf).status == 0)
        let parsed = try ExportCommandTests.json(Data(try Self.output(cli, ["dot", "-Tjson", "org.dot"]).utf8))
        let objects = (parsed["objects"] as? [[String: Any]]) ?? []
        // A label's first line as Graphviz shows it (its escString rules and HTML entities).
        let labels = Set(objects.compactMap { ($0["label"] as? String).map(Self.shown)?.split(separator: "\n").first.map(String.init) })
        #expect(labels.contains("Ann \"Q\" \\ {x} O'Neil <b>"), "\(labels.sorted().prefix(20))")
        // Every person of the organization is a node dot read, under their full name.
        #expect(try cli.run("export", "--format", "json", "-o", "n.json", "--as-of", ExportCommandTests.asOf).status == 0)
        let people = (try ExportCommandTests.json(try cli.contents("n.json"))["people"] as? [[String: Any]]) ?? []
        let members = people.filter { $0["organization"] as? String == "Greaves & Ibarra" }
        #expect(members.count >= 3)
        for person in members {
            let name = [person["firstName"], person["lastName"]].compactMap { $0 as? String }.joined(separator: " ")
            #expect(labels.contains(name) || labels.contains(name + " (you)"), "\(name) not among the parsed labels")
        }
        #expect(((parsed["edges"] as? [Any]) ?? []).count > 0)
    }
}
