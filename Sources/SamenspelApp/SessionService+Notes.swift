import Foundation
import SamenspelCore

/// A group's notes: the list, adding (batched), changing and deleting.
extension SessionService {
    /// The visible notes of a question (default: the current one).
    func notes(question: String? = nil) throws -> NoteList {
        let cursor = hub.cursor  // before reading: events after it may repeat notes, never miss one
        let session = try activeSession()
        let question = try requireQuestion(question, in: session).id
        return NoteList(notes: try database.notes(sessionID: session.id, question: question).map { APINote($0) }, cursor: cursor)
    }

    /// Queues a new note for the next batch commit; `completion` runs when it is durable, with
    /// the note's JSON if the note is new (the same bytes the board got).
    /// A note that cannot be valid is refused at once by throwing.
    /// - Parameter question: the question the phone showed when the note was written (a phone
    ///   behind a switch, or its outbox, files it there); nil: the current one.
    func addNote(id: String, text: String, question: String? = nil, by participant: Participant,
                 completion: @escaping @Sendable (Result<(note: APINote, created: Bool), AppError>, Data?) -> Void) throws {
        let id = try Self.validID(id)
        let clean = try Self.clean(text)
        try notesPerMinute.check(participant.token, "Slow down: at most \(notesPerMinute.limit) notes a minute from one phone.")
        let question = try noteQuestion(question, participant)
        let now = Self.now()
        let note = Note(id: id, sessionID: participant.sessionID, group: participant.group, question: question, text: clean,
                        createdAt: now, updatedAt: now)
        committer.submit(note, author: participant.token) { outcome, json in
            completion(outcome.map { (APINote($0.note), $0.created) }, json)
        }
    }

    /// Announces notes a batch commit made new, in commit order; returns their JSON.
    func announceCreated(_ notes: [Note]) -> [Data] {
        guard !notes.isEmpty else { return [] }
        let encoded = notes.map { JSONCoding.dataOrEmptyObject(APINote($0)) }
        changeLock.withLock {
            for json in encoded { hub.publish(event: "note.created", data: String(decoding: json, as: UTF8.self)) }
        }
        themes.notesChanged(count: notes.count)
        for question in Set(notes.map(\.question)) { themes.notesChanged(count: 0, question: question) }
        return encoded
    }

    func updateNote(id: String, text: String, by participant: Participant) throws -> APINote {
        let clean = try Self.clean(text)
        return try changeLock.withLock {
            let note = try database.updateNote(id: id, sessionID: participant.sessionID, group: participant.group, text: clean, at: Self.now())
            publish("note.updated", APINote(note))
            themes.notesChanged(question: note.question)
            return APINote(note)
        }
    }

    func deleteNote(id: String, by participant: Participant) throws {
        try changeLock.withLock {
            let note = try database.deleteNote(id: id, sessionID: participant.sessionID, group: participant.group)
            publish("note.deleted", DeletedNote(id: note.id, group: note.group))
            endSpotlight(ifOn: note.id, sessionID: participant.sessionID)
            themes.notesChanged(question: note.question)
        }
    }

    /// The question a new note is filed under. A phone of an earlier session (whose workshop may
    /// ask other questions) is refused later, when its session is found closed.
    private func noteQuestion(_ asked: String?, _ participant: Participant) throws -> String {
        let session = try activeSession()
        guard session.id == participant.sessionID else { return asked ?? Workshop.Question.singleID }
        return try requireQuestion(asked, in: session).id
    }
}
