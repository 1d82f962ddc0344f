/// A small seeded random generator for tests, so that a random case is the same on every run and
/// a failure can be replayed from its seed.
///
/// SplitMix64: the state advances by the golden-ratio increment 0x9E3779B97F4A7C15, and each output
/// is the state passed through two xor-shift-multiply rounds:
/// `z = (z ^ (z >> 30)) · 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) · 0x94D049BB133111EB; z ^ (z >> 31)`.
///
/// - Complexity: O(1) a number.
///
/// Reference: Steele, Lea & Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014;
/// the constants are those of Vigna's `splitmix64.c` (https://prng.di.unimi.it/splitmix64.c).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
