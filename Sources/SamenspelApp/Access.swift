import MicroHTTP

/// Who may call a route. Each route declares the least role it needs.
public enum Role: String, Sendable, CaseIterable {
    /// Anyone on the network: the board, a phone before it joins.
    case viewer
    /// A phone with a token bound to one group of the active session.
    case participant
    /// The trainer, by token (bearer header or the cookie the trainer URL sets).
    case trainer
}

/// A phone that joined a group.
struct Participant: Sendable {
    var token: String
    var sessionID: String
    var group: String
}

/// Checks a request against the role a route needs.
struct Access: Sendable {
    static let trainerCookie = "samenspel_trainer"
    static let pinCookie = "samenspel_pin"
    static let csrfHeader = "X-CSRF-Token"
    let trainerToken: String
    /// Sent back by the trainer page with every change: a cookie alone is not enough.
    let csrfToken: String
    /// The trainer PIN, when the server was started with one.
    let pin: String?
    /// What the PIN cookie holds after the PIN was entered (new every run).
    let pinSession: String
    let pinAttempts = RateLimiter(limit: 5, per: 60)
    let database: AppDatabase
    /// The id of the active session (cached by the session service).
    let activeSessionID: @Sendable () throws -> String
    let tokens = TokenCache()

    func isTrainer(_ request: HTTPRequest) -> Bool {
        let offered = request.bearerToken ?? request.cookie(Self.trainerCookie)
        return offered.map { Token.equal($0, trainerToken) } ?? false
    }

    /// The participant behind the request's bearer token, or a 401/403 error.
    func participant(_ request: HTTPRequest) throws -> Participant {
        guard let token = request.bearerToken else {
            throw AppError.unauthorized("Join a group first: this needs a participant token.")
        }
        guard let found = try tokens.lookup(token, in: database), found.sessionID == (try activeSessionID()) else {
            throw AppError.unauthorized("This group token is not valid for the current session; join again.")
        }
        return Participant(token: token, sessionID: found.sessionID, group: found.group)
    }

    /// Refuses a request that lacks `role`; returns what it learnt of the caller.
    func check(_ role: Role, _ request: HTTPRequest) throws -> Caller {
        switch role {
        case .viewer:
            return Caller()
        case .participant:
            return Caller(participant: try participant(request))
        case .trainer:
            try requireTrainer(request, pinExempt: false)
            return Caller()
        }
    }

    /// The trainer token, then the PIN (if any), then for cookie-authenticated changes the CSRF token.
    func requireTrainer(_ request: HTTPRequest, pinExempt: Bool) throws {
        guard isTrainer(request) else {
            throw AppError.unauthorized("This needs the trainer: open the trainer link printed in the terminal.")
        }
        if let pin, !pinExempt {
            let offered = request.cookie(Self.pinCookie).map { Token.equal($0, pinSession) }
                ?? request.header("X-Samenspel-PIN").map { Token.equal($0, pin) } ?? false
            if !offered {
                var error = AppError.unauthorized("Enter the trainer PIN.")
                error.pinRequired = true
                throw error
            }
        }
        // The PIN route is exempt: a page without the PIN cannot have the token yet, and the
        // SameSite=Strict cookie already keeps other sites from sending it.
        let changes = !["GET", "HEAD"].contains(request.method) && !pinExempt
        if changes, request.bearerToken == nil, !Token.equal(request.header(Self.csrfHeader) ?? "", csrfToken) {
            throw AppError.forbidden("This change lacks the page's CSRF token; reload the trainer page.")
        }
    }

    /// Checks a PIN (at most 5 tries a minute per address) and returns the cookie that proves it.
    func enterPIN(_ offered: String, from address: String) throws -> String? {
        guard let pin else { return nil }
        try pinAttempts.check(address, "Too many wrong PINs; wait a minute.")
        guard Token.equal(offered, pin) else { throw AppError.forbidden("That PIN is not right.") }
        return "\(Self.pinCookie)=\(pinSession); HttpOnly; SameSite=Strict; Path=/; Max-Age=86400"
    }
}
