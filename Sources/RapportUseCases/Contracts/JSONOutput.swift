import Foundation
import Rapport

/// The `--json` encoding of every contract in this folder: pretty, keys sorted, slashes as they are,
/// and unsafe scalars escaped (`OutputPolicy.json`: the same value for a JSON reader, inert on a terminal).
public enum JSONOutput {
    public static func string(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return OutputPolicy.json(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
