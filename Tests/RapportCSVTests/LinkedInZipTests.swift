import Foundation
import Rapport
import Testing
import ZIPFoundation

@testable import RapportCSV

/// The zip container: built here with ZIPFoundation from the fixture folder, it must read exactly
/// as the folder does; broken and hostile zips fail with a clear error.
@Suite struct LinkedInZipTests {
    /// A fresh temporary directory, removed by the caller.
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-linkedin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes a zip of `entries` (deflated); the archive is closed when this returns.
    func writeZip(_ url: URL, _ entries: [(String, Data)]) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (name, data) in entries {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
    }

    /// Zips every file of `folder` (deflated), plus macOS litter and a folder entry, as Finder and
    /// LinkedIn's own zips have; `replacing` swaps a file's bytes.
    func zip(_ folder: URL, to url: URL, replacing: [String: [UInt8]] = [:]) throws {
        let archive = try Archive(url: url, accessMode: .create)
        let names = try #require(FileManager.default.subpaths(atPath: folder.path)).sorted()
        for name in names {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                let none: Provider = { (_: Int64, _: Int) in Data() }
                try archive.addEntry(with: name + "/", type: .directory, uncompressedSize: Int64(0), provider: none)
            } else if let bytes = replacing[name] {
                let data = Data(bytes)
                try archive.addEntry(
                    with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                    provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
            } else {
                try archive.addEntry(with: name, relativeTo: folder, compressionMethod: .deflate)
            }
        }
        let litter = Data("\u{0}\u{5}\u{16}\u{7}Mac OS X".utf8)
        for name in ["__MACOSX/._messages.csv", ".DS_Store"] {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(litter.count),
                provider: { position, size in litter.subdata(in: Int(position)..<Int(position) + size) })
        }
    }

    /// The records with the archive's own path taken out of their locations.
    func comparable(_ files: [EvidenceFile], under root: String) -> [String] {
        var lines: [String] = []
        for file in files {
            let skipped = file.skipped.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            lines.append(String(file.path.dropFirst(root.count)) + " " + skipped.joined(separator: ","))
            for record in file.records {
                let path = String(record.location.path.dropFirst(root.count))
                lines.append(describe(record) + " @ " + path)
            }
        }
        return lines
    }

    @Test func theZipAndTheFolderGiveIdenticalEvidence() throws {
        let folder = try linkedInFixtureFolder()
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let zipURL = directory.appendingPathComponent("\(linkedInFolderName).zip")
        try zip(folder, to: zipURL)
        #expect(LinkedInArchive.isArchive(path: zipURL.path))
        #expect(LinkedInArchive.isArchive(path: folder.path))
        #expect(!LinkedInArchive.isArchive(path: folder.appendingPathComponent("Skills.csv").path))

        let fromZip = try LinkedInArchive.read(path: zipURL.path)
        let fromFolder = try LinkedInArchive.read(path: folder.path)
        #expect(fromZip.readFiles == fromFolder.readFiles)
        // The litter (__MACOSX, .DS_Store) and the folder entry are skipped silently, as in a folder.
        #expect(fromZip.ignoredFiles == fromFolder.ignoredFiles)
        #expect(fromZip.profile == fromFolder.profile)
        #expect(fromZip.selfIdentity == fromFolder.selfIdentity)
        #expect(fromZip.connections?.people.map(\.person) == fromFolder.connections?.people.map(\.person))
        let zipEvidence = try fromZip.evidence(for: fromZip.selfIdentity)
        let folderEvidence = try fromFolder.evidence(for: fromFolder.selfIdentity)
        #expect(zipEvidence.flatMap(\.records).count == 8 + 3 + 1 + 1 + 2)
        #expect(comparable(zipEvidence, under: zipURL.path) == comparable(folderEvidence, under: folder.path))
        // Locations inside the zip read `<zip>/<name>:line:col`.
        #expect(zipEvidence[0].records[0].location.description == "\(zipURL.path)/messages.csv:2:1")
    }

    @Test func aBrokenFileInTheZipNamesItsLineAndColumn() throws {
        let folder = try linkedInFixtureFolder()
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let zipURL = directory.appendingPathComponent("\(linkedInFolderName).zip")
        try zip(folder, to: zipURL, replacing: ["messages.csv": fixture("linkedin/messages-unbalanced.csv")])
        let text = errorText { _ = try LinkedInArchive.read(path: zipURL.path) }
        #expect(text == "\(zipURL.path)/messages.csv:3:56: quoted field opened here is never closed")
    }

    @Test func notAZipAndACorruptEntryAreArchiveErrors() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fake = directory.appendingPathComponent("export.zip")
        try Data("First Name,Last Name\n".utf8).write(to: fake)
        #expect(
            errorText { _ = try LinkedInArchive.read(path: fake.path) }
                == "\(fake.path):1:1: invalid archive: not a zip file (no central directory)")

        // One deflated entry whose compressed bytes are overwritten: the CRC or inflate check fails.
        let zipURL = directory.appendingPathComponent("corrupt.zip")
        try writeZip(
            zipURL, [("messages.csv", Data(String(repeating: "CONVERSATION ID,FROM,DATE\n", count: 200).utf8))])
        var bytes = try [UInt8](Data(contentsOf: zipURL))
        // The local header is 30 bytes plus the 12-byte name; the deflated data follows.
        for i in 42..<52 { bytes[i] ^= 0x5A }
        try Data(bytes).write(to: zipURL)
        let text = try #require(errorText { _ = try LinkedInArchive.read(path: zipURL.path) })
        #expect(text.hasPrefix("\(zipURL.path)/messages.csv:1:1: invalid archive: corrupt entry"))
    }

    /// Found by fuzz-linkedin (issue 17; the fuzzed zip is kept as Tests/Fuzz/seeds/linkedin/
    /// timeout-deflate-past-the-end.bin): a deflate stream that does not end before the end of the
    /// file made ZIPFoundation's extract loop forever. Here the entry's data is a stored deflate
    /// block that promises 65,535 bytes (header 0x01, LEN 0xFFFF, NLEN 0x0000) and holds three.
    @Test(.timeLimit(.minutes(1))) func aDeflateStreamRunningPastItsEntryIsAnErrorNotAHang() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let zipURL = directory.appendingPathComponent("endless.zip")
        // Written stored (method 0), then marked deflated (method 8) in the local and central headers.
        let data = Data([0x01, 0xFF, 0xFF, 0x00, 0x00] + Array("abc".utf8))
        do {
            let archive = try Archive(url: zipURL, accessMode: .create)
            try archive.addEntry(
                with: "messages.csv", type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        var bytes = try [UInt8](Data(contentsOf: zipURL))
        #expect(bytes[0..<4] == [0x50, 0x4B, 0x03, 0x04] && bytes[8] == 0)
        bytes[8] = 8
        let central = try #require((0..<bytes.count - 4).first { bytes[$0..<$0 + 4] == [0x50, 0x4B, 0x01, 0x02] })
        #expect(bytes[central + 10] == 0)
        bytes[central + 10] = 8
        try Data(bytes).write(to: zipURL)
        let text = errorText { _ = try LinkedInArchive.read(path: zipURL.path) }
        let expected = "\(zipURL.path)/messages.csv:1:1: invalid archive: corrupt entry"
        #expect(text == expected + " (the deflate stream runs past the entry's end)")
    }

    /// fuzz-linkedin, session 6 (`seeds/linkedin/timeout-unlocatable-entry.bin`; this fixture is the
    /// zip after its mode byte): ZipLayout could not locate an entry's data, so it went to
    /// ZIPFoundation's `extract`, which never returned. An entry is now read from its own bytes or
    /// refused, never handed to `extract`.
    @Test(.timeLimit(.minutes(1))) func anEntryWhoseDataCannotBeLocatedIsAnErrorNotAHang() throws {
        let path = try #require(
            Bundle.module.url(forResource: "Fixtures/linkedin/unlocatable-entry.zip", withExtension: nil)
        ).path
        let text = try #require(errorText { _ = try LinkedInContainer.zipFiles(path: path, display: "export.zip") })
        #expect(text.hasPrefix("export.zip/"), "\(text)")
        #expect(text.contains(":1:1: invalid archive: corrupt entry ("), "\(text)")
    }

    /// Stored (uncompressed) entries are copied from their own bytes with their CRC-32 checked.
    @Test func storedEntriesAreReadAndTheirChecksumChecked() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let zipURL = directory.appendingPathComponent("stored.zip")
        let data = Data("First Name,Last Name\nZoë,Lefèvre\n".utf8)
        do {
            let archive = try Archive(url: zipURL, accessMode: .create)
            try archive.addEntry(
                with: "Connections.csv", type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        let read = try LinkedInContainer.zipFiles(path: zipURL.path)
        #expect(read.files.map(\.name) == ["Connections.csv"])
        #expect(read.files.first?.bytes == [UInt8](data))
        // One byte of the stored data changed: its CRC no longer matches.
        var bytes = try [UInt8](Data(contentsOf: zipURL))
        let at = try #require((0..<bytes.count - 3).first { bytes[$0..<$0 + 3] == [0x5A, 0x6F, 0xC3] })
        bytes[at] = 0x59
        try Data(bytes).write(to: zipURL)
        let text = errorText { _ = try LinkedInContainer.zipFiles(path: zipURL.path, display: "s.zip") }
        #expect(text == "s.zip/Connections.csv:1:1: invalid archive: corrupt entry (CRC-32 mismatch)")
    }

    @Test func aZipBombStopsAtTheLimit() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let zipURL = directory.appendingPathComponent("bomb.zip")
        // 4 MiB of zeros deflate to a few KiB.
        let zeros = Data(count: 4 << 20)
        try writeZip(zipURL, [("a.csv", zeros), ("b.csv", zeros)])
        #expect(try Data(contentsOf: zipURL).count < 100_000)
        let small = ArchiveLimits(maxEntries: 10, maxTotalBytes: 6 << 20)
        #expect(
            errorText { _ = try LinkedInContainer.zipFiles(path: zipURL.path, display: "bomb.zip", limits: small) }
                == "bomb.zip:1:1: archive too large: unpacks to more than 6291456 bytes")
        let few = ArchiveLimits(maxEntries: 1, maxTotalBytes: 1 << 30)
        #expect(
            errorText { _ = try LinkedInContainer.zipFiles(path: zipURL.path, display: "bomb.zip", limits: few) }
                == "bomb.zip:1:1: archive too large: more than 1 entries")
        // Under the limits the same zip reads: the check is not a refusal of every big file.
        let files = try LinkedInContainer.zipFiles(path: zipURL.path).files
        #expect(files.map(\.name) == ["a.csv", "b.csv"])
        #expect(files.map(\.bytes.count) == [4 << 20, 4 << 20])
    }

    @Test func twoFilesOfOneNameAreAnError() throws {
        let header = Array("CONVERSATION ID,FROM,DATE\n".utf8)
        let files = [
            ArchiveFile(name: "messages.csv", bytes: header),
            ArchiveFile(name: "Complete_LinkedInDataExport_01-02-2025/messages.csv", bytes: header),
        ]
        #expect(
            errorText { _ = try LinkedInArchive.read(path: "export.zip", files: files) }
                == "export.zip/Complete_LinkedInDataExport_01-02-2025/messages.csv:1:1: invalid archive: two files are messages.csv: 'messages.csv' and 'Complete_LinkedInDataExport_01-02-2025/messages.csv'"
        )
    }

    @Test func emptyKnownFilesReadAsNoRows() throws {
        let archive = try LinkedInArchive.read(
            path: "export.zip",
            files: [
                ArchiveFile(name: "Endorsement_Received_Info.csv", bytes: []),
                ArchiveFile(name: "messages.csv", bytes: Array("CONVERSATION ID,FROM,DATE\n".utf8)),
            ])
        let files = try archive.evidence(for: SelfIdentity())
        #expect(files.map(\.records.count) == [0, 0])
        #expect(
            files[1].warnings.map(\.description) == [
                "export.zip/Endorsement_Received_Info.csv:1:1: warning: the file is empty; nothing read"
            ])
    }
}
