import Rapport
import RapportGraphviz

/// The report's two pictures, laid out by Graphviz through a `Renderer`.
public enum ReportDiagrams {
    /// People the ego diagram keeps (the strongest-connected), so it stays readable on paper.
    public static let egoPeopleLimit = 20

    /// The ego diagram (the user and their strongest ties) and the suggestions diagram (the targets
    /// and their warm paths), as SVG.
    ///
    /// - Parameters:
    ///   - ego: the start of the suggestions' paths (the user, or the `--for` person).
    ///   - suggestions: the ranked suggestions the report lists.
    ///   - renderer: where layouts run (a worker process by default).
    /// - Throws: `ReportError.diagram` when a view cannot be built or rendered.
    /// - Complexity: that of the Graphviz layouts, plus O(size of the drawn subgraphs).
    public static func render(
        snapshot: NetworkSnapshot, strengths: [Double], ego: Int32, suggestions: [Suggestion], renderer: Renderer,
        timeout: Duration = .seconds(120)
    ) throws(ReportError) -> [ReportDiagram] {
        let targets = suggestions.map { s in
            DiagramTarget(node: s.node, paths: s.path.isEmpty ? [] : [[ego] + s.path.map(\.node)])
        }
        let views: [(id: String, caption: String, view: DiagramView, options: DiagramOptions)] = [
            (
                "ego", "You and your strongest ties (width and colour follow strength; weak ties are dashed)",
                .ego(radius: 1), DiagramOptions(top: egoPeopleLimit)
            ),
            ("suggestions", "Suggested targets and the warm paths to them", .suggestions(targets), DiagramOptions()),
        ]
        var diagrams: [ReportDiagram] = []
        for item in views {
            do {
                let graph = try item.view.graph(of: snapshot, strengths: strengths, options: item.options)
                let engine = item.view.recommendedEngine(nodeCount: graph.nodeCount)
                let bytes = try renderer.render(dot: graph.dotText, engine: engine, format: .svg, timeout: timeout)
                diagrams.append(
                    ReportDiagram(id: item.id, caption: item.caption, svg: String(decoding: bytes, as: UTF8.self)))
            } catch {
                throw ReportError.diagram(id: item.id, error)
            }
        }
        return diagrams
    }
}
