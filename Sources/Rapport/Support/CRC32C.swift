internal import CProcessor

/// CRC-32C (Castagnoli), the checksum of iSCSI, ext4 and SCTP, computed 8 bytes at a time.
///
/// The polynomial is 0x1EDC6F41 (reflected 0x82F63B78), initial value and final XOR 0xFFFFFFFF,
/// bits processed least significant first (RFC 3720 §B.4). It detects every burst error up to 32
/// bits, so every single flipped byte, and has a larger minimum distance than zlib's CRC-32 on the
/// lengths that matter here (Castagnoli, Bräuer & Herrmann 1993, doi:10.1109/26.231911).
///
/// No mirrored Swift package provides it and Foundation does not guarantee zlib, so it is written
/// here with the slicing-by-8 method (Kounavis & Berry 2005, "A Systematic Approach to Building High
/// Performance Software-based CRC Generators", doi:10.1109/ISCC.2005.18): eight 256-entry tables,
/// where table `k` holds the CRC of a byte followed by `k` zero bytes, so one 64-bit load and
/// eight lookups advance the remainder by eight bytes.
///
/// On x86-64 processors with SSE 4.2 (all since 2008) `update` uses the CRC32 instruction through
/// the `CProcessor` C target instead, several times faster (measured in Docs/Performance.md); the
/// table-driven code is the portable path and the reference its tests compare with.
///
/// ```
/// var crc = CRC32C()
/// crc.update(Array("123456789".utf8))
/// crc.value  // 0xE3069283
/// ```
public struct CRC32C: Sendable {
    /// The running remainder, before the final XOR.
    private var state: UInt32 = 0xFFFF_FFFF

    public init() {}

    /// The checksum of everything passed to `update` so far.
    public var value: UInt32 { state ^ 0xFFFF_FFFF }

    /// Feeds `bytes` into the checksum.
    /// - Complexity: O(bytes): one table lookup per byte, eight per 64-bit word.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        if CRC32C.hasHardware {
            state = rapport_crc32c_hardware(state, base, bytes.count)
        } else {
            updateWithTables(bytes)
        }
    }

    /// Whether `update` uses the processor's CRC32 instruction.
    public static let hasHardware = rapport_crc32c_has_hardware() != 0

    /// The table-driven update (slicing-by-8), whatever the processor has.
    /// - Complexity: O(bytes): one table lookup per byte, eight per 64-bit word.
    mutating func updateWithTables(_ bytes: UnsafeRawBufferPointer) {
        guard var p = bytes.baseAddress else { return }
        var n = bytes.count
        var crc = state
        CRC32C.tables.withUnsafeBufferPointer { table in
            // A raw pointer: the indices are masked to 0...255 within each table, and a checked
            // subscript costs a third of the speed.
            guard let t = table.baseAddress else { return }
            // Bytes one at a time up to an 8-byte boundary, then words, then the tail.
            while n > 0, Int(bitPattern: p) & 7 != 0 {
                crc = t[Int((crc ^ UInt32(p.load(as: UInt8.self))) & 0xFF)] ^ (crc >> 8)
                p += 1
                n -= 1
            }
            while n >= 8 {
                let word = UInt64(littleEndian: p.load(as: UInt64.self)) ^ UInt64(crc)
                let lo = UInt32(truncatingIfNeeded: word), hi = UInt32(truncatingIfNeeded: word >> 32)
                crc =
                    t[7 * 256 + Int(lo & 0xFF)] ^ t[6 * 256 + Int((lo >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((lo >> 16) & 0xFF)] ^ t[4 * 256 + Int(lo >> 24)]
                    ^ t[3 * 256 + Int(hi & 0xFF)] ^ t[2 * 256 + Int((hi >> 8) & 0xFF)]
                    ^ t[1 * 256 + Int((hi >> 16) & 0xFF)] ^ t[Int(hi >> 24)]
                p += 8
                n -= 8
            }
            while n > 0 {
                crc = t[Int((crc ^ UInt32(p.load(as: UInt8.self))) & 0xFF)] ^ (crc >> 8)
                p += 1
                n -= 1
            }
        }
        state = crc
    }

    /// Feeds `bytes` into the checksum.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The CRC-32C of `bytes`.
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc = CRC32C()
        crc.update(bytes)
        return crc.value
    }

    /// The eight slicing tables, one after another: `tables[k * 256 + b]` is the remainder of byte
    /// `b` followed by `k` zero bytes.
    private static let tables: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 8 * 256)
        for b in 0..<256 {
            var crc = UInt32(b)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
            t[b] = crc
        }
        for k in 1..<8 {
            for b in 0..<256 {
                let previous = t[(k - 1) * 256 + b]
                t[k * 256 + b] = t[Int(previous & 0xFF)] ^ (previous >> 8)
            }
        }
        return t
    }()
}
