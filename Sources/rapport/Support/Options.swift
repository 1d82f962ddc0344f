import ArgumentParser
import Foundation
import Rapport
import RapportStore

/// Options every workspace command takes.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace file (default: $RAPPORT_DB, else ./rapport.db).", valueName: "path"))
    var db: String?

    @Flag(name: .long, help: "Show contact data in error messages and more detail.")
    var verbose = false

    /// The workspace path: `--db`, then `RAPPORT_DB`, then `rapport.db` here.
    var path: String {
        if let db, !db.isEmpty { return db }
        if let env = ProcessInfo.processInfo.environment["RAPPORT_DB"], !env.isEmpty { return env }
        return Workspace.defaultFileName
    }

    func open() throws -> Workspace { try Workspace.open(at: path) }
}

/// `--as-of`: the day that counts as today, for reproducible results.
struct AsOfOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The day that counts as today (default: $RAPPORT_AS_OF, else today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    var day: Day {
        get throws {
            if let asOf { return try AsOfOption.parse(asOf, option: "--as-of") }
            if let env = ProcessInfo.processInfo.environment["RAPPORT_AS_OF"], !env.isEmpty {
                return try AsOfOption.parse(env, option: "RAPPORT_AS_OF")
            }
            return Day.today
        }
    }

    static func parse(_ text: String, option: String) throws -> Day {
        guard let day = Day(iso: text) else { throw ValidationError("\(option) must be a date as YYYY-MM-DD, not '\(text)'") }
        return day
    }
}

extension Day {
    /// Today in UTC.
    static var today: Day { Day(ordinal: Int32((Date().timeIntervalSince1970 / 86_400).rounded(.down))) }
}
