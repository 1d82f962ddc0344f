/// A value of the TOML subset Rapport reads: numbers, strings, booleans and arrays of them.
public enum TOMLValue: Hashable, Sendable, CustomStringConvertible {
    case integer(Int)
    case float(Double)
    case string(String)
    case boolean(Bool)
    case array([TOMLValue])

    /// The value as a `Double` when it is a number (integer or float), else `nil`.
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .float(let d): return d
        default: return nil
        }
    }

    /// The value as an `Int` when it is an integer (or a float with no fractional part), else `nil`.
    public var intValue: Int? {
        switch self {
        case .integer(let i): return i
        case .float(let d) where d.isFinite && d.rounded() == d && abs(d) < 9.0e15: return Int(d)
        default: return nil
        }
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var boolValue: Bool? {
        if case .boolean(let b) = self { return b }
        return nil
    }

    public var arrayValue: [TOMLValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// A short name of the value's type, for error messages.
    public var typeName: String {
        switch self {
        case .integer: return "integer"
        case .float: return "float"
        case .string: return "string"
        case .boolean: return "boolean"
        case .array: return "array"
        }
    }

    /// The value written back as TOML.
    public var description: String {
        switch self {
        case .integer(let i): return String(i)
        case .float(let d): return String(d)
        case .string(let s):
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case "\r": out += "\\r"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        case .boolean(let b): return b ? "true" : "false"
        case .array(let a): return "[" + a.map(\.description).joined(separator: ", ") + "]"
        }
    }
}

/// A position in a text, 1-based.
public struct TextLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }

    public static func < (lhs: TextLocation, rhs: TextLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// One `key = value` line, with where it was written.
public struct TOMLEntry: Hashable, Sendable {
    public let value: TOMLValue
    /// Where the key starts.
    public let location: TextLocation
}

/// A parsed TOML document: named tables of entries. Keys before the first `[table]` live in the
/// table named `""`. A dotted header `[strength.interactions]` names the table
/// `"strength.interactions"`.
public struct TOMLDocument: Hashable, Sendable {
    /// Entries by table name, then key.
    public private(set) var tables: [String: [String: TOMLEntry]]
    /// Where each table header was written (absent for the root table).
    public private(set) var tableLocations: [String: TextLocation]

    public init() {
        tables = [:]
        tableLocations = [:]
    }

    /// The entries of a table; empty when the table is absent.
    public func table(_ name: String) -> [String: TOMLEntry] { tables[name] ?? [:] }

    mutating func declareTable(_ name: String, at location: TextLocation) throws(ConfigurationError) {
        if tableLocations[name] != nil {
            throw .syntax(location, "table [\(name)] is defined twice")
        }
        tableLocations[name] = location
        if tables[name] == nil { tables[name] = [:] }
    }

    mutating func set(_ key: String, _ value: TOMLValue, in table: String, at location: TextLocation)
        throws(ConfigurationError)
    {
        if tables[table]?[key] != nil {
            throw .syntax(
                location, "key '\(key)' is defined twice in \(table.isEmpty ? "the top level" : "[\(table)]")")
        }
        tables[table, default: [:]][key] = TOMLEntry(value: value, location: location)
    }
}
