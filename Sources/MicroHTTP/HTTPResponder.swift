/// Anything that answers requests: the router, or a test's closure.
/// Called on libmicrohttpd's threads, so it must be quick and thread-safe.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) -> HTTPResponse
}

/// A responder made from a closure.
public struct ClosureResponder: HTTPResponder {
    let handler: @Sendable (HTTPRequest) -> HTTPResponse

    public init(_ handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.handler = handler
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        handler(request)
    }
}
