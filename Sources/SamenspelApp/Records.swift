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

    init(_ session: Session) {
        id = session.id
        workshopId = session.workshop.id
        workshop = session.workshop
        phase = session.phase.rawValue
        createdAt = session.createdAt
    }

    var session: Session {
        Session(id: id, workshop: workshop, phase: Session.Phase(rawValue: phase) ?? .closed, createdAt: createdAt)
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
    var text: String
    var createdAt: Date
    var updatedAt: Date

    init(_ note: Note) {
        id = note.id
        sessionId = note.sessionID
        groupId = note.group
        text = note.text
        createdAt = note.createdAt
        updatedAt = note.updatedAt
    }

    var note: Note {
        Note(id: id, sessionID: sessionId, group: groupId, text: text, createdAt: createdAt, updatedAt: updatedAt)
    }
}

/// A row of `setting`: small key/value state such as the trainer token.
struct SettingRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "setting"
    var key: String
    var value: String
}
