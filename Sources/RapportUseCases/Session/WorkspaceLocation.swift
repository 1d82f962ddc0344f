import Foundation
import Rapport
import RapportStore

/// Where a workspace is, and the files a user may keep beside it: `rapport.toml`, `synonyms.txt`,
/// `questions.txt` and `templates/*.mustache`.
public struct WorkspaceLocation: Sendable {
    /// The workspace file.
    public var path: String
    /// Whether messages may name contacts (`--verbose`).
    public var verbose: Bool

    public init(path: String, verbose: Bool = false) {
        self.path = path
        self.verbose = verbose
    }

    /// `explicit` (a `--db` value), then `RAPPORT_DB`, then `rapport.db` in the current folder.
    public init(explicit: String?, verbose: Bool = false) {
        if let explicit, !explicit.isEmpty {
            self.init(path: explicit, verbose: verbose)
        } else if let env = ProcessInfo.processInfo.environment["RAPPORT_DB"], !env.isEmpty {
            self.init(path: env, verbose: verbose)
        } else {
            self.init(path: Workspace.defaultFileName, verbose: verbose)
        }
    }

    /// The folder that holds the workspace file (`.` for a bare file name).
    public var folder: String {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return folder.isEmpty ? "." : folder
    }

    /// The snapshot cache beside the workspace.
    public var snapshotPath: String { path + "-snapshot" }

    /// `rapport.toml` beside the workspace.
    public var configurationPath: String { folder + "/rapport.toml" }

    public func open() throws -> Workspace { try Workspace.open(at: path) }

    /// The text of `relative` beside the workspace, or nil when there is no such file.
    /// - Throws: `UseCaseError.badInput` when it exists and cannot be read.
    public func text(_ relative: String) throws -> (path: String, text: String)? {
        let path = folder + "/" + relative
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UseCaseError.badInput("\(path): cannot read the file")
        }
        return (path, String(decoding: data, as: UTF8.self))
    }

    /// `templates/NAME.mustache` beside the workspace, else the default text.
    public func template(_ name: String, fallback: String) throws -> DraftTemplate {
        if let file = try text("templates/\(name).mustache") {
            return try DraftTemplate(name: file.path, text: file.text)
        }
        return try DraftTemplate(name: "default \(name) template", text: fallback)
    }

    /// `questions.txt` beside the workspace, else the standard bank.
    public func questionBank() throws -> QuestionBank {
        guard let file = try text("questions.txt") else { return .standard }
        do { return try QuestionBank(parsing: file.text) } catch {
            throw UseCaseError.badInput(file.path + ": " + error.description)
        }
    }

    /// The default synonyms plus `synonyms.txt` beside the workspace, when present.
    public func synonyms() throws -> SynonymTable {
        guard let file = try text("synonyms.txt") else { return .default }
        do { return SynonymTable.default.merging(try SynonymTable(parsing: file.text)) } catch {
            throw UseCaseError.badInput("\(file.path): \(error.description)")
        }
    }

    /// The scoring configuration: the file at `explicit` (`--config`), else `rapport.toml` beside
    /// the workspace when it exists, else the defaults. Returns the path it names in messages.
    public func configuration(explicit: String? = nil) throws -> (configuration: RapportConfiguration, path: String) {
        let path = explicit ?? configurationPath
        if explicit == nil, !FileManager.default.fileExists(atPath: path) { return (.default, path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UseCaseError.badInput("\(path): cannot read the configuration file")
        }
        do {
            return (try RapportConfiguration(toml: String(decoding: data, as: UTF8.self)), path)
        } catch {
            throw UseCaseError.badInput("\(path):\(error.description)")
        }
    }
}

extension Day {
    /// Today in UTC.
    public static var today: Day { Day(ordinal: Int32((Date().timeIntervalSince1970 / 86_400).rounded(.down))) }

    /// `RAPPORT_AS_OF` when set, else today.
    /// - Throws: `UseCaseError.badInput` when `RAPPORT_AS_OF` is not a date.
    public static func asOf(_ explicit: Day?) throws -> Day {
        if let explicit { return explicit }
        if let env = ProcessInfo.processInfo.environment["RAPPORT_AS_OF"], !env.isEmpty {
            guard let day = Day(iso: env) else {
                throw UseCaseError.badInput("RAPPORT_AS_OF must be a date as YYYY-MM-DD, not '\(env)'")
            }
            return day
        }
        return .today
    }
}
