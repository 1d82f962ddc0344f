import FlyingFox
import Foundation
import Rapport
import RapportServer
import RapportStore
import RapportUseCases
import Testing

/// Issue 18 item 3, one test per rule (Docs/Security.md, "Server"): a wrong token, no token, a
/// wrong Host, a missing CSRF token, an oversized body, a path outside the app; and the headers on
/// every response, the cookie's attributes, a busy database.
@Suite(.serialized) struct SecurityTests {
    @Test func aWrongTokenIsRefused() async throws {
        let f = try ServerFixture.samples()
        let wrong = String(f.policy.token.reversed())
        let inURL = try await f.get("/?token=\(wrong)", headers: [.host: "127.0.0.1:\(f.policy.port)"])
        #expect(inURL.status == 403)
        let inCookie = try await f.get("/", headers: [.host: "127.0.0.1:\(f.policy.port)", .cookie: "rapport_token=\(wrong)"])
        #expect(inCookie.status == 403)
        // A prefix of the token is not the token.
        let prefix = try await f.get("/?token=\(f.policy.token.prefix(31))", headers: [.host: "127.0.0.1:\(f.policy.port)"])
        #expect(prefix.status == 403)
        #expect(!inURL.body.contains("Your network"))
    }

    @Test func noTokenIsRefusedOnEveryPathAndAsset() async throws {
        let f = try ServerFixture.samples()
        for path in ["/", "/person?id=me", "/search?q=a", "/static/app.css", "/import"] {
            let reply = try await f.get(path, headers: [.host: "127.0.0.1:\(f.policy.port)"])
            #expect(reply.status == 403, "\(path)")
        }
    }

    @Test func theTokenInTheURLBecomesAnHttpOnlyStrictCookieAndLeavesTheAddress() async throws {
        let f = try ServerFixture.samples()
        let reply = try await f.get("/search?q=Helen&token=\(f.policy.token)", headers: [.host: "localhost:\(f.policy.port)"])
        #expect(reply.status == 303)
        #expect(reply.header("Location") == "/search?q=Helen")
        let cookie = try #require(reply.header("Set-Cookie"))
        #expect(cookie.hasPrefix("rapport_token=\(f.policy.token);"))
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Strict"))
        // The cookie alone then opens the page.
        let page = try await f.get("/search?q=Helen")
        #expect(page.status == 200)
        #expect(page.body.contains("Helen"))
    }

    @Test func aWrongHostIsRefusedAgainstDNSRebinding() async throws {
        let f = try ServerFixture.samples()
        let port = f.policy.port
        for host in ["evil.example:\(port)", "127.0.0.1", "127.0.0.1:\(port + 1)", "localhost.evil.example:\(port)", "0.0.0.0:\(port)", ""] {
            var headers = f.browserHeaders
            headers[.host] = host
            let reply = try await f.get("/", headers: headers)
            #expect(reply.status == 403, "Host: \(host)")
        }
        var noHost = f.browserHeaders
        noHost[.host] = nil
        #expect(try await f.get("/", headers: noHost).status == 403)
        for host in ["127.0.0.1:\(port)", "[::1]:\(port)", "localhost:\(port)", "LOCALHOST:\(port)"] {
            var headers = f.browserHeaders
            headers[.host] = host
            #expect(try await f.get("/", headers: headers).status == 200, "Host: \(host)")
        }
    }

    @Test func aPostWithoutTheCSRFTokenIsRefusedAndWritesNothing() async throws {
        let f = try ServerFixture.samples()
        let helen = try f.id(of: "Helen Agarwal")
        let before = try f.location.open().generation()
        let form = ["id": helen, "kind": "coffee", "date": "2026-11-19", "one_on_one": "1"]
        let missing = try await f.post("/person/log", form, csrf: false)
        #expect(missing.status == 403)
        var wrong = form
        wrong["csrf"] = AccessPolicy.randomToken()
        #expect(try await f.post("/person/log", wrong, csrf: false).status == 403)
        #expect(try f.location.open().generation() == before)
        // With the token, the same form writes.
        #expect(try await f.post("/person/log", form).status == 303)
        #expect(try f.location.open().generation() == before + 1)
    }

