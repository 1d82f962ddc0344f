/// Makes a Graphviz SVG document safe to paste into an HTML page.
///
/// Graphviz escapes every label (`<` as `&lt;`, `"` as `&quot;`), so contact text cannot form markup.
/// This is the second line of defence: the XML prolog, DOCTYPE and comments go (comments repeat node
/// names and are useless inline), and a document that holds any active content is refused rather
/// than cleaned.
public enum SVGInline {
    /// Elements that may run code or load content; refused anywhere in the SVG.
    static let forbiddenElements: Set<String> = ["script", "foreignobject", "iframe", "object", "embed", "handler"]

    /// The `<svg>…</svg>` element of `document`, without prolog, DOCTYPE or comments.
    ///
    /// - Throws: `ReportError.unsafeDiagram` when there is no `<svg` element, a comment or tag is
    ///   unterminated, or the SVG holds a forbidden element, an `on…` event attribute, or a
    ///   `javascript:` link.
    /// - Complexity: O(n) in the length of the document.
    public static func element(of document: String, id: String) throws(ReportError) -> String {
        let bytes = Array(document.utf8)
        guard let start = find(Array("<svg".utf8), in: bytes, from: 0) else {
            throw ReportError.unsafeDiagram(id: id, reason: "it is not an SVG document")
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count - start)
        var i = start
        while i < bytes.count {
            if bytes[i] != UInt8(ascii: "<") {
                out.append(bytes[i])
                i += 1
                continue
            }
            if hasPrefix(Array("<!--".utf8), bytes, at: i) {
                guard let end = find(Array("-->".utf8), in: bytes, from: i + 4) else {
                    throw ReportError.unsafeDiagram(id: id, reason: "a comment is not closed")
                }
                i = end + 3
                continue
            }
            guard let close = tagEnd(bytes, from: i + 1) else {
                throw ReportError.unsafeDiagram(id: id, reason: "a tag is not closed")
            }
            try check(tag: bytes[(i + 1)..<close], id: id)
            out.append(contentsOf: bytes[i...close])
            i = close + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The index of the `>` that ends the tag starting after `<` at `from`, skipping quoted values.
    private static func tagEnd(_ bytes: [UInt8], from: Int) -> Int? {
        var quote: UInt8?
        var i = from
        while i < bytes.count {
            let b = bytes[i]
            if let q = quote {
                if b == q { quote = nil }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                return i
            }
            i += 1
        }
        return nil
    }

    /// Refuses forbidden elements, event attributes and `javascript:` URLs in one tag's text.
    private static func check(tag: ArraySlice<UInt8>, id: String) throws(ReportError) {
        let text = String(decoding: tag, as: UTF8.self)
        var scanner = Substring(text)
        if scanner.first == "/" || scanner.first == "?" || scanner.first == "!" { scanner = scanner.dropFirst() }
        let name = scanner.prefix { !$0.isWhitespace && $0 != "/" && $0 != ">" }.lowercased()
        let local = name.split(separator: ":").last.map(String.init) ?? name
        if forbiddenElements.contains(local) {
            throw ReportError.unsafeDiagram(id: id, reason: "it contains a <\(local)> element")
        }
        scanner = scanner.dropFirst(name.count)
        while true {
            scanner = scanner.drop { $0.isWhitespace || $0 == "/" }
            guard !scanner.isEmpty else { return }
            let attribute = scanner.prefix { !$0.isWhitespace && $0 != "=" && $0 != "/" }.lowercased()
            scanner = scanner.dropFirst(attribute.count).drop(while: \.isWhitespace)
            var value = ""
            if scanner.first == "=" {
                scanner = scanner.dropFirst().drop(while: \.isWhitespace)
                if let quote = scanner.first, quote == "\"" || quote == "'" {
                    let body = scanner.dropFirst().prefix { $0 != quote }
                    value = String(body)
                    scanner = scanner.dropFirst(body.count + 2)
                } else {
                    let body = scanner.prefix { !$0.isWhitespace }
                    value = String(body)
                    scanner = scanner.dropFirst(body.count)
                }
            }
            let localAttribute = attribute.split(separator: ":").last.map(String.init) ?? attribute
            if localAttribute.hasPrefix("on") {
                throw ReportError.unsafeDiagram(id: id, reason: "it has an event attribute '\(localAttribute)'")
            }
            if localAttribute == "href",
                value.filter({ !$0.isWhitespace }).lowercased().hasPrefix("javascript:")
            {
                throw ReportError.unsafeDiagram(id: id, reason: "it links to a script")
            }
        }
    }

    private static func hasPrefix(_ needle: [UInt8], _ bytes: [UInt8], at i: Int) -> Bool {
        guard i + needle.count <= bytes.count else { return false }
        for k in 0..<needle.count where bytes[i + k] != needle[k] { return false }
        return true
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var i = from
        while i + needle.count <= bytes.count {
            if hasPrefix(needle, bytes, at: i) { return i }
            i += 1
        }
        return nil
    }
}
