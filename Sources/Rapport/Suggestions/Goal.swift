/// What the user is looking for: sectors or practice areas, keywords, organizations, locations and
/// seniority, each with a weight.
///
/// Matching is case-insensitive and tolerant of plurals and punctuation, through `SynonymTable`
/// ("IP" matches "intellectual property"). An empty goal is neutral: every candidate has relevance 1.
///
/// JSON form (every field optional, unknown fields rejected):
///
///     {"sectors": ["intellectual property"], "keywords": ["patent"], "organizations": ["Wilson LLP"],
///      "locations": ["Washington"], "seniority": ["partner"], "weights": {"sectors": 2}}
public struct Goal: Hashable, Sendable, Codable {
    public var sectors: [String]
    public var keywords: [String]
    public var organizations: [String]
    public var locations: [String]
    /// Title words the user wants to reach, such as "partner" or "general counsel".
    public var seniority: [String]
    public var weights: Weights

    /// How much each kind of match counts in relevance.
    public struct Weights: Hashable, Sendable, Codable {
        public var sectors = 1.0
        public var keywords = 1.0
        public var organizations = 1.0
        public var locations = 0.5
        public var seniority = 0.5

        public static let `default` = Weights()

        public init(
            sectors: Double = 1, keywords: Double = 1, organizations: Double = 1, locations: Double = 0.5,
            seniority: Double = 0.5
        ) {
            self.sectors = sectors
            self.keywords = keywords
            self.organizations = organizations
            self.locations = locations
            self.seniority = seniority
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case sectors, keywords, organizations, locations, seniority }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: AnyKey.self)
            try Goal.rejectUnknownKeys(in: c, allowed: CodingKeys.allCases.map(\.rawValue))
            func read(_ key: CodingKeys, _ fallback: Double) throws -> Double {
                guard let value = try c.decodeIfPresent(Double.self, forKey: AnyKey(key.rawValue)) else {
                    return fallback
                }
                guard value >= 0, value.isFinite else {
                    throw DecodingError.dataCorruptedError(
                        forKey: AnyKey(key.rawValue), in: c, debugDescription: "a weight must be a finite number >= 0")
                }
                return value
            }
            self.init(
                sectors: try read(.sectors, 1), keywords: try read(.keywords, 1),
                organizations: try read(.organizations, 1),
                locations: try read(.locations, 0.5), seniority: try read(.seniority, 0.5))
        }
    }

    public init(
        sectors: [String] = [], keywords: [String] = [], organizations: [String] = [], locations: [String] = [],
        seniority: [String] = [], weights: Weights = .default
    ) {
        self.sectors = sectors
        self.keywords = keywords
        self.organizations = organizations
        self.locations = locations
        self.seniority = seniority
        self.weights = weights
    }

    /// No criteria at all: relevance is neutral.
    public var isEmpty: Bool {
        sectors.isEmpty && keywords.isEmpty && organizations.isEmpty && locations.isEmpty && seniority.isEmpty
    }

    /// Parses command-line goal flags: `--sector X`, `--keyword X`, `--org X` (or
    /// `--organization`), `--location X`, `--seniority X`, each repeatable, also as `--flag=X`.
    /// Values are taken whole (organization names may contain commas).
    /// - Throws: `SuggestionError.invalidGoalFlag` for any other argument or a flag without a value.
    public init(arguments: [String]) throws(SuggestionError) {
        self.init()
        var i = 0
        while i < arguments.count {
            var flag = arguments[i]
            var value: String?
            if let equals = flag.firstIndex(of: "="), flag.hasPrefix("--") {
                value = String(flag[flag.index(after: equals)...])
                flag = String(flag[..<equals])
            } else if i + 1 < arguments.count {
                i += 1
                value = arguments[i]
            }
            guard let value, !value.isEmpty else { throw .invalidGoalFlag(flag) }
            switch flag {
            case "--sector": sectors.append(value)
            case "--keyword": keywords.append(value)
            case "--org", "--organization": organizations.append(value)
            case "--location": locations.append(value)
            case "--seniority": seniority.append(value)
            default: throw .invalidGoalFlag(flag)
            }
            i += 1
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case sectors, keywords, organizations, locations, seniority, weights
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        try Self.rejectUnknownKeys(in: c, allowed: CodingKeys.allCases.map(\.rawValue))
        func list(_ key: CodingKeys) throws -> [String] {
            try c.decodeIfPresent([String].self, forKey: AnyKey(key.rawValue)) ?? []
        }
        self.init(
            sectors: try list(.sectors), keywords: try list(.keywords), organizations: try list(.organizations),
            locations: try list(.locations), seniority: try list(.seniority),
            weights: try c.decodeIfPresent(Weights.self, forKey: AnyKey("weights")) ?? .default)
    }

    static func rejectUnknownKeys(in container: KeyedDecodingContainer<AnyKey>, allowed: [String]) throws {
        for key in container.allKeys where !allowed.contains(key.stringValue) {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "unknown goal field '\(key.stringValue)'")
        }
    }
}

/// A coding key for any string, used to reject unknown fields.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
