import Foundation
import Rapport

/// The kinds of evidence an import reads besides contact and network files.
public enum EvidenceFormat: String, CaseIterable, Sendable, Hashable, CustomStringConvertible {
    /// A LinkedIn data archive: the `.zip` LinkedIn sends, or the folder it unzips to.
    case linkedinArchive = "linkedin-archive"
    /// A calendar export (RFC 5545).
    case ics
    /// A mailbox export (mboxrd / mboxo).
    case mbox

    public var description: String { rawValue }

    /// What the user would call it, for messages.
    var noun: String {
        switch self {
        case .linkedinArchive: return "LinkedIn archive"
        case .ics: return "calendar"
        case .mbox: return "mailbox"
        }
    }
}

/// A LinkedIn archive opened, before its evidence is read (which needs the user's identity,
/// completed by the archive's own Profile.csv and Email Addresses.csv).
public struct OpenedArchive: Sendable {
    public var path: String
    /// Connections.csv, read as a LinkedIn contact export.
    public var connections: ParsedFile?
    public var profile: OwnProfile
    public var selfIdentity: SelfIdentity
    /// Files of the archive found and not read.
    public var ignoredFiles: [String]
    /// Reads messages, invitations, recommendations and endorsements for this user.
    public var evidence: @Sendable (SelfIdentity) throws(ImportError) -> [EvidenceFile]

    public init(
        path: String, connections: ParsedFile?, profile: OwnProfile, selfIdentity: SelfIdentity, ignoredFiles: [String],
        evidence: @escaping @Sendable (SelfIdentity) throws(ImportError) -> [EvidenceFile]
    ) {
        self.path = path
        self.connections = connections
        self.profile = profile
        self.selfIdentity = selfIdentity
        self.ignoredFiles = ignoredFiles
        self.evidence = evidence
    }
}

/// The evidence readers an import routes to, as functions: the routing (`EvidenceSources`) only
/// ever calls these, so tests drive it with readers of their own. A reader left `nil` is one this
/// build does not have: detection passes over it, and forcing its `--format` is an error.
public struct EvidenceReaders: Sendable {
    /// Whether the folder or file at a path is a LinkedIn archive.
    public var isArchive: (@Sendable (String) -> Bool)?
    public var openArchive: (@Sendable (String) throws(ImportError) -> OpenedArchive)?
    /// Whether a file's first bytes are a calendar.
    public var looksLikeCalendar: (@Sendable ([UInt8]) -> Bool)?
    /// The evidence of a calendar file (path, bytes) for the user, recurrences expanded up to a day.
    public var calendar: (@Sendable (String, [UInt8], SelfIdentity, Day) throws(ImportError) -> EvidenceFile)?
    /// Whether a file's first bytes are a mailbox.
    public var looksLikeMailbox: (@Sendable ([UInt8]) -> Bool)?
    /// The evidence of the mailbox at a path (the reader maps the file itself) for the user.
    public var mailbox: (@Sendable (String, SelfIdentity) throws(ImportError) -> EvidenceFile)?

    public init(
        isArchive: (@Sendable (String) -> Bool)? = nil,
        openArchive: (@Sendable (String) throws(ImportError) -> OpenedArchive)? = nil,
        looksLikeCalendar: (@Sendable ([UInt8]) -> Bool)? = nil,
        calendar: (@Sendable (String, [UInt8], SelfIdentity, Day) throws(ImportError) -> EvidenceFile)? = nil,
        looksLikeMailbox: (@Sendable ([UInt8]) -> Bool)? = nil,
        mailbox: (@Sendable (String, SelfIdentity) throws(ImportError) -> EvidenceFile)? = nil
    ) {
        self.isArchive = isArchive
        self.openArchive = openArchive
        self.looksLikeCalendar = looksLikeCalendar
        self.calendar = calendar
        self.looksLikeMailbox = looksLikeMailbox
        self.mailbox = mailbox
    }

    /// Whether this build reads `format`.
    public func reads(_ format: EvidenceFormat) -> Bool {
        switch format {
        case .linkedinArchive: return openArchive != nil
        case .ics: return calendar != nil
        case .mbox: return mailbox != nil
        }
    }
}

