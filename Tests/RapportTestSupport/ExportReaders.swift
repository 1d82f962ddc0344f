import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

// Readers that check exports, shared by the use-case and command-line tests.

/// Counts and collects what a GraphML document holds.
public final class GraphMLSummary: NSObject, XMLParserDelegate {
    override public init() {}

    public var nodes = 0
    public var edges = 0
    public var declared: Set<String> = []
    public var undeclaredKeys: Set<String> = []
    public var edgeDefault = ""
    public var values: [String: [String: String]] = [:]
    private var node: String?
    private var key: String?
    private var text = ""

    public func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "key": declared.insert(attributes["id"] ?? "")
        case "graph": edgeDefault = attributes["edgedefault"] ?? ""
        case "node": nodes += 1; node = attributes["id"]
        case "edge": edges += 1; node = nil
        case "data":
            key = attributes["key"]
            text = ""
            if let key, !declared.contains(key) { undeclaredKeys.insert(key) }
        default: break
        }
    }

    public func parser(_ parser: XMLParser, foundCharacters string: String) { if key != nil { text += string } }

    public func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "data", let key, let node { values[node, default: [:]][key] = text }
        if name == "data" { key = nil }
    }
}

/// A minimal RFC 4180 reader for checking exports (quoted cells, doubled quotes, newlines in quotes).
public struct CSVTable {
    public var header: [String]
    public var rows: [[String]]

    public init(_ text: String) throws {
        var records: [[String]] = []
        var record: [String] = []
        var cell = ""
        var quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { cell.append("\""); chars = chars.dropFirst() } else { quoted = false }
                } else {
                    cell.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(cell); cell = ""
            } else if c == "\n" {
                record.append(cell); cell = ""
                records.append(record); record = []
            } else {
                cell.append(c)
            }
        }
        if !cell.isEmpty || !record.isEmpty { record.append(cell); records.append(record) }
        guard let first = records.first else { throw CSVTableError() }
        header = first
        rows = Array(records.dropFirst())
    }
}

public struct CSVTableError: Error {}
