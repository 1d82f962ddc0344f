import Foundation

/// Source keys for native interactions (rows of `interactions.csv`, the rows a workspace held
/// before keys existed, `rapport log`).
///
/// Evidence sources bring their own keys (a Message-ID, an event UID with its occurrence); a native
/// row has none, so its key is a digest of its fields plus its ordinal among identical rows of its
/// file: re-importing the file finds every key already stored, while two identical rows of one file
/// (two coffees with one person on one day, written the same way) stay two interactions.
extension Interaction {
    /// `native:` + the 16 hex digits of `fieldDigest` + `#` + `ordinal`, e.g.
    /// `native:9f3c0a…e1#1` for the first of a file's identical rows, `#2` for the second.
    ///
    /// - Parameter ordinal: 1 for the first row with these fields in its file, 2 for the next, …
    /// - Complexity: O(length of the fields).
    public func nativeSourceKey(ordinal: Int) -> String {
        let hex = String(fieldDigest, radix: 16)
        return "native:" + String(repeating: "0", count: 16 - hex.count) + hex + "#\(ordinal)"
    }

    /// A source key for an interaction typed with `rapport log`: `log:` and a random UUID. A typed
    /// interaction is never a duplicate of another, so no two share a key.
    public static func loggedSourceKey() -> String {
        "log:" + UUID().uuidString.lowercased()
    }

    /// FNV-1a (64-bit) over the resolved fields — date, person, with, kind, one-on-one, minutes,
    /// rapport, initiator, notes. Numbers (the date as `Day.ordinal`, a text's UTF-8 length) are
    /// fed as 8 little-endian bytes, an optional as a presence byte before its value, a text as
    /// its length then its bytes: no two different field lists give the same byte string.
    ///
    /// h₀ = 0xcbf29ce484222325; for each byte b: h ← (h ⊕ b) · 0x100000001b3 (mod 2⁶⁴).
    /// Two different rows collide with probability about n² / 2⁶⁵ for n rows (under 3·10⁻⁶ for ten
    /// million). Not a cryptographic hash: the key only has to be stable across runs, machines and
    /// Swift versions, which `Hasher` (seeded per process) is not.
    ///
    /// Reference: Fowler, Noll, Vo, "The FNV Non-Cryptographic Hash Algorithm",
    /// draft-eastlake-fnv (IETF); http://www.isthe.com/chongo/tech/comp/fnv/.
    /// - Complexity: O(length of the fields), no allocation.
    public var fieldDigest: UInt64 {
        var hash = FNV1a64()
        func byte(_ b: UInt8) { hash.combine(b) }
        func number(_ n: Int) {
            var rest = UInt64(bitPattern: Int64(n))
            for _ in 0..<8 {
                byte(UInt8(truncatingIfNeeded: rest))
                rest >>= 8
            }
        }
        func optional(_ n: Int?) {
            byte(n == nil ? 0 : 1)
            if let n { number(n) }
        }
        func text(_ s: String) {
            number(s.utf8.count)
            for b in s.utf8 { byte(b) }
        }
        number(Int(date.ordinal))
        text(personID)
        text(withID)
        text(kind.rawValue)
        byte(isOneOnOne ? 1 : 0)
        optional(minutes)
        optional(rapport)
        text(initiatedBy?.rawValue ?? "")
        text(notes)
        return hash.value
    }
}
