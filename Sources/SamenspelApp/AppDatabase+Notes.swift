import Foundation
import GRDB
import SamenspelCore

extension AppDatabase {
    /// The notes everyone sees (not hidden, not deleted), oldest first; of one question, or all.
    public func notes(sessionID: String, question: String? = nil) throws -> [Note] {
        try read { db in
            var visible = try NoteRecord.live(inSession: sessionID, db).filter(Column("hidden") == false)
            if let question { visible = visible.filter(Column("questionId") == question) }
            return try visible.order(Column("createdAt"), Column("id")).fetchAll(db).map(\.note)
        }
    }

    /// One note everyone sees (not hidden, not deleted) of a session, if there is one with this id.
    func visibleNote(id: String, sessionID: String) throws -> APINote? {
        try read { db in
            try NoteRecord.live(inSession: sessionID, db).filter(Column("hidden") == false && Column("id") == id)
                .fetchOne(db).map { APINote($0.note) }
        }
    }

    /// The notes themes use: the latest `limit` visible notes, oldest first, with every note of
    /// the oldest kept note's instant (as `ThemeWindow.latest`, but without reading the rest),
    /// and the window when older notes were left out. `limit` 0: all notes.
    func themeNotes(sessionID: String, question: String, limit: Int) throws -> (notes: [Note], window: ThemeWindow?) {
        try read { db in
            let visible = try NoteRecord.live(inSession: sessionID, db).filter(Column("hidden") == false && Column("questionId") == question)
            let total = limit > 0 ? try visible.fetchCount(db) : 0
            let boundary = visible.select(Column("createdAt"), as: Date.self)
                .order(Column("createdAt").desc, Column("id").desc).limit(1, offset: limit - 1)
            guard total > limit, let since = try boundary.fetchOne(db) else {
                return (try visible.order(Column("createdAt"), Column("id")).fetchAll(db).map(\.note), nil)
            }
            let kept = try visible.filter(Column("createdAt") >= since).order(Column("createdAt"), Column("id")).fetchAll(db).map(\.note)
            return (kept, kept.count < total ? ThemeWindow(clustered: kept.count, total: total, since: since) : nil)
        }
    }

    /// Visible notes of a question per group id.
    public func noteCounts(sessionID: String, question: String) throws -> [String: Int] {
        try read { db in
            guard let rowids = try NoteRange.rowids(db, sessionID: sessionID) else { return [:] }
            return try Row.fetchAll(db, sql: """
                SELECT groupId, COUNT(*) AS n FROM note
                WHERE rowid BETWEEN ? AND ? AND sessionId = ? AND questionId = ? AND hidden = 0 AND deletedAt IS NULL
                GROUP BY groupId
                """, arguments: [rowids.lowerBound, rowids.upperBound, sessionID, question])
                .reduce(into: [String: Int]()) { $0[$1["groupId"]] = $1["n"] }
        }
    }

    /// Stores notes in one transaction, each unless a note with its id exists.
    /// Returns, per note, the stored note and whether it is new, or why it was refused
    /// (a refusal leaves the others alone).
    /// - Parameter perAuthor: the most notes one author (participant token) may send in its
    ///   session (counted on its participant row); 0 for no limit.
    func addNotes(_ items: [(note: Note, author: String?)], perAuthor: Int = 0) throws -> [Result<(note: Note, created: Bool), AppError>] {
        try writeBatch { db in
            // Per session of the batch: the rowid its next note gets (`NoteRange`), nil when closed.
            var next: [String: Int64?] = [:]
            // Cached statements: this runs for every note, often dozens per transaction.
            let insert = try db.cachedStatement(sql: """
                INSERT INTO note (rowid, id, sessionId, groupId, questionId, text, createdAt, updatedAt, hidden, author)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?) ON CONFLICT(id) DO NOTHING
                """)
            let sent = try db.cachedStatement(sql: "SELECT sent FROM participant WHERE token = ?")
            let countSent = try db.cachedStatement(sql: "UPDATE participant SET sent = sent + 1 WHERE token = ?")
            return try items.map { note, author in
                if next[note.sessionID] == nil {
                    next[note.sessionID] = .some(try NoteRange.nextIfOpen(db, sessionID: note.sessionID))
                }
                if let rowid = next[note.sessionID] ?? nil {
                    if perAuthor > 0, let author, try Int.fetchOne(sent, arguments: [author]) ?? 0 >= perAuthor,
                       try NoteRecord.fetchOne(db, key: note.id) == nil {
                        return .failure(AppError.forbidden("This phone has sent \(perAuthor) notes, the most one phone can send."))
                    }
                    let created = ISOTime.databaseString(note.createdAt)
                    let updated = note.updatedAt == note.createdAt ? created : ISOTime.databaseString(note.updatedAt)
                    let inserted = try insert.runWithTexts(db, rowid: rowid, note.id, note.sessionID, note.group, note.question,
                                                                note.text, created, updated, author)
                    if inserted > 0 {
                        next[note.sessionID] = rowid + 1
                        // Sent, not kept: deleting a note does not make room for another.
                        if let author { _ = try countSent.runWithTexts(db, author) }
                        return .success((note, true))
                    }
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
    public func addNote(_ note: Note, author: String? = nil) throws -> (note: Note, created: Bool) {
        guard let outcome = try addNotes([(note, author)]).first else { throw AppError.database("nothing was stored") }
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
        guard let record = try NoteRecord.live.filter(key: id).fetchOne(db), record.sessionId == sessionID else {
            throw AppError.notFound("There is no note \(id) in this session.")
        }
        guard record.groupId == group else {
            throw AppError.forbidden("This note belongs to another group.")
        }
        return record
    }

    static func requireOpen(_ db: Database, sessionID: String) throws {
        let statement = try db.cachedStatement(sql: "SELECT phase FROM session WHERE id = ?")
        guard let phase = try String.fetchOne(statement, arguments: [sessionID]) else {
            throw AppError.notFound("This session no longer exists.")
        }
        guard phase == Session.Phase.open.rawValue else {
            throw AppError.conflict("Submissions are closed.")
        }
    }
}
