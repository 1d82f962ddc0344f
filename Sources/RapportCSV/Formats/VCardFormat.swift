import Foundation
import Rapport

/// Reads vCard 3.0 and 4.0 (RFC 2426, RFC 6350): FN, N, ORG, TITLE, EMAIL, URL, NOTE, CATEGORIES;
/// folded lines, backslash escapes, property groups (`item1.EMAIL`) and quoted-printable values
/// (vCard 2.1 style, as older phones export).
enum VCardFormat {
    /// Whether the text starts, after whitespace, with `BEGIN:VCARD`.
    static func looksLikeVCard<Bytes: Collection<UInt8>>(_ utf8: Bytes) -> Bool {
        let start = utf8.firstIndex { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D } ?? utf8.endIndex
        let end = utf8.index(start, offsetBy: 11, limitedBy: utf8.endIndex) ?? utf8.endIndex
        let head = String(decoding: utf8[start..<end], as: UTF8.self)
        return head.uppercased() == "BEGIN:VCARD"
    }

    struct LogicalLine {
        var line: Int
        var text: String
    }

    /// Physical lines joined: a line starting with a space or tab continues the previous one, and a
    /// quoted-printable line ending in `=` continues on the next.
    /// - Complexity: O(n).
    static func logicalLines(_ text: String) -> [LogicalLine] {
        var physical: [Substring] = []
        var current = text.startIndex
        var i = text.startIndex
        // Split on CRLF, LF and CR (String treats "\r\n" as one Character).
        while i < text.endIndex {
            let c = text[i]
            if c == "\n" || c == "\r" || c == "\r\n" {
                physical.append(text[current..<i])
                current = text.index(after: i)
            }
            i = text.index(after: i)
        }
        if current < text.endIndex { physical.append(text[current...]) }
        var result: [LogicalLine] = []
        var continuesQP = false
        for (n, line) in physical.enumerated() {
            if continuesQP, var last = result.popLast() {
                last.text = String(last.text.dropLast()) + line
                result.append(last)
            } else if let first = line.first, first == " " || first == "\t", var last = result.popLast() {
                last.text += line.dropFirst()
                result.append(last)
            } else {
                result.append(LogicalLine(line: n + 1, text: String(line)))
            }
            let text = result.last?.text ?? ""
            continuesQP = text.hasSuffix("=") && text.uppercased().contains("QUOTED-PRINTABLE")
        }
        return result
    }

    /// - Complexity: O(n).
    static func read(_ utf8: [UInt8], into file: inout ParsedFile) throws(ImportError) {
        let path = file.path
        var card: [LogicalLine] = []
        var cardStart: Int?
        var cards = 0
        for line in logicalLines(String(decoding: utf8, as: UTF8.self)) {
            let trimmed = line.text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let upper = trimmed.uppercased()
            if upper == "BEGIN:VCARD" {
                if let cardStart {
                    throw ImportError(
                        .invalidVCard("BEGIN:VCARD inside the card opened at line \(cardStart)"),
                        at: SourceLocation(path: path, line: line.line, column: 1))
                }
                cardStart = line.line
                cards += 1
                card = []
            } else if upper == "END:VCARD" {
                guard let start = cardStart else {
                    throw ImportError(
                        .invalidVCard("END:VCARD without BEGIN:VCARD"),
                        at: SourceLocation(path: path, line: line.line, column: 1))
                }
                let location = SourceLocation(path: path, line: start, column: 1)
                if let person = person(card, at: location) {
                    file.people.append(person)
                } else {
                    file.warnings.append(ImportWarning("card has no name, e-mail or URL; skipped", at: location))
                }
                cardStart = nil
            } else if cardStart != nil {
                card.append(line)
            } else {
                file.warnings.append(
                    ImportWarning(
                        "text outside BEGIN:VCARD … END:VCARD is ignored",
                        at: SourceLocation(path: path, line: line.line, column: 1)))
            }
        }
        if let cardStart {
            throw ImportError(
                .invalidVCard("BEGIN:VCARD has no END:VCARD"),
                at: SourceLocation(path: path, line: cardStart, column: 1))
        }
        if cards == 0 {
            throw ImportError(.invalidVCard("no BEGIN:VCARD found"), at: SourceLocation(path: path, line: 1, column: 1))
        }
    }

