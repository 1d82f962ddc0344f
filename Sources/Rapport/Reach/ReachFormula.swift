/// The one reach formula: how far a set of ties carries the user into a group, dominated by the
/// strongest ties.
///
/// With the strengths sorted descending, s₁ ≥ s₂ ≥ … ≥ sₙ:
///
///     T     = Σ_{k ≥ 2} ρ^(k−1) · s_k                (ρ = `decay` = 1/2)
///     reach = 1 − (1 − s₁) · (1 − T)  =  s₁ + (1 − s₁) · T
///
/// The strongest tie counts whole; each further tie fills part of what is left below 1, with
/// weights ½, ¼, ⅛, … by rank, so the extra ties together add at most s₂ · ρ / (1 − ρ) = s₂ of the
/// remainder. This is an ordered weighted sum (Yager 1988, doi:10.1109/21.87068) inside the
/// noisy-OR of the strongest tie (Pearl 1988), chosen so that quality beats quantity (Granovetter
/// 1973, doi:10.1086/225469):
/// - n ties each below 0.3 give less than 0.3 + 0.7 · 0.3 = 0.51 < 0.6, for every n: no number of
///   acquaintances buys one good relationship (this needs ρ ≤ 0.588);
/// - adding a tie never lowers reach (inserting x at rank j adds x·ρ^(j−1) and shifts the later ties
///   down, which removes at most (1 − ρ) Σ_{k ≥ j} ρ^(k−1) s_k ≤ x·ρ^(j−1));
/// - a second strong tie still adds: two ties at 0.8 give 1 − 0.2 · 0.6 = 0.88.
///
/// Worked example (Docs/Scoring.md §3): ties 0.8, 0.5, 0.1 give T = 0.25 + 0.025 = 0.275 and
/// reach = 1 − 0.2 · 0.725 = 0.855; forty ties at 0.1 give T = 0.1 · (1 − 2⁻³⁹) and reach ≈ 0.19,
/// where the old noisy-OR gave 0.99.
public enum ReachFormula {
    /// The rank weight ratio ρ.
    public static let decay = 0.5

    /// The reach of ties with these strengths (any order), in [0, 1]; 0 for none.
    /// - Complexity: O(n log n) for n ties (a sort).
    public static func reach(_ strengths: [Double]) -> Double {
        reach(sortedDescending: strengths.sorted(by: >))
    }

    /// As `reach(_:)`, for strengths already sorted strongest first.
    /// - Complexity: O(n).
    public static func reach(sortedDescending strengths: [Double]) -> Double {
        guard let first = strengths.first else { return 0 }
        var rest = 0.0
        var weight = decay
        for s in strengths.dropFirst() {
            rest += weight * s
            weight *= decay
            if weight < 1e-18 { break }
        }
        return min(1, max(0, 1 - (1 - first) * (1 - min(1, rest))))
    }

    /// The reach after the tie to one member changes from `old` (0 when there was none) to `new`:
    /// `others` are the strengths of the ego's other ties into the group, sorted strongest first.
    /// - Complexity: O(n).
    public static func reach(sortedOthers others: [Double], adding strength: Double) -> Double {
        guard strength > 0 else { return reach(sortedDescending: others) }
        var merged: [Double] = []
        merged.reserveCapacity(others.count + 1)
        var placed = false
        for s in others {
            if !placed, strength >= s {
                merged.append(strength)
                placed = true
            }
            merged.append(s)
        }
        if !placed { merged.append(strength) }
        return reach(sortedDescending: merged)
    }
}
