/// Colours, widths and the legend shared by every view.
///
/// Strength bands: strong (s ≥ 0.6) thick dark blue, medium (0.3 ≤ s < 0.6) blue, weak (s < 0.3)
/// thin grey and dashed. Width grows linearly with strength: `penwidth = 0.6 + 3.4 s`.
enum DiagramStyle {
    static let weakBelow = 0.3
    static let strongFrom = 0.6

    static let fontName = "Helvetica"
    static let strongColor = "#1a4f9c"
    static let mediumColor = "#5b8fd6"
    static let weakColor = "#9e9e9e"
    static let userFill = "#ffd54f"
    static let targetFill = "#f48fb1"
    static let introducerFill = "#c5e1a5"
    static let personFill = "#eceff1"
    static let clusterColor = "#b0bec5"

    /// Attributes of a tie of strength `s`.
    static func tie(strength s: Double) -> [String: DOTValue] {
        var attributes: [String: DOTValue] = [
            "penwidth": .number(0.6 + 3.4 * s),
            "color": .text(s >= strongFrom ? strongColor : s >= weakBelow ? mediumColor : weakColor),
        ]
        if s < weakBelow { attributes["style"] = .text("dashed") }
        return attributes
    }

    /// The fill for a reach in [0, 1]: from light grey-blue (no reach) to dark green (certain reach).
    static func reachFill(_ reach: Double) -> String {
        let low: (Double, Double, Double) = (0xEC, 0xEF, 0xF1)
        let high: (Double, Double, Double) = (0x1B, 0x5E, 0x20)
        let t = min(max(reach, 0), 1)
        func channel(_ a: Double, _ b: Double) -> String {
            let v = Int((a + (b - a) * t).rounded())
            let digits = Array("0123456789abcdef")
            return String([digits[v / 16], digits[v % 16]])
        }
        return "#" + channel(low.0, high.0) + channel(low.1, high.1) + channel(low.2, high.2)
    }

    static let graphDefaults: [String: DOTValue] = [
        "fontname": .text(fontName), "fontsize": .text("12"), "labelloc": .text("t"),
        "outputorder": .text("edgesfirst"),
    ]
    static let nodeDefaults: [String: DOTValue] = [
        "shape": .text("box"), "style": .text("rounded,filled"), "fillcolor": .text(personFill),
        "color": .text("#78909c"), "fontname": .text(fontName), "fontsize": .text("11"),
    ]
    static let edgeDefaults: [String: DOTValue] = ["color": .text(weakColor)]

    /// The legend for the person views: the user, targets and people on a path when shown, and the
    /// three tie bands.
    static func personLegend(showsTargets: Bool, showsIntroducers: Bool) -> DOTCluster {
        var rows = [swatchRow(fill: userFill, text: "you")]
        if showsTargets { rows.append(swatchRow(fill: targetFill, text: "target")) }
        if showsIntroducers { rows.append(swatchRow(fill: introducerFill, text: "on a warm path")) }
        rows.append(lineRow(color: strongColor, pattern: "━━━", text: "strong tie (s ≥ 0.6)"))
        rows.append(lineRow(color: mediumColor, pattern: "━━━", text: "medium tie (0.3 ≤ s < 0.6)"))
        rows.append(lineRow(color: weakColor, pattern: "- - -", text: "weak tie (s < 0.3), dashed"))
        return legend(rows: rows)
    }

    /// The legend of the `orgs` view: fill by reach, size by people.
    static func organizationLegend() -> DOTCluster {
        let rows = [
            swatchRow(fill: userFill, text: "you"),
            swatchRow(fill: reachFill(0.9), text: "reach 0.9: a strong way in"),
            swatchRow(fill: reachFill(0.5), text: "reach 0.5"),
            swatchRow(fill: reachFill(0), text: "no reach yet"),
            "<tr><td></td><td align=\"left\">size: number of people</td></tr>",
        ]
        return legend(rows: rows)
    }

    private static func legend(rows: [String]) -> DOTCluster {
        let table =
            "<table border=\"0\" cellborder=\"0\" cellspacing=\"3\">"
            + "<tr><td colspan=\"2\"><b>Legend</b></td></tr>" + rows.joined() + "</table>"
        let node = DOTNode(
            id: "legend", attributes: ["shape": .text("plain"), "style": .text(""), "label": .html(table)])
        return DOTCluster(
            id: "legend",
            attributes: ["color": .text(clusterColor), "style": .text("rounded"), "label": .text("")],
            nodes: [node])
    }

    private static func swatchRow(fill: String, text: String) -> String {
        "<tr><td bgcolor=\"\(fill)\" width=\"24\" border=\"1\"></td><td align=\"left\">\(DOTEscaping.html(text))</td></tr>"
    }

    private static func lineRow(color: String, pattern: String, text: String) -> String {
        "<tr><td><font color=\"\(color)\">\(DOTEscaping.html(pattern))</font></td><td align=\"left\">\(DOTEscaping.html(text))</td></tr>"
    }
}
