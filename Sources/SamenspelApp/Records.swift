import Foundation
import GRDB
import SamenspelCore

/// A row of `session`. The workshop is stored whole, so an old session still
/// shows as it ran even after its YAML file changed.
struct SessionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "session"
    var id: String
    var workshopId: String
    var workshop: Workshop
    var phase: String
    var createdAt: Date
    var timerEndsAt: Date?
    var timerSeconds: Int?
    var questionId: String?
    var votingDots: Int?

    init(_ session: Session) {
        id = session.id
        workshopId = session.workshop.id
        workshop = session.workshop
        phase = session.phase.rawValue
        createdAt = session.createdAt
        timerEndsAt = session.timer?.endsAt
        timerSeconds = session.timer?.seconds
        questionId = session.questionID
        votingDots = session.votingDots
    }

    var session: Session {
        var timer: Session.Timer?
        if let timerEndsAt, let timerSeconds { timer = Session.Timer(endsAt: timerEndsAt, seconds: timerSeconds) }
        return Session(id: id, workshop: workshop, phase: Session.Phase(rawValue: phase) ?? .closed, createdAt: createdAt, timer: timer,
                       questionID: questionId, votingDots: votingDots)
    }
}

/// A row of `participant`: a phone's token, bound to one group of one session.
struct ParticipantRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "participant"
    var token: String
    var sessionId: String
    var groupId: String
    var createdAt: Date
}

/// A row of `note`.
struct NoteRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "note"
    var id: String
    var sessionId: String
    var groupId: String
    var questionId: String
    var text: String
    var createdAt: Date
    var updatedAt: Date
    var hidden: Bool
    var deletedAt: Date?
    /// The participant token that wrote it, for the per-phone limits.
    var author: String?

    init(_ note: Note, author: String? = nil) {
        id = note.id
        sessionId = note.sessionID
        groupId = note.group
        questionId = note.question
        text = note.text
        createdAt = note.createdAt
        updatedAt = note.updatedAt
        hidden = note.hidden
        deletedAt = nil
        self.author = author
    }

    var note: Note {
        Note(id: id, sessionID: sessionId, group: groupId, question: questionId, text: text, createdAt: createdAt,
             updatedAt: updatedAt, hidden: hidden)
    }

    /// Notes that count: not deleted.
    static var live: QueryInterfaceRequest<NoteRecord> { filter(Column("deletedAt") == nil) }
}

/// A row of `setting`: small key/value state such as the trainer token.
struct SettingRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "setting"
    var key: String
    var value: String
}

/// A row of `themeDecision`.
struct ThemeDecisionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "themeDecision"
    var sessionId: String
    var questionId: String
    var decisions: ThemeDecisions
}

/// The trainer's decisions about themes, as stored.
struct ThemeDecisions: Codable, Equatable, Sendable {
    var pins: [String: String] = [:]
    var renames: [String: String] = [:]
    var merges: [String: String] = [:]
}

extension ThemeDecisions {
    /// Dots by theme id, each moved along the merges (a chain too) to the theme that holds it now.
    func carrying(_ dots: [String: Int]) -> [String: Int] {
        dots.reduce(into: [:]) { totals, entry in
            var id = entry.key
            var seen: Set<String> = [id]
            while let next = merges[id], seen.insert(next).inserted { id = next }
            totals[id, default: 0] += entry.value
        }
    }
}
