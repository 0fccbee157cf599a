import Foundation
import SamenspelCore

/// Group summaries, publishing the session summary, and the archive of sessions.
extension SessionService {
    /// The most a group summary may hold.
    static let summaryLength = 2_000

    /// Saves what a group's phones typed into "Our summary". Allowed while the session
    /// is open or in discussion; every save replaces the last, so a reconnect loses nothing.
    /// - Parameter question: the question the phone showed; nil: the current one.
    func saveSummary(_ text: String, group: String, question: String? = nil, by participant: Participant) throws -> APIGroupSummary {
        guard group == participant.group else { throw AppError.forbidden("Each group writes only its own summary.") }
        let session = try activeSession()
        guard [.open, .closed].contains(session.phase) else {
            throw AppError.conflict("Summaries can be written during the brainstorm and the discussion.")
        }
        let text = text.trimmingCharacters(in: .whitespaces)
        guard text.count <= Self.summaryLength else {
            throw AppError.unprocessable("A summary holds at most \(Self.summaryLength) characters.")
        }
        let question = try requireQuestion(question, in: session).id
        let summary = GroupSummary(sessionId: session.id, questionId: question, groupId: group, text: text, updatedAt: Self.now())
        return try changeLock.withLock {
            try database.saveGroupSummary(summary)
            let api = APIGroupSummary(summary)
            publish("summary.updated", api)
            return api
        }
    }

    func summaries(question: String? = nil) throws -> [String: APIGroupSummary] {
        let session = try activeSession()
        let question = try requireQuestion(question, in: session).id
        return try database.groupSummaries(sessionID: session.id, question: question).mapValues(APIGroupSummary.init)
    }

    /// Publishes (or withdraws) the summary of a session; phones get a "take the summary" button.
    func publish(_ published: Bool, sessionID: String? = nil) throws -> APISession {
        let active = try activeSession()
        let id = sessionID ?? active.id
        guard try database.session(id: id) != nil else { throw AppError.notFound("There is no session \(id).") }
        return try changeLock.withLock {
            try database.setPublished(published ? Date() : nil, sessionID: id)
            let api = try apiSession(active)
            publish("session.changed", api)
            return api
        }
    }

    /// Whether a viewer may read the summary of a session: only once it is published.
    func isPublished(_ sessionID: String) throws -> Bool {
        try database.publishedAt(sessionID: sessionID) != nil
    }

    /// Deletes an archived session for good. The active one cannot be deleted.
    func deleteSession(_ sessionID: String) throws {
        guard sessionID != (try activeSession().id) else {
            throw AppError.conflict("This is the current session; start a new one before deleting it.")
        }
        guard try database.session(id: sessionID) != nil else { throw AppError.notFound("There is no session \(sessionID).") }
        try database.deleteSessionForGood(sessionID)
    }
}

/// A group summary as the API shows it.
struct APIGroupSummary: Codable, Equatable {
    var group: String
    var question: String
    var text: String
    var updatedAt: Date

    init(_ summary: GroupSummary) {
        group = summary.groupId
        question = summary.questionId
        text = summary.text
        updatedAt = summary.updatedAt
    }
}

struct SummaryRequest: Decodable { var text: String; var question: String? }
struct PublishRequest: Decodable { var published: Bool }
