/// Routes requests by method and path pattern. Patterns are literal segments and
/// `:name` parameters, e.g. `/api/notes/:id`; a trailing `*` matches the rest.
public struct Router: HTTPResponder {
    public typealias Handler = @Sendable (HTTPRequest) throws -> HTTPResponse

    /// One segment of a pattern, parsed once when the route is added.
    enum Segment: Sendable {
        case literal(Substring)
        case parameter(String)
        /// A trailing `*`: the rest of the path, if any.
        case rest
    }

    struct Route {
        let method: String
        let segments: [Segment]
        let handler: Handler
    }

    private var routes: [Route] = []
    private let recover: @Sendable (any Error, HTTPRequest) -> HTTPResponse
    private let notFound: @Sendable (HTTPRequest) -> HTTPResponse

    /// - Parameters:
    ///   - recover: turns an error thrown by a handler into a response.
    ///   - notFound: answers a path no route has.
    public init(
        recover: @escaping @Sendable (any Error, HTTPRequest) -> HTTPResponse,
        notFound: @escaping @Sendable (HTTPRequest) -> HTTPResponse
    ) {
        self.recover = recover
        self.notFound = notFound
    }

    /// Adds a route. Earlier routes win when two match.
    public mutating func add(_ method: String, _ pattern: String, _ handler: @escaping Handler) {
        let segments = Self.split(pattern).map { segment -> Segment in
            if segment == "*" { return .rest }
            if segment.hasPrefix(":") { return .parameter(String(segment.dropFirst())) }
            return .literal(segment)
        }
        routes.append(Route(method: method, segments: segments, handler: handler))
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        let path = Self.split(request.path)
        var pathMatched = false
        for route in routes {
            guard let parameters = Self.match(route.segments, path) else { continue }
            pathMatched = true
            guard route.method == request.method || (route.method == "GET" && request.method == "HEAD") else {
                continue
            }
            var request = request
            request.parameters = parameters
            do {
                return try route.handler(request)
            } catch {
                return recover(error, request)
            }
        }
        if pathMatched {
            let allowed = Set(routes.filter { Self.match($0.segments, path) != nil }.map(\.method)).sorted()
            var response = recover(MethodNotAllowed(allowed: allowed), request)
            response.setHeader("Allow", allowed.joined(separator: ", "))
            return response
        }
        return notFound(request)
    }

    static func split(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// The parameters of `path` if it matches `pattern` (a dictionary only when there are any).
    static func match(_ pattern: [Segment], _ path: [Substring]) -> [String: String]? {
        if case .rest = pattern.last {
            guard path.count >= pattern.count - 1 else { return nil }
        } else if pattern.count != path.count {
            return nil
        }
        var parameters: [String: String] = [:]
        for (index, segment) in pattern.enumerated() {
            switch segment {
            case .rest: return parameters
            case .literal(let text): guard text == path[index] else { return nil }
            case .parameter(let name): parameters[name] = String(path[index])
            }
        }
        return parameters
    }
}

/// Thrown to `recover` when the path exists but not for this method.
public struct MethodNotAllowed: Error, Sendable {
    public let allowed: [String]
}
