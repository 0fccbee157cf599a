import Foundation
import SamenspelCore

/// A group's notes: the list, adding (batched), changing and deleting.
extension SessionService {
    func notes() throws -> NoteList {
        let cursor = hub.cursor  // before reading: events after it may repeat notes, never miss one
        let session = try activeSession()
        return NoteList(notes: try database.notes(sessionID: session.id).map { APINote($0) }, cursor: cursor)
    }

    /// Queues a new note for the next batch commit; `completion` runs when it is durable.
    /// A note that cannot be valid is refused at once by throwing.
    func addNote(id: String, text: String, by participant: Participant,
                 completion: @escaping @Sendable (Result<(note: APINote, created: Bool), AppError>) -> Void) throws {
        let id = try Self.validID(id)
        let clean = try Self.clean(text)
        try notesPerMinute.check(participant.token, "Slow down: at most \(notesPerMinute.limit) notes a minute from one phone.")
        let now = Self.now()
        let note = Note(id: id, sessionID: participant.sessionID, group: participant.group, text: clean, createdAt: now, updatedAt: now)
        committer.submit(note, author: participant.token) { outcome in
            completion(outcome.map { (APINote($0.note), $0.created) })
        }
    }

    /// Announces notes a batch commit made new, in commit order.
    func announceCreated(_ notes: [Note]) {
        guard !notes.isEmpty else { return }
        changeLock.withLock {
            for note in notes { publish("note.created", APINote(note)) }
        }
        themes.notesChanged(count: notes.count)
    }

    func updateNote(id: String, text: String, by participant: Participant) throws -> APINote {
        let clean = try Self.clean(text)
        return try changeLock.withLock {
            let note = try database.updateNote(id: id, sessionID: participant.sessionID, group: participant.group, text: clean, at: Self.now())
            publish("note.updated", APINote(note))
            themes.notesChanged()
            return APINote(note)
        }
    }

    func deleteNote(id: String, by participant: Participant) throws {
        try changeLock.withLock {
            let note = try database.deleteNote(id: id, sessionID: participant.sessionID, group: participant.group)
            publish("note.deleted", DeletedNote(id: note.id, group: note.group))
            themes.notesChanged()
        }
    }
}
