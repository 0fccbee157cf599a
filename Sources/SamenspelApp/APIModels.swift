import Foundation
import SamenspelCore

/// A note as the API shows it.
struct APINote: Codable, Equatable {
    var id: String
    var group: String
    var text: String
    var createdAt: Date
    var updatedAt: Date

    init(_ note: Note) {
        id = note.id
        group = note.group
        text = note.text
        createdAt = note.createdAt
        updatedAt = note.updatedAt
    }
}

/// The active session as the API shows it.
struct APISession: Encodable {
    var id: String
    var phase: String
    var createdAt: Date
    var joinUrl: String
    var workshop: Workshop
    var counts: [String: Int]
}

struct NoteList: Encodable {
    var notes: [APINote]
    /// The event id the list is current to; subscribe with it to miss nothing.
    var cursor: String
}

struct JoinRequest: Decodable { var group: String }
struct JoinResponse: Encodable { var token: String; var group: String; var session: String }
struct NewNoteRequest: Decodable { var id: String; var text: String }
struct NoteTextRequest: Decodable { var text: String }
struct PhaseRequest: Decodable { var phase: String }
struct NewSessionRequest: Decodable { var workshop: String }
struct DeletedNote: Encodable { var id: String; var group: String }

struct TrainerOverview: Encodable {
    struct WorkshopChoice: Encodable { var id: String; var title: String; var language: String }
    var session: APISession
    var sessions: [SessionSummary]
    var workshops: [WorkshopChoice]
}
