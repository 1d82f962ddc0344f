import Rapport

/// An attribute value in a DOT file.
public enum DOTValue: Sendable, Hashable {
    /// Plain text, written as an escaped quoted string: no character of it can end the string,
    /// start an attribute, or act as a Graphviz escape (`\N`, `\G`, `\l` …) or an entity.
    case text(String)
    /// An HTML-like label, written between `<` and `>` as given. Build it from `DOTEscaping.html(_:)`
    /// pieces; raw user text must never go here.
    case html(String)

    /// A number with two decimals, the way every generated size and width is written.
    public static func number(_ value: Double) -> DOTValue { .text(NumberFormat.twoDecimals(value.isFinite ? value : 0)) }
}

/// A node statement: a synthetic id (`n12`, `o3`) and its attributes. Names go in `label` only.
public struct DOTNode: Sendable, Hashable {
    public var id: String
    public var attributes: [String: DOTValue]

    public init(id: String, attributes: [String: DOTValue] = [:]) {
        self.id = id
        self.attributes = attributes
    }
}

/// An edge statement between two node ids.
public struct DOTEdge: Sendable, Hashable {
    public var from: String
    public var to: String
    public var attributes: [String: DOTValue]

    public init(from: String, to: String, attributes: [String: DOTValue] = [:]) {
        self.from = from
        self.to = to
        self.attributes = attributes
    }
}

/// A `subgraph cluster_…`: its nodes are drawn inside one box.
public struct DOTCluster: Sendable, Hashable {
    /// The cluster's id without the `cluster_` prefix, e.g. `o3`.
    public var id: String
    public var attributes: [String: DOTValue]
    public var nodes: [DOTNode]

    public init(id: String, attributes: [String: DOTValue] = [:], nodes: [DOTNode] = []) {
        self.id = id
        self.attributes = attributes
        self.nodes = nodes
    }
}

/// An undirected DOT graph, written deterministically by `dotText`: nodes, clusters and edges sorted
/// by id (numbers inside ids compare as numbers), attributes sorted by name, every value escaped.
public struct DOTGraph: Sendable, Hashable {
    public var name: String
    public var attributes: [String: DOTValue]
    public var nodeDefaults: [String: DOTValue]
    public var edgeDefaults: [String: DOTValue]
    /// Nodes outside any cluster.
    public var nodes: [DOTNode]
    public var clusters: [DOTCluster]
    public var edges: [DOTEdge]

    public init(
        name: String = "rapport", attributes: [String: DOTValue] = [:], nodeDefaults: [String: DOTValue] = [:],
        edgeDefaults: [String: DOTValue] = [:], nodes: [DOTNode] = [], clusters: [DOTCluster] = [],
        edges: [DOTEdge] = []
    ) {
        self.name = name
        self.attributes = attributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.nodes = nodes
        self.clusters = clusters
        self.edges = edges
    }

    /// Every node, in clusters or not.
    public var nodeCount: Int { nodes.count + clusters.reduce(0) { $0 + $1.nodes.count } }
}
