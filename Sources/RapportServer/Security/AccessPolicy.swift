import Foundation

/// The rules every request to `rapport serve` passes before any page runs (Docs/Security.md, "Server").
///
/// - The Host header must name the loopback interface with the server's port (`127.0.0.1:P`,
///   `[::1]:P`, `localhost:P`): a page on another site that rebinds its DNS name to 127.0.0.1 sends
///   its own name as Host, and is refused (DNS rebinding).
/// - Every request carries the access token: in the URL once (`?token=…`, as Jupyter prints it),
///   which sets an HttpOnly, SameSite=Strict cookie, then in that cookie.
/// - Every POST carries the CSRF token in a form field, compared in constant time.
public struct AccessPolicy: Sendable {
    /// 128 random bits as 32 hex digits: the secret in the printed URL and the cookie.
    public let token: String
    /// 128 random bits, written into every form and required with every POST.
    public let csrfToken: String
    /// The port the server listens on; the Host header must carry it.
    public var port: UInt16

    public static let cookieName = "rapport_token"

    public init(token: String = AccessPolicy.randomToken(), csrfToken: String = AccessPolicy.randomToken(), port: UInt16) {
        self.token = token
        self.csrfToken = csrfToken
        self.port = port
    }

    /// 128 bits from the system's cryptographic generator (getrandom / /dev/urandom on Linux).
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let words = [generator.next(), generator.next()] as [UInt64]
        return words.map { String(format: "%016llx", $0) }.joined()
    }

    /// Whether `host` (the Host header) names this server on the loopback interface.
    public func allowsHost(_ host: String?) -> Bool {
        guard let host = host?.lowercased() else { return false }
        return ["127.0.0.1", "[::1]", "localhost"].contains { host == "\($0):\(port)" }
    }

    /// How a request proved it may see the workspace.
    public enum Credential: Equatable, Sendable {
        /// The token in the query: answer with a redirect that sets the cookie and drops the token.
        case queryToken
        case cookie
    }

    /// The credential the request carries, or nil when it carries none that is right.
    public func credential(query token: String?, cookieHeader: String?) -> Credential? {
        if let token, Self.equalInConstantTime(token, self.token) { return .queryToken }
        if let value = Self.cookie(named: Self.cookieName, in: cookieHeader), Self.equalInConstantTime(value, self.token) {
            return .cookie
        }
        return nil
    }

    /// Whether a POST's form carries the CSRF token.
    public func acceptsCSRF(_ value: String?) -> Bool {
        guard let value else { return false }
        return Self.equalInConstantTime(value, csrfToken)
    }

    /// The `Set-Cookie` value that keeps the token for the session: not readable by scripts, never
    /// sent with a request another site starts.
    public var sessionCookie: String {
        "\(Self.cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict"
    }

    /// The headers on every response, error pages included.
    public static let responseHeaders: [(String, String)] = [
        ("Content-Security-Policy", "default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Cache-Control", "no-store"),
    ]

    /// The value of cookie `name` in a `Cookie` header.
    static func cookie(named name: String, in header: String?) -> String? {
        guard let header else { return nil }
        for pair in header.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// Compares without an early exit, so that the time taken does not tell how much of a guess was right.
    /// - Complexity: O(max(a, b)).
    static func equalInConstantTime(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) {
            difference |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)
        }
        return difference == 0
    }
}
