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
    let trainerToken: String
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
            guard isTrainer(request) else {
                throw AppError.unauthorized("This needs the trainer: open the trainer link printed in the terminal.")
            }
            return Caller()
        }
    }
}