/// Routes an import's inputs: which are evidence, and what the evidence says.
public enum EvidenceSources {
    /// The evidence format of the input at `path`, or `nil` for a contact or network file.
    ///
    /// `forced` (`--format`) wins. Otherwise a folder or a `.zip` the archive reader accepts is a
    /// LinkedIn archive; a `.ics` name or calendar content (`BEGIN:VCALENDAR`) is a calendar; a
    /// `.mbox` name or mailbox content (a `From ` line) is a mailbox, each as the readers detect it.
    ///
    /// - Parameters:
    ///   - prefix: the file's first bytes (empty for a folder).
    ///   - isDirectory: whether `path` is a folder.
    /// - Throws: `.noReader` when `forced` names a reader this build lacks; `.unreadableFile` for
    ///   a folder that is not a LinkedIn archive.
    /// - Complexity: O(prefix) plus the readers' detection.
    public static func format(
        of path: String, prefix: [UInt8], isDirectory: Bool, forced: EvidenceFormat?, readers: EvidenceReaders
    ) throws(ImportError) -> EvidenceFormat? {
        let start = SourceLocation(path: path, line: 1, column: 1)
        if let forced {
            guard readers.reads(forced) else { throw ImportError(.noReader(forced.noun), at: start) }
            return forced
        }
        let name = path.lowercased()
        if isDirectory || name.hasSuffix(".zip") || prefix.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            if let isArchive = readers.isArchive, isArchive(path) { return .linkedinArchive }
            if isDirectory { throw ImportError(.unreadableFile, at: start) }
            throw ImportError(.noReader("zip archive (other than a LinkedIn data archive)"), at: start)
        }
        if readers.calendar != nil, name.hasSuffix(".ics") || readers.looksLikeCalendar?(prefix) == true { return .ics }
        if readers.mailbox != nil, name.hasSuffix(".mbox") || readers.looksLikeMailbox?(prefix) == true { return .mbox }
        return nil
    }

    /// An evidence input: its path, format, and for a calendar its bytes.
    public typealias Input = (path: String, format: EvidenceFormat, bytes: [UInt8]?)

    /// Splits an import's paths into evidence inputs and the others (contact and network files,
    /// JSON documents), keeping argument order in each. Reads the first 64 KiB of each file to
    /// detect it, and a calendar whole (the calendar reader parses bytes; the mailbox reader maps
    /// its file itself, and an archive is opened by its reader).
    /// - Throws: `.unreadableFile` for a path that does not exist; as `format(of:…)`.
    /// - Complexity: O(files · 64 KiB) plus the calendars' size.
    public static func classify(_ paths: [String], forced: EvidenceFormat?, readers: EvidenceReaders)
        throws(ImportError)
        -> (evidence: [Input], others: [String])
    {
        var evidence: [Input] = [], others: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ImportError(.unreadableFile, at: SourceLocation(path: path, line: 1, column: 1))
            }
            var prefix: [UInt8] = []
            if !isDirectory.boolValue {
                guard let handle = FileHandle(forReadingAtPath: path) else {
                    throw ImportError(.unreadableFile, at: SourceLocation(path: path, line: 1, column: 1))
                }
                prefix = [UInt8]((try? handle.read(upToCount: 1 << 16)) ?? Data())
                try? handle.close()
            }
            guard
                let format = try format(
                    of: path, prefix: prefix, isDirectory: isDirectory.boolValue, forced: forced, readers: readers)
            else {
                others.append(path)
                continue
            }
            var bytes: [UInt8]?
            if format == .ics {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw ImportError(.unreadableFile, at: SourceLocation(path: path, line: 1, column: 1))
                }
                bytes = [UInt8](data)
            }
            evidence.append((path, format, bytes))
        }
        return (evidence, others)
    }

    /// What the evidence inputs give an import.
    public struct Reading: Sendable {
        /// Connections.csv of each archive, to merge with the other contact files.
        public var contactFiles: [ParsedFile] = []
        public var evidence = EvidenceInput()
        /// Who the user is, as the readers were told.
        public var identity = SelfIdentity()
    }

    /// Reads every evidence input: archives first, whose own profile and addresses complete the
    /// user's identity (`Importer.selfIdentity`), then each source's evidence for that identity.
    ///
    /// - Parameters:
    ///   - inputs: path and format of each evidence input, in argument order; `bytes` gives a
    ///     calendar's contents (read by the caller), `nil` for the others.
    ///   - existing: the workspace, for the user's `me`.
    ///   - myEmails: `--my-email` addresses.
    ///   - asOf: the day recurring events are expanded up to.
    /// - Throws: the readers' `ImportError`s; `.needsYourEmail` for a mailbox when nothing gives
    ///   the user's address.
    /// - Complexity: the readers' cost.
    public static func read(
        _ inputs: [Input], existing: NetworkData, myEmails: [String],
        asOf: Day, readers: EvidenceReaders
    ) throws(ImportError) -> Reading {
        var reading = Reading()
        var archives: [OpenedArchive] = []
        var archiveIdentity = SelfIdentity()
        for input in inputs where input.format == .linkedinArchive {
            let archive = try reader(readers.openArchive, input)(input.path)
            archives.append(archive)
            archiveIdentity.emails.formUnion(archive.selfIdentity.emails)
            archiveIdentity.names.formUnion(archive.selfIdentity.names)
            archiveIdentity.profileURLs.formUnion(archive.selfIdentity.profileURLs)
            if let connections = archive.connections { reading.contactFiles.append(connections) }
            if reading.evidence.profile == nil { reading.evidence.profile = archive.profile }
            reading.evidence.ignoredFiles += archive.ignoredFiles.map { archive.path + "/" + $0 }
        }
        var profileEmails = reading.evidence.profile?.emails ?? []
        profileEmails += myEmails
        let identity = Importer.selfIdentity(of: existing, adding: archiveIdentity, emails: profileEmails)
        reading.identity = identity
        reading.evidence.myEmails = myEmails
        var archiveIndex = 0
        for input in inputs {
            switch input.format {
            case .linkedinArchive:
                reading.evidence.files += try archives[archiveIndex].evidence(identity)
                archiveIndex += 1
            case .ics:
                let read = try reader(readers.calendar, input)
                reading.evidence.files.append(try read(input.path, input.bytes ?? [], identity, asOf))
            case .mbox:
                // With no address of the user's, the reader falls back on the messages labelled
                // Sent, and throws `.needsYourEmail` when there are none.
                let read = try reader(readers.mailbox, input)
                reading.evidence.files.append(try read(input.path, identity))
            }
        }
        return reading
    }

    /// `reader`, or `.noReader` at the input's first line.
    private static func reader<T>(_ reader: T?, _ input: Input)
        throws(ImportError) -> T
    {
        guard let reader else {
            throw ImportError(.noReader(input.format.noun), at: SourceLocation(path: input.path, line: 1, column: 1))
        }
        return reader
    }
}
