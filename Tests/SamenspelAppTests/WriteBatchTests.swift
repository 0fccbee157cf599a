import Foundation
import GRDB
import GRDBSQLite
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

    /// The texts are bound where they lie, so none may stay bound after the call, not even
    /// after a failed step: the next use of the cached statement would read freed bytes.
    @Test func noTextStaysBoundAfterTheCall() throws {
        let database = try Self.database()
        let sql = "INSERT INTO t (a, b) VALUES (?, ?)"
        let bound = try database.writeBatch { db -> [String] in
            let insert = try db.cachedStatement(sql: sql)
            let long = String(repeating: "lang genoeg om niet in de string zelf te passen ", count: 4)
            _ = try insert.runWithTexts(db, "k", long)
            let afterSuccess = Self.expandedSQL(insert)
            _ = try? insert.runWithTexts(db, "k", "the same key again fails")
            return [afterSuccess, Self.expandedSQL(insert)]
        }
        #expect(bound == Array(repeating: "INSERT INTO t (a, b) VALUES (NULL, NULL)", count: 2))
        let stored = try database.read { try String.fetchOne($0, sql: "SELECT b FROM t WHERE a = 'k'") }
        #expect(stored?.hasPrefix("lang genoeg") == true)
    }

    /// The statement's SQL with its current bindings filled in.
    static func expandedSQL(_ statement: Statement) -> String {
        guard let text = sqlite3_expanded_sql(statement.sqliteStatement) else { return "" }
        defer { sqlite3_free(text) }
        return String(cString: text)
    }
}
