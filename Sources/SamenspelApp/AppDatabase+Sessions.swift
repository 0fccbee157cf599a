import Foundation
import GRDB
import SamenspelCore

/// A past or present session, as the trainer's list shows it.
public struct SessionSummary: Codable, Sendable, Equatable {
    public var id: String
    public var workshopId: String
    public var workshopTitle: String
    public var createdAt: Date
    public var phase: String
    public var noteCount: Int
    /// When its summary was published, if it is.
    public var publishedAt: Date?
}

extension AppDatabase {
    static let activeSessionKey = "activeSession"

    public func setting(_ key: String) throws -> String? {
        try read { try SettingRecord.fetchOne($0, key: key)?.value }
    }

    public func setSetting(_ key: String, _ value: String) throws {
        try write { try SettingRecord(key: key, value: value).save($0) }
    }

    /// The session phones and the board see now, if any.
    public func activeSession() throws -> Session? {
        try read { db in
            guard let id = try SettingRecord.fetchOne(db, key: Self.activeSessionKey)?.value else { return nil }
            return try SessionRecord.fetchOne(db, key: id)?.session
        }
    }

    public func session(id: String) throws -> Session? {
        try read { try SessionRecord.fetchOne($0, key: id)?.session }
    }

    /// Stores a new session and makes it the active one. Earlier sessions stay.
    public func startSession(_ session: Session) throws {
        try write { db in
            try SessionRecord(session).insert(db)
            try SettingRecord(key: Self.activeSessionKey, value: session.id).save(db)
        }
    }

    /// Makes a stored session the active one again and returns it.
    public func activate(sessionID: String) throws -> Session {
        try write { db in
            guard let record = try SessionRecord.fetchOne(db, key: sessionID) else {
                throw AppError.notFound("There is no session \(sessionID).")
            }
            try SettingRecord(key: Self.activeSessionKey, value: sessionID).save(db)
            return record.session
        }
    }

    /// Phones that joined a session, per group.
    public func joinCounts(sessionID: String) throws -> [String: Int] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT groupId, COUNT(*) AS n FROM participant WHERE sessionId = ? GROUP BY groupId",
                             arguments: [sessionID])
                .reduce(into: [String: Int]()) { $0[$1["groupId"]] = $1["n"] }
        }
    }

    /// Sets the phase of a session and returns it.
    public func setPhase(_ phase: Session.Phase, sessionID: String) throws -> Session {
        try write { db in
            guard var record = try SessionRecord.fetchOne(db, key: sessionID) else {
                throw AppError.notFound("There is no session \(sessionID).")
            }
            record.phase = phase.rawValue
            try record.update(db)
            return record.session
        }
    }

    /// Every session, newest first, with its number of notes.
    public func sessionSummaries() throws -> [SessionSummary] {
        try read { db in
            let counts = try Row.fetchAll(db, sql: "SELECT sessionId, COUNT(*) AS n FROM note WHERE hidden = 0 AND deletedAt IS NULL GROUP BY sessionId")
                .reduce(into: [String: Int]()) { $0[$1["sessionId"]] = $1["n"] }
            let published = try Row.fetchAll(db, sql: "SELECT id, publishedAt FROM session WHERE publishedAt IS NOT NULL")
                .reduce(into: [String: Date]()) { $0[$1["id"]] = $1["publishedAt"] }
            return try SessionRecord.order(Column("createdAt").desc).fetchAll(db).map { record in
                SessionSummary(
                    id: record.id, workshopId: record.workshopId, workshopTitle: record.workshop.title,
                    createdAt: record.createdAt, phase: record.phase, noteCount: counts[record.id] ?? 0,
                    publishedAt: published[record.id])
            }
        }
    }

    /// Registers a phone's token for a group of a session.
    public func addParticipant(token: String, sessionID: String, group: String, at date: Date) throws {
        try write { try ParticipantRecord(token: token, sessionId: sessionID, groupId: group, createdAt: date).insert($0) }
    }

    /// The group and session a participant token belongs to.
    public func participant(token: String) throws -> (sessionID: String, group: String)? {
        try read { db in
            try ParticipantRecord.fetchOne(db, key: token).map { ($0.sessionId, $0.groupId) }
        }
    }
}
