import FlyingFox
import Foundation
import Plot
import Rapport
import RapportGraphviz
import RapportStore
import RapportUseCases

/// The web app behind `rapport serve`: the security gate, then one handler per page.
///
/// It holds no logic of its own about networks: every page calls the use-case library the command
/// line calls (`Planner`, `Recording`, `Writing`, `FollowUp`, `Importing`, `Drawing`), and every
/// write goes through the same transactions. Errors go through `ErrorReport`, the one mapping:
/// bad input → 400, failure → 500, and a busy database → 503 with `Retry-After`.
public final class WebApp: Sendable {
    public let workbench: Workbench
    /// Draws the network views (the isolated Graphviz worker); nil: the Network page says it cannot.
    public let renderer: Renderer?
    public let uploadLimit: Int
    let uploads: Uploads
    let drawings = DrawingCache()
    private let state: Locked<AccessPolicy>

    public init(workbench: Workbench, policy: AccessPolicy, renderer: Renderer?, uploadLimit: Int = 32 << 20) throws {
        self.workbench = workbench
        self.renderer = renderer
        self.uploadLimit = uploadLimit
        self.uploads = try Uploads()
        self.state = Locked(policy)
    }

    /// The rules in force (the port is set once the server listens).
    public var policy: AccessPolicy {
        get { state.value }
        set { state.value = newValue }
    }

    /// The URL to print: the loopback address, the port and the token.
    public var url: String { "http://127.0.0.1:\(policy.port)/?token=\(policy.token)" }

