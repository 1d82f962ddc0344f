import Foundation
import Rapport

/// A LinkedIn data archive ("Get a copy of your data": `Basic_LinkedInDataExport_MM-DD-YYYY.zip`,
/// or the folder it unzips to), read whole: the connections, the owner's profile, and the evidence
/// of messages, invitations, recommendations and endorsements.
///
/// Every known file is mapped by its header names, never by position (LinkedIn renames and drops
/// columns between export years). Files are found by name at any depth, case, spaces and
/// underscores aside (`Email Addresses.csv` and `Email_Addresses.csv` are one file). Message
/// content, subjects and recommendation texts are counted in words and dropped while reading.
public struct LinkedInArchive: Sendable {
    public var path: String
    /// `Connections.csv`, read by `ContactFile.parse(format: .linkedin)`.
    public var connections: ParsedFile?
    /// The archive's owner.
    public var profile: LinkedInProfile
    /// Names inside the archive that were read.
    public var readFiles: [String]
    /// Every other file found, for the import report. Folders, `__MACOSX/`, `._*` and `.DS_Store`
    /// are skipped silently; symbolic links are listed here and never followed.
    public var ignoredFiles: [String]
    /// The owner as the evidence knows them: the profile's name, `Email Addresses.csv`, and the
    /// owner's profile URL when `Invitations.csv` gives it.
    public var selfIdentity: SelfIdentity

    var messages: LinkedInMessages?
    var invitations: LinkedInInvitations?
    var testimonials: [LinkedInTestimonials] = []

    /// The files this reader knows, by `fileKey`.
    enum Known: String, CaseIterable {
        case connections = "connections.csv", messages = "messages.csv", invitations = "invitations.csv"
        case recommendationsReceived = "recommendationsreceived.csv", recommendationsGiven = "recommendationsgiven.csv"
        case endorsementsReceived = "endorsementreceivedinfo.csv", positions = "positions.csv"
        case education = "education.csv", profile = "profile.csv", emails = "emailaddresses.csv"
    }

