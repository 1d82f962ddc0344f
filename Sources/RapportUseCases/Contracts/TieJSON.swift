import Rapport

/// A person named in another contract: their id and display name.
public struct PersonRef: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
}

/// One factor of a tie's strength in `ties --json`.
public struct FactorJSON: Encodable, Sendable {
    public var name: String
    public var input: Double
    public var detail: String
    public var contribution: Double
    public var additive: Bool
}

/// The `ties --json` shape of one tie.
public struct TieJSON: Encodable, Sendable {
    public var id: String
    public var name: String
    public var organization: String?
    public var title: String?
    public var kind: String
    public var origin: String
    public var strength: Double
    public var factors: [FactorJSON]
    public var explanation: String
    /// The other end, for `--all` and `--person`.
    public var from: PersonRef?

    public init(_ row: TieRow, in analysis: Analysis, namingFrom: Bool) {
        let explanation = analysis.strengths.explain(edge: row.edge)
        let p = analysis.snapshot.people[Int(row.to)]
        let tie = analysis.snapshot.ties[Int(row.edge)]
        id = p.id
        name = p.displayName
        organization = p.organization
        title = p.title
        kind = tie.kind.rawValue
        origin = tie.origin.rawValue
        strength = explanation.strength
        factors = explanation.factors.map {
            FactorJSON(
                name: $0.name, input: $0.input, detail: $0.detail, contribution: $0.contribution,
                additive: $0.isAdditive)
        }
        self.explanation = explanation.sentence
        from = namingFrom ? PersonRef(id: analysis.snapshot.people.id(row.from), name: analysis.name(row.from)) : nil
    }
}

/// One tie as `ties` lists it: the edge, and its two ends as seen from `from`.
public struct TieRow: Equatable, Sendable {
    public var edge: Int32
    public var from: Int32
    public var to: Int32
}

extension Analysis {
    /// Ties strongest first (ties of equal strength by the other end's id, then this end's): every
    /// tie of the network with `all`, else those of `center` (the user when nil).
    public func tieRows(of center: Int32?, all: Bool) throws -> [TieRow] {
        let graph = snapshot.graph, endpoints = snapshot.ties.endpoints
        var rows: [TieRow] = []
        if all {
            for e in 0..<Int32(graph.edgeCount) {
                rows.append(TieRow(edge: e, from: endpoints[2 * Int(e)], to: endpoints[2 * Int(e) + 1]))
            }
        } else {
            let center = try center ?? ego()
            for h in graph.halfEdges(of: center) {
                rows.append(TieRow(edge: graph.incidentEdges[h], from: center, to: graph.neighbors[h]))
            }
        }
        let people = snapshot.people
        rows.sort { x, y in
            let sx = strengths.values[Int(x.edge)], sy = strengths.values[Int(y.edge)]
            if sx != sy { return sx > sy }
            // Ids from their column: `people[i]` would make a whole `Person` four times per comparison.
            return (people.id(x.to), people.id(x.from)) < (people.id(y.to), people.id(y.from))
        }
        return rows
    }
}

extension StrengthExplanation {
    /// The factors worth a line (|contribution| ≥ 0.005), each as "+0.12  name: detail", the terms
    /// of imported evidence indented under them with `evidenceIndent`.
    public func factorLines(evidenceIndent: String = "  ") -> [String] {
        func line(_ f: StrengthFactor) -> String {
            "\(f.contribution >= 0 ? "+" : "")\(NumberFormat.twoDecimals(f.contribution))  \(f.name): \(f.detail)"
        }
        let shown = factors.filter { abs($0.contribution) >= 0.005 }
        return shown.filter(\.isAdditive).map(line)
            + shown.filter { StrengthFactor.evidenceTerms.contains($0.name) }.map { evidenceIndent + line($0) }
    }
}
