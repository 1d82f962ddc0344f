extension DOTGraph {
    /// The graph as DOT text, deterministic: the same graph always gives the same bytes.
    ///
    /// Graph attributes and defaults come first, then the loose nodes, the clusters and the edges,
    /// each sorted by id (`n2` before `n10`), each attribute list sorted by name. Every id that is
    /// not a plain identifier and every value is escaped by `DOTEscaping`.
    /// - Complexity: O(N log N + E log E) plus the length of the text.
    public var dotText: String {
        var out = "graph \(DOTEscaping.identifier(name)) {\n"
        if !attributes.isEmpty { out += "  graph \(Self.attributeList(attributes));\n" }
        if !nodeDefaults.isEmpty { out += "  node \(Self.attributeList(nodeDefaults));\n" }
        if !edgeDefaults.isEmpty { out += "  edge \(Self.attributeList(edgeDefaults));\n" }
        for node in nodes.sorted(by: { Self.naturalLess($0.id, $1.id) }) {
            out += "  " + Self.statement(node) + "\n"
        }
        for cluster in clusters.sorted(by: { Self.naturalLess($0.id, $1.id) }) {
            out += "  subgraph \(DOTEscaping.identifier("cluster_" + cluster.id)) {\n"
            if !cluster.attributes.isEmpty { out += "    graph \(Self.attributeList(cluster.attributes));\n" }
            for node in cluster.nodes.sorted(by: { Self.naturalLess($0.id, $1.id) }) {
                out += "    " + Self.statement(node) + "\n"
            }
            out += "  }\n"
        }
        let sortedEdges = edges.sorted {
            $0.from != $1.from ? Self.naturalLess($0.from, $1.from) : Self.naturalLess($0.to, $1.to)
        }
        for edge in sortedEdges {
            var line = "  \(DOTEscaping.identifier(edge.from)) -- \(DOTEscaping.identifier(edge.to))"
            if !edge.attributes.isEmpty { line += " " + Self.attributeList(edge.attributes) }
            out += line + ";\n"
        }
        out += "}\n"
        return out
    }

    private static func statement(_ node: DOTNode) -> String {
        let id = DOTEscaping.identifier(node.id)
        return node.attributes.isEmpty ? id + ";" : "\(id) \(attributeList(node.attributes));"
    }

    /// `[a="1", b=<…>]`, sorted by attribute name.
    static func attributeList(_ attributes: [String: DOTValue]) -> String {
        let items = attributes.keys.sorted().map { key -> String in
            let value: String
            switch attributes[key] {
            case .text(let text)?: value = DOTEscaping.quoted(text)
            case .html(let html)?: value = "<" + html + ">"
            case nil: value = "\"\""
            }
            return DOTEscaping.identifier(key) + "=" + value
        }
        return "[" + items.joined(separator: ", ") + "]"
    }

    /// Orders ids so that runs of digits compare as numbers: `n2` < `n10` < `o1`.
    /// - Complexity: O(length of the ids).
    static func naturalLess(_ a: String, _ b: String) -> Bool {
        var i = a.unicodeScalars.makeIterator(), j = b.unicodeScalars.makeIterator()
        var x = i.next(), y = j.next()
        while let p = x, let q = y {
            if isDigit(p) && isDigit(q) {
                var m = 0, n = 0
                var pp: Unicode.Scalar? = p, qq: Unicode.Scalar? = q
                var lengthA = 0, lengthB = 0
                while let d = pp, isDigit(d) { m = m &* 10 &+ Int(d.value - 48); lengthA += 1; pp = i.next() }
                while let d = qq, isDigit(d) { n = n &* 10 &+ Int(d.value - 48); lengthB += 1; qq = j.next() }
                if m != n { return m < n }
                if lengthA != lengthB { return lengthA < lengthB }
                x = pp
                y = qq
            } else {
                if p != q { return p.value < q.value }
                x = i.next()
                y = j.next()
            }
        }
        return x == nil && y != nil
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
}
