/// A precondition of scoring that a caller broke.
public enum ScoringError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A person index outside the snapshot.
    case unknownPerson(Int32)
    /// A strength that is NaN or outside (0, 1].
    case invalidStrength(Double)
    /// The ego was asked about a tie to themselves.
    case egoIsCandidate(Int32)

    public var description: String {
        switch self {
        case .unknownPerson(let i): return "no person has index \(i) in this network"
        case .invalidStrength(let s): return "a strength must be greater than 0 and at most 1, not \(s)"
        case .egoIsCandidate(let i): return "person \(i) is the ego; a tie to oneself has no reach"
        }
    }
}
