import Foundation
import GRDB
import SamenspelCore

extension AppDatabase {
    /// How long a note deleted by the trainer can be brought back.
    static let undoWindow: TimeInterval = 10

    /// Every note of a session the trainer can see: hidden ones too, deleted ones not.
    public func moderatedNotes(sessionID: String) throws -> [Note] {
        try read { db in
            try NoteRecord.live(inSession: sessionID, db)
                .order(Column("createdAt"), Column("id")).fetchAll(db).map(\.note)
        }
    }

    /// The trainer fixes a typo or hides/unhides a note. Returns the note before and after.
    func moderate(id: String, sessionID: String, text: String?, hidden: Bool?, at date: Date) throws -> (before: Note, after: Note) {
        try write { db in
            var record = try Self.sessionNote(db, id: id, sessionID: sessionID)
            let before = record.note
            if let text, text != record.text {
                record.text = text
                record.updatedAt = date
            }
            if let hidden { record.hidden = hidden }
            try record.update(db)
            return (before, record.note)
        }
    }

    /// Marks a note deleted; it can be restored within the undo window.
    func softDelete(id: String, sessionID: String, at date: Date) throws -> Note {
        try write { db in
            var record = try Self.sessionNote(db, id: id, sessionID: sessionID)
            record.deletedAt = date
            try record.update(db)
            // Deletions older than the window are final: remove them for good.
            try db.execute(sql: "DELETE FROM note WHERE deletedAt < ?", arguments: [date.addingTimeInterval(-Self.undoWindow)])
            return record.note
        }
    }

    /// Brings back a note deleted less than the undo window ago.
    func restore(id: String, sessionID: String, at date: Date) throws -> Note {
        try write { db in
            guard var record = try NoteRecord.fetchOne(db, key: id), record.sessionId == sessionID,
                  let deletedAt = record.deletedAt else {
                throw AppError.notFound("There is no deleted note \(id) to bring back.")
            }
            guard date.timeIntervalSince(deletedAt) <= Self.undoWindow else {
                throw AppError(status: 410, "This note was deleted more than \(Int(Self.undoWindow)) seconds ago.")
            }
            record.deletedAt = nil
            try record.update(db)
            return record.note
        }
    }

    /// Removes notes whose undo window has passed (at start-up).
    func purgeDeleted(before date: Date) throws {
        try write { try $0.execute(sql: "DELETE FROM note WHERE deletedAt < ?", arguments: [date.addingTimeInterval(-Self.undoWindow)]) }
    }

    /// Sets or clears the countdown of a session, with its phase. Opening submissions ends a
    /// dot vote: themes would move under the votes.
    public func setTimer(_ timer: Session.Timer?, phase: Session.Phase, sessionID: String) throws -> Session {
        try write { db in
            guard var record = try SessionRecord.fetchOne(db, key: sessionID) else {
                throw AppError.notFound("There is no session \(sessionID).")
            }
            record.timerEndsAt = timer?.endsAt
            record.timerSeconds = timer?.seconds
            record.phase = phase.rawValue
            if phase == .open { record.votingDots = nil }
            try record.update(db)
            return record.session
        }
    }

    /// The trainer's pins, renames and merges of a question's themes.
    func themeDecisions(sessionID: String, question: String) throws -> ThemeDecisions {
        try read {
            try ThemeDecisionRecord.fetchOne($0, key: ["sessionId": sessionID, "questionId": question])?.decisions ?? ThemeDecisions()
        }
    }

    func saveThemeDecisions(_ decisions: ThemeDecisions, sessionID: String, question: String) throws {
        try write { try ThemeDecisionRecord(sessionId: sessionID, questionId: question, decisions: decisions).save($0) }
    }

    private static func sessionNote(_ db: Database, id: String, sessionID: String) throws -> NoteRecord {
        guard let record = try NoteRecord.live.filter(key: id).fetchOne(db), record.sessionId == sessionID else {
            throw AppError.notFound("There is no note \(id) in this session.")
        }
        return record
    }
}
