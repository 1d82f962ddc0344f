/// One mailbox of an address header: a decoded display name and a lowercased address.
public struct MailAddress: Hashable, Sendable {
    /// The display name, RFC 2047 words decoded and quotes removed ("Lefèvre, Zoë"); may be empty.
    public var name: String
    /// The addr-spec, lowercased ("zoe@example.org").
    public var address: String

    public init(name: String, address: String) {
        self.name = name
        self.address = address
    }
}

/// The RFC 5322 §3.4 address-list parser, byte for byte the algorithm of Python's
/// `email._parseaddr.AddrlistClass` (which `email.utils.getaddresses` runs), so the reader agrees
/// with the oracle on real-world headers:
/// - a display name is its words (atoms with obsolete dots, quoted strings unquoted) joined by one
///   space, then decoded (`EncodedWords`); `"Lefèvre, Zoë" <zoe@example.org>` is one mailbox;
/// - a bare addr-spec takes its comment as the name (`zoe@example.org (Zoë Lefèvre)`);
/// - groups (`team: a@x, b@y;`, `undisclosed-recipients:;`) give their members;
/// - obsolete routes (`<@relay:zoe@example.org>`) are dropped; a domain with a second `@` is refused.
///
/// One deliberate difference: where a display name is followed by a comment
/// (`Zoë Lefèvre (Acme) <zoe@…>`), Python appends the comment to the name; here the comment is
/// dropped, because a comment is not part of a name (RFC 5322 §3.2.2) and would defeat name matching.
/// Entries without an address (Python's `('', '')`) are left out.
struct MailAddressParser {
    private let field: [UInt8]
    private var pos = 0
    private var comments: [[UInt8]] = []

    init(_ field: [UInt8]) { self.field = field }

    /// Every mailbox of an address header value.
    /// - Complexity: O(n) in the value's bytes.
    static func parse(_ value: [UInt8]) -> [MailAddress] {
        var parser = MailAddressParser(value)
        var out: [MailAddress] = []
        while parser.pos < parser.field.count {
            let before = parser.pos
            for (name, address) in parser.address() where !address.isEmpty {
                out.append(
                    MailAddress(name: EncodedWords.decode(name), address: EncodedWords.text(address).lowercased()))
            }
            if parser.pos == before { parser.pos += 1 }
        }
        return out
    }

    private static func isSpecial(_ b: UInt8) -> Bool {
        switch b {
        case 0x28, 0x29, 0x3C, 0x3E, 0x40, 0x2C, 0x3A, 0x3B, 0x2E, 0x22, 0x5B, 0x5D: return true
        default: return false
        }
    }
    private static func isAtomEnd(_ b: UInt8) -> Bool {
        isSpecial(b) || b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A
    }
    private static func isPhraseEnd(_ b: UInt8) -> Bool { b != 0x2E && isAtomEnd(b) }

    private var current: UInt8? { pos < field.count ? field[pos] : nil }

    /// Skips white space and comments (collecting the comments); returns the white space skipped.
    @discardableResult
    private mutating func skipSpaceAndComments() -> [UInt8] {
        var space: [UInt8] = []
        while let b = current {
            if b == 0x20 || b == 0x09 {
                space.append(b)
                pos += 1
            } else if b == 0x0D || b == 0x0A {
                pos += 1
            } else if b == 0x28 {
                comments.append(delimited(close: 0x29, allowComments: true))
            } else {
                break
            }
        }
        return space
    }

    /// The mailboxes of the next address (several for a group), as raw (name, address) bytes.
    /// Groups do not nest (RFC 5322 §3.4); a `:` inside a group is skipped, which also keeps a
    /// crafted "a:b:c:…" from recursing once per colon.
    private mutating func address(inGroup: Bool = false) -> [([UInt8], [UInt8])] {
        comments = []
        skipSpaceAndComments()
        let oldPos = pos
        let oldComments = comments
        let phrase = phraseList()
        skipSpaceAndComments()
        var result: [([UInt8], [UInt8])] = []
        if let b = current {
            if b == 0x2E || b == 0x40 {
                pos = oldPos
                comments = oldComments
                let spec = addrSpec()
                result = [(joined(comments), spec)]
            } else if b == 0x3A && inGroup {
                pos += 1
            } else if b == 0x3A {
                pos += 1
                while pos < field.count {
                    skipSpaceAndComments()
                    if current == 0x3B {
                        pos += 1
                        break
                    }
                    let before = pos
                    result += address(inGroup: true)
                    if pos == before { pos += 1 }
                }
            } else if b == 0x3C {
                result = [(joined(phrase), routeAddr())]
            } else if let first = phrase.first {
                result = [(joined(comments), first)]
            } else if Self.isSpecial(b) {
                pos += 1
            }
        } else if let first = phrase.first {
            result = [(joined(comments), first)]
        }
        skipSpaceAndComments()
        if current == 0x2C { pos += 1 }
        return result
    }

