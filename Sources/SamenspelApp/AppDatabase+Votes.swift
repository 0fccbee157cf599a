import Foundation
import GRDB
import SamenspelCore

/// The dots of a question: per theme as stored (before merges), and how many phones gave any.
struct StoredVotes: Equatable, Sendable {
    var perTheme: [String: Int]
    var voters: Int
}

extension AppDatabase {
    /// Moves a session to another question; a dot vote on the earlier one ends.
    func setQuestion(_ question: String, sessionID: String) throws -> Session {
        try updateSession(sessionID) { record in
            record.questionId = question
            record.votingDots = nil
        }
    }

    /// Opens a dot vote with `dots` per phone (closing submissions: themes hold still while the
    /// room votes), or closes it with nil.
    func setVoting(dots: Int?, sessionID: String) throws -> Session {
        try updateSession(sessionID) { record in
            record.votingDots = dots
            if dots != nil, record.phase == Session.Phase.open.rawValue {
                record.phase = Session.Phase.closed.rawValue
                record.timerEndsAt = nil
                record.timerSeconds = nil
            }
        }
    }

    private func updateSession(_ sessionID: String, _ change: (inout SessionRecord) -> Void) throws -> Session {
        try write { db in
            guard var record = try SessionRecord.fetchOne(db, key: sessionID) else {
                throw AppError.notFound("There is no session \(sessionID).")
            }
            change(&record)
            try record.update(db)
            return record.session
        }
    }

    /// Replaces a phone's dots on a question in one transaction. The caller has checked them
    /// against the open vote (`SessionService.replaceVotes`, under its change lock).
    func replaceVotes(_ votes: [String: Int], token: String, sessionID: String, question: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM vote WHERE sessionId = ? AND questionId = ? AND token = ?",
                           arguments: [sessionID, question, token])
            try Self.insertVotes(db, votes, token: token, sessionID: sessionID, question: question)
        }
    }

    /// Stores a phone's dots (counts of 0 are left out); the import uses it too.
    static func insertVotes(_ db: Database, _ votes: [String: Int], token: String, sessionID: String, question: String) throws {
        for (theme, count) in votes where count > 0 {
            try db.execute(sql: "INSERT INTO vote (sessionId, questionId, token, themeId, dots) VALUES (?, ?, ?, ?, ?)",
                           arguments: [sessionID, question, token, theme, count])
        }
    }

    /// The dots on a question's themes as stored, and the number of phones that gave any.
    func votes(sessionID: String, question: String) throws -> StoredVotes {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT themeId, SUM(dots) AS n FROM vote WHERE sessionId = ? AND questionId = ? GROUP BY themeId",
                                        arguments: [sessionID, question])
            let voters = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT token) FROM vote WHERE sessionId = ? AND questionId = ?",
                                          arguments: [sessionID, question]) ?? 0
            return StoredVotes(perTheme: rows.reduce(into: [:]) { $0[$1["themeId"]] = $1["n"] }, voters: voters)
        }
    }

    /// One phone's dots on a question, by theme.
    func votes(token: String, sessionID: String, question: String) throws -> [String: Int] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT themeId, dots FROM vote WHERE sessionId = ? AND questionId = ? AND token = ?",
                             arguments: [sessionID, question, token])
                .reduce(into: [:]) { $0[$1["themeId"]] = $1["dots"] }
        }
    }

    /// Each phone's dots on a question, without the phone, in a fixed order (for exports).
    func ballots(sessionID: String, question: String) throws -> [[String: Int]] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT token, themeId, dots FROM vote WHERE sessionId = ? AND questionId = ?",
                                        arguments: [sessionID, question])
            let byPhone = rows.reduce(into: [String: [String: Int]]()) { $0[$1["token"], default: [:]][$1["themeId"]] = $1["dots"] }
            return byPhone.values.sorted { Self.canonical($0) < Self.canonical($1) }
        }
    }

    /// A ballot as sortable text: the same ballots sort the same whatever their phones' tokens.
    private static func canonical(_ ballot: [String: Int]) -> String {
        ballot.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }
}
