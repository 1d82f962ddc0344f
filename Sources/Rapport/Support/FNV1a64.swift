/// FNV-1a, 64 bits (Fowler, Noll, Vo, "The FNV Non-Cryptographic Hash Algorithm",
/// draft-eastlake-fnv): h₀ = 0xcbf29ce484222325; for each byte b, h ← (h ⊕ b) · 0x100000001b3
/// (mod 2⁶⁴). Stable across runs, machines and Swift versions, which `Hasher` (seeded per process)
/// is not: the one hash of Rapport's dedupe keys, calendar UIDs and cache names. Not cryptographic.
public struct FNV1a64: Sendable {
    /// The hash of the bytes combined so far.
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// - Complexity: O(1).
    public mutating func combine(_ byte: UInt8) { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }

    /// - Complexity: O(n).
    public mutating func combine(_ bytes: some Sequence<UInt8>) { for b in bytes { combine(b) } }

    /// `value` as 16 lowercase hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The 16 hex digits of the hash of `bytes`.
    /// - Complexity: O(n).
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var h = FNV1a64()
        h.combine(bytes)
        return h.hex
    }
}
