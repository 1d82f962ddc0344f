import ArgumentParser
import Foundation
import Rapport

struct DraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Draft the messages that ask for an introduction and for an informational interview.",
        discussion: """
            Writes two plain-text messages personalized from your network: one to the introducer (the first person on your warmest path, or --via), and one to the person, asking for a 20–30 minute conversation — advice, not a job. For someone you know directly, or have no path to, only the direct message is written, saying what you share.

            The templates are Mustache files you can edit: templates/intro-request.mustache and templates/interview-request.mustache beside the workspace replace the defaults. Placeholders: \(DraftContext.placeholderNames.joined(separator: ", ")).

            Examples:
              rapport draft "Helen Agarwal"
              rapport draft "Helen Agarwal" --via "Kenji Ferreira" --goal "patent litigation" --out helen.txt
            """)

    @OptionGroup var analysis: AnalysisOptions

    @Argument(help: "The person you want to talk to (id, email, profile URL or full name).")
    var person: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Who should introduce you (default: the first hop of your warmest path).", valueName: "person"))
    var via: String?

    @Option(name: .long, help: ArgumentHelp("What you are exploring (default: your sectors).", valueName: "text"))
    var goal: String?

    @Option(
        name: .long, help: ArgumentHelp("Write the drafts to this file instead of the terminal.", valueName: "file"))
    var out: String?

    func run() throws {
        let a = try Analysis(analysis)
        let ego = try a.ego()
        a.warnIfPlaceholderName(ego)
        let target = try a.session.resolve(person, in: a.snapshot)
        guard target != ego else { throw CommandError.badInput("you cannot draft a message to yourself") }
        let planner = try Planner(a)
        var introducer: Int32?
        var path: [PathHop] = []
        if let via {
            let node = try a.session.resolve(via, in: a.snapshot, role: "introducer")
            guard node != ego, node != target else { throw CommandError.badInput("--via must name a third person") }
            introducer = node
            path = try planner.warmPaths(to: target, top: 10).first { $0.hops.first?.node == node }?.hops ?? []
        } else if let best = try planner.warmPaths(to: target, top: 1).first, !best.isDirect {
            path = best.hops
            introducer = best.introducer?.node
        }
        let context = DraftContext(
            snapshot: a.snapshot, ego: ego, target: target, path: path, introducer: introducer, goal: goal)
        let drafts = Drafts.render(
            context,
            introRequest: try WorkspaceFiles.template(
                "intro-request", fallback: DefaultTexts.introRequest, options: analysis.workspace),
            interviewRequest: try WorkspaceFiles.template(
                "interview-request", fallback: DefaultTexts.interviewRequest, options: analysis.workspace))
        var text = ""
        if let toIntroducer = drafts.toIntroducer, let name = context.introducerName {
            text += "--- To \(name) (introducer) ---\n\n\(toIntroducer)\n"
        }
        text += "--- To \(context.targetName) ---\n\n\(drafts.toTarget)"
        if let out {
            try OutputFile.write(text, to: out)
            print("Wrote \(drafts.toIntroducer == nil ? "1 draft" : "2 drafts") to \(Terminal.inert(out)).")
        } else {
            print(Terminal.inert(text), terminator: "")
        }
    }
}

/// Files beside the workspace that override Rapport's defaults.
enum WorkspaceFiles {
    /// The workspace's folder ("." for a bare file name).
    static func folder(_ options: WorkspaceOptions) -> String {
        let folder = URL(fileURLWithPath: options.path).deletingLastPathComponent().path
        return folder.isEmpty ? "." : folder
    }

    /// The text of `relative` beside the workspace, or `nil` when there is no such file.
    static func text(_ relative: String, options: WorkspaceOptions) throws -> (path: String, text: String)? {
        let path = folder(options) + "/" + relative
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError.badInput("\(path): cannot read the file")
        }
        return (path, String(decoding: data, as: UTF8.self))
    }

    /// `templates/NAME.mustache` beside the workspace, else the default.
    static func template(_ name: String, fallback: String, options: WorkspaceOptions) throws -> DraftTemplate {
        if let file = try text("templates/\(name).mustache", options: options) {
            return try DraftTemplate(name: file.path, text: file.text)
        }
        return try DraftTemplate(name: "default \(name) template", text: fallback)
    }

    /// `questions.txt` beside the workspace, else the default bank.
    static func questionBank(_ options: WorkspaceOptions) throws -> QuestionBank {
        guard let file = try text("questions.txt", options: options) else { return .standard }
        do { return try QuestionBank(parsing: file.text) } catch {
            throw CommandError.badInput(file.path + ": " + error.description)
        }
    }
}
