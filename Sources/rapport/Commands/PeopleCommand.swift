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

    @Option(name: .long, help: ArgumentHelp("Only people whose name, title, organization, sectors or email contain this text.", valueName: "text"))
    var search: String?

    @Flag(name: .long, help: "Print JSON (a list of people) instead of a table.")
    var json = false

    func run() throws {
        let session = try Session(workspace)
        let snapshot = try session.snapshot()
        var indices = Array(0..<Int32(snapshot.personCount))
        if let org {
            guard let o = snapshot.organization(named: org) else {
                throw CommandError.badInput("no organization matches '\(org)'")
            }
            indices = indices.filter { snapshot.organizationIndex[Int($0)] == o }
        }
        if let search {
            let needle = NameKey.person(search)
            indices = indices.filter { i in
                let p = snapshot.people[Int(i)]
                let haystack = ([p.displayName, p.title ?? "", p.organization ?? "", p.location ?? ""] + p.sectors + p.emails + p.schools)
                    .map(NameKey.person).joined(separator: " | ")
                return haystack.contains(needle)
            }
        }
        let people = indices.map { snapshot.people[Int($0)] }
        if json {
            print(try JSONOutput.string(people.map(PersonJSON.init)))
            return
        }
        var table = TextTable(["ID", "NAME", "ORGANIZATION", "TITLE"])
        table.maxWidths = [0: 14, 1: 24, 2: 24, 3: 22]
        for p in people { table.add([p.id, p.displayName, p.organization ?? "", p.title ?? ""]) }
        print(table.render())
        print("\(people.count) of \(snapshot.personCount) people")
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
