import ArgumentParser
import Rapport
import RapportUseCases

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
        let session = try Session(workspace.location)
        let found = try session.people(search: search, organization: org, limit: search != nil && limit > 0 ? limit : nil)
        if json { return print(try JSONOutput.string(found.people.map(PersonJSON.init))) }
        var table = TextTable(["ID", "NAME", "ORGANIZATION", "TITLE"], boldHeaders: Terminal.colorEnabled)
        table.maxWidths = [0: 14, 1: 24, 2: 24, 3: 22]
        for p in found.people { table.add([p.id, p.displayName, p.organization ?? "", p.title ?? ""]) }
        print(table.render())
        if found.total > found.people.count {
            print("first \(found.people.count) of \(found.total) matches (--limit 0 shows all)")
        } else {
            print("\(found.people.count) of \(try session.workspace.personCount()) people")
        }
    }
}
