// libFuzzer entry point for the LinkedIn archive reader: the zip container (through ZIPFoundation)
// and every LinkedIn file reader on raw bytes (messages.csv, Invitations.csv, recommendations,
// endorsements, the profile files). Linked against the instrumented RapportCSV and
// ZIPFoundation by Tests/Fuzz/build.sh; not part of the package.
//
// The first byte picks the container: even, the rest is one file's bytes (the second byte picks
// which file); odd, the rest is a zip. Besides "no crash, no hang", it checks that every error
// names a line and column of at least 1 inside the fuzz archive, and that every record has a
// location and a key no other record has.

import Foundation
import Rapport
@testable import RapportCSV

/// Small limits so that the fuzzer reaches the bomb paths with short inputs.
private let smallLimits = ArchiveLimits(maxEntries: 64, maxTotalBytes: 1 << 20)

/// Where the zip bytes are written for each run: one file per fuzzing process.
private let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
    "rapport-fuzz-linkedin-\(ProcessInfo.processInfo.processIdentifier).zip"
).path

/// The known file names, to place one file's bytes under.
private let names = [
    "messages.csv", "Invitations.csv", "Recommendations_Received.csv", "Recommendations_Given.csv",
    "Endorsement_Received_Info.csv", "Profile.csv", "Email Addresses.csv", "Positions.csv", "Education.csv",
    "Connections.csv", "Skills.csv",
]

/// Identities the evidence is read from: none (the most-present fallback), by name, by URL.
private let identities = [
    SelfIdentity(),
    SelfIdentity(names: ["Avery Quinn"]),
    SelfIdentity(profileURLs: ["https://www.linkedin.com/in/avery-quinn-0a1b2c"]),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLinkedIn(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let mode = bytes.first else { return 0 }
    let body = Array(bytes.dropFirst())
    let archive: LinkedInArchive
    do {
        if mode % 2 == 0 {
            let selector = body.first.map { Int($0) % names.count } ?? 0
            let file = ArchiveFile(name: names[selector], bytes: Array(body.dropFirst()))
            archive = try LinkedInArchive.read(path: "fuzz.zip", files: [file])
        } else {
            // Through a file, as `rapport import` reads a zip.
            guard FileManager.default.createFile(atPath: scratch, contents: Data(body)) else { return 0 }
            let container = try LinkedInContainer.zipFiles(path: scratch, display: "fuzz.zip", limits: smallLimits)
            archive = try LinkedInArchive.read(path: "fuzz.zip", files: container.files, links: container.links)
        }
    } catch {
        checkError(error)
        return 0
    }
    precondition(Set(archive.readFiles).isDisjoint(with: archive.ignoredFiles), "a file both read and ignored")
    for me in identities + [archive.selfIdentity] {
        do {
            let files = try archive.evidence(for: me)
            var keys: Set<String> = []
            for file in files {
                precondition(file.path.hasPrefix("fuzz.zip/"), "evidence file outside the archive")
                for record in file.records {
                    precondition(record.location.line >= 1 && record.location.column >= 1, "record without a location")
                    precondition(keys.insert(record.key).inserted, "two records share the key \(record.key)")
                    precondition((record.words ?? 0) >= 0, "negative word count")
                }
            }
        } catch {
            checkError(error)
        }
    }
    return 0
}

private func checkError(_ error: ImportError) {
    precondition(error.location.line >= 1 && error.location.column >= 1, "error without a location: \(error)")
    precondition(error.location.path.hasPrefix("fuzz.zip"), "error names another file: \(error)")
}