    /// The key a file name is matched by: its last component, lowercased, without spaces and underscores.
    static func fileKey(_ name: String) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        return base.lowercased().filter { $0 != " " && $0 != "_" }
    }

    /// Whether `path` is a LinkedIn archive: a `.zip` file (by name or by its `PK` signature), or a
    /// folder holding `Connections.csv` or `messages.csv`.
    /// - Complexity: O(entries of the folder); reads at most 4 bytes of a file.
    public static func isArchive(path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return false }
        if isDirectory.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.contains { [Known.connections.rawValue, Known.messages.rawValue].contains(fileKey($0)) }
        }
        if path.lowercased().hasSuffix(".zip") { return true }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let magic = Array(handle.readData(ofLength: 4))
        return magic == [0x50, 0x4B, 0x03, 0x04] || magic == [0x50, 0x4B, 0x05, 0x06]
    }

    /// Reads every known file of the archive at `path` (a zip, through ZIPFoundation, or a folder).
    ///
    /// Locations inside the archive read `<path>/<name inside>:line:col`
    /// (`Basic_LinkedInDataExport_01-02-2025.zip/messages.csv:12:3`).
    /// - Throws: `ImportError` for the first broken file (unbalanced quote, unreadable date, missing
    ///   required column), or the archive itself (`.invalidArchive`, `.archiveTooLarge`,
    ///   `.unreadableFile`); nothing partial is returned.
    /// - Complexity: O(unpacked bytes).
    public static func read(path: String) throws(ImportError) -> LinkedInArchive {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImportError(.unreadableFile, at: SourceLocation(path: path, line: 1, column: 1))
        }
        let container =
            isDirectory.boolValue
            ? try LinkedInContainer.folderFiles(path: path) : try LinkedInContainer.zipFiles(path: path)
        return try read(path: path, files: container.files, links: container.links)
    }

    /// The archive made of `files` (names inside it, with their bytes); `links` are listed as ignored.
    /// - Throws: as `read(path:)`, and `.invalidArchive` when two files have the same key.
    static func read(path: String, files: [ArchiveFile], links: [String] = []) throws(ImportError) -> LinkedInArchive {
        var archive = LinkedInArchive(
            path: path, connections: nil, profile: LinkedInProfile(), readFiles: [], ignoredFiles: links,
            selfIdentity: SelfIdentity())
        var found: [Known: ArchiveFile] = [:]
        for file in files {
            guard let known = Known(rawValue: fileKey(file.name)) else {
                archive.ignoredFiles.append(file.name)
                continue
            }
            if let earlier = found[known] {
                throw ImportError(
                    .invalidArchive("two files are \(known.rawValue): '\(earlier.name)' and '\(file.name)'"),
                    at: SourceLocation(path: "\(path)/\(file.name)", line: 1, column: 1))
            }
            found[known] = file
        }
        for known in Known.allCases {
            guard let file = found[known] else { continue }
            try archive.read(known, file)
            archive.readFiles.append(file.name)
        }
        archive.readFiles.sort()
        archive.ignoredFiles.sort()
        var identity = SelfIdentity(emails: Set(archive.profile.emails))
        if !archive.profile.fullName.isEmpty { identity.names.insert(archive.profile.fullName) }
        if let url = archive.invitations?.ownProfileURL { identity.profileURLs.insert(url) }
        archive.selfIdentity = identity
        return archive
    }

    private mutating func read(_ known: Known, _ file: ArchiveFile) throws(ImportError) {
        let display = "\(path)/\(file.name)"
        func table(_ name: String, _ required: [[String]]) throws(ImportError) -> LinkedInTable {
            try LinkedInTable(path: display, bytes: file.bytes, file: name, required: required)
        }
        typealias P = LinkedInProfile.Columns
        switch known {
        case .connections:
            connections = try ContactFile.parse(path: display, data: file.bytes, format: .linkedin)
        case .messages: messages = try LinkedInMessages(path: display, bytes: file.bytes)
        case .invitations: invitations = try LinkedInInvitations(path: display, bytes: file.bytes)
        case .recommendationsReceived:
            testimonials.append(
                try LinkedInTestimonials(kind: .recommendationReceived, path: display, bytes: file.bytes))
        case .recommendationsGiven:
            testimonials.append(try LinkedInTestimonials(kind: .recommendationGiven, path: display, bytes: file.bytes))
        case .endorsementsReceived:
            testimonials.append(try LinkedInTestimonials(kind: .endorsementReceived, path: display, bytes: file.bytes))
        case .profile: profile.read(profile: try table("Profile.csv", [P.firstName, P.lastName]))
        case .emails: try profile.read(emails: try table("Email Addresses.csv", [P.email]))
        case .positions: try profile.read(positions: try table("Positions.csv", [P.company]))
        case .education: try profile.read(education: try table("Education.csv", [P.school]))
        }
    }

    /// Every piece of evidence in the archive, seen from `me`: one `EvidenceFile` per source file
    /// present (messages, invitations, recommendations received and given, endorsements), in that order.
    ///
    /// `me` is used as given: merge `selfIdentity` into the workspace's user before calling.
    /// - Throws: nothing for an archive `read` accepted (every cell is checked there); the
    ///   signature is the one all evidence readers share.
    /// - Complexity: O(rows of the evidence files).
    public func evidence(for me: SelfIdentity) throws(ImportError) -> [EvidenceFile] {
        var files: [EvidenceFile] = []
        if let messages { files.append(messages.evidence(for: me)) }
        if let invitations { files.append(invitations.evidence(connections: LinkedInConnectionIndex(connections))) }
        let order: [LinkedInTestimonials.Kind] = [.recommendationReceived, .recommendationGiven, .endorsementReceived]
        for kind in order {
            for file in testimonials where file.kind == kind { files.append(file.evidence()) }
        }
        return files
    }
}