    private func joined(_ words: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        for (n, w) in words.enumerated() {
            if n > 0 { out.append(0x20) }
            out += w
        }
        return out
    }

    /// `<[route:]addr-spec>`: the addr-spec, route skipped.
    private mutating func routeAddr() -> [UInt8] {
        guard current == 0x3C else { return [] }
        var expectRoute = false
        pos += 1
        skipSpaceAndComments()
        var spec: [UInt8] = []
        while let b = current {
            if expectRoute {
                _ = domain()
                expectRoute = false
            } else if b == 0x3E {
                pos += 1
                break
            } else if b == 0x40 {
                pos += 1
                expectRoute = true
            } else if b == 0x3A {
                pos += 1
            } else {
                spec = addrSpec()
                pos += 1
                break
            }
            skipSpaceAndComments()
        }
        return spec
    }

    /// `local-part@domain`; an empty result for an invalid domain.
    private mutating func addrSpec() -> [UInt8] {
        var parts: [[UInt8]] = []
        func dropTrailingSpace() {
            if let last = parts.last, last.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { parts.removeLast() }
        }
        skipSpaceAndComments()
        while let b = current {
            var preserveSpace = true
            if b == 0x2E {
                dropTrailingSpace()
                parts.append([0x2E])
                pos += 1
                preserveSpace = false
            } else if b == 0x22 {
                let content = delimited(close: 0x22, allowComments: false)
                var quoted: [UInt8] = [0x22]
                for c in content {
                    if c == 0x5C || c == 0x22 { quoted.append(0x5C) }
                    quoted.append(c)
                }
                quoted.append(0x22)
                parts.append(quoted)
            } else if Self.isAtomEnd(b) {
                dropTrailingSpace()
                break
            } else {
                parts.append(atom(phrase: false))
            }
            let space = skipSpaceAndComments()
            if preserveSpace && !space.isEmpty { parts.append(space) }
        }
        let local = parts.flatMap { $0 }
        guard current == 0x40 else { return local }
        pos += 1
        skipSpaceAndComments()
        let domain = domain()
        guard !domain.isEmpty else { return [] }
        return local + [0x40] + domain
    }

    private mutating func domain() -> [UInt8] {
        var out: [UInt8] = []
        while let b = current {
            if b == 0x20 || b == 0x09 {
                pos += 1
            } else if b == 0x28 {
                comments.append(delimited(close: 0x29, allowComments: true))
            } else if b == 0x5B {
                out.append(0x5B)
                out += delimited(close: 0x5D, allowComments: false)
                out.append(0x5D)
            } else if b == 0x2E {
                pos += 1
                out.append(0x2E)
            } else if b == 0x40 {
                return []
            } else if Self.isAtomEnd(b) {
                break
            } else {
                out += atom(phrase: false)
            }
        }
        return out
    }

    /// The content between `pos`'s opening byte and `close` (backslash escapes resolved). With
    /// `allowComments`, nested comments are flattened into it without their parentheses; nesting
    /// is counted, not recursed, so a deep nest cannot exhaust the stack.
    private mutating func delimited(close: UInt8, allowComments: Bool) -> [UInt8] {
        var out: [UInt8] = []
        var escaped = false
        var depth = 0
        pos += 1
        while let b = current {
            pos += 1
            if escaped {
                out.append(b)
                escaped = false
            } else if b == close || b == 0x0D {
                if depth == 0 { break }
                depth -= 1
            } else if allowComments && b == 0x28 {
                depth += 1
            } else if b == 0x5C {
                escaped = true
            } else {
                out.append(b)
            }
        }
        return out
    }

    private mutating func atom(phrase: Bool) -> [UInt8] {
        let start = pos
        while let b = current, !(phrase ? Self.isPhraseEnd(b) : Self.isAtomEnd(b)) { pos += 1 }
        return Array(field[start..<pos])
    }

    /// Words (atoms with dots, quoted strings) up to the first special; comments are collected.
    private mutating func phraseList() -> [[UInt8]] {
        var words: [[UInt8]] = []
        while let b = current {
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A {
                pos += 1
            } else if b == 0x22 {
                words.append(delimited(close: 0x22, allowComments: false))
            } else if b == 0x28 {
                comments.append(delimited(close: 0x29, allowComments: true))
            } else if Self.isPhraseEnd(b) {
                break
            } else {
                words.append(atom(phrase: true))
            }
        }
        return words
    }
}
