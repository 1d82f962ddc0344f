/// A problem in a configuration file (`rapport.toml`), located by line and column.
///
/// Messages name keys and sections (the point of the message) but never echo values that could
/// hold personal data, except the offending token of a syntax error.
public enum ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text is not valid in the supported TOML subset.
    case syntax(TextLocation, String)
    /// A key that the section does not define.
    case unknownKey(TextLocation, section: String, key: String, known: [String])
    /// A value of the wrong type or out of its allowed range.
    case invalidValue(TextLocation, section: String, key: String, expected: String)

    /// Where the problem is.
    public var location: TextLocation {
        switch self {
        case .syntax(let l, _), .unknownKey(let l, _, _, _), .invalidValue(let l, _, _, _): return l
        }
    }

    /// `line:column: message`.
    public var description: String {
        switch self {
        case .syntax(let location, let message):
            return "\(location): \(message)"
        case .unknownKey(let location, let section, let key, let known):
            return
                "\(location): unknown key '\(key)' in [\(section)]; known keys: \(known.sorted().joined(separator: ", "))"
        case .invalidValue(let location, let section, let key, let expected):
            return "\(location): '\(key)' in [\(section)] must be \(expected)"
        }
    }
}
