import Foundation
import RapportTestSupport
import Testing

/// Debian's `chromium`, headless, against a running `rapport serve`: each page load is one
/// `--dump-dom` run with the token in the URL, its console log checked for errors.
struct HeadlessChromium {
    let folder: String
    let port: UInt16
    let token: String

    static let path = ChromiumPath.found

    /// The URL of `target` (path and query) with the token added.
    func url(_ target: String) -> String {
        "http://127.0.0.1:\(port)\(target)\(target.contains("?") ? "&" : "?")token=\(token)"
    }

    /// The DOM of `target` after load. Fails the test on any console error.
    func load(_ target: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let result = try await Self.run(["--dump-dom", "--user-data-dir=\(folder)/chromium", url(target)])
        #expect(result.status == 0, "\(target): \(result.log.suffix(500))", sourceLocation: sourceLocation)
        let errors = Self.consoleErrors(result.log)
        #expect(errors.isEmpty, "\(target): console errors: \(errors)", sourceLocation: sourceLocation)
        #expect(!result.dom.contains("Open the URL that"), "\(target): the token was refused", sourceLocation: sourceLocation)
        return result.dom
    }

    /// A screenshot of `target` on a phone-sized and a desktop window; returns the desktop PNG.
    func screenshot(_ target: String, to path: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [UInt8] {
        let result = try await Self.run(["--screenshot=\(path)", "--window-size=1280,1800", "--hide-scrollbars", "--user-data-dir=\(folder)/chromium", url(target)])
        #expect(Self.consoleErrors(result.log).isEmpty, "\(target): \(Self.consoleErrors(result.log))", sourceLocation: sourceLocation)
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// A form post as the browser sends it: url-encoded fields, the session cookie, the Host.
    func post(_ path: String, _ fields: [String: String]) async throws -> Reply {
        let body = fields.map { "\(ServerFixture.encode($0.key))=\(ServerFixture.encode($0.value))" }.joined(separator: "&")
        return try await LoopbackClient.exchange(
            port: port,
            head: "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nCookie: rapport_token=\(token)\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)",
            body: Array(body.utf8))
    }

    /// A file upload as the browser sends it (`multipart/form-data`).
    func upload(_ name: String, _ bytes: [UInt8], csrf: String) async throws -> Reply {
        let boundary = "----ChromiumFormBoundaryq1w2e3r4"
        var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n".utf8)
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
        body += bytes + Array("\r\n--\(boundary)--\r\n".utf8)
        return try await LoopbackClient.exchange(
            port: port,
            head: "POST /import HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nCookie: rapport_token=\(token)\r\nContent-Type: multipart/form-data; boundary=\(boundary)\r\nContent-Length: \(body.count)",
            body: body)
    }

    /// Runs Chromium; its stderr carries the console (`--enable-logging=stderr --v=0`).
    static func run(_ arguments: [String]) async throws -> (status: Int32, dom: String, log: String) {
        let executable = try #require(path)
        return try await offThePool { try blockingRun(executable, arguments) }
    }

    private static func blockingRun(_ executable: String, _ arguments: [String]) throws -> (status: Int32, dom: String, log: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments =
            ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--enable-logging=stderr", "--v=0", "--timeout=20000"]
            + arguments
        // stderr (the console log) to a file, stdout (the DOM) through a pipe: neither can fill up.
        let logPath = FileManager.default.temporaryDirectory.path + "/rapport-chromium-\(UUID().uuidString).log"
        FileManager.default.createFile(atPath: logPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: logPath) }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        try process.run()
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return (process.terminationStatus, dom, log)
    }

    /// Log lines that report a page error: uncaught exceptions, console errors, refused loads (CSP).
    static func consoleErrors(_ log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { line in
            line.contains("Uncaught") || line.contains("ERROR:CONSOLE")
                || (line.contains(":CONSOLE") && line.contains("rror"))
                || line.contains("net::ERR_") || line.contains("Refused to")
        }
    }
}
