import Rapport

/// Display widths on a terminal, which keep `TextTable`'s columns aligned.
public enum DisplayWidth {
    /// Columns a string takes on a terminal: wide East Asian characters and emoji count 2, combining
    /// marks and joiners 0.
    public static func of(_ text: String) -> Int {
        // Printable ASCII (nearly every cell of a directory) is one column a byte; asking Unicode
        // properties of each scalar took 80 % of `people` at 100k.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var total = 0
        for character in text {
            let scalars = character.unicodeScalars
            guard let first = scalars.first else { continue }
            if scalars.contains(where: { $0.properties.isEmojiPresentation })
                || scalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji
            {
                total += 2
            } else if isWide(first.value) {
                total += 2
            } else if first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .format
                || first.properties.generalCategory == .enclosingMark
            {
                continue
            } else {
                total += 1
            }
        }
        return total
    }

    private static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    /// `text` cut to at most `limit` columns, with `…` when cut.
    public static func truncate(_ text: String, to limit: Int) -> String {
        guard of(text) > limit else { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = of(String(character))
            if used + w > limit - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// `text` padded with spaces to `columns` display columns.
    public static func pad(_ text: String, to columns: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, columns - of(text)))
        return right ? fill + text : text + fill
    }
}

/// A plain text table whose columns stay aligned with accented, CJK and emoji text.
public struct TextTable {
    public var headers: [String]
    public var rows: [[String]] = []
    /// Columns aligned right (numbers).
    public var rightAligned: Set<Int> = []
    /// Widest a column may be before its cells are cut with `…`.
    public var maxWidths: [Int: Int] = [:]
    /// Headers in bold (ANSI), for a colour terminal.
    public var boldHeaders = false

    /// - Parameter boldHeaders: for a colour terminal (never with NO_COLOR, a pipe or a file).
    public init(_ headers: [String], boldHeaders: Bool = false) {
        self.headers = headers
        self.boldHeaders = boldHeaders
    }

    public mutating func add(_ row: [String]) { rows.append(row.map(OutputPolicy.terminalLine)) }

    /// The table with indented lines under each row (explanations, next actions).
    public func render(details: (Int) -> [String]) -> String {
        let lines = render().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out = Array(lines.prefix(2))
        for (i, line) in lines.dropFirst(2).enumerated() {
            out.append(line)
            out += details(i)
        }
        return out.joined(separator: "\n")
    }

    public func render() -> String {
        let cut = rows.map { row in
            row.enumerated().map { i, cell in maxWidths[i].map { DisplayWidth.truncate(cell, to: $0) } ?? cell }
        }
        var widths = headers.map(DisplayWidth.of)
        for row in cut {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], DisplayWidth.of(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i == cells.count - 1 && !rightAligned.contains(i)
                    ? cell : DisplayWidth.pad(cell, to: widths[i], right: rightAligned.contains(i))
            }.joined(separator: "  ")
        }
        // Bold headers only when asked (a colour terminal: never with NO_COLOR, a pipe or a file).
        let header = boldHeaders ? "\u{1B}[1m" + line(headers) + "\u{1B}[0m" : line(headers)
        var out = [header, line(widths.map { String(repeating: "-", count: $0) })]
        out += cut.map(line)
        return out.joined(separator: "\n")
    }
}
