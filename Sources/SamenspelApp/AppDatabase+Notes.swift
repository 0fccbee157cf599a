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

    /// Stores notes in one transaction, each unless a note with its id exists.
    /// Returns, per note, the stored note and whether it is new, or why it was refused
    /// (a refusal leaves the others alone).
    func addNotes(_ notes: [Note]) throws -> [Result<(note: Note, created: Bool), AppError>] {
        try write { db in
            var open: [String: Bool] = [:]
            // Cached statements: this runs for every note, often dozens per transaction.
            let insert = try db.cachedStatement(sql: """
                INSERT INTO note (id, sessionId, groupId, text, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING
                """)
            return try notes.map { note in
                if open[note.sessionID] == nil {
                    open[note.sessionID] = (try? Self.requireOpen(db, sessionID: note.sessionID)) != nil
                }
                if open[note.sessionID] == true {
                    try insert.execute(arguments: [note.id, note.sessionID, note.group, note.text, note.createdAt, note.updatedAt])
                    if db.changesCount > 0 { return .success((note, true)) }
                }
                // Already stored (a retry), or refused because the session is closed.
                guard let existing = try NoteRecord.fetchOne(db, key: note.id) else {
                    return .failure(AppError.conflict("Submissions are closed."))
                }
                guard existing.sessionId == note.sessionID, existing.groupId == note.group else {
                    return .failure(AppError.conflict("Another note already has the id \(note.id)."))
                }
                return .success((existing.note, false))
            }
        }
    }

    /// Stores one note (see `addNotes`).
    public func addNote(_ note: Note) throws -> (note: Note, created: Bool) {
        guard let outcome = try addNotes([note]).first else { throw AppError.database("nothing was stored") }
        return try outcome.get()
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
