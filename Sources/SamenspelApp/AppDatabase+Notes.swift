import Foundation
import GRDB
import SamenspelCore

extension AppDatabase {
    /// The notes of a session, oldest first.
    public func notes(sessionID: String) throws -> [Note] {
        try read { db in
            try NoteRecord.filter(Column("sessionId") == sessionID)
                .order(Column("createdAt"), Column("id")).fetchAll(db).map(\.note)
        }
    }

    /// Notes per group id.
    public func noteCounts(sessionID: String) throws -> [String: Int] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT groupId, COUNT(*) AS n FROM note WHERE sessionId = ? GROUP BY groupId",
                             arguments: [sessionID])
                .reduce(into: [String: Int]()) { $0[$1["groupId"]] = $1["n"] }
        }
    }

    /// Stores a note unless a note with its id exists. Returns the stored note and
    /// whether it is new. Refused when the session is closed.
    public func addNote(_ note: Note) throws -> (note: Note, created: Bool) {
        try write { db in
            if let existing = try NoteRecord.fetchOne(db, key: note.id) {
                guard existing.sessionId == note.sessionID, existing.groupId == note.group else {
                    throw AppError.conflict("Another note already has the id \(note.id).")
                }
                return (existing.note, false)
            }
            try Self.requireOpen(db, sessionID: note.sessionID)
            try NoteRecord(note).insert(db)
            return (note, true)
        }
    }

    /// Changes the text of a note of `group`.
    public func updateNote(id: String, sessionID: String, group: String, text: String, at date: Date) throws -> Note {
        try write { db in
            var record = try Self.ownNote(db, id: id, sessionID: sessionID, group: group)
            try Self.requireOpen(db, sessionID: sessionID)
            if record.text != text {
                record.text = text
                record.updatedAt = date
                try record.update(db)
            }
            return record.note
        }
    }

    /// Deletes a note of `group` and returns what it was.
    public func deleteNote(id: String, sessionID: String, group: String) throws -> Note {
        try write { db in
            let record = try Self.ownNote(db, id: id, sessionID: sessionID, group: group)
            try Self.requireOpen(db, sessionID: sessionID)
            try record.delete(db)
            return record.note
        }
    }

    private static func ownNote(_ db: Database, id: String, sessionID: String, group: String) throws -> NoteRecord {
        guard let record = try NoteRecord.fetchOne(db, key: id), record.sessionId == sessionID else {
            throw AppError.notFound("There is no note \(id) in this session.")
        }
        guard record.groupId == group else {
            throw AppError.forbidden("This note belongs to another group.")
        }
        return record
    }

    private static func requireOpen(_ db: Database, sessionID: String) throws {
        guard let phase = try String.fetchOne(db, sql: "SELECT phase FROM session WHERE id = ?", arguments: [sessionID]) else {
            throw AppError.notFound("This session no longer exists.")
        }
        guard phase == Session.Phase.open.rawValue else {
            throw AppError.conflict("Submissions are closed.")
        }
    }
}
