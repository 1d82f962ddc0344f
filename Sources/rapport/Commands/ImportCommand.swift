import ArgumentParser
import Foundation
import Rapport
import RapportCSV
import RapportUseCases

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import contact exports, network files and evidence (LinkedIn archive, calendar, mailbox).",
        discussion: """
            Reads LinkedIn Connections.csv, Google and Outlook contact CSVs, vCard files, and the native people / ties / interactions / introductions files, and `rapport export --format json` documents (merged by id); the format is detected from the header.

            Evidence of how well you know people: the LinkedIn data archive (the .zip LinkedIn sends, or the folder it unzips to: Connections.csv, messages, invitations, recommendations, endorsements, and your own positions, schools and addresses), a calendar export (.ics) and a mailbox export (.mbox, headers only). No message content, subject or body is kept: only who, when, which way, one-on-one or group, and length. Each message, meeting or mail attaches to a person by profile URL, then e-mail, then a full name that fits one person only; someone unknown becomes a new person (tagged found-in:mail, found-in:calendar or found-in:linkedin) only when the exchange went both ways. Recurring events are expanded up to --as-of. The mailbox and calendar need your own address: the workspace's, the archive's, or --my-email.

            Files given together import as one unit (people first, whatever the order): on any error nothing is written. Importing the same file, archive, calendar or mailbox again changes nothing; a newer export adds only what is new.

            Examples:
              rapport import Connections.csv
              rapport import people.csv ties.csv interactions.csv introductions.csv
              rapport import alumni.csv --map first_name=Given,last_name=Family,organization=Employer
              rapport import network.json
              rapport import Basic_LinkedInDataExport_01-02-2025.zip
              rapport import Basic_LinkedInDataExport_01-02-2025/ calendar.ics mail.mbox --dry-run
              rapport import mail.mbox --my-email avery@example.com --my-email avery.quinn@work.example
              rapport import calendar.ics --as-of 2026-11-20
              rapport import export.dat --format ics
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The files to import.")
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("auto, or one of: \(Importing.formatNames.joined(separator: ", ")).", valueName: "format"))
    var format: String = "auto"

    @Option(name: .customLong("my-email"), help: ArgumentHelp("Your own e-mail address, for a mailbox or calendar when the workspace has none; stored on you (repeatable).", valueName: "address"))
    var myEmails: [String] = []

    @OptionGroup var asOf: AsOfOption

    @Option(name: .long, help: ArgumentHelp("Column mapping for any other CSV: field=Column,… (fields: \(ContactField.allCases.map(\.rawValue).joined(separator: ", "))).", valueName: "mapping"))
    var map: String?

    @Flag(name: .long, help: "Check and report what would change — who each piece of evidence matches, by which key, and who would be created — but write nothing.")
    var dryRun = false

    func validate() throws {
        do { try request(asOf: nil).validate() } catch let error as UseCaseError { throw ValidationError(error.description) }
    }

    func request(asOf day: Day?) -> Importing.Request {
        Importing.Request(files: files, format: format, myEmails: myEmails, asOf: day, mapping: map, dryRun: dryRun)
    }

    func run() throws {
        let progress = Progress("reading \(files.count) file\(files.count == 1 ? "" : "s")", steps: 3)
        defer { progress.finish() }
        let outcome = try Importing.run(request(asOf: try asOf.day), in: workspace.location) { phase in
            switch phase {
            case .merging: progress.advance("merging people and relationships")
            case .writingPeople: progress.update("merging relationships, writing people meanwhile")
            case .writing: progress.advance("writing the workspace")
            case .snapshot: progress.advance("building the snapshot for the next command")
            }
        }
        progress.finish()
        let messages = Importing.messages(outcome, dryRun: dryRun, verbose: workspace.verbose)
        for line in messages.warnings { Terminal.standardError(OutputPolicy.terminal(line)) }
        for line in messages.report { print(OutputPolicy.terminal(line)) }
    }
}
