import ArgumentParser
import Rapport
import RapportUseCases

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
        let done = try Recording.initWorkspace(workspace.location, me: me)
        let name = OutputPolicy.terminal(done.name)
        print(done.created ? "Created workspace \(workspace.path) for \(name)."
            : "Workspace \(workspace.path) already exists (\(done.peopleCount) people); you are \(name).")
    }
}
