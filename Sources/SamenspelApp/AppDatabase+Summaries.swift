import Foundation
import GRDB

/// A group's own summary of its brainstorm.
public struct GroupSummary: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "groupSummary"
    public var sessionId: String
    public var questionId: String
    public var groupId: String
    public var text: String
    public var updatedAt: Date
}

extension AppDatabase {
    /// The group summaries of a question of a session, by group id.
    public func groupSummaries(sessionID: String, question: String) throws -> [String: GroupSummary] {
        try read { db in
            try GroupSummary.filter(Column("sessionId") == sessionID && Column("questionId") == question).fetchAll(db)
                .reduce(into: [:]) { $0[$1.groupId] = $1 }
        }
    }

    /// Saves a group's summary (replacing the last one).
    public func saveGroupSummary(_ summary: GroupSummary) throws {
        try write { try summary.save($0) }
    }

    /// When the trainer published the summary of a session (nil: not published).
    public func publishedAt(sessionID: String) throws -> Date? {
        try read { try Date.fetchOne($0, sql: "SELECT publishedAt FROM session WHERE id = ?", arguments: [sessionID]) }
    }

    public func setPublished(_ date: Date?, sessionID: String) throws {
        try write { try $0.execute(sql: "UPDATE session SET publishedAt = ? WHERE id = ?", arguments: [date, sessionID]) }
    }

    /// Deletes a session and everything of it, for good: the freed pages are wiped
    /// (secure_delete) and the file is compacted (VACUUM), so nothing stays on disk.
    public func deleteSessionForGood(_ sessionID: String) throws {
        try write { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [sessionID])
            // A vector says something of its text: none outlives the last note with that text.
            try db.execute(sql: "DELETE FROM textVector WHERE text NOT IN (SELECT text FROM note)")
            if try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.activeSessionKey]) == sessionID {
                try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [Self.activeSessionKey])
            }
        }
        do {
            try pool.writeWithoutTransaction { try $0.execute(sql: "VACUUM") }
            checkpoint()
        } catch {
            throw AppError.database("the session was deleted, but compacting the file failed: \(Self.describe(error))")
        }
    }
}
