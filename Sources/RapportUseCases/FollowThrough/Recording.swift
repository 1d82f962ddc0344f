import Rapport
import RapportStore

/// The writes a person makes by hand: `init`, `log`, `intro` and `status`. Each returns what it did
/// for a front to say; none prints.
public enum Recording {
    /// What `initWorkspace` did.
    public struct Initialized: Sendable {
        public var created: Bool
        public var name: String
        public var peopleCount: Int
    }

    /// Creates the workspace at `location` (owner-only) and the person who is the user; `me`
    /// ("First Last") names them, replacing the placeholder.
    public static func initWorkspace(_ location: WorkspaceLocation, me: String?) throws -> Initialized {
        let created = try Workspace.create(at: location.path).created
        let session = try Session(location)
        let base = try session.keyedSnapshot()
        let snapshot = base.snapshot
        var person = snapshot.selfIndex.map { snapshot.people[Int($0)] } ?? Person(id: Person.selfID, firstName: Person.placeholderFirstName)
        if let me {
            let parts = me.split(separator: " ", maxSplits: 1).map(String.init)
            person.firstName = parts.first ?? me
            person.lastName = parts.count > 1 ? parts[1] : ""
        }
        if created || me != nil || snapshot.selfIndex == nil {
            try session.apply(NetworkData(people: [person]), over: base)
        }
        return Initialized(created: created, name: person.displayName, peopleCount: snapshot.people.count)
    }

    /// What `log` recorded, and the pipeline move it implied.
    public struct Logged: Sendable {
        public var name: String
        public var day: Day
        public var kind: InteractionKind
        public var pipeline: PipelineTransition?
    }

    /// An interaction of the user with `person`, as typed: never a duplicate (logging the same
    /// coffee twice records two), and the pipeline moves forward when the kind implies it.
    public static func log(
        _ location: WorkspaceLocation, person: String, kind: InteractionKind, day: Day, isOneOnOne: Bool,
        minutes: Int?, rapport: Int?, initiatedBy: Initiator?, note: String
    ) throws -> Logged {
        let session = try Session(location)
        let base = try session.keyedSnapshot()
        let snapshot = base.snapshot
        let target = try session.resolve(person, in: snapshot)
        let id = snapshot.people.id(target)
        guard id != Person.selfID else { throw UseCaseError.badInput("you cannot log a conversation with yourself") }
        if let rapport, !(1...5).contains(rapport) { throw UseCaseError.badInput("--rapport must be 1 to 5, not \(rapport)") }
        if let minutes, minutes < 0 { throw UseCaseError.badInput("--minutes cannot be negative") }
        let interaction = Interaction(
            date: day, personID: id, kind: kind, isOneOnOne: isOneOnOne, minutes: minutes, rapport: rapport,
            initiatedBy: initiatedBy, notes: note, sourceKey: Interaction.loggedSourceKey())
        try session.apply(NetworkData(interactions: [interaction]), over: base)
        let change = try advance(session.workspace, personID: id, to: PipelineStage.implied(by: kind), on: day, source: .interaction)
        return Logged(name: snapshot.people.displayName(target), day: day, kind: kind, pipeline: change)
    }

    /// What `introduce` recorded: the three names, and the pipeline move it implied.
    public struct Introduced: Sendable {
        public var introducer: String
        public var person: String
        public var recipient: String
        public var pipeline: PipelineTransition?
    }

    /// `introducer` introduces `person` to `to` (the user when nil); the same pair again updates
    /// its status.
    public static func introduce(
        _ location: WorkspaceLocation, introducer: String, person: String, to: String?, status: IntroductionStatus,
        day: Day
    ) throws -> Introduced {
        let session = try Session(location)
        let base = try session.keyedSnapshot()
        let snapshot = base.snapshot
        let from = try session.resolve(introducer, in: snapshot, role: "introducer")
        let target = try session.resolve(person, in: snapshot)
        let recipient = try to.map { try session.resolve($0, in: snapshot) } ?? snapshot.selfIndex
        guard let recipient else { throw UseCaseError.badInput("the workspace has no 'me'; run `rapport init --me NAME`") }
        guard from != target, target != recipient, from != recipient else {
            throw UseCaseError.badInput("an introduction needs three different people")
        }
        let ids = [from, target, recipient].map { snapshot.people.id($0) }
        let intro = Introduction(date: day, introducerID: ids[0], personID: ids[1], toID: ids[2], status: status)
        try session.apply(NetworkData(introductions: [intro]), over: base)
        let change =
            recipient == snapshot.selfIndex
            ? try advance(session.workspace, personID: ids[1], to: PipelineStage.implied(by: status), on: day, source: .introduction)
            : nil
        let names = [from, target, recipient].map { snapshot.people.displayName($0) }
        return Introduced(introducer: names[0], person: names[1], recipient: names[2], pipeline: change)
    }

    /// What `setStage` did: the change, or nil when the person already stood there.
    public struct Staged: Sendable {
        public var name: String
        public var change: PipelineTransition?
    }

    /// Sets where `person` stands in the pipeline (backwards included).
    public static func setStage(
        _ location: WorkspaceLocation, person: String, stage: PipelineStage, day: Day, note: String
    ) throws -> Staged {
        let session = try Session(location)
        let snapshot = try session.snapshot()
        let node = try session.resolve(person, in: snapshot)
        let id = snapshot.people.id(node)
        guard id != Person.selfID else { throw UseCaseError.badInput("you are not in your own pipeline") }
        let change = try session.workspace.moveInPipeline(personID: id, to: stage, on: day, note: note, source: .explicit)
        return Staged(name: snapshot.people.displayName(node), change: change)
    }

    /// Moves a person along the pipeline after a logged interaction or an introduction.
    private static func advance(
        _ workspace: Workspace, personID: String, to stage: PipelineStage?, on day: Day, source: PipelineSource
    ) throws -> PipelineTransition? {
        guard let stage, personID != Person.selfID else { return nil }
        return try workspace.moveInPipeline(personID: personID, to: stage, on: day, source: source)
    }
}
