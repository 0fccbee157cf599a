import Foundation
import SamenspelCore

/// A question's dots as the API shows them: totals after the trainer's merges.
struct APIVotes: Encodable, Equatable {
    var question: String
    var open: Bool
    var dots: Int
    /// Dots per theme id; a theme merged into another counts there.
    var totals: [String: Int]
    /// Phones that put at least one dot.
    var voters: Int
    /// This phone's dots, when asked with a participant token.
    var mine: [String: Int]?
    /// In the `votes.changed` event: the question's themes by id and label, so a voting phone sees
    /// a theme renamed, merged or split off without asking for the themes after every vote.
    var labels: [String: String]?
}

/// What `PUT /api/votes` answers: the phone's dots as stored and how many it has left.
struct VoteReceipt: Encodable { var question: String; var votes: [String: Int]; var left: Int }

struct VotingRequest: Decodable { var open: Bool; var dots: Int? }
struct VotesRequest: Decodable { var votes: [String: Int]; var question: String? }

/// Dot voting: the trainer opens and closes it, each phone spreads its dots over the current
/// question's themes and may change them until it closes.
extension SessionService {
    /// Opens voting on the current question with `dots` per phone, or closes it.
    func setVoting(open: Bool, dots: Int?) throws -> APISession {
        let dots = dots ?? Session.defaultDots
        guard Session.dotRange.contains(dots) else {
            throw AppError.unprocessable("A phone gets \(Session.dotRange.lowerBound) to \(Session.dotRange.upperBound) dots.")
        }
        return try changeLock.withLock {
            let current = try activeSession()
            let api = try changed(try database.setVoting(dots: open ? dots : nil, sessionID: current.id))
            publishVotes(try activeSession())
            return api
        }
    }

    /// Replaces a phone's dots on the question being voted on.
    func replaceVotes(_ request: VotesRequest, by participant: Participant) throws -> VoteReceipt {
        // The themes before the lock: computing them may take a while, and notes wait for the lock.
        let known = Set(try themes.themes(for: try activeSession()).themes.map(\.id))
        return try changeLock.withLock {
            let session = try activeSession()
            guard participant.sessionID == session.id else { throw AppError.conflict("This phone joined an earlier session.") }
            guard let dots = session.votingDots else { throw AppError.conflict("Voting is closed.") }
            let question = session.question.id
            if let asked = request.question, asked != question {
                throw AppError.conflict("The room votes on another question now; reload to see it.")
            }
            if let negative = request.votes.first(where: { $0.value < 0 }) {
                throw AppError.unprocessable("A theme gets 0 or more dots, not \(negative.value).")
            }
            let given = request.votes.values.reduce(0, +)
            guard given <= dots else { throw AppError.unprocessable("Each phone has \(dots) dots; these are \(given).") }
            if let unknown = request.votes.keys.sorted().first(where: { !known.contains($0) }) {
                throw AppError.unprocessable("There is no theme '\(unknown)' in this question.")
            }
            let kept = request.votes.filter { $0.value > 0 }
            try database.replaceVotes(kept, token: participant.token, sessionID: session.id, question: question)
            publishVotes(session)
            return VoteReceipt(question: question, votes: kept, left: dots - given)
        }
    }

    /// The dots of a question (default: the current one), with this phone's when it asks.
    func votes(question: String?, token: String?) throws -> APIVotes {
        let session = try activeSession()
        return try votes(of: session, question: try requireQuestion(question, in: session).id, token: token)
    }

    /// Totals (and a phone's own dots) follow the merges, so a phone sees its dots on the theme
    /// that holds them now, and can move them.
    func votes(of session: Session, question: String, token: String? = nil) throws -> APIVotes {
        let stored = try database.votes(sessionID: session.id, question: question)
        let decisions = try database.themeDecisions(sessionID: session.id, question: question)
        let open = session.votingDots != nil && session.question.id == question
        let mine = try token.map { decisions.carrying(try database.votes(token: $0, sessionID: session.id, question: question)) }
        return APIVotes(question: question, open: open, dots: session.votingDots ?? Session.defaultDots,
                        totals: decisions.carrying(stored.perTheme), voters: stored.voters, mine: mine)
    }

    /// Announces the current question's dots (with its themes' labels while a vote is open).
    /// Call under `changeLock`.
    func publishVotes(_ session: Session) {
        guard var votes = try? votes(of: session, question: session.question.id) else { return }
        if votes.open, let current = try? themes.themes(for: session) {
            votes.labels = Dictionary(current.themes.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        }
        publish("votes.changed", votes)
    }
}
