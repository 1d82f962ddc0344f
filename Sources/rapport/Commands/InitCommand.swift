import ArgumentParser
import Rapport
import RapportStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a workspace and the person who is you.",
        discussion: """
            Creates rapport.db here (or --db / $RAPPORT_DB), readable by you only. You are the person with id 'me'; an imported row with id 'me' fills in your details later.

            Example:
              rapport init --me "Alex Rivera"
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .long, help: ArgumentHelp("Your name, as \"First Last\".", valueName: "name"))
    var me: String?

    func run() throws {
        let (store, created) = try Workspace.create(at: workspace.path)
        let data = try store.loadNetwork()
        var person = data.people.first(where: \.isSelf) ?? Person(id: Person.selfID, firstName: Person.placeholderFirstName)
        if let me {
            let parts = me.split(separator: " ", maxSplits: 1).map(String.init)
            person.firstName = parts.first ?? me
            person.lastName = parts.count > 1 ? parts[1] : ""
        }
        if created || me != nil || !data.people.contains(where: \.isSelf) {
            try store.apply(people: [person], ties: [], interactions: [], introductions: [])
        }
        print(created ? "Created workspace \(workspace.path) for \(Terminal.inert(person.displayName))."
            : "Workspace \(workspace.path) already exists (\(data.people.count) people); you are \(Terminal.inert(person.displayName)).")
    }
}
