import Rapport

/// The `people --json` shape of a person.
public struct PersonJSON: Encodable, Sendable {
    public var id: String
    public var name: String
    public var firstName: String
    public var lastName: String
    public var emails: [String]
    public var profileURL: String?
    public var organization: String?
    public var title: String?
    public var sectors: [String]
    public var schools: [String]
    public var location: String?

    public init(_ p: Person) {
        id = p.id
        name = p.displayName
        firstName = p.firstName
        lastName = p.lastName
        emails = p.emails
        profileURL = p.profileURL
        organization = p.organization
        title = p.title
        sectors = p.sectors
        schools = p.schools
        location = p.location
    }
}

/// The `reach --json` shape of one organization, sector or school.
public struct ReachJSON: Encodable, Sendable {
    public var name: String
    public var key: String
    public var reach: Double
    public var ties: [HopJSON]

    public init(_ entry: ReachEntry, in analysis: Analysis) {
        name = entry.name
        key = entry.key
        reach = entry.reach
        ties = entry.ties.map {
            HopJSON(id: analysis.snapshot.people.id($0.person), name: analysis.name($0.person), strength: $0.strength)
        }
    }
}

/// The `pipeline --json` shape of one stage.
public struct PipelineStageJSON: Encodable, Sendable {
    public var stage: String
    public var people: [PipelineRowJSON]
}

/// One person on the pipeline board.
public struct PipelineRowJSON: Encodable, Sendable {
    public var id: String
    public var name: String
    public var organization: String?
    public var since: Day
    public var days: Int
    public var note: String
}

/// The `due --json` shape of one item.
public struct DueJSON: Encodable, Sendable {
    public var due: Day
    public var windowEnd: Day
    public var daysUntilDue: Int
    public var reason: String
    public var id: String
    public var name: String
    public var about: String?
    public var detail: String
    public var action: String

    public init(_ item: DueItem, in analysis: Analysis) {
        due = item.due
        windowEnd = item.windowEnd
        daysUntilDue = item.daysUntilDue(from: analysis.asOf)
        reason = item.reason.rawValue
        id = item.personID
        name = analysis.name(item.node)
        about = item.aboutNode.map { analysis.name($0) }
        detail = item.detail
        action = item.action
    }
}

extension Analysis {
    /// The user's reach into every organization, sector or school, greatest first.
    public func reach(by grouping: ReachGrouping) throws -> [ReachEntry] {
        try ReachCalculator(ego: try ego(), strengths: strengths).reach(by: grouping)
    }
}