    static func person(_ lines: [LogicalLine], at location: SourceLocation) -> PersonRecord? {
        var fullName = ""
        var first = ""
        var last = ""
        var emails: [String] = []
        var urls: [String] = []
        var organization: String?
        var title: String?
        var notes: [String] = []
        var tags: [String] = []
        for line in lines {
            guard let (name, params, raw) = split(line.text) else { continue }
            let value =
                params.contains("ENCODING=QUOTED-PRINTABLE") || params.contains("QUOTED-PRINTABLE")
                ? quotedPrintable(raw) : raw
            switch name {
            case "FN": fullName = unescape(value)
            case "N":
                let parts = components(value, separator: ";")
                last = parts.first ?? ""
                first = parts.count > 1 ? parts[1] : ""
            case "ORG": organization = components(value, separator: ";").first.flatMap { $0.isEmpty ? nil : $0 }
            case "TITLE": title = unescape(value)
            case "EMAIL": emails.append(unescape(value).trimmingCharacters(in: .whitespaces))
            case "URL": urls.append(unescape(value).trimmingCharacters(in: .whitespaces))
            case "NOTE": notes.append(unescape(value))
            case "CATEGORIES": tags += components(value, separator: ",").filter { !$0.isEmpty }
            default: continue
            }
        }
        if first.isEmpty && last.isEmpty && !fullName.isEmpty {
            let words = fullName.split(separator: " ")
            last = words.count > 1 ? String(words[words.count - 1]) : ""
            first = words.count > 1 ? words.dropLast().joined(separator: " ") : fullName
        }
        emails = emails.filter { !$0.isEmpty }
        let url = urls.first { $0.lowercased().contains("linkedin.com/") } ?? urls.first { !$0.isEmpty }
        guard !(first.isEmpty && last.isEmpty && emails.isEmpty && url == nil) else { return nil }
        let person = Person(
            id: "", firstName: first, lastName: last, emails: emails, profileURL: url, organization: organization,
            title: title.flatMap { $0.isEmpty ? nil : $0 }, tags: tags, notes: notes.filter { !$0.isEmpty })
        return PersonRecord(person: person, location: location)
    }

    /// `item1.EMAIL;TYPE=work:x@y` → ("EMAIL", ["TYPE=WORK"], "x@y").
    static func split(_ text: String) -> (String, [String], String)? {
        var inQuotes = false
        var colon: String.Index?
        for i in text.indices {
            if text[i] == "\"" { inQuotes.toggle() }
            if text[i] == ":", !inQuotes { colon = i; break }
        }
        guard let colon else { return nil }
        let head = text[..<colon].split(separator: ";").map { $0.uppercased() }
        guard var name = head.first else { return nil }
        if let dot = name.lastIndex(of: ".") { name = String(name[name.index(after: dot)...]) }
        return (name, Array(head.dropFirst()), String(text[text.index(after: colon)...]))
    }

    /// Splits on unescaped `separator`, then unescapes each part.
    static func components(_ value: String, separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var escaped = false
        for c in value {
            if escaped {
                current.append("\\")
                current.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == separator {
                parts.append(unescape(current).trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(unescape(current).trimmingCharacters(in: .whitespaces))
        return parts
    }

    /// `\n`/`\N` → newline; `\,` `\;` `\\` → the character.
    static func unescape(_ value: String) -> String {
        guard value.contains("\\") else { return value }
        var out = ""
        var escaped = false
        for c in value {
            if escaped {
                out.append(c == "n" || c == "N" ? "\n" : c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        if escaped { out.append("\\") }
        return out
    }

    /// `=C3=A9` → `é`; soft line breaks are already joined.
    static func quotedPrintable(_ value: String) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(value.utf8)
        var i = 0
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case 0x30...0x39: return b - 0x30
            case 0x41...0x46: return b - 0x37
            case 0x61...0x66: return b - 0x57
            default: return nil
            }
        }
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "="), i + 2 < utf8.count, let hi = hex(utf8[i + 1]), let lo = hex(utf8[i + 2]) {
                bytes.append(hi << 4 | lo)
                i += 3
            } else if utf8[i] == UInt8(ascii: "="), i + 1 == utf8.count {
                i += 1
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return TextDecoding.isValidUTF8(bytes)
            ? String(decoding: bytes, as: UTF8.self)
            : String(decoding: TextDecoding.windows1252ToUTF8(bytes), as: UTF8.self)
    }
}
