import Foundation
import Rapport

/// Reading and writing `NetworkDocument` as JSON.
public enum NetworkJSON {
    /// Pretty-printed JSON with sorted keys (stable diffs), slashes unescaped, and the JSON policy
    /// (`OutputPolicy.json`): every unsafe scalar escaped as `\uXXXX`, so the same strings read back.
    /// - Complexity: O(size of the document).
    public static func encode(_ document: NetworkDocument) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = OutputPolicy.json(String(decoding: try encoder.encode(document), as: UTF8.self))
        return Array(text.utf8) + [UInt8(ascii: "\n")]
    }

    /// Whether `bytes` is a Rapport network document: a JSON object whose `format` is
    /// `rapport-network`. Cheap for anything else (a CSV never starts with `{`).
    public static func looksLikeDocument(_ bytes: [UInt8]) -> Bool {
        guard let start = objectStart(bytes) else { return false }
        struct Probe: Decodable { var format: String? }
        let probe = try? JSONDecoder().decode(Probe.self, from: Data(bytes[start...]))
        return probe?.format == NetworkDocument.formatName
    }

    /// Whether the mapped file may be a document: `looksLikeDocument` of its bytes can be true.
    public static func mayBeDocument(_ file: MappedFile) -> Bool { file.withBytes { objectStart($0) != nil } }

    /// Where a document's opening `{` is, past a UTF-8 BOM and blanks; `nil` when there is none.
    private static func objectStart<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bytes.Index? {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.index(bytes.startIndex, offsetBy: 3) : bytes.startIndex
        while start < bytes.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start = bytes.index(after: start) }
        return start < bytes.endIndex && bytes[start] == UInt8(ascii: "{") ? start : nil
    }

    /// Decodes a document read from `path`.
    ///
    /// - Throws: `ImportError` at `path:1:1` naming the JSON path of the problem: a missing field
    ///   (`missingColumn`), a value of the wrong type or an unknown kind (`unknownValue`), a newer
    ///   schema version, or text that is not JSON.
    /// - Complexity: O(size of the document).
    public static func decode(_ bytes: [UInt8], path: String) throws(ImportError) -> NetworkDocument {
        let location = SourceLocation(path: path, line: 1, column: 1)
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let document: NetworkDocument
        do {
            document = try JSONDecoder().decode(NetworkDocument.self, from: Data(body))
        } catch let error as DecodingError {
            throw ImportError(reason(error), at: location)
        } catch {
            throw ImportError(
                .unknownFormat(header: [], known: ["Rapport JSON (\(NetworkDocument.formatName))"]), at: location)
        }
        guard document.format == NetworkDocument.formatName else {
            throw ImportError(
                .unknownValue(column: "format", value: document.format, allowed: [NetworkDocument.formatName]),
                at: location)
        }
        guard (1...NetworkDocument.currentVersion).contains(document.version) else {
            throw ImportError(
                .unreadableNumber(
                    column: "version", value: String(document.version),
                    allowed: "a version this build reads (1 to \(NetworkDocument.currentVersion))"),
                at: location)
        }
        return document
    }

    private static func reason(_ error: DecodingError) -> ImportError.Reason {
        func dottedPath(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .missingColumn(dottedPath(context.codingPath + [key]), format: "Rapport JSON")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return .unknownValue(
                column: dottedPath(context.codingPath), value: context.debugDescription,
                allowed: ["the types in Docs/JSON.md"])
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return .unknownFormat(
                    header: [], known: ["Rapport JSON (\(NetworkDocument.formatName)): the text is not valid JSON"])
            }
            return .unknownValue(
                column: dottedPath(context.codingPath), value: context.debugDescription,
                allowed: ["the values in Docs/JSON.md"])
        @unknown default:
            return .unknownFormat(header: [], known: ["Rapport JSON (\(NetworkDocument.formatName))"])
        }
    }
}
