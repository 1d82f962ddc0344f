import Foundation

/// The `--json` encoding of every contract in this folder: pretty, keys sorted, slashes as they are.
public enum JSONOutput {
    public static func string(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
