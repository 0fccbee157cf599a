import Foundation

/// An HTTP request as the handlers see it: fully read, with its body.
public struct HTTPRequest: Sendable {
    public var method: String
    /// The path without the query string, percent-decoded by libmicrohttpd.
    public var path: String
    /// Query arguments, percent-decoded.
    public var query: [String: String]
    /// Header fields with lowercased names, in the order they came. A request has a handful,
    /// so `header(_:)` searches this list instead of hashing every name into a dictionary.
    public var headers: [HeaderField]
    public var body: Data
    /// The peer's IP address as text ("127.0.0.1"), made when first asked for: few routes need it.
    public var remoteAddress: String {
        get { peer.text }
        set { peer = .text(newValue) }
    }
    private var peer: Peer
    /// Values taken from the route pattern (`/api/notes/:id` gives `id`).
    public var parameters: [String: String] = [:]

    public init(
        method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:],
        body: Data = Data(), remoteAddress: String = ""
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers.map { HeaderField(name: asciiLowercased($0.key.utf8), value: $0.value) }
        self.body = body
        self.peer = .text(remoteAddress)
    }

    /// A request as the transport read it: `headers` have lowercased names.
    init(method: String, path: String, query: [String: String], headers: [HeaderField], body: Data, peerIPv4: in_addr?) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.peer = peerIPv4.map(Peer.ipv4) ?? .text("")
    }

    /// A header value by case-insensitive name; of a repeated field, the last.
    public func header(_ name: String) -> String? {
        let lowercased = asciiLowercased(name.utf8)
        return headers.last { $0.name == lowercased }?.value
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
        // "Bearer" in any case, a space, then the token with spaces and tabs around it dropped
        // (byte by byte: this runs for every note).
        let bytes = Array(value.utf8)
        guard bytes.count > 7, bytes[6] == 32, equalIgnoringASCIICase(bytes[..<6], "bearer".utf8) else { return nil }
        var start = 7
        var end = bytes.count
        while start < end, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
        while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
        return start < end ? String(decoding: bytes[start..<end], as: UTF8.self) : nil
    }
}

/// One header field of a request.
public struct HeaderField: Sendable, Equatable {
    /// The name, lowercased.
    public var name: String
    public var value: String
}

/// The peer's address: as libmicrohttpd gave it, or as text.
private enum Peer: Sendable {
    case ipv4(in_addr)
    case text(String)

    var text: String {
        switch self {
        case .text(let text):
            return text
        case .ipv4(var address):
            return withUnsafeTemporaryAllocation(of: CChar.self, capacity: Int(INET_ADDRSTRLEN)) { buffer in
                guard let base = buffer.baseAddress, inet_ntop(AF_INET, &address, base, socklen_t(buffer.count)) != nil else { return "" }
                return String(cString: base)
            }
        }
    }
}
