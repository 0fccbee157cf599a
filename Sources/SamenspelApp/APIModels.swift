import Foundation
import SamenspelCore

/// A note as the API shows it.
struct APINote: Codable, Equatable {
    var id: String
    var group: String
    /// The id of the question it answers.
    var question: String
    var text: String
    var createdAt: Date
    var updatedAt: Date
    var hidden: Bool
    /// The theme the trainer pinned the note to (trainer view only; absent when automatic).
    var theme: String?

    init(_ note: Note, pinnedTo theme: String? = nil) {
        self.theme = theme
        id = note.id
        group = note.group
        question = note.question
        text = note.text
        createdAt = note.createdAt
        updatedAt = note.updatedAt
        hidden = note.hidden
    }
}

extension APINote: HandWrittenJSON {
    var jsonBytes: [UInt8] {
        var writer = JSONObjectWriter(capacity: text.utf8.count + 160)
        writer.field("createdAt", createdAt)
        writer.field("group", group)
        writer.field("hidden", hidden)
        writer.field("id", id)
        writer.field("question", question)
        writer.field("text", text)
        if let theme { writer.field("theme", theme) }
        writer.field("updatedAt", updatedAt)
        return writer.finish()
    }
}

/// The active session as the API shows it.
struct APISession: Encodable {
    var id: String
    var phase: String
    var createdAt: Date
    var joinUrl: String
    var workshop: Workshop
    /// The workshop's questions, in order.
    var questions: [QuestionItem]
    /// The id of the question the room answers now.
    var question: String
    /// Whether the room votes on the current question's themes, and with how many dots a phone.
    var voting: VotingState
    /// Notes of the current question per group.
    var counts: [String: Int]
    /// Phones joined per group.
    var joined: [String: Int]
    var timer: Session.Timer?
    /// When the trainer published the summary; phones then offer it.
    var publishedAt: Date?
    /// The take-away of this session (names it, so it outlives the next session), once published.
    var summaryUrl: String?
    /// The note shown large on the board (its id), if the trainer shows one.
    var spotlight: String?
    /// The laptop's clock, so a phone can correct its own for the countdown.
    var serverTime: Date
}

/// A question as phones and boards show it.
struct QuestionItem: Codable, Equatable { var id: String; var text: String }

/// The dot vote of the active session: open on the current question, or closed.
struct VotingState: Codable, Equatable {
    var open: Bool
    var dots: Int
}

struct NoteList: Encodable {
    var notes: [APINote]
    /// The event id the list is current to; subscribe with it to miss nothing.
    var cursor: String
}

struct JoinRequest: Decodable, FlatJSONReadable {
    var group: String
    init?(fields: FlatJSON) {
        guard let group = fields["group"] else { return nil }
        self.group = group
    }
}
struct JoinResponse: Encodable { var token: String; var group: String; var session: String }
struct NewNoteRequest: Decodable, FlatJSONReadable {
    var id: String
    var text: String
    /// The question the phone showed when the note was written; nil: the current one.
    var question: String?
    init?(fields: FlatJSON) {
        guard let id = fields["id"], let text = fields["text"] else { return nil }
        (self.id, self.text, self.question) = (id, text, fields["question"])
    }
}
struct NoteTextRequest: Decodable, FlatJSONReadable {
    var text: String
    init?(fields: FlatJSON) {
        guard let text = fields["text"] else { return nil }
        self.text = text
    }
}
struct PhaseRequest: Decodable { var phase: String }
struct QuestionRequest: Decodable { var question: String }
struct NewSessionRequest: Decodable { var workshop: String }
struct DeletedNote: Encodable { var id: String; var group: String; var hidden: Bool? = nil }
struct TimerRequest: Decodable { var seconds: Int }
struct AddTimeRequest: Decodable { var seconds: Int }
/// `{"note": ID}` shows a note, `{"note": null}` ends the spotlight; the key is required.
struct SpotlightRequest: Decodable {
    var note: String?
    enum CodingKeys: String, CodingKey { case note }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.contains(.note) else {
            throw DecodingError.keyNotFound(CodingKeys.note, .init(codingPath: [], debugDescription: "'note' is required (an id, or null)"))
        }
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }
}
struct ModerationRequest: Decodable {
    var text: String?
    var hidden: Bool?
    /// A theme id to pin the note to; an explicit null unpins.
    var theme: String??

    enum CodingKeys: String, CodingKey { case text, hidden, theme }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decodeIfPresent(String.self, forKey: .text)
        hidden = try container.decodeIfPresent(Bool.self, forKey: .hidden)
        theme = container.contains(.theme) ? .some(try container.decodeIfPresent(String.self, forKey: .theme)) : .none
    }
}
struct UndoResponse: Encodable { var undoUntil: Date }
struct RenameRequest: Decodable { var label: String }
struct MergeRequest: Decodable { var into: String }
struct SplitRequest: Decodable { var noteIds: [String]; var label: String? }
struct PINRequest: Decodable { var pin: String }

struct TrainerOverview: Encodable {
    struct WorkshopChoice: Encodable { var id: String; var title: String; var language: String }
    var session: APISession
    var sessions: [SessionSummary]
    var workshops: [WorkshopChoice]
    /// Sent back in `X-CSRF-Token` with every trainer request that changes something.
    var csrf: String
    /// Every note of the session, hidden ones too.
    var notes: [APINote]
    /// The join URLs the trainer can choose from (the laptop's addresses).
    var joinUrls: [String]
}
struct JoinURLRequest: Decodable { var url: String }
