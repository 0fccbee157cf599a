import Foundation
import Logging
import MicroHTTP

/// The app's front door: routes API calls with their role checks, serves pages,
/// turns errors into JSON, and adds the security headers to every answer: the full set to
/// pages and files, a short one to JSON, which a browser never renders.
struct AppResponder: HTTPResponder {
    private let router: Router
    private let logger: Logger

    static let securityHeaders = [
        ("Content-Security-Policy",
         "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("X-Frame-Options", "DENY"),
        ("Cross-Origin-Resource-Policy", "same-origin"),
    ]

    /// For JSON answers (OWASP's set for APIs): nothing may load, frame or sniff them. Half
    /// the bytes of the page set, which matters on a phone's bad Wi-Fi and on every note.
    static let jsonSecurityHeaders = [
        ("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"),
        ("X-Content-Type-Options", "nosniff"),
        ("Cross-Origin-Resource-Policy", "same-origin"),
    ]

    init(api: APIRoutes, pages: PageRoutes, logger: Logger) {
        self.logger = logger
        var router = Router(
            recover: { error, request in Self.answer(error, request, logger) },
            notFound: { request in
                do {
                    return try pages.respond(to: request)
                } catch {
                    return Self.answer(error, request, logger)
                }
            })
        for route in api.table() {
            router.add(route.method, route.path) { request in
                if route.pinExempt {
                    try api.access.requireTrainer(request, pinExempt: true)
                    return try route.handler(request, Caller())
                }
                return try route.handler(request, try api.access.check(route.role, request))
            }
        }
        self.router = router
    }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        let response = router.respond(to: request)
        if case .deferred(let later) = response.body {
            later.transform { [logger] in Self.finish($0, request, logger) }
            return response
        }
        return Self.finish(response, request, logger)
    }

    /// Adds the common headers and logs the answer.
    private static func finish(_ response: HTTPResponse, _ request: HTTPRequest, _ logger: Logger) -> HTTPResponse {
        var response = response
        let json = response.header("Content-Type")?.hasPrefix("application/json") == true
        let headers = json ? jsonSecurityHeaders : securityHeaders
        response.headers.reserveCapacity(response.headers.count + headers.count + 1)
        for (name, value) in headers where response.header(name) == nil {
            response.setHeader(name, value)
        }
        if request.path.hasPrefix("/api/"), response.header("Cache-Control") == nil {
            response.setHeader("Cache-Control", "no-store")
        }
        // The path only: query strings can carry the trainer token.
        logger.debug("\(request.method) \(request.path) \(response.status)")
        return response
    }

    private static func answer(_ error: any Error, _ request: HTTPRequest, _ logger: Logger) -> HTTPResponse {
        switch error {
        case let error as AppError:
            if error.status >= 500 { logger.error("\(request.method) \(request.path): \(error.message)") }
            return .error(error)
        case let error as MethodNotAllowed:
            return .error(AppError(status: 405, "\(request.method) is not allowed here; use \(error.allowed.joined(separator: " or ")).",
                                   headers: ["Allow": error.allowed.joined(separator: ", ")]))
        default:
            logger.error("\(request.method) \(request.path): \(error)")
            return .error(AppError(status: 500, "Something went wrong on the laptop: \(error)"))
        }
    }
}
