import GRDB
import SamenspelCore

/// Where a session's notes live in the `note` table: each session has a number, and its notes
/// have the rowids `number << 32 + 1`, `+ 2`, … in the order they were stored (migration v7).
/// Reading a session's notes is a range of the table, and storing one appends at the end of
/// its range, without a second index to keep up to date on every note.
enum NoteRange {
    /// The rowids of a session's notes, or nil when there is no such session.
    static func rowids(_ db: Database, sessionID: String) throws -> ClosedRange<Int64>? {
        // Cached: every read of a session's notes asks.
        let statement = try db.cachedStatement(sql: "SELECT number FROM session WHERE id = ?")
        return try Int64.fetchOne(statement, arguments: [sessionID]).map(rowids(number:))
    }

    /// The rowid for the next note of a session, or nil when there is no such session.
    static func next(_ db: Database, sessionID: String) throws -> Int64? {
        guard let range = try rowids(db, sessionID: sessionID) else { return nil }
        return try next(db, in: range)
    }

    /// The rowid for the next note of a session that takes notes (its phase is open), or nil
    /// when the session is closed or gone: one lookup for what a batch of notes needs to know.
    static func nextIfOpen(_ db: Database, sessionID: String) throws -> Int64? {
        let statement = try db.cachedStatement(sql: "SELECT number FROM session WHERE id = ? AND phase = ?")
        guard let number = try Int64.fetchOne(statement, arguments: [sessionID, Session.Phase.open.rawValue]) else { return nil }
        return try next(db, in: rowids(number: number))
    }

    private static func rowids(number: Int64) -> ClosedRange<Int64> {
        (number << 32)...(number << 32 | 0xFFFF_FFFF)
    }

    private static func next(_ db: Database, in range: ClosedRange<Int64>) throws -> Int64 {
        let statement = try db.cachedStatement(sql: "SELECT MAX(rowid) FROM note WHERE rowid BETWEEN ? AND ?")
        let last = try Int64.fetchOne(statement, arguments: [range.lowerBound, range.upperBound])
        return (last ?? range.lowerBound) + 1
    }
}

extension NoteRecord {
    /// The live (not deleted) notes of a session, read as its range of rowids.
    static func live(inSession sessionID: String, _ db: Database) throws -> QueryInterfaceRequest<NoteRecord> {
        guard let range = try NoteRange.rowids(db, sessionID: sessionID) else {
            return live.filter(Column("sessionId") == sessionID)  // no such session: no notes either
        }
        return live.filter(range.contains(Column.rowID) && Column("sessionId") == sessionID)
    }
}
