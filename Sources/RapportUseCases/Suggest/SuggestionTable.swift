import Rapport

/// The terminal tables of `rapport suggest`: the ranked suggestions (with `--explain`, the reasons
/// under each) and the fading ties of `--keep-warm`. Every cell and line is made inert for a
/// terminal (`OutputPolicy.terminalLine`).
public enum SuggestionTable {
    /// The suggestions as a table, with each one's next step, path, score, warmth, shared history
    /// and other introducers under it when `explain`.
    public static func render(
        _ suggestions: [Suggestion], from ego: Int32, planner: Planner, explain: Bool, boldHeaders: Bool = false
    ) -> String {
        var table = TextTable(["#", "PERSON", "ORGANIZATION", "SCORE", "VIA"])
        table.rightAligned = [0, 3]
        table.maxWidths = [1: 20, 2: 20, 4: 24]
        table.boldHeaders = boldHeaders
        for (i, s) in suggestions.enumerated() {
            let via: String
            switch s.kind {
            case .introduction: via = s.introducer.map { "\($0.name) \(NumberFormat.twoDecimals($0.strength))" } ?? ""
            case .direct: via = "direct"
            default: via = "cold"
            }
            table.add([String(i + 1), s.name, s.organization ?? "", NumberFormat.twoDecimals(s.score), via])
        }
        guard explain else { return table.render() }
        return table.render { i in
            let s = suggestions[i]
            var lines = ["    → " + OutputPolicy.terminalLine(s.action)]
            if !s.path.isEmpty {
                lines.append("    path: " + OutputPolicy.terminalLine(planner.describe(s.path, from: ego)))
            }
            lines.append("    " + SuggestionText.scoreLine(s))
            if !s.warmthTerms.isEmpty {
                lines.append(
                    "    " + OutputPolicy.terminalLine(SuggestionText.warmth(s.components.warmth, s.warmthTerms)))
            }
            if !s.sharedHistory.isEmpty {
                lines.append(
                    "    shared history: " + OutputPolicy.terminalLine(s.sharedHistory.joined(separator: ", ")))
            }
            if !s.alternatives.isEmpty {
                lines.append("    also via: " + OutputPolicy.terminalLine(SuggestionText.alternatives(s)))
            }
            return lines
        }
    }

    /// The fading ties as a table, each with its next step under it.
    public static func render(keepWarm list: [KeepWarmSuggestion], boldHeaders: Bool = false) -> String {
        var table = TextTable(["PERSON", "ORGANIZATION", "NOW", "PEAK", "LAST CONTACT"])
        table.rightAligned = [2, 3]
        table.maxWidths = [0: 22, 1: 24]
        table.boldHeaders = boldHeaders
        for k in list {
            let last = k.lastInteraction.map { "\($0.iso) (\(k.daysSinceContact ?? 0) d)" } ?? "never"
            table.add([
                k.name, k.organization ?? "", NumberFormat.twoDecimals(k.strength),
                NumberFormat.twoDecimals(k.peakStrength), last,
            ])
        }
        return table.render { i in ["    → " + OutputPolicy.terminalLine(list[i].action)] }
    }
}
