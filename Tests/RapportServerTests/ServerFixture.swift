import FlyingFox
import Foundation
import Rapport
import RapportServer
import RapportUseCases
import Testing

/// A workspace in a temporary folder and the web app over it, with a known token and port.
final class ServerFixture: @unchecked Sendable {
    static let asOf = Day(iso: "2026-11-20")!
    static let port: UInt16 = 48_123
    let folder: String
    let location: WorkspaceLocation
    let app: WebApp
    var policy: AccessPolicy { app.policy }

    /// The Samples network (Avery Lindqvist's), imported as `rapport demo` imports it.
    static func samples(uploadLimit: Int = 1 << 20) throws -> ServerFixture {
        let fixture = try ServerFixture(uploadLimit: uploadLimit)
        let written = try DemoSamples.write(to: fixture.folder + "/samples")
        let files = written.map { fixture.folder + "/samples/" + $0.entry }
        _ = try Recording.initWorkspace(fixture.location, me: DemoSamples.me)
        _ = try Importing.run(Importing.Request(files: files, asOf: asOf), in: fixture.location)
        return fixture
    }

    /// A workspace from CSV texts (people, ties, interactions), the user named "Me Self".
    static func network(people: String, ties: String, interactions: String) throws -> ServerFixture {
        let fixture = try ServerFixture(uploadLimit: 1 << 20)
        _ = try Recording.initWorkspace(fixture.location, me: "Me Self")
        var files: [String] = []
        for (name, text) in [("people.csv", people), ("ties.csv", ties), ("interactions.csv", interactions)] {
            let path = fixture.folder + "/" + name
            try OutputFile.write(text, to: path)
            files.append(path)
        }
        _ = try Importing.run(Importing.Request(files: files, asOf: asOf), in: fixture.location)
        return fixture
    }

    private init(uploadLimit: Int) throws {
        folder = FileManager.default.temporaryDirectory.path + "/rapport-server-tests-" + AccessPolicy.randomToken().prefix(10)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        location = WorkspaceLocation(path: folder + "/rapport.db")
        let worker = ServerFixture.rapportExecutable
        app = try WebApp(
            workbench: Workbench(location: location, asOf: Self.asOf), policy: AccessPolicy(port: Self.port),
            renderer: worker.map { Drawing.renderer(executable: $0) }, uploadLimit: uploadLimit)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// `.build/<config>/rapport` beside the test bundle: the Graphviz worker (`__render-worker`).
    static let rapportExecutable: String? = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("rapport").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }()

    // MARK: In-process requests

    /// The headers of a request from the user's browser: the right Host and the session cookie.
    var browserHeaders: [HTTPHeader: String] {
        [.host: "127.0.0.1:\(policy.port)", .cookie: "\(AccessPolicy.cookieName)=\(policy.token)"]
    }

    /// GET `target` (path and query) as the browser sends it, unless `headers` says otherwise.
    func get(_ target: String, headers: [HTTPHeader: String]? = nil) async throws -> Reply {
        let parts = target.split(separator: "?", maxSplits: 1)
        let query = parts.count > 1 ? FormBody.urlEncoded(String(parts[1])).map { HTTPRequest.QueryItem(name: $0.key, value: $0.value) } : []
        let request = HTTPRequest(method: .GET, version: .http11, path: String(parts.first ?? "/"), query: query, headers: headers ?? browserHeaders, body: Data())
        return try await Reply(app.respond(to: request))
    }

    /// POST a url-encoded form, with the CSRF token unless `csrf` is false.
    func post(_ path: String, _ fields: [String: String], csrf: Bool = true) async throws -> Reply {
        var fields = fields
        if csrf { fields["csrf"] = policy.csrfToken }
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        var headers = browserHeaders
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers[.contentLength] = String(body.utf8.count)
        let request = HTTPRequest(method: .POST, version: .http11, path: path, query: [], headers: headers, body: Data(body.utf8))
        return try await Reply(app.respond(to: request))
    }

    /// POST a file as `multipart/form-data`, the way a browser uploads it.
    func upload(_ name: String, _ bytes: [UInt8], extra: [String: String] = [:]) async throws -> Reply {
        let boundary = "----RapportTestBoundary7MA4YWxk"
        var body: [UInt8] = []
        for (key, value) in extra.merging(["csrf": policy.csrfToken], uniquingKeysWith: { a, _ in a }) {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
        body += bytes + Array("\r\n--\(boundary)--\r\n".utf8)
        var headers = browserHeaders
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        headers[.contentLength] = String(body.count)
        let request = HTTPRequest(method: .POST, version: .http11, path: "/import", query: [], headers: headers, body: Data(body))
        return try await Reply(app.respond(to: request))
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? ""
    }

    /// The id of the person with display name `name`.
    func id(of name: String) throws -> String {
        let snapshot = try Session(location).snapshot()
        let index = try #require(snapshot.indices(named: name).first, "no \(name)")
        return snapshot.people[Int(index)].id
    }
}

/// A response, read whole.
struct Reply {
    var status: Int
    var headers: [String: String]
    var body: String

    init(status: Int, headers: [String: String], body: String) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    init(_ response: HTTPResponse) async throws {
        status = response.statusCode.code
        headers = Dictionary(response.headers.map { ($0.key.rawValue.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        body = String(decoding: try await response.bodyData, as: UTF8.self)
    }

    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// `rapport serve` as a process of its own: its server has its own threads, so a test run that keeps
/// the test process's cooperative pool busy cannot starve it.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let output = Pipe()
    /// What it printed up to the URL.
    private(set) var printed = ""
    private(set) var port: UInt16 = 0
    private(set) var token = ""

    init(_ arguments: [String]) async throws {
        process.executableURL = URL(fileURLWithPath: try #require(ServerFixture.rapportExecutable))
        process.arguments = ["serve"] + arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let reader = output.fileHandleForReading
        printed = try await offThePool { () -> String in
            var text = ""
            while !text.contains("Press Ctrl-C") {
                let data = reader.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
            }
            return text
        }
        let url = try #require(printed.split(separator: "\n").first { $0.contains("http://") }).trimmingCharacters(in: .whitespaces)
        let match = try #require(url.wholeMatch(of: /http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]{32})/), "\(printed)")
        port = try #require(UInt16(match.1))
        token = String(match.2)
    }

    /// Sends `signal` and returns the exit status and what was printed after the URL.
    func stop(_ signal: Int32 = SIGINT) async throws -> (status: Int32, rest: String) {
        kill(process.processIdentifier, signal)
        let process = self.process, reader = output.fileHandleForReading
        return try await offThePool { () -> (Int32, String) in
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: reader.readDataToEndOfFile(), as: UTF8.self))
        }
    }

    deinit { if process.isRunning { process.terminate() } }
}
