#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
/// Loading verifies on a second thread that reads the file again with `pread(2)` (from the page
/// cache) while the main thread decodes it; the load waits for the verdict before returning.
enum SnapshotChecksum {
    /// Bytes of the trailer.
    static let trailerSize = 16
    static let trailerMagic: UInt64 = 0x0031_4352_4350_4152  // "RAPCRC1\0", little-endian

    /// The trailer for a file whose bytes before it have checksum `crc`.
    static func trailer(crc: UInt32) -> [UInt8] {
        var bytes: [UInt8] = []
        withUnsafeBytes(of: crc.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: UInt32(0).littleEndian) { bytes += $0 }
        withUnsafeBytes(of: trailerMagic.littleEndian) { bytes += $0 }
        return bytes
    }

    /// Starts checking the file open at `fd` (`size` bytes) against its trailer on another thread.
    /// `value()` is `nil` when the file is intact, else what is wrong.
    /// - Complexity: O(size) on the other thread, in 1 MiB reads.
    static func verify(fd: Int32, size: Int) -> Background<String?> {
        Background { check(fd: fd, size: size) }
    }

    /// Checks the file open at `fd` (`size` bytes) against its trailer: `nil` when intact.
    /// - Complexity: O(size).
    static func check(fd: Int32, size: Int) -> String? {
        guard size >= trailerSize else { return "no checksum" }
        let payload = size - trailerSize
        var tail = [UInt8](repeating: 0, count: trailerSize)
        guard readFully(fd, at: payload, into: &tail, count: trailerSize) else { return "unreadable" }
        let stored = tail.withUnsafeBytes { raw in
            (
                UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self)),
                UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self)),
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            )
        }
        guard stored.2 == trailerMagic, stored.1 == 0 else { return "no checksum" }
        var crc = CRC32C()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var offset = 0
        while offset < payload {
            let n = min(chunk.count, payload - offset)
            guard readFully(fd, at: offset, into: &chunk, count: n) else { return "unreadable" }
            chunk.withUnsafeBytes { crc.update(UnsafeRawBufferPointer(rebasing: $0[..<n])) }
            offset += n
        }
        return crc.value == stored.0 ? nil : "checksum mismatch"
    }

    /// `pread(2)` of `count` bytes at `offset` into the start of `buffer`; false on error or end of file.
    private static func readFully(_ fd: Int32, at offset: Int, into buffer: inout [UInt8], count: Int) -> Bool {
        var done = 0
        while done < count {
            let n = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return pread(fd, base + done, count - done, off_t(offset + done))
            }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return false }
            done += n
        }
        return true
    }
}
