// libFuzzer entry point for the DOT writer: arbitrary names become node labels (and cluster labels),
// the DOTGraph is written and read back by libcgraph's agmemread (`InProcessRenderer.validate`).
// The text must parse, keep exactly the nodes, edges and attributes written, and each label must
// decode to the name as the escaping rules promise. Linked against the instrumented
// RapportGraphviz by Tests/Fuzz/build.sh; not part of the package.

import Foundation
@testable import RapportGraphviz

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDOT(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Names are separated by 0xFF (never part of UTF-8), so they may hold newlines and NULs.
    let names = bytes.split(separator: 0xFF, omittingEmptySubsequences: false).prefix(64)
        .map { String(decoding: $0, as: UTF8.self) }
    var nodes: [DOTNode] = []
    var edges: [DOTEdge] = []
    for (i, name) in names.enumerated() {
        nodes.append(DOTNode(id: "n\(i)", attributes: ["label": .text(name), "tooltip": .text(name)]))
        if i > 0 { edges.append(DOTEdge(from: "n\(i - 1)", to: "n\(i)", attributes: ["label": .text(name)])) }
    }
    let clusterNodes = names.prefix(2).enumerated().map { i, name in
        DOTNode(id: "c\(i)", attributes: ["label": .html("<b>" + DOTEscaping.html(name) + "</b>")])
    }
    let cluster = DOTCluster(id: "cluster_o1", attributes: ["label": .text(names.first ?? "")], nodes: clusterNodes)
    let graph = DOTGraph(nodes: nodes, clusters: [cluster], edges: edges)
    let summary: DOTSummary
    do {
        summary = try InProcessRenderer.validate(dot: graph.dotText)
    } catch {
        fatalError("generated DOT does not parse: \(error)\n\(graph.dotText)")
    }
    precondition(summary.nodeCount == graph.nodeCount, "node count \(summary.nodeCount) != \(graph.nodeCount)")
    precondition(summary.edgeCount == edges.count, "edge count \(summary.edgeCount) != \(edges.count)")
    precondition(summary.subgraphCount == 1, "subgraphs: \(summary.subgraphCount)")
    let expectedNodeAttributes = ["label"] + (nodes.isEmpty ? [] : ["tooltip"])
    precondition(
        Set(summary.nodeAttributeNames).isSubset(of: expectedNodeAttributes + graph.nodeDefaults.keys),
        "extra node attributes: \(summary.nodeAttributeNames)")
    for (i, name) in names.enumerated() {
        let label = summary.labels["n\(i)"] ?? ""
        precondition(
            decodeQuoted(label).unicodeScalars.elementsEqual(expectedText(name).unicodeScalars),
            "label of n\(i) does not round-trip")
    }
    return 0
}

/// What a quoted DOT label shows, from the Graphviz rules (not from DOTEscaping): libcgraph has
/// already undone `\"`; the label renderer turns `\\` into `\`, `\n` into a line break and `&amp;`
/// into `&`. Works on Unicode scalars: on Characters, `&amp;` followed by a combining mark does not
/// match (the `;` and the mark are one Character), which the first fuzz run reported as a mismatch.
private func decodeQuoted(_ label: String) -> String {
    let scalars = Array(label.unicodeScalars)
    let entity = Array("&amp;".unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    while i < scalars.count {
        let s = scalars[i]
        if s == "\\", i + 1 < scalars.count {
            switch scalars[i + 1] {
            case "\\": out.append("\\")
            case "n": out.append("\n")
            case "\"": out.append("\"")
            case let other:
                out.append("\\")
                out.append(other)
            }
            i += 2
        } else if s == "&", scalars[i...].starts(with: entity) {
            out.append("&")
            i += entity.count
        } else {
            out.append(s)
            i += 1
        }
    }
    return String(out)
}

/// The name as the documented escaping rules promise to show it (Docs/Security.md, "One policy per
/// output"): CRLF and CR become one line break, a tab a space, and other control characters (C0,
/// DEL, C1), the bidirectional formatting characters and U+FFFE/U+FFFF are dropped.
private func expectedText(_ name: String) -> String {
    var out = ""
    var previousCR = false
    for s in name.unicodeScalars {
        defer { previousCR = s == "\r" }
        switch s.value {
        case 0x0A: if !previousCR { out += "\n" }
        case 0x0D: out += "\n"
        case 0x09: out += " "
        case 0x00..<0x20, 0x7F..<0xA0, 0xFFFE, 0xFFFF, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: continue
        default: out.unicodeScalars.append(s)
        }
    }
    return out
}
