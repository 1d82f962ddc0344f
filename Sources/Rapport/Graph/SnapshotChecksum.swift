/// The checksum of a snapshot file: a CRC-32C over every byte before it — the header (magic,
/// version, key) and every section — stored in a 16-byte trailer at the end of the file:
///
/// ```
/// offset size−16: CRC-32C of bytes 0 ..< size−16, UInt32 little-endian
/// offset size−12: 0, UInt32 (reserved, checked)
/// offset size−8:  "RAPCRC1\0", UInt64 little-endian
/// ```
///
/// Every byte of the file is covered (the payload by the CRC, the trailer by being compared), and
/// the format has no padding, so any flipped byte or torn write is caught: CRC-32C detects every
/// burst of up to 32 bits. A mismatch reads as `.corrupt("checksum mismatch")`, and the caller
/// rebuilds the snapshot from the workspace: a damaged cache costs time, never a wrong answer.
///
/// This is the format; reading a file and checking it (on a pool thread, beside the decoding) is
/// the store's part (`RapportStore`'s `SnapshotFile`).
public enum SnapshotChecksum {
    /// Bytes of the trailer.
    public static let trailerSize = 16
    static let trailerMagic: UInt64 = 0x0031_4352_4350_4152  // "RAPCRC1\0", little-endian

    /// The trailer for a file whose bytes before it have checksum `crc`.
    public static func trailer(crc: UInt32) -> [UInt8] {
        var bytes: [UInt8] = []
        withUnsafeBytes(of: crc.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: UInt32(0).littleEndian) { bytes += $0 }
        withUnsafeBytes(of: trailerMagic.littleEndian) { bytes += $0 }
        return bytes
    }

    /// The checksum a trailer stores, or `nil` when `trailer` (its 16 bytes) is not one.
    public static func storedCRC(_ trailer: UnsafeRawBufferPointer) -> UInt32? {
        guard trailer.count == trailerSize else { return nil }
        let crc = UInt32(littleEndian: trailer.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
        let reserved = UInt32(littleEndian: trailer.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
        let magic = UInt64(littleEndian: trailer.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        return magic == trailerMagic && reserved == 0 ? crc : nil
    }

    /// Checks bytes held in memory against their trailer: `nil` when intact, else what is wrong.
    /// - Complexity: O(bytes).
    public static func check(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= trailerSize else { return "no checksum" }
        let payload = bytes.count - trailerSize
        return bytes.withUnsafeBytes { raw -> String? in
            guard let stored = storedCRC(UnsafeRawBufferPointer(rebasing: raw[payload...])) else { return "no checksum" }
            var crc = CRC32C()
            crc.update(UnsafeRawBufferPointer(rebasing: raw[..<payload]))
            return crc.value == stored ? nil : "checksum mismatch"
        }
    }
}
