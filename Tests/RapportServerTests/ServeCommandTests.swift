import Foundation
import RapportServer
import Testing

/// `rapport serve` as a user runs it: one URL with a 128-bit token, loopback only, a clean stop on
/// Ctrl-C and on SIGTERM; and `rapport demo` ends by saying how to start it.
@Suite(.serialized, .enabled(if: ServerFixture.rapportExecutable != nil, "the rapport executable is not built"))
struct ServeCommandTests {
    @Test(arguments: [SIGINT, SIGTERM])
    func servePrintsOneTokenURLAndStopsCleanly(on signal: Int32) async throws {
        let f = try ServerFixture.samples()
        let serve = try await ServeProcess(["--db", f.location.path, "--as-of", "2026-11-20"])
        let urls = serve.printed.split(separator: "\n").filter { $0.contains("http://") }
        #expect(urls.count == 1, "\(serve.printed)")
        let port = serve.port, token = serve.token
        let home = try await LoopbackClient.exchange(port: port, head: "GET /?token=\(token) HTTP/1.1\r\nHost: 127.0.0.1:\(port)")
        #expect(home.status == 303)
        #expect(home.headers["set-cookie"]?.contains("HttpOnly") == true)
        let wrong = try await LoopbackClient.exchange(port: port, head: "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)")
        #expect(wrong.status == 403)
        let (status, rest) = try await serve.stop(signal)
        #expect(status == 0)
        #expect(rest.contains("Stopped."))
    }

    @Test func theDemoEndsBySayingHowToServeItsWorkspace() async throws {
        let folder = FileManager.default.temporaryDirectory.path + "/rapport-demo-serve-" + AccessPolicy.randomToken().prefix(8)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(ServerFixture.rapportExecutable))
        process.arguments = ["demo", "-o", folder]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = try await offThePool { () -> String in
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        #expect(process.terminationStatus == 0)
        let lines = text.split(separator: "\n").suffix(2)
        #expect(lines.last == "  rapport serve --db \(folder)/rapport.db --as-of 2026-11-20 --open", "\(lines)")
    }
}
