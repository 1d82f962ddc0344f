import ArgumentParser
import Foundation
import Rapport
import RapportUseCases

/// Options every workspace command takes.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace file (default: $RAPPORT_DB, else ./rapport.db).", valueName: "path"))
    var db: String?

    @Flag(name: .long, help: "Show contact data in error messages and more detail.")
    var verbose = false

    /// `--db`, then `RAPPORT_DB`, then `rapport.db` here.
    var location: WorkspaceLocation { WorkspaceLocation(explicit: db, verbose: verbose) }
    var path: String { location.path }
}

/// `--as-of`: the day that counts as today, for reproducible results.
struct AsOfOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The day that counts as today (default: $RAPPORT_AS_OF, else today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    var day: Day {
        get throws { try Day.asOf(asOf.map { try AsOfOption.parse($0, option: "--as-of") }) }
    }

    static func parse(_ text: String, option: String) throws -> Day {
        guard let day = Day(iso: text) else { throw ValidationError("\(option) must be a date as YYYY-MM-DD, not '\(text)'") }
        return day
    }
}

/// Options of every command that scores the network.
struct AnalysisOptions: ParsableArguments {
    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .long, help: ArgumentHelp("Scoring configuration (default: rapport.toml beside the workspace, if present).", valueName: "path"))
    var config: String?

    @OptionGroup var asOf: AsOfOption

    /// The workspace loaded and scored.
    /// - Parameter preparingSuggestions: whether the command will suggest (see `Analysis.init`).
    func analysis(preparingSuggestions: Bool = false) throws -> Analysis {
        try Analysis(
            workspace.location, configurationFile: config, asOf: try asOf.day,
            preparingSuggestions: preparingSuggestions)
    }
}

/// Goal flags shared by `suggest`, `render` and `report`.
struct GoalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A sector or practice area to aim at (repeatable).", valueName: "sector"))
    var sector: [String] = []

    @Option(name: .long, help: ArgumentHelp("A word to look for in titles and organizations (repeatable).", valueName: "word"))
    var keyword: [String] = []

    @Option(name: .long, help: ArgumentHelp("An organization to aim at (repeatable).", valueName: "name"))
    var org: [String] = []

    @Option(name: .long, help: ArgumentHelp("A location to prefer (repeatable).", valueName: "place"))
    var location: [String] = []

    @Option(name: .long, help: ArgumentHelp("A seniority to prefer, e.g. partner, counsel, senior (repeatable).", valueName: "level"))
    var seniority: [String] = []

    @Option(name: .long, help: ArgumentHelp("A goal file (JSON or TOML) with sectors, keywords, organizations, locations, seniority and weights.", valueName: "file"))
    var goalFile: String?

    @Option(name: .long, help: ArgumentHelp("Suggest for this person instead of you (advisers, career offices).", valueName: "person"))
    var `for`: String?

    @Option(name: .long, help: ArgumentHelp("Longest introduction chain to consider (default 3).", valueName: "n"))
    var maxHops: Int?

    @Option(name: .long, help: ArgumentHelp("At most this many suggestions per organization (default 2).", valueName: "n"))
    var perOrg: Int?

    @Option(name: .long, help: ArgumentHelp("Skip people you had an informational interview with in the last N days (default 90).", valueName: "days"))
    var cooldown: Int?

    /// The request these flags make: the goal file's fields plus the flags, and the limits.
    func request() throws -> SuggestRequest {
        var flags = Goal()
        flags.sectors = sector
        flags.keywords = keyword
        flags.organizations = org
        flags.locations = location
        flags.seniority = seniority
        return SuggestRequest(
            goal: try SuggestRequest.goal(file: goalFile, adding: flags), forPerson: `for`, maxHops: maxHops,
            perOrganization: perOrg, cooldownDays: cooldown)
    }

    func validateLimits() throws {
        do {
            try SuggestRequest(maxHops: maxHops, perOrganization: perOrg, cooldownDays: cooldown).validateLimits()
        } catch let error as UseCaseError {
            throw ValidationError(error.description)
        }
    }
}
