import Foundation
import GRDB
import Testing

@testable import SamenspelApp

/// The note writer's own transaction and its C-API statements.
@Suite struct WriteBatchTests {
    static func database() throws -> AppDatabase {
        let database = try ExportFixture.emptyDatabase().database
        try database.write { try $0.execute(sql: "CREATE TABLE t (a TEXT NOT NULL PRIMARY KEY, b TEXT)") }
        return database
    }

    @Test func textArgumentsAreBoundAsTyped() throws {
        let database = try Self.database()
        let values: [String?] = ["", "plain", "é 🎨 \"quoted\" 'single'", nil]
        let changes = try database.writeBatch { db in
            let insert = try db.cachedStatement(sql: "INSERT INTO t (a, b) VALUES (?, ?) ON CONFLICT(a) DO NOTHING")
            return try values.enumerated().map { try insert.runWithTexts(db, "k\($0.offset)", $0.element) }
                + [try insert.runWithTexts(db, "k1", "again")]
        }
        #expect(changes == [1, 1, 1, 1, 0])
        let stored = try database.read { try Row.fetchAll($0, sql: "SELECT b, typeof(b) AS kind FROM t ORDER BY a") }
        #expect(stored.map { $0["b"] as String? } == values)
        #expect(stored.map { $0["kind"] as String } == ["text", "text", "text", "null"])
    }

    @Test func aFailingStatementThrowsWithSQLitesMessage() throws {
        let database = try Self.database()
        #expect {
            try database.writeBatch { db in
                _ = try db.cachedStatement(sql: "INSERT INTO t (a, b) VALUES (?, ?)").runWithTexts(db, nil, "x")
            }
        } throws: { error in
            "\(error)".contains("NOT NULL constraint failed: t.a")
        }
    }

    /// A batch that fails halfway leaves nothing behind, and the next batch works.
    @Test func aFailedBatchRollsBack() throws {
        let database = try Self.database()
        #expect(throws: AppError.conflict("halfway")) {
            try database.writeBatch { db in
                _ = try db.cachedStatement(sql: "INSERT INTO t (a) VALUES (?)").runWithTexts(db, "first")
                throw AppError.conflict("halfway")
            }
        }
        try database.writeBatch { db in _ = try db.cachedStatement(sql: "INSERT INTO t (a) VALUES (?)").runWithTexts(db, "second") }
        #expect(try database.read { try String.fetchAll($0, sql: "SELECT a FROM t") } == ["second"])
    }
}
