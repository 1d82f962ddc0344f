/// Problems with the input of the suggestion engine.
///
/// Messages name positions, keys and line numbers, never a contact's data.
public enum SuggestionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The ego (or a target) is not a node of the snapshot.
    case unknownPerson(Int32)
    /// A per-edge array is malformed (count, NaN, out of range).
    case invalidStrengths(PathError)
    /// A configuration key that `SuggestionConfiguration` does not know.
    case unknownConfigurationKey(String)
    /// A configuration value out of its range.
    case invalidConfigurationValue(key: String, value: Double, expected: String)
    /// A line of a synonym table that is not `alias = canonical`.
    case invalidSynonymLine(line: Int)
    /// A goal flag that `Goal(arguments:)` does not know, or one without its value.
    case invalidGoalFlag(String)
    /// A negative `top`, `perOrganization` or a hop limit below 1.
    case invalidLimit(name: String, value: Int)

    public var description: String {
        switch self {
        case .unknownPerson(let node): return "person \(node) is not in the network"
        case .invalidStrengths(let error): return "invalid tie strengths: \(error.description)"
        case .unknownConfigurationKey(let key): return "unknown [suggest] setting '\(key)'"
        case .invalidConfigurationValue(let key, let value, let expected):
            return "[suggest] setting '\(key)' = \(value) is invalid: expected \(expected)"
        case .invalidSynonymLine(let line): return "synonym table line \(line): expected 'alias = canonical'"
        case .invalidGoalFlag(let flag): return "unknown or incomplete goal flag '\(flag)'"
        case .invalidLimit(let name, let value): return "\(name) must not be \(value)"
        }
    }
}