    @Test func aBodyAboveTheLimitGets413OverLoopback() async throws {
        let f = try ServerFixture.samples(uploadLimit: 64 << 10)
        let server = LocalServer(app: f.app)
        let port = try await server.start(port: 0)
        defer { Task { await server.stop() } }
        let head = """
            POST /import HTTP/1.1\r
            Host: 127.0.0.1:\(port)\r
            Cookie: rapport_token=\(f.policy.token)\r
            Content-Type: multipart/form-data; boundary=x\r
            Content-Length: \(10 << 20)
            """
        let reply = try await LoopbackClient.exchange(port: port, head: head, body: [UInt8](repeating: 65, count: 128 << 10))
        #expect(reply.status == 413)
        #expect(reply.headers["x-content-type-options"] == "nosniff")
        // A chunked body (no length up front) is cut off at the limit too.
        let chunk = [UInt8](repeating: 66, count: 96 << 10)
        let chunked = Array("\(String(chunk.count, radix: 16))\r\n".utf8) + chunk + Array("\r\n0\r\n\r\n".utf8)
        let head2 = head.replacingOccurrences(of: "Content-Length: \(10 << 20)", with: "Transfer-Encoding: chunked")
        #expect(try await LoopbackClient.exchange(port: port, head: head2, body: chunked).status == 413)
        // The server still answers afterwards.
        let home = try await LoopbackClient.exchange(port: port, head: "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nCookie: rapport_token=\(f.policy.token)")
        #expect(home.status == 200)
    }

    @Test func aPathOutsideTheAppIs404() async throws {
        let f = try ServerFixture.samples()
        for path in ["/etc/passwd", "/../../etc/passwd", "/static/../../rapport.db", "/rapport.db", "/static/", "/person/log"] {
            let reply = try await f.get(path)
            #expect(reply.status == 404, "\(path)")
        }
        // Over the socket too, where the path arrives unnormalized.
        let server = LocalServer(app: f.app)
        let port = try await server.start(port: 0)
        defer { Task { await server.stop() } }
        let reply = try await LoopbackClient.exchange(
            port: port, head: "GET /../../../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nCookie: rapport_token=\(f.policy.token)")
        #expect(reply.status == 404)
        #expect(!reply.body.contains("root:"))
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        let f = try ServerFixture.samples()
        let replies = [
            try await f.get("/"), try await f.get("/static/app.js"), try await f.get("/nowhere"),
            try await f.get("/", headers: [.host: "evil.example"]), try await f.post("/person/log", [:], csrf: false),
        ]
        for reply in replies {
            #expect(reply.header("Content-Security-Policy")?.hasPrefix("default-src 'self'") == true)
            #expect(reply.header("X-Content-Type-Options") == "nosniff")
            #expect(reply.header("Referrer-Policy") == "no-referrer")
        }
    }

    @Test func theServerListensOnLoopbackOnlyBothFamilies() async throws {
        let f = try ServerFixture.samples()
        let server = LocalServer(app: f.app)
        let port = try await server.start(port: 0)
        defer { Task { await server.stop() } }
        let head = "GET / HTTP/1.1\r\nHost: [::1]:\(port)\r\nCookie: rapport_token=\(f.policy.token)"
        if server.servesIPv6 {
            #expect(try await LoopbackClient.exchange(host: "::1", port: port, head: head).status == 200)
        }
        // Not on another address of this machine: the socket is bound to 127.0.0.1, not 0.0.0.0.
        let addresses = try String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)
        let hexPort = String(format: "%04X", port)
        #expect(addresses.contains("0100007F:\(hexPort)"))
        #expect(!addresses.contains("00000000:\(hexPort)"))
    }

    @Test func aBusyDatabaseAnswers503WithRetryAfter() async throws {
        let f = try ServerFixture.samples()
        let helen = try f.id(of: "Helen Agarwal")
        // Another process holds the write lock past the busy timeout (5 s).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = [
            "python3", "-c",
            "import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1], isolation_level=None); c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); time.sleep(9)",
            f.location.path,
        ]
        let pipe = Pipe()
        holder.standardOutput = pipe
        try holder.run()
        defer { holder.terminate() }
        _ = pipe.fileHandleForReading.availableData  // "locked"
        let reply = try await f.post("/person/log", ["id": helen, "kind": "coffee", "date": "2026-11-19"])
        #expect(reply.status == 503)
        #expect(reply.header("Retry-After") == "2")
        #expect(reply.body.contains("busy"))
    }
}
