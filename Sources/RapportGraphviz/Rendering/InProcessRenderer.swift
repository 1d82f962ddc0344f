import CGraphviz
import Foundation

/// What libcgraph read from a DOT text: the counts and attributes `validate(dot:)` reports.
public struct DOTSummary: Equatable, Sendable {
    public var nodeCount: Int
    public var edgeCount: Int
    /// Subgraphs directly under the root (clusters included).
    public var subgraphCount: Int
    /// Names of the node attributes the graph declares, sorted.
    public var nodeAttributeNames: [String]
    /// Names of the edge attributes the graph declares, sorted.
    public var edgeAttributeNames: [String]
    /// Each node's `label` as libcgraph decoded it (escapes undone), by node name.
    public var labels: [String: String]
}

/// Renders DOT inside this process, through libgvc, behind one global lock.
///
/// libgvc 2.42 is not thread-safe (it segfaults even with one context per thread), leaks with
/// clusters and lays out differently on a second render of the same graph in one process. This path
/// exists for the render worker, which renders once and exits, and for one-shot use; everything else
/// should go through `Renderer`, which isolates each render in a worker process.
public enum InProcessRenderer {
    private static let lock = NSLock()
    /// Guarded by `lock`.
    nonisolated(unsafe) private static var context: OpaquePointer?
    /// Graphviz's messages of the current call, in the pieces `agerr` hands them over. Guarded by `lock`.
    nonisolated(unsafe) fileprivate static var messages: [UInt8] = []

    /// Lays out `dot` with `engine` and writes it as `format`.
    ///
    /// `.dot` returns the source unchanged once it parses. Every graph and layout is freed before
    /// returning, and Graphviz's messages are captured into the error rather than printed.
    /// - Throws: `RenderError.syntax` (with the line), `.unknownEngine`, `.unsupportedFormat`,
    ///   `.layoutFailed` or `.renderFailed`.
    /// - Complexity: that of the engine; dot is superlinear in the number of nodes and edges.
    public static func render(dot: String, engine: GraphvizEngine, format: DiagramFormat) throws(RenderError) -> [UInt8]
    {
        try withGraphviz { () throws(RenderError) -> [UInt8] in
            let graph = try read(dot)
            defer { agclose(graph) }
            if format == .dot { return Array(dot.utf8) }
            guard let gvc = sharedContext() else { throw .layoutFailed("libgvc could not create a context") }
            messages.removeAll(keepingCapacity: true)
            guard gvLayout(gvc, graph, engine.rawValue) == 0 else {
                let text = capturedText()
                if text.contains("not recognized") { throw .unknownEngine(engine.rawValue) }
                throw .layoutFailed(text.isEmpty ? "engine \(engine.rawValue) gave up" : text)
            }
            defer { gvFreeLayout(gvc, graph) }
            var data: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            messages.removeAll(keepingCapacity: true)
            guard gvRenderData(gvc, graph, format.graphvizDevice, &data, &length) == 0, let data else {
                let text = capturedText()
                if text.contains("not recognized") { throw .unsupportedFormat(format.rawValue) }
                throw .renderFailed(text.isEmpty ? "no output" : text)
            }
            defer { gvFreeRenderData(data) }
            return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                Array(UnsafeBufferPointer(start: $0, count: Int(length)))
            }
        }
    }

    /// Parses `dot` with `agmemread` and reports what it holds, without laying it out.
    /// - Throws: `RenderError.syntax` with the line Graphviz names.
    /// - Complexity: O(size of the text).
    @discardableResult
    public static func validate(dot: String) throws(RenderError) -> DOTSummary {
        try withGraphviz { () throws(RenderError) -> DOTSummary in
            let graph = try read(dot)
            defer { agclose(graph) }
            return summary(of: graph)
        }
    }

    /// Runs `body` holding the lock, with Graphviz's error output redirected into `messages`.
    private static func withGraphviz<T>(_ body: () throws(RenderError) -> T) throws(RenderError) -> T {
        lock.lock()
        defer { lock.unlock() }
        messages.removeAll(keepingCapacity: true)
        let previous = agseterrf(captureGraphvizMessage)
        defer { _ = agseterrf(previous) }
        return try body()
    }

    /// Parses DOT text; the caller holds the lock and closes the graph.
    private static func read(_ dot: String) throws(RenderError) -> UnsafeMutablePointer<Agraph_t> {
        messages.removeAll(keepingCapacity: true)
        // The lexer keeps what followed the previous graph (and counts its newlines): flush it, and
        // start each text at line 1.
        aglexbad()
        agreadline(1)
        guard let graph = dot.withCString({ agmemread($0) }) else {
            throw syntaxError(from: capturedText())
        }
        return graph
    }

    private static func sharedContext() -> OpaquePointer? {
        if context == nil { context = gvContext() }
        return context
    }

    /// The captured messages as one trimmed line per message.
    private static func capturedText() -> String {
        let text = String(decoding: messages, as: UTF8.self)
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// Turns "Error: syntax error in line 3 near 'x'" into `.syntax(line: 3, …)`.
    static func syntaxError(from text: String) -> RenderError {
        var message = text.isEmpty ? "the text is not a DOT graph" : text
        for prefix in ["Error: ", "Warning: "] where message.hasPrefix(prefix) { message.removeFirst(prefix.count) }
        var line: Int?
        if let range = message.range(of: "in line ") {
            let digits = message[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
            line = Int(digits)
        }
        return .syntax(line: line, message: message)
    }

    private static func summary(of graph: UnsafeMutablePointer<Agraph_t>) -> DOTSummary {
        func attributeNames(_ kind: Int32) -> [String] {
            var names: [String] = []
            var symbol = agnxtattr(graph, kind, nil)
            while let s = symbol {
                if let name = s.pointee.name { names.append(String(cString: name)) }
                symbol = agnxtattr(graph, kind, s)
            }
            return names.sorted()
        }
        var labels: [String: String] = [:]
        var node = agfstnode(graph)
        while let n = node {
            let name = agnameof(UnsafeMutableRawPointer(n)).map { String(cString: $0) } ?? ""
            if let value = agget(UnsafeMutableRawPointer(n), strdupLiteral("label")) {
                labels[name] = String(cString: value)
            }
            node = agnxtnode(graph, n)
        }
        var subgraphs = 0
        var sub = agfstsubg(graph)
        while let s = sub {
            subgraphs += 1
            sub = agnxtsubg(s)
        }
        return DOTSummary(
            nodeCount: Int(agnnodes(graph)), edgeCount: Int(agnedges(graph)), subgraphCount: subgraphs,
            nodeAttributeNames: attributeNames(Int32(AGNODE)), edgeAttributeNames: attributeNames(Int32(AGEDGE)),
            labels: labels)
    }

    /// cgraph's getters take `char *`; a static buffer avoids casting away `const`.
    private static func strdupLiteral(_ text: StaticString) -> UnsafeMutablePointer<CChar> {
        UnsafeMutableRawPointer(mutating: text.utf8Start).assumingMemoryBound(to: CChar.self)
    }
}

/// Receives each piece of a Graphviz message; `agseterrf` wants a plain C function.
private func captureGraphvizMessage(_ text: UnsafeMutablePointer<CChar>?) -> Int32 {
    guard let text else { return 0 }
    let length = strlen(text)
    text.withMemoryRebound(to: UInt8.self, capacity: length) {
        InProcessRenderer.messages.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
    }
    return 0
}
