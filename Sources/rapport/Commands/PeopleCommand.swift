import ArgumentParser
import Rapport

struct PeopleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "List the people in the workspace.",
        discussion: """
            Examples:
              rapport people --org "Wilson & Okafor"
              rapport people --search patent --json
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .long, help: ArgumentHelp("Only people at this organization (matched by normalized name).", valueName: "name"))
    var org: String?

    @Option(name: .long, help: ArgumentHelp("Only people whose name, title, organization, email or id hold these words (or words starting with them), exact matches first.", valueName: "text"))
    var search: String?

    @Option(name: .long, help: ArgumentHelp("With --search, show at most this many people (0: all).", valueName: "n"))
    var limit = 100

    @Flag(name: .long, help: "Print JSON (a list of people) instead of a table.")
    var json = false

    func run() throws {
        let session = try Session(workspace)
        var people: [Person]
        var footer: String?
        if let search {
            guard let found = try session.workspace.searchPeople(search, organization: org, limit: limit > 0 ? limit : nil) else {
                throw CommandError.badInput("no organization matches '\(org ?? "")'")
            }
            people = found.people
            footer =
                found.total > people.count
                ? "first \(people.count) of \(found.total) matches (--limit 0 shows all)"
                : "\(people.count) match\(people.count == 1 ? "" : "es")"
        } else if let org {
            guard let members = try session.workspace.people(atOrganization: org) else {
                throw CommandError.badInput("no organization matches '\(org)'")
            }
            people = members
            footer = "\(people.count) \(people.count == 1 ? "person" : "people") at this organization"
        } else {
            people = Array(try session.snapshot().people)
        }
        if json {
            print(try JSONOutput.string(people.map(PersonJSON.init)))
            return
        }
        var table = TextTable(["ID", "NAME", "ORGANIZATION", "TITLE"])
        table.maxWidths = [0: 14, 1: 24, 2: 24, 3: 22]
        for p in people { table.add([p.id, p.displayName, p.organization ?? "", p.title ?? ""]) }
        print(table.render())
        if footer == nil { footer = "\(people.count) of \(try session.workspace.personCount()) people" }
        print(footer ?? "")
    }
}

/// The `--json` shape of a person.
struct PersonJSON: Encodable {
    var id: String
    var name: String
    var firstName: String
    var lastName: String
    var emails: [String]
    var profileURL: String?
    var organization: String?
    var title: String?
    var sectors: [String]
    var schools: [String]
    var location: String?

    init(_ p: Person) {
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
