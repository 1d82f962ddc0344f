import ArgumentParser
import Foundation
import Rapport
import RapportStore

/// Options of every command that scores the network.
struct AnalysisOptions: ParsableArguments {
    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .long, help: ArgumentHelp("Scoring configuration (default: rapport.toml beside the workspace, if present).", valueName: "path"))
    var config: String?

    @OptionGroup var asOf: AsOfOption

    /// The configuration file's path as the user names it: `--config`, else `rapport.toml` in the
    /// workspace's folder.
    var configurationPath: String {
        if let config { return config }
        let folder = URL(fileURLWithPath: workspace.path).deletingLastPathComponent().path
        return (folder.isEmpty ? "." : folder) + "/rapport.toml"
    }

    /// `--config`, else `rapport.toml` in the workspace's folder when it exists.
    func configuration() throws -> RapportConfiguration {
        let path = configurationPath
        if config == nil, !FileManager.default.fileExists(atPath: path) { return .default }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError.badInput("\(path): cannot read the configuration file")
        }
        do {
            return try RapportConfiguration(toml: String(decoding: data, as: UTF8.self))
        } catch {
            throw CommandError.badInput("\(path):\(error.description)")
        }
    }
}

/// A loaded, scored network: the snapshot, the configuration and every tie's strength as of a day.
struct Analysis {
    let session: Session
    let snapshot: NetworkSnapshot
    let configuration: RapportConfiguration
    /// Where `configuration` came from, for messages that name a place in it.
    let configurationPath: String
    let asOf: Day
    let strengths: TieStrengths

    init(_ options: AnalysisOptions) throws {
        var clock = PhaseTimer()
        session = try Session(options.workspace)
        configuration = try options.configuration()
        configurationPath = options.configurationPath
        asOf = try options.asOf.day
        snapshot = try session.snapshot(clock: &clock)
        strengths = StrengthModel(configuration: configuration.strength).strengths(in: snapshot, asOf: asOf)
        clock.mark("strengths")
    }

    /// The user, or a clear error when the workspace has none.
    func ego() throws -> Int32 {
        guard let me = snapshot.selfIndex else {
            throw CommandError.badInput("the workspace has no 'me'; run `rapport init --me NAME`")
        }
        return me
    }

    /// Warns on stderr when `ego` is the user still named with `rapport init`'s placeholder "Me":
    /// what is written in their name would say "My name is Me" (issue 17 item 7).
    func warnIfPlaceholderName(_ ego: Int32) {
        guard snapshot.people[Int(ego)].hasPlaceholderName else { return }
        Terminal.standardError(
            "warning: you are still named \"\(Person.placeholderFirstName)\", the placeholder of `rapport init`; set your name with `rapport init --me \"First Last\"`")
    }

    func name(_ person: Int32) -> String { snapshot.people.displayName(person) }

    func organizationName(_ person: Int32) -> String { snapshot.organization(of: person)?.name ?? "" }
}

/// Formats a strength or score for people: two decimals.
func format2(_ value: Double) -> String { NumberFormat.twoDecimals(value) }

/// Phase timings on stderr when `RAPPORT_TIMING` is set (for profiling large workspaces).
struct PhaseTimer {
    static let enabled = ProcessInfo.processInfo.environment["RAPPORT_TIMING"] != nil
    private var last = DispatchTime.now()

    mutating func mark(_ phase: String) {
        guard PhaseTimer.enabled else { return }
        let now = DispatchTime.now()
        let seconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9
        Terminal.standardError("timing: " + phase.padding(toLength: 16, withPad: " ", startingAt: 0) + String(format: " %8.3f s", seconds))
        last = now
    }
}
