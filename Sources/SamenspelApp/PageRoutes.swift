import Foundation
import MicroHTTP

/// The pages (`/`, `/board`, `/trainer`, `/summary`) and the other front-end files.
struct PageRoutes: Sendable {
    let files: StaticFiles
    let access: Access

    func respond(to request: HTTPRequest) throws -> HTTPResponse {
        guard !request.path.hasPrefix("/api/") else {
            throw AppError.notFound("There is no API route \(request.path).")
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            throw AppError(status: 405, "Only GET reads pages.", headers: ["Allow": "GET, HEAD"])
        }
        if request.path == "/trainer", let token = request.query["token"] {
            return trainerLogin(token: token)
        }
        return try files.respond(to: request)
    }

    /// The trainer URL from the terminal: trade the token for an HttpOnly cookie and
    /// drop it from the address bar, so it does not show on a projector.
    private func trainerLogin(token: String) -> HTTPResponse {
        var response = HTTPResponse(status: 303, headers: [("Location", "/trainer")])
        if Token.equal(token, access.trainerToken) {
            response.setHeader("Set-Cookie", "\(Access.trainerCookie)=\(token); HttpOnly; SameSite=Strict; Path=/; Max-Age=86400")
        }
        return response
    }
}
