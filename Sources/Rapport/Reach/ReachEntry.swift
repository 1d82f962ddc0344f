/// What to group the ego's ties by when measuring reach.
public enum ReachGrouping: String, CaseIterable, Sendable, Hashable, Codable {
    /// The person's current organization.
    case organization
    /// Each sector or practice area the person lists.
    case sector
    /// Each school the person lists.
    case school

    /// Parses the CLI spelling: `org`, `organization`, `sector`, `school`.
    public init?(text: some StringProtocol) {
        switch text.lowercased() {
        case "org", "organization", "organisation": self = .organization
        case "sector", "sectors", "practice": self = .sector
        case "school", "schools": self = .school
        default: return nil
        }
    }
}

/// One tie carrying reach: the person at the other end and the tie's strength.
public struct ReachTie: Hashable, Sendable, Codable {
    public let person: Int32
    public let strength: Double
}

/// The ego's reach into one group, with the ties that carry it, strongest first.
public struct ReachEntry: Hashable, Sendable, Codable {
    /// The normalized key of the group (organization key, or folded sector/school name).
    public let key: String
    /// The display name: the first spelling seen.
    public let name: String
    /// `ReachFormula.reach` of `ties`, in [0, 1]: the strongest counts whole, the others with halving weights.
    public let reach: Double
    public let ties: [ReachTie]
}
