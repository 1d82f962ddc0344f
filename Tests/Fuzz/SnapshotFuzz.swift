// libFuzzer entry point for the snapshot decoder (`NetworkSnapshot(snapshotBytes:key:)`, the same
// decoding and checksum verdicts as the store's file reader, without a file).
// Built by Tests/Fuzz/build.sh against the instrumented libRapport; not part of the package.
//
// The input is decoded with the key its own header names, so the fuzzer gets past the "stale"
// check. When the last byte is even (as in a real file, whose trailer ends in 0), the CRC-32C
// trailer (the last 16 bytes, see Sources/Rapport/Graph/SnapshotChecksum.swift) is recomputed first,
// so that damaged sections reach the decoder's own checks instead of stopping at the checksum; an
// odd last byte leaves the input as it is. An accepted snapshot is then walked whole.

import Foundation
import Rapport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshot(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if bytes.count > 16, bytes[bytes.count - 1] & 1 == 0 {
        let payload = bytes.count - 16
        let crc = CRC32C.checksum(Array(bytes[..<payload]))
        for i in 0..<4 { bytes[payload + i] = UInt8(truncatingIfNeeded: crc >> (8 * UInt32(i))) }
        for i in 4..<8 { bytes[payload + i] = 0 }
        for (i, b) in "RAPCRC1\0".utf8.enumerated() { bytes[payload + 8 + i] = b }
    }
    // The header's key: bytes 16..<24 its length, then its UTF-8 (nothing to find: any key).
    var key = ""
    if bytes.count >= 24 {
        let length = bytes[16..<24].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        if length >= 0, length <= bytes.count - 24 { key = String(decoding: bytes[24..<(24 + length)], as: UTF8.self) }
    }
    do {
        let snapshot = try NetworkSnapshot(snapshotBytes: bytes, key: key)
        // Everything an accepted file holds is in range: walk people, ties and their strengths.
        _ = Array(snapshot.people)
        _ = Array(snapshot.ties)
        _ = StrengthModel(configuration: .default).strengths(in: snapshot, asOf: Day(ordinal: 739_000))
    } catch {
        precondition(!error.description.isEmpty)
    }
    return 0
}
