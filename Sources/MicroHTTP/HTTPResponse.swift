import Foundation

/// What a handler answers: a status, headers and either bytes or a live event stream.
public struct HTTPResponse: Sendable {
    public enum Body: Sendable {
        case bytes(Data)
        /// A Server-Sent Events stream that stays open until either side closes it.
        case stream(EventStream)
        /// A response that will be ready later; the connection waits parked.
        case deferred(DeferredResponse)
    }

    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Body

    public init(status: Int, headers: [(name: String, value: String)] = [], body: Body = .bytes(Data())) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response with bytes of a content type.
    public init(status: Int, contentType: String, body: Data) {
        self.init(status: status, headers: [("Content-Type", contentType)], body: .bytes(body))
    }

    /// A plain-text response.
    public static func text(_ text: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", body: Data(text.utf8))
    }

    /// A response fulfilled later.
    public static func deferred(_ deferred: DeferredResponse) -> HTTPResponse {
        HTTPResponse(status: 0, body: .deferred(deferred))
    }

    /// An SSE response for a stream.
    public static func eventStream(_ stream: EventStream) -> HTTPResponse {
        HTTPResponse(
            status: 200,
            headers: [
                ("Content-Type", "text/event-stream; charset=utf-8"),
                ("Cache-Control", "no-cache"),
                ("X-Accel-Buffering", "no"),
            ],
            body: .stream(stream))
    }

    /// Adds or replaces a header.
    public mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { Self.sameName($0.name, name) }
        headers.append((name, value))
    }

    /// The first value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers.first { Self.sameName($0.name, name) }?.value
    }

    /// Header names compare without regard to ASCII case (and without allocating: every answer does this).
    static func sameName(_ a: String, _ b: String) -> Bool {
        equalIgnoringASCIICase(a.utf8, b.utf8)
    }

    /// The body bytes, or empty for a stream.
    public var bytes: Data {
        if case .bytes(let data) = body { return data }
        return Data()
    }
}

/// The bytes as text with ASCII letters lowercased. Header names are ASCII tokens, so this
/// is all they need, and far cheaper than `String.lowercased()` (it runs for every header).
func asciiLowercased<C: Collection<UInt8>>(_ bytes: C) -> String {
    String(unsafeUninitializedCapacity: bytes.count) { buffer in
        for (index, byte) in bytes.enumerated() {
            buffer[index] = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
        }
        return bytes.count
    }
}

/// Whether two byte sequences are equal when ASCII letters are folded to one case.
func equalIgnoringASCIICase<A: Collection<UInt8>, B: Collection<UInt8>>(_ a: A, _ b: B) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { x, y in
        x == y || (x | 0x20 == y | 0x20 && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(x | 0x20))
    }
}
