/// A Graphviz layout engine.
///
/// `dot` draws layered (hierarchical) pictures and honours clusters; it suits small views. The force
/// directed engines (`neato`, `fdp`, `sfdp`) suit larger ones; `sfdp` is the only one that stays
/// usable past a few thousand nodes (measured on organization-clustered graphs: 5k nodes in 5.8 s,
/// 2.0 s with `overlap=scale`). `circo` and `twopi` draw circular and radial layouts.
public enum GraphvizEngine: String, CaseIterable, Sendable, Codable, Hashable {
    case dot, neato, fdp, sfdp, circo, twopi

    /// The largest node count for which `recommended(forNodeCount:)` picks `dot`.
    public static let layeredNodeLimit = 150

    /// `dot` up to `layeredNodeLimit` nodes, `sfdp` above.
    /// - Complexity: O(1).
    public static func recommended(forNodeCount count: Int) -> GraphvizEngine {
        count <= layeredNodeLimit ? .dot : .sfdp
    }

    /// Parses an engine name (`dot`, `SFDP` …).
    public init?(name: some StringProtocol) {
        self.init(rawValue: name.lowercased())
    }
}

/// An output format of a diagram.
///
/// `.dot` is the DOT source itself (validated, not laid out); the others are rendered by libgvc
/// (`png` and `pdf` through the cairo plugin).
public enum DiagramFormat: String, CaseIterable, Sendable, Codable, Hashable {
    case dot, svg, png, pdf

    /// Parses a format name (`svg`, `PNG`, `gv` for DOT).
    public init?(name: some StringProtocol) {
        let key = name.lowercased()
        if key == "gv" {
            self = .dot
        } else {
            self.init(rawValue: key)
        }
    }

    /// The format named by a file's extension: `me.svg` → `.svg`, `graph.gv` → `.dot`.
    /// - Returns: `nil` when the path has no extension or an unknown one.
    public init?(path: String) {
        let file = path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path)
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return nil }
        self.init(name: file[file.index(after: dot)...])
    }

    /// The usual file extension.
    public var fileExtension: String { rawValue }

    /// The first bytes every file of this format starts with.
    public var magicBytes: [UInt8] {
        switch self {
        case .dot: return []
        case .svg: return Array("<?xml".utf8)
        case .png: return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        case .pdf: return Array("%PDF-".utf8)
        }
    }

    /// The device name libgvc knows this format by.
    var graphvizDevice: String {
        switch self {
        case .dot: return "dot"
        case .svg: return "svg"
        case .png: return "png:cairo"
        case .pdf: return "pdf:cairo"
        }
    }
}
