import FlyingFox
import Foundation
import Plot
import Rapport
import RapportCSV
import RapportUseCases

extension WebApp {
    /// Import, step 1: the upload form.
    func importPage() -> PageContent {
        let main: [Node<HTML.BodyContext>] = [
            .h1("Import"),
            .p("Upload a contact export: CSV (LinkedIn Connections, Google, Outlook, Rapport's own people, ties and interactions files), vCard, the LinkedIn archive (.zip), a calendar (.ics) or a mailbox (.mbox). You see what would change first; nothing is written until you confirm."),
            .form(
                .class("panel"), .action("/import"), .method(.post), .enctype(.multipartData),
                Page.csrfField(policy.csrfToken),
                Page.field("File", id: "import-file", .input(.type(.file), .id("import-file"), .name("file"), .required(true)), hint: "Up to \(uploadLimit / (1 << 20)) MB."),
                .button(.type(.submit), "Preview")
            ),
        ]
        return ("Import", .importing, main)
    }

    /// Import, step 2: the dry run (`Importing.run(..., dryRun: true)`) and a form to confirm it.
    /// Bad input shows the located error; nothing is written either way.
    func previewImport(_ form: FormBody) throws -> PageContent {
        guard let file = form.files["file"], !file.bytes.isEmpty else { throw UseCaseError.badInput("choose a file to import") }
        let (id, path) = try uploads.keep(file.bytes, name: file.name)
        let outcome: ImportOutcome
        do {
            outcome = try Importing.run(Importing.Request(files: [path], asOf: workbench.asOf, dryRun: true), in: workbench.location)
        } catch {
            uploads.discard(id)
            // The message names the temporary file: say the uploaded name instead.
            let message = ErrorReport(error).message.replacingOccurrences(of: path, with: file.name)
            let main: [Node<HTML.BodyContext>] = [
                .h1("Import"),
                .p(.strong("This file cannot be imported. Nothing was written.")),
                .element(named: "pre", nodes: [.class("error"), .id("import-error"), Page.text(message)]),
                .p(.a(.href("/import"), "Try another file")),
            ]
            return ("Import", .importing, main)
        }
        let place = { (text: String) in text.replacingOccurrences(of: path, with: file.name) }
        let r = outcome.report
        let main: [Node<HTML.BodyContext>] = [
            .h1("Import: preview"),
            .p(.text("Dry run of "), Page.text(file.name), .text(": nothing is written yet.")),
            .p(.id("import-summary"), Page.text(place(r.summary))),
            .table(
                .id("import-counts"),
                .thead(.tr(.th("What"), .th(.class("num"), "New"), .th(.class("num"), "Updated"))),
                .tbody(
                    countRow("People", r.peopleNew, r.peopleUpdated), countRow("Ties", r.tiesNew, r.tiesUpdated),
                    countRow("Interactions", r.interactionsNew, 0), countRow("Introductions", r.introductionsNew, r.introductionsUpdated))
            ),
            .if(!r.merges.isEmpty, .group(.h2("Merged"), .ul(.forEach(r.merges.prefix(50)) { .li(Page.text(place($0.description))) }))),
            .if(!outcome.warnings.isEmpty, .group(
                .h2("Warnings"),
                .ul(.id("import-warnings"), .forEach(outcome.warnings.prefix(50)) { .li(Page.text(place($0.description))) }))),
            .forEach(outcome.evidence) { .p(Page.text(place($0.summary))) },
            .form(
                .class("panel"), .action("/import/confirm"), .method(.post),
                Page.csrfField(policy.csrfToken),
                .input(.type(.hidden), .name("upload"), .value(id)),
                .button(.type(.submit), "Import it")
            ),
            .p(.a(.href("/import"), "Cancel")),
        ]
        return ("Import preview", .importing, main)
    }

    private func countRow(_ label: String, _ new: Int, _ updated: Int) -> Node<HTML.TableContext> {
        .tr(.td(.text(label)), .td(.class("num"), .text(String(new))), .td(.class("num"), .text(String(updated))))
    }

    /// Import, step 3: the same import, written in one transaction.
    func confirmImport(_ form: FormBody) throws -> HTTPResponse {
        guard let id = form["upload"], let upload = uploads.upload(id) else {
            throw UseCaseError.badInput("this preview has expired: upload the file again")
        }
        defer { uploads.discard(id) }
        _ = try Importing.run(Importing.Request(files: [upload.path], asOf: workbench.asOf), in: workbench.location)
        return Self.redirect(to: "/?done=imported")
    }
}