    /// Answers one request: the gate (Host, token, size, CSRF), then the page.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        var response = await gate(request)
        for (name, value) in AccessPolicy.responseHeaders { response.headers[HTTPHeader(name)] = value }
        return response
    }

    private func gate(_ request: HTTPRequest) async -> HTTPResponse {
        let policy = self.policy
        guard policy.allowsHost(request.headers[.host]) else {
            return Self.plain(.forbidden, "This server answers only on 127.0.0.1, [::1] and localhost with its port.")
        }
        // The query as a form encodes it (`+` is a space), read from the raw target.
        let rawQuery = request.target.query(percentEncoded: true)
        let query = FormBody.urlEncoded(rawQuery)
        guard let credential = policy.credential(query: query["token"], cookieHeader: request.headers[.cookie]) else {
            return Self.plain(.forbidden, "Open the URL that `rapport serve` printed (it carries the access token).")
        }
        if credential == .queryToken, request.method == .GET {
            // Keep the token in an HttpOnly cookie and take it out of the address bar and history.
            let rest = rawQuery.split(separator: "&").filter { !$0.hasPrefix("token=") }.joined(separator: "&")
            // Only a path of this app: `//host` would be a link to another site.
            let path = request.path.hasPrefix("/") && !request.path.hasPrefix("//") ? request.path : "/"
            var response = Self.redirect(to: path + (rest.isEmpty ? "" : "?" + rest))
            response.headers[.setCookie] = policy.sessionCookie
            return response
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > uploadLimit {
            return Self.tooLarge(uploadLimit)
        }
        do {
            if request.method == .POST {
                guard let body = try await Self.body(of: request, limit: uploadLimit) else { return Self.tooLarge(uploadLimit) }
                let form: FormBody
                do { form = try FormBody(contentType: request.headers[.contentType], body: body) } catch {
                    return Self.plain(.badRequest, error.description)
                }
                guard policy.acceptsCSRF(form["csrf"]) else {
                    return Self.plain(.forbidden, "The form was not sent by this app (missing or wrong CSRF token). Reload the page and try again.")
                }
                let path = request.path
                return try await WorkerThreads.shared.run { try self.post(path, form: form) }
            }
            guard request.method == .GET || request.method == .HEAD else { return Self.plain(.methodNotAllowed, "GET or POST only.") }
            let path = request.path
            return try await WorkerThreads.shared.run { try self.get(path, query: query) }
        } catch {
            return errorPage(error)
        }
    }

    private func get(_ path: String, query: [String: String]) throws -> HTTPResponse {
        func q(_ name: String) -> String { query[name] ?? "" }
        switch path {
        case "/": return html(try homePage(goalFields: q), flash: Self.flash(q("done")))
        case "/person": return html(try personPage(reference: q("id")), flash: Self.flash(q("done")))
        case "/network": return html(try networkPage(view: q("view"), organization: q("name")))
        case "/reach": return html(try reachPage(by: q("by")))
        case "/search": return html(try searchPage(text: q("q")))
        case "/import": return html(importPage())
        case "/static/app.css": return Self.asset(Assets.css, type: "text/css; charset=utf-8")
        case "/static/app.js": return Self.asset(Assets.javascript, type: "text/javascript; charset=utf-8")
        default: return Self.plain(.notFound, "There is no such page in Rapport.")
        }
    }

    private func post(_ path: String, form: FormBody) throws -> HTTPResponse {
        switch path {
        case "/person/log": return try logInteraction(form)
        case "/person/stage": return try setStage(form)
        case "/import": return html(try previewImport(form))
        case "/import/confirm": return try confirmImport(form)
        default: return Self.plain(.notFound, "There is no such form in Rapport.")
        }
    }

    // MARK: Responses

    /// A page's HTML; `flash` is a message shown at its top.
    func html(_ page: (title: String, section: Page.Section?, main: [Node<HTML.BodyContext>]), flash: Page.Flash? = nil) -> HTTPResponse {
        let text = Page.render(title: page.title, section: page.section, flash: flash, page.main)
        return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: Data(text.utf8))
    }

    /// The error as a page, with the status of its kind.
    func errorPage(_ error: any Error) -> HTTPResponse {
        if let store = error as? StoreError, case .busy = store {
            var response = Self.plain(
                HTTPStatusCode(503, phrase: "Service Unavailable"),
                "The workspace is busy: another rapport command is writing it. Try again in a moment; nothing was changed.")
            response.headers[HTTPHeader("Retry-After")] = "2"
            return response
        }
        let report = ErrorReport(error)
        let status: HTTPStatusCode = report.kind == .badInput ? .badRequest : .internalServerError
        let text = Page.render(
            title: report.kind == .badInput ? "Cannot do that" : "Something failed", section: nil,
            [.h1(.text(report.kind == .badInput ? "Cannot do that" : "Something failed")), .element(named: "pre", nodes: [.class("error"), Page.text(report.message)])])
        return HTTPResponse(statusCode: status, headers: [.contentType: "text/html; charset=utf-8"], body: Data(text.utf8))
    }

    static func plain(_ status: HTTPStatusCode, _ message: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: "text/plain; charset=utf-8"], body: Data((message + "\n").utf8))
    }

    static func redirect(to target: String) -> HTTPResponse {
        HTTPResponse(statusCode: .seeOther, headers: [.location: target, .contentType: "text/plain; charset=utf-8"], body: Data())
    }

    static func tooLarge(_ limit: Int) -> HTTPResponse {
        var response = plain(.payloadTooLarge, "The upload is larger than the limit of \(limit / (1 << 20)) MB.")
        // The rest of the body is never read: close rather than parse it as the next request.
        response.headers[.connection] = "close"
        return response
    }

    private static func asset(_ text: String, type: String) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: [.contentType: type], body: Data(text.utf8))
    }

    /// The body, or nil when it is longer than `limit` (a chunked body has no length up front).
    static func body(of request: HTTPRequest, limit: Int) async throws -> [UInt8]? {
        var bytes: [UInt8] = []
        for try await chunk in request.bodySequence {
            bytes += chunk
            if bytes.count > limit { return nil }
        }
        return bytes
    }

    /// The message of a `?done=` key after a write (fixed texts: nothing from the address is echoed).
    static func flash(_ key: String) -> Page.Flash? {
        let messages = [
            "logged": "Logged. The strength below includes it.",
            "staged": "Pipeline stage saved.",
            "imported": "Imported. The pages now show the new data.",
        ]
        return messages[key].map { Page.Flash(kind: .done, message: $0) }
    }
}

/// A value behind a lock.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
