import Foundation
import GRDB
import Testing

@testable import SamenspelApp

@Suite struct MigrationTests {
    /// v5 moves the per-phone count from an index on note.author to the participant row:
    /// a database from before it keeps every phone's count.
    @Test func sentCountsComeAlongFromTheAuthorIndex() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("migrate-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/samenspel.sqlite"
        do {
            let old = try DatabaseQueue(path: path)
            try AppDatabase.migrator.migrate(old, upTo: "v4-summaries")
            try old.write { db in
                try db.execute(sql: """
                    INSERT INTO session (id, workshopId, workshop, phase, createdAt) VALUES ('s', 'w', '{}', 'open', '2026-11-23 20:00:00.000');
                    INSERT INTO participant (token, sessionId, groupId, createdAt) VALUES
                        ('a', 's', 'pmt', '2026-11-23 20:00:00.000'), ('b', 's', 'drama', '2026-11-23 20:00:00.000');
                    """)
                for index in 0..<3 {
                    try db.execute(sql: """
                        INSERT INTO note (id, sessionId, groupId, text, createdAt, updatedAt, author)
                        VALUES (?, 's', 'pmt', 'x', '2026-11-23 20:00:00.000', '2026-11-23 20:00:00.000', 'a')
                        """, arguments: ["n\(index)"])
                }
            }
        }
        let database = try AppDatabase(path: path)
        let counts = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT token, sent FROM participant ORDER BY token").map { "\($0["token"] as String)=\($0["sent"] as Int)" }
        }
        #expect(counts == ["a=3", "b=0"])
        let indexes = try database.read { db in try db.indexes(on: "note").map(\.name) }
        #expect(!indexes.contains("note_author"))
    }

    /// Every index on note costs pages in every note batch: one index leads with sessionId,
    /// and it still serves the note list and the cascade when a session is deleted.
    @Test func notesHaveOneIndexBySession() throws {
        let (folder, database) = try ExportFixture.emptyDatabase()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plans = try database.read { db in
            let indexes = try db.indexes(on: "note").filter { $0.columns.first == "sessionId" }.map(\.name)
            let list = try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT * FROM note WHERE sessionId = ? AND hidden = 0 ORDER BY createdAt, id
                """, arguments: ["s"]).map { $0["detail"] as String }
            let cascade = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN DELETE FROM note WHERE sessionId = ?", arguments: ["s"])
                .map { $0["detail"] as String }
            return (indexes, list, cascade)
        }
        #expect(plans.0 == ["note_session_created"])
        #expect(plans.1.contains { $0.contains("USING INDEX note_session_created") })
        #expect(plans.2.contains { $0.contains("INDEX note_session_created (sessionId=?)") })
        let summaryIndexes = try database.read { db in try db.indexes(on: "groupSummary").map(\.name) }
        #expect(summaryIndexes == ["sqlite_autoindex_groupSummary_1"])
    }
}
