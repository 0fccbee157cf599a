import Foundation
import GRDB
import SamenspelCore
import SamenspelText

/// A whole session to store at once: what a JSON import or a paper CSV brings in.
struct ImportedSession {
    var session: Session
    var publishedAt: Date?
    var notes: [Note]
    var summaries: [GroupSummary]
    /// Per question id: the stored last themes, the trainer's decisions, and each phone's dots.
    var themes: [String: [Theme]] = [:]
    var decisions: [String: ThemeDecisions] = [:]
    var ballots: [String: [[String: Int]]] = [:]
}

extension AppDatabase {
    /// Stores a session with its notes, summaries, theme snapshot and decisions in one
    /// transaction. The active session stays as it is, so a running server is not disturbed.
    /// - Throws: `ExportError.sessionExists` / `.noteExists` when an id is taken
    ///   (nothing is written then), `AppError` for database failures.
    func importSession(_ imported: ImportedSession) throws {
        let conflict: ExportError? = try write { db in
            if try SessionRecord.exists(db, key: imported.session.id) { return .sessionExists(imported.session.id) }
            for note in imported.notes where try NoteRecord.exists(db, key: note.id) { return .noteExists(note.id) }
            var session = SessionRecord(imported.session)
            session.timerEndsAt = nil
            session.timerSeconds = nil
            try session.insert(db)
            try db.execute(sql: "UPDATE session SET publishedAt = ? WHERE id = ?",
                           arguments: [imported.publishedAt, imported.session.id])
            // In the new session's range of rowids (`NoteRange`), oldest first.
            guard var rowid = try NoteRange.next(db, sessionID: imported.session.id) else { throw AppError.database("the imported session has no number") }
            let insert = try db.makeStatement(sql: """
                INSERT INTO note (rowid, id, sessionId, groupId, questionId, text, createdAt, updatedAt, hidden)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for note in imported.notes.sorted(by: { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }) {
                try insert.execute(arguments: [rowid, note.id, note.sessionID, note.group, note.question, note.text, note.createdAt, note.updatedAt, note.hidden])
                rowid += 1
            }
            for summary in imported.summaries { try summary.insert(db) }
            for (question, themes) in imported.themes where !themes.isEmpty {
                try ThemeSnapshotRecord(sessionId: imported.session.id, questionId: question, themes: themes).insert(db)
            }
            for (question, decisions) in imported.decisions where decisions != ThemeDecisions() {
                try ThemeDecisionRecord(sessionId: imported.session.id, questionId: question, decisions: decisions).insert(db)
            }
            // The phones are not exported: each ballot gets a token of its own that no phone holds.
            for (question, ballots) in imported.ballots {
                for (index, ballot) in ballots.enumerated() {
                    try Self.insertVotes(db, ballot, token: "imported-\(index + 1)", sessionID: imported.session.id, question: question)
                }
            }
            return nil
        }
        if let conflict { throw conflict }
    }

    /// The id of the newest session (by start), if any.
    public func latestSessionID() throws -> String? {
        try read { try String.fetchOne($0, sql: "SELECT id FROM session ORDER BY createdAt DESC, id DESC LIMIT 1") }
    }
}
