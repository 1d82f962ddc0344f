/// A place in an input file: path, 1-based line and 1-based column.
///
/// Columns count Unicode scalars from the start of the line (a tab or an accented letter is one).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:column`.
    public var description: String { "\(path):\(line):\(column)" }
}

/// Why an import stopped. The single error type of `RapportCSV`.
///
/// `description` is exactly `path:line:column: message`. Messages name input values only where
/// the message's point is to name them (an unknown reference, an unreadable date or kind).
public struct ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var reason: Reason

    public init(_ reason: Reason, at location: SourceLocation) {
        self.reason = reason
        self.location = location
    }

    public var description: String { "\(location): \(reason)" }

    /// The pattern-matchable cause of an `ImportError`.
    public enum Reason: Hashable, Sendable, CustomStringConvertible {
        /// The file does not exist or cannot be read.
        case unreadableFile
        /// A NUL byte: the file is not text.
        case binaryData
        /// NUL bytes at every other position: UTF-16 without a byte-order mark.
        case utf16WithoutBOM
        /// A UTF-16 file with an unpaired surrogate or an odd byte count.
        case invalidUTF16
        /// A quoted field that never closes; the location is where it opened.
        case unbalancedQuote
        /// A quoted field that runs over a line that reads as a record of its own (see
        /// `RunawayQuote`); the location is where it opened.
        case runawayQuote(swallowedLine: Int)
        case fieldTooLarge(limit: Int)
        case tooManyColumns(limit: Int)
        case tooManyRows(limit: Int)
        /// The file holds no row at all (empty, or only blank lines).
        case noHeaderRow
        /// No known header was found; `header` is the first row that could have been one.
        case unknownFormat(header: [String], known: [String])
        case missingColumn(String, format: String)
        case unreadableDate(String, tried: [String])
        case unreadableBoolean(column: String, value: String)
        case unreadableNumber(column: String, value: String, allowed: String)
        case unknownValue(column: String, value: String, allowed: [String])
        case emptyReference(column: String)
        case unknownPerson(String)
        case ambiguousPerson(String, candidates: [String])
        case selfReference(column: String)
        /// An introduction whose introducer, person and `to` are not three different people.
        case selfIntroduction(column: String, sameAs: String)
        case invalidMapping(String)
        case invalidVCard(String)
        /// An evidence source (a mailbox, a calendar) needs the user's own address to tell their
        /// side from the other, and neither the workspace nor the file gives one.
        case needsYourEmail(source: String)
        /// Evidence of a kind this build has no reader for (`--format`).
        case noReader(String)
        /// A LinkedIn data archive that cannot be read: not a zip, a corrupt entry, two files of
        /// one name; the text says which.
        case invalidArchive(String)
        /// An archive past a size or entry-count limit (a zip bomb, or not a LinkedIn export).
        case archiveTooLarge(String)
        /// A mailbox file that does not start with an mbox "From " line.
        case notAMailbox
        /// A message's header block larger than `limit` bytes; the location is its "From " line.
        case mailHeaderTooLarge(limit: Int)
        /// A calendar file (`.ics`) that breaks RFC 5545's structure: a BEGIN without its END, a
        /// VEVENT without DTSTART or UID, a content line or an event count over the reader's limits.
        case invalidCalendar(String)

        public var description: String {
            switch self {
            case .unreadableFile: return "cannot read the file (missing, a directory, or no permission)"
            case .binaryData: return "binary data (a NUL byte); expected a text file"
            case .utf16WithoutBOM: return "looks like UTF-16 without a byte-order mark; save it as UTF-8"
            case .invalidUTF16: return "invalid UTF-16 text"
            case .unbalancedQuote: return "quoted field opened here is never closed"
            case .runawayQuote(let line): return RunawayQuote.message(swallowedLine: line)
            case .fieldTooLarge(let limit): return "field larger than the limit of \(limit) bytes"
            case .tooManyColumns(let limit): return "row has more than the limit of \(limit) columns"
            case .tooManyRows(let limit): return "file has more than the limit of \(limit) rows"
            case .noHeaderRow: return "no header row (the file is empty or holds only blank lines)"
            case .unknownFormat(let header, let known):
                // At most 12 cells of at most 40 characters: a garbage "header" stays one readable line.
                let cells = header.prefix(12).map { $0.count > 40 ? $0.prefix(40) + "…" : $0 }
                let seen = cells.joined(separator: ",") + (header.count > 12 ? ",…" : "")
                return
                    "unknown format: header '\(seen)' matches none of the known formats (\(known.joined(separator: ", "))); use --format or --map"
            case .missingColumn(let name, let format):
                return "missing required column '\(name)' for the \(format) format"
            case .unreadableDate(let value, let tried):
                return "unreadable date '\(value)'; tried \(tried.joined(separator: ", "))"
            case .unreadableBoolean(let column, let value):
                return "\(column): '\(value)' is not a boolean; use true/false, yes/no or 1/0"
            case .unreadableNumber(let column, let value, let allowed):
                return "\(column): '\(value)' is not \(allowed)"
            case .unknownValue(let column, let value, let allowed):
                return "\(column): unknown value '\(value)'; allowed: \(allowed.joined(separator: ", "))"
            case .emptyReference(let column): return "\(column) is empty; it must name a person"
            case .unknownPerson(let reference): return "no person matches '\(reference)'"
            case .ambiguousPerson(let reference, let candidates):
                return
                    "'\(reference)' matches \(candidates.count) people: \(candidates.joined(separator: ", ")); use an id or email"
            case .selfReference(let column): return "\(column) names the same person as the other side"
            case .selfIntroduction(let column, let other):
                return "\(column) names the same person as \(other); an introduction needs three different people"
            case .invalidMapping(let message): return "invalid column mapping: \(message)"
            case .invalidVCard(let message): return "invalid vCard: \(message)"
            case .needsYourEmail(let source):
                return
                    "the \(source) needs your own e-mail address to tell your side from theirs, and neither the workspace nor the file gives one; give it with --my-email ADDRESS (repeatable), which also stores it"
            case .noReader(let kind): return "this build of rapport has no \(kind) reader"
            case .invalidArchive(let message): return "invalid archive: \(message)"
            case .archiveTooLarge(let message): return "archive too large: \(message)"
            case .notAMailbox:
                return "not an mbox file: the first line does not start with \"From \" (export the mailbox as mbox, e.g. Gmail Takeout or Thunderbird's ImportExportTools)"
            case .mailHeaderTooLarge(let limit):
                return "message header block larger than the limit of \(limit) bytes (no blank line ends it)"
            case .invalidCalendar(let message): return "invalid calendar: \(message)"
            }
        }
    }
}

/// A problem the import recovered from (a ragged row, an unknown column), shown after the import.
public struct ImportWarning: Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }

    /// `path:line:column: warning: message`.
    public var description: String { "\(location): warning: \(message)" }
}
