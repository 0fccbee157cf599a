import Foundation

/// An HTTP request as the handlers see it: fully read, with its body.
public struct HTTPRequest: Sendable {
    public var method: String
    /// The path without the query string, percent-decoded by libmicrohttpd.
    public var path: String
    /// Query arguments, percent-decoded.
    public var query: [String: String]
    /// Header fields with lowercased names.
    public var headers: [String: String]
    public var body: Data
    /// The peer's IP address as text ("127.0.0.1").
    public var remoteAddress: String
    /// Values taken from the route pattern (`/api/notes/:id` gives `id`).
    public var parameters: [String: String] = [:]

    public init(
        method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:],
        body: Data = Data(), remoteAddress: String = ""
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }

    /// A header value by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// The value of one cookie from the `Cookie` header.
    public func cookie(_ name: String) -> String? {
        guard let line = header("cookie") else { return nil }
        for part in line.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces) == name {
                return pair[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// The token of an `Authorization: Bearer <token>` header.
    public var bearerToken: String? {
        guard let value = header("authorization") else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].utf8.count == 6, parts[0].lowercased() == "bearer" else { return nil }
        // Spaces and tabs around the token (ASCII only: a token is base64url).
        let token = parts[1].utf8.drop { $0 == 32 || $0 == 9 }.reversed().drop { $0 == 32 || $0 == 9 }.reversed()
        return token.isEmpty ? nil : String(decoding: Array(token), as: UTF8.self)
    }
}
