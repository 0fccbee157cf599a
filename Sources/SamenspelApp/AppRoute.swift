import MicroHTTP

/// One API route: method, path pattern, the role it needs, and its handler.
struct AppRoute: Sendable {
    let method: String
    let path: String
    let role: Role
    let summary: String
    /// Trainer routes that work before the PIN was entered (the PIN route itself).
    var pinExempt = false
    let handler: @Sendable (HTTPRequest, Caller) throws -> HTTPResponse

    init(_ method: String, _ path: String, _ role: Role, _ summary: String,
         _ handler: @escaping @Sendable (HTTPRequest, Caller) throws -> HTTPResponse) {
        self.method = method
        self.path = path
        self.role = role
        self.summary = summary
        self.handler = handler
    }
}

/// What a route's role check found out about the caller.
struct Caller: Sendable {
    /// Set on routes that need a participant.
    var participant: Participant?

    /// The participant, for handlers of participant routes.
    func requireParticipant() throws -> Participant {
        guard let participant else { throw AppError.unauthorized("Join a group first.") }
        return participant
    }
}
