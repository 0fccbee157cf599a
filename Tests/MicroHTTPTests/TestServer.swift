import Foundation
import MicroHTTP

/// Starts a server on port 0 with a router built by `routes`, for one test.
func makeServer(
    maxBody: Int = 16 * 1024, hub: EventHub = EventHub(), connectionTimeout: Int? = nil,
    _ routes: (inout Router) -> Void = { _ in }
) throws -> HTTPServer {
    var router = Router(
        recover: { error, _ in
            if let notAllowed = error as? MethodNotAllowed { return .text("not allowed: \(notAllowed.allowed)", status: 405) }
            return .text("error: \(error)", status: 500)
        },
        notFound: { _ in .text("not found", status: 404) })
    router.add("GET", "/hello") { _ in .text("hello") }
    router.add("POST", "/echo") { request in
        .text("\(request.body.count):\(String(decoding: request.body.prefix(20), as: UTF8.self))")
    }
    router.add("GET", "/items/:id") { request in
        .text("item \(request.parameters["id"] ?? "?") q=\(request.query["q"] ?? "") h=\(request.header("X-Test") ?? "") from=\(request.remoteAddress)")
    }
    router.add("GET", "/events") { request in
        .eventStream(hub.subscribe(lastEventID: request.header("Last-Event-ID")))
    }
    routes(&router)
    var configuration = HTTPServer.Configuration()
    configuration.host = "127.0.0.1"
    configuration.port = 0
    configuration.threads = 2
    configuration.maxBodyBytes = maxBody
    if let connectionTimeout { configuration.connectionTimeout = connectionTimeout }
    let server = HTTPServer(configuration: configuration, responder: router)
    try server.start()
    return server
}
