import Foundation
import ZIPFoundation

/// Where each entry's compressed bytes lie in a zip, read from its central directory, so that
/// deflated entries are inflated from exactly those bytes.
///
/// Why: ZIPFoundation 0.9.20's `Archive.extract` inflates by reading the file onward until the
/// deflate stream ends; a stream that does not end before the end of the file makes its loop
/// (`Data.decode`) read empty chunks forever. fuzz-linkedin found such a zip (issue 17): `rapport
/// import` hung on it. `inflate(_:of:into:)` feeds ZIPFoundation's public `Data.decompress` the
/// entry's own bytes and stops with an error when they run out.
///
/// Stored entries are copied from their own bytes too: `Archive.extract` is never called, since its
/// stored path reads the file onward the same way (fuzz-linkedin found a zip, session 6, whose
/// entries' local headers are not where the directory says, and `extract` hung on it). Only the
/// classic layout is read (32-bit sizes and offsets); an entry whose bytes cannot be located (zip64,
/// or a damaged directory) has no span and is refused. Complexity: O(size of the central directory).
struct ZipLayout {
    /// One central-directory entry: its name's bytes, compressed size and where its data starts.
    struct Span: Equatable {
        var name: [UInt8]
        var compressedSize: Int
        var dataOffset: Int
    }

    let bytes: [UInt8]
    /// In central-directory order (the order ZIPFoundation lists entries in); nil where unreadable.
    private(set) var spans: [Span?] = []

    /// The bytes are at most a few hundred MB (a LinkedIn export); an unreadable directory leaves
    /// `spans` empty.
    init(bytes: [UInt8]) {
        self.bytes = bytes
        // The end-of-central-directory record: its signature, within the last 22 + 65,535 bytes.
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        guard bytes.count >= 22,
            let end = stride(from: bytes.count - 22, through: lowest, by: -1).first(where: {
                u32($0) == 0x0605_4B50
            })
        else { return }
        let count = u16(end + 10)
        var at = u32(end + 16)
        for _ in 0..<count {
            guard at + 46 <= bytes.count, u32(at) == 0x0201_4B50 else { return }
            let nameLength = u16(at + 28)
            let next = at + 46 + nameLength + u16(at + 30) + u16(at + 32)
            guard next <= bytes.count else { return }
            let compressed = u32(at + 20)
            let local = u32(at + 42)
            var span: Span?
            if compressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF, local + 30 <= bytes.count,
                u32(local) == 0x0403_4B50
            {
                let dataOffset = local + 30 + u16(local + 26) + u16(local + 28)
                if dataOffset + compressed <= bytes.count {
                    let name = Array(bytes[(at + 46)..<(at + 46 + nameLength)])
                    span = Span(name: name, compressedSize: compressed, dataOffset: dataOffset)
                }
            }
            spans.append(span)
            at = next
        }
    }

    /// The span of the `index`-th entry when it is the entry ZIPFoundation listed there.
    func span(_ index: Int, of entry: Entry) -> Span? {
        guard spans.indices.contains(index), let span = spans[index],
            UInt64(span.compressedSize) == entry.compressedSize,
            String(decoding: span.name, as: UTF8.self) == entry.path(using: .utf8)
        else { return nil }
        return span
    }

    /// Inflates the deflated bytes of `span` into `consumer` and checks the CRC-32 against `entry`.
    ///
    /// The bytes go to `Data.decompress` as one chunk of exactly `bufferSize` bytes: its loop tells
    /// zlib that every chunk holds `bufferSize` bytes, so a shorter chunk would be read past its end.
    /// - Throws: `ZipLayoutError` when the stream needs more than the entry's bytes or the CRC
    ///   differs; what `Data.decompress` and `consumer` throw.
    func inflate(_ span: Span, of entry: Entry, into consumer: Consumer) throws {
        guard span.compressedSize > 0 else { throw ZipLayoutError.truncatedStream }
        var given = false
        let crc = try Data.decompress(
            size: Int64(span.compressedSize), bufferSize: span.compressedSize, skipCRC32: false,
            provider: { _, _ in
                guard !given else { throw ZipLayoutError.truncatedStream }
                given = true
                return Data(bytes[span.dataOffset..<(span.dataOffset + span.compressedSize)])
            }, consumer: consumer)
        guard crc == entry.checksum else { throw ZipLayoutError.checksumMismatch }
    }

    /// Copies the bytes of a stored (uncompressed) entry into `consumer` and checks the CRC-32.
    /// - Throws: `ZipLayoutError.checksumMismatch`, `.sizeMismatch` when the directory's sizes
    ///   disagree, and what `consumer` throws.
    func copyStored(_ span: Span, of entry: Entry, into consumer: Consumer) throws {
        guard UInt64(span.compressedSize) == entry.uncompressedSize else { throw ZipLayoutError.sizeMismatch }
        let data = Data(bytes[span.dataOffset..<(span.dataOffset + span.compressedSize)])
        guard data.crc32(checksum: 0) == entry.checksum else { throw ZipLayoutError.checksumMismatch }
        try consumer(data)
    }

    private func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    private func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
}

/// Why an entry inflated by `ZipLayout` is refused.
enum ZipLayoutError: Error, CustomStringConvertible {
    /// The deflate stream needs more bytes than the entry has.
    case truncatedStream
    /// The inflated bytes do not have the CRC-32 the directory gives.
    case checksumMismatch
    /// A stored entry's compressed and uncompressed sizes differ.
    case sizeMismatch
    /// The entry's bytes are not where the directory says (or it is a zip64 entry).
    case unlocatable

    var description: String {
        switch self {
        case .truncatedStream: "the deflate stream runs past the entry's end"
        case .checksumMismatch: "CRC-32 mismatch"
        case .sizeMismatch: "a stored entry whose sizes differ"
        case .unlocatable: "its data is not where the directory says, or it is a zip64 entry"
        }
    }
}
