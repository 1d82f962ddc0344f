import Rapport

/// The network as GraphML (graphml.graphdrawing.org), which Gephi, yEd, Cytoscape and NetworkX open.
///
/// Every attribute is declared as a `<key>`: people carry their fields (lists joined with `; `),
/// ties their kind, origin, since and strength, plus `weight` (= strength) that Gephi uses as the
/// edge weight and `label` (= name) that yEd and Gephi show. Text is XML-escaped; characters XML 1.0
/// forbids (control characters other than tab and line breaks) become U+FFFD.
public enum GraphMLWriter {
    /// Node keys: (id, attribute name, GraphML type).
    static let nodeKeys: [(String, String, String)] = [
        ("label", "label", "string"), ("firstName", "firstName", "string"), ("lastName", "lastName", "string"),
        ("organization", "organization", "string"), ("title", "title", "string"), ("emails", "emails", "string"),
        ("profileURL", "profileURL", "string"), ("sectors", "sectors", "string"), ("schools", "schools", "string"),
        ("location", "location", "string"), ("tags", "tags", "string"), ("notes", "notes", "string"),
        ("isSelf", "isSelf", "boolean"),
    ]
    /// Edge keys.
    static let edgeKeys: [(String, String, String)] = [
        ("kind", "kind", "string"), ("origin", "origin", "string"), ("since", "since", "string"),
        ("strength", "strength", "double"), ("weight", "weight", "double"),
    ]

    /// The separator of list attributes.
    public static let listSeparator = "; "

    /// The GraphML document of `document`.
    /// - Complexity: O(size of the network).
    public static func write(_ document: NetworkDocument) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        out += "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        out +=
            "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        for (id, name, type) in nodeKeys {
            out += "  <key id=\"n_\(id)\" for=\"node\" attr.name=\"\(name)\" attr.type=\"\(type)\"/>\n"
        }
        for (id, name, type) in edgeKeys {
            out += "  <key id=\"e_\(id)\" for=\"edge\" attr.name=\"\(name)\" attr.type=\"\(type)\"/>\n"
        }
        out += "  <graph id=\"rapport\" edgedefault=\"undirected\">\n"
        for person in document.people {
            out += "    <node id=\"\(escape(person.id))\">\n"
            let values: [(String, String?)] = [
                ("label", person.displayName), ("firstName", person.firstName), ("lastName", person.lastName),
                ("organization", person.organization), ("title", person.title),
                ("emails", list(person.emails)), ("profileURL", person.profileURL), ("sectors", list(person.sectors)),
                ("schools", list(person.schools)), ("location", person.location), ("tags", list(person.tags)),
                ("notes", list(person.notes)), ("isSelf", person.isSelf ? "true" : "false"),
            ]
            for (key, value) in values {
                guard let value, !value.isEmpty else { continue }
                out += "      <data key=\"n_\(key)\">\(escape(value))</data>\n"
            }
            out += "    </node>\n"
        }
        for (i, tie) in document.ties.enumerated() {
            out += "    <edge id=\"e\(i)\" source=\"\(escape(tie.personA))\" target=\"\(escape(tie.personB))\">\n"
            out += "      <data key=\"e_kind\">\(tie.kind.rawValue)</data>\n"
            out += "      <data key=\"e_origin\">\(tie.origin.rawValue)</data>\n"
            if let since = tie.since { out += "      <data key=\"e_since\">\(since.iso)</data>\n" }
            if let strength = tie.strength, strength.isFinite {
                out += "      <data key=\"e_strength\">\(strength)</data>\n"
                out += "      <data key=\"e_weight\">\(strength)</data>\n"
            }
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    static func list(_ values: [String]) -> String? { values.isEmpty ? nil : values.joined(separator: listSeparator) }

    /// XML text and attribute escaping: the HTML and XML policy, `OutputPolicy.markup` (entities
    /// for `& < > " '`, CR as `&#13;`, unsafe scalars such as the C0 controls XML 1.0 forbids dropped).
    /// - Complexity: O(n).
    public static func escape(_ text: String) -> String { OutputPolicy.markup(text) }
}
