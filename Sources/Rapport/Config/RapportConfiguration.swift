/// The contents of a `rapport.toml`: the strength model's weights, plus raw access to the other
/// sections (`[suggest]`, …) so that each module can read and validate its own.
///
/// ```toml
/// [strength]
/// half_life_days = 120      # forget faster
///
/// [strength.interactions]
/// event = 0.05
/// ```
public struct RapportConfiguration: Hashable, Sendable {
    /// The relationship-strength weights (`[strength]`, `[strength.interactions]`, `[strength.ties]`,
    /// `[strength.sources]`).
    public var strength: StrengthConfiguration
    /// The whole parsed document, for sections other modules own.
    public let document: TOMLDocument

    /// Every default, and an empty document.
    public static let `default` = RapportConfiguration(strength: .default, document: TOMLDocument())

    public init(strength: StrengthConfiguration = .default, document: TOMLDocument = TOMLDocument()) {
        self.strength = strength
        self.document = document
    }

    /// Parses a `rapport.toml`. Absent keys keep their defaults; sections other than the strength
    /// ones are kept unvalidated for their owners (`section(_:)`).
    /// - Throws: `ConfigurationError` with `line:column` for syntax errors, unknown strength keys
    ///   (the message lists the known ones) and values out of range.
    /// - Complexity: O(n) in the length of the text.
    public init(toml text: String) throws(ConfigurationError) {
        let document = try TOMLParser.parse(text)
        self.document = document
        self.strength = try StrengthConfiguration(document: document)
    }

    /// The values of one section (`"suggest"`, or a dotted name such as `"strength.ties"`); empty
    /// when the file does not have it.
    public func section(_ name: String) -> [String: TOMLValue] {
        document.table(name).mapValues(\.value)
    }

    /// The entries of one section with their locations, so that a section's owner can report
    /// `line:column` for a bad value (see `ConfigurationError.invalidValue`).
    public func entries(of name: String) -> [String: TOMLEntry] { document.table(name) }

    /// Names of every section in the file, sorted.
    public var sectionNames: [String] { document.tables.keys.sorted() }
}
