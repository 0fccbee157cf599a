import Foundation
import SamenspelCore

/// The workshop's questions: which one the room answers, and reading a question by id.
extension SessionService {
    /// The question `id` of `session`, or its current question for nil; an unknown one is a 404,
    /// as an unknown group is.
    func requireQuestion(_ id: String?, in session: Session) throws -> Workshop.Question {
        guard let id else { return session.question }
        guard let question = session.workshop.question(id) else {
            let known = session.workshop.questions.map(\.id).joined(separator: ", ")
            throw AppError.notFound("There is no question '\(id)' in this workshop (it has: \(known)).")
        }
        return question
    }

    /// Moves the room to another question: phones and boards follow, a dot vote ends, and a
    /// note shown large goes back to its board.
    func setQuestion(_ id: String) throws -> APISession {
        try changeLock.withLock {
            let current = try activeSession()
            let question = try requireQuestion(id, in: current)
            guard question.id != current.question.id else { return try apiSession(current) }
            spotlightLock.withLock { spotlightNote = nil }
            let api = try changed(try database.setQuestion(question.id, sessionID: current.id))
            themes.notesChanged(count: 0)
            return api
        }
    }

    /// The questions as the API lists them.
    static func questionItems(_ session: Session) -> [QuestionItem] {
        session.workshop.questions.map { QuestionItem(id: $0.id, text: $0.text) }
    }
}
