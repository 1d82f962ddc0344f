import Foundation
import Rapport

/// Terminal output: display widths and aligned tables (text is made inert by `OutputPolicy.terminal`).
enum Terminal {
    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Whether stdout / stderr is a terminal.
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Colour only on a terminal, and never when `NO_COLOR` is set (no-color.org).
    static var colorEnabled: Bool {
        stdoutIsTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Columns a string takes on a terminal: wide East Asian characters and emoji count 2, combining
    /// marks and joiners 0.
    static func width(_ text: String) -> Int {
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
    static func truncate(_ text: String, to limit: Int) -> String {
        guard width(text) > limit else { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = width(String(character))
            if used + w > limit - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// `text` padded with spaces to `columns` display columns.
    static func pad(_ text: String, to columns: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, columns - width(text)))
        return right ? fill + text : text + fill
    }
}

/// A plain text table whose columns stay aligned with accented, CJK and emoji text.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    /// Columns aligned right (numbers).
    var rightAligned: Set<Int> = []
    /// Widest a column may be before its cells are cut with `…`.
    var maxWidths: [Int: Int] = [:]

    init(_ headers: [String]) { self.headers = headers }

    mutating func add(_ row: [String]) { rows.append(row.map(OutputPolicy.terminalLine)) }

    /// The table with indented lines under each row (explanations, next actions).
    func render(details: (Int) -> [String]) -> String {
        let lines = render().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out = Array(lines.prefix(2))
        for (i, line) in lines.dropFirst(2).enumerated() {
            out.append(line)
            out += details(i)
        }
        return out.joined(separator: "\n")
    }

    func render() -> String {
        let cut = rows.map { row in
            row.enumerated().map { i, cell in maxWidths[i].map { Terminal.truncate(cell, to: $0) } ?? cell }
        }
        var widths = headers.map(Terminal.width)
        for row in cut { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], Terminal.width(cell)) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i == cells.count - 1 && !rightAligned.contains(i) ? cell : Terminal.pad(cell, to: widths[i], right: rightAligned.contains(i))
            }.joined(separator: "  ")
        }
        // Bold headers on a colour terminal (never with NO_COLOR, never into a pipe or file).
        let header = Terminal.colorEnabled ? "\u{1B}[1m" + line(headers) + "\u{1B}[0m" : line(headers)
        var out = [header, line(widths.map { String(repeating: "-", count: $0) })]
        out += cut.map(line)
        return out.joined(separator: "\n")
    }
}

