/// One step of a path: the node reached, the edge taken to reach it and that edge's strength.
///
/// The path algorithms fill `node`, `edge` and `strength`; the suggestion engine also fills the
/// person's `id` and `name` so the value can be printed or encoded as JSON directly.
public struct PathHop: Hashable, Sendable, Codable {
    /// The node this hop arrives at.
    public var node: Int32
    /// The edge from the previous node.
    public var edge: Int32
    /// The strength of `edge`, in (0, 1].
    public var strength: Double
    /// The person's id, when known.
    public var id: String?
    /// The person's display name, when known.
    public var name: String?

    public init(node: Int32, edge: Int32, strength: Double, id: String? = nil, name: String? = nil) {
        self.node = node
        self.edge = edge
        self.strength = strength
        self.id = id
        self.name = name
    }
}

/// A warm introduction path from the user to a target: the hops after the user, in order.
///
/// The first hop is the introducer to ask (unless it is the target itself: a direct tie).
/// `reliability` is the product of the hop strengths.
public struct WarmPath: Hashable, Sendable, Codable {
    /// The person the path leads to.
    public var target: Int32
    /// The hops after the user; the last one arrives at `target`.
    public var hops: [PathHop]
    /// Π strengths along the path, in (0, 1].
    public var reliability: Double

    public init(target: Int32, hops: [PathHop], reliability: Double) {
        self.target = target
        self.hops = hops
        self.reliability = reliability
    }

    /// The first hop when it is not the target: the person to ask for the introduction.
    public var introducer: PathHop? { hops.count > 1 ? hops.first : nil }

    /// Whether the user is tied to the target directly.
    public var isDirect: Bool { hops.count == 1 }
}
