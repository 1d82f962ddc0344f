import Rapport
import RapportStore

/// A loaded, scored network: the snapshot, the configuration and every tie's strength as of a day.
public struct Analysis {
    public let session: Session
    public let snapshot: NetworkSnapshot
    public let configuration: RapportConfiguration
    /// Where `configuration` came from, for messages that name a place in it.
    public let configurationPath: String
    public let asOf: Day
    public let strengths: TieStrengths
    /// The working memory of the suggestions on `snapshot`, shared by every `Planner` of this analysis.
    public let suggestionScratch = SuggestionScratchPool()

    /// Opens the workspace at `location`, loads its network and scores every tie as of `asOf`
    /// (else `RAPPORT_AS_OF`, else today) with the configuration at `configurationFile` (else
    /// `rapport.toml` beside the workspace).
    /// - Parameter preparingSuggestions: whether suggestions will be asked: the working memory of
    ///   the first is then made on the other core while this one scores the ties.
    public init(
        _ location: WorkspaceLocation, configurationFile: String? = nil, asOf: Day? = nil,
        preparingSuggestions: Bool = false
    ) throws {
        var clock = PhaseTimer()
        session = try Session(location)
        (configuration, configurationPath) = try location.configuration(explicit: configurationFile)
        self.asOf = try Day.asOf(asOf)
        snapshot = try session.snapshot(clock: &clock)
        if preparingSuggestions { suggestionScratch.prepare(for: snapshot.graph) }
        strengths = StrengthModel(configuration: configuration.strength).strengths(in: snapshot, asOf: self.asOf)
        clock.mark("strengths")
    }

    /// The user, or a clear error when the workspace has none.
    public func ego() throws -> Int32 {
        guard let me = snapshot.selfIndex else {
            throw UseCaseError.badInput("the workspace has no 'me'; run `rapport init --me NAME`")
        }
        return me
    }

    /// A warning when `ego` is the user still named with `rapport init`'s placeholder "Me": what is
    /// written in their name would say "My name is Me" (issue 17 item 7).
    public func placeholderNameWarning(_ ego: Int32) -> String? {
        guard snapshot.people[Int(ego)].hasPlaceholderName else { return nil }
        return
            "warning: you are still named \"\(Person.placeholderFirstName)\", the placeholder of `rapport init`; set your name with `rapport init --me \"First Last\"`"
    }

    public func name(_ person: Int32) -> String { snapshot.people.displayName(person) }

    public func organizationName(_ person: Int32) -> String { snapshot.organization(of: person)?.name ?? "" }

    /// A person reference resolved in this network (see `Session.resolve`).
    public func resolve(_ reference: String, role: String = "person") throws -> Int32 {
        try session.resolve(reference, in: snapshot, role: role)
    }
}
