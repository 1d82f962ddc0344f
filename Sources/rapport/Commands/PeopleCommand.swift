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

    @Option(name: .long, help: ArgumentHelp("Only people whose name, title, organization, sectors or email contain this text.", valueName: "text"))
    var search: String?

    @Flag(name: .long, help: "Print JSON (a list of people) instead of a table.")
    var json = false

    func run() throws {
        let snapshot = try Session(workspace.location).snapshot()
        let people = try Analysis.people(in: snapshot, organization: org, search: search)
        if json { return print(try JSONOutput.string(people.map(PersonJSON.init))) }
        var table = TextTable(["ID", "NAME", "ORGANIZATION", "TITLE"])
        table.maxWidths = [0: 14, 1: 24, 2: 24, 3: 22]
        for p in people { table.add([p.id, p.displayName, p.organization ?? "", p.title ?? ""]) }
        print(table.render())
        print("\(people.count) of \(snapshot.personCount) people")
    }
}
