import Foundation
import GRDB
import Testing

@testable import SamenspelApp
import SamenspelCore

@Suite struct MigrationTests {
    /// v5 moves the per-phone count from an index on note.author to the participant row:
    /// a database from before it keeps every phone's count.
    @Test func sentCountsComeAlongFromTheAuthorIndex() throws {
        let (folder, path) = try Self.databaseFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            try Self.migrated(path, upTo: "v4-summaries").write { db in
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

    /// Every index on note costs pages in every note batch: none leads with sessionId. A
    /// session's notes are read as its range of rowids, and the cascade of a session delete
    /// is the only full scan (rare: the trainer deletes an archived session).
    @Test func aSessionsNotesAreOneRangeOfTheTable() throws {
        let (folder, database) = try ExportFixture.emptyDatabase()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plans = try database.read { db in
            let indexes = try db.indexes(on: "note").filter { $0.columns.first == "sessionId" }.map(\.name)
            let list = try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT * FROM note WHERE rowid BETWEEN ? AND ? AND sessionId = ? ORDER BY createdAt, id
                """, arguments: [1, 2, "s"]).map { $0["detail"] as String }
            return (indexes, list)
        }
        #expect(plans.0.isEmpty)
        #expect(plans.1.contains { $0.contains("USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)") }, "\(plans.1)")
        let summaryIndexes = try database.read { db in try db.indexes(on: "groupSummary").map(\.name) }
        #expect(summaryIndexes == ["sqlite_autoindex_groupSummary_1"])
    }

    /// v7 numbers the sessions in the order they were made and moves every note into its
    /// session's range, in (createdAt, id) order; lists stay the same and new notes follow.
    @Test func notesMoveIntoTheirSessionsRange() throws {
        let (folder, path) = try Self.databaseFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            try Self.migrated(path, upTo: "v6-one-session-index").write { db in
                try db.execute(sql: """
                    INSERT INTO session (id, workshopId, workshop, phase, createdAt) VALUES
                        ('older', 'w', '{}', 'closed', '2026-11-20 20:00:00.000'), ('newer', 'w', '{}', 'open', '2026-11-23 20:00:00.000');
                    """)
                // Interleaved, and not in time order: rowids from before v7 say nothing.
                for (id, session, time) in [("b", "older", "12"), ("x", "newer", "05"), ("a", "older", "12"), ("c", "older", "01"), ("y", "newer", "01")] {
                    try db.execute(sql: """
                        INSERT INTO note (id, sessionId, groupId, text, createdAt, updatedAt) VALUES (?, ?, 'pmt', ?, ?, ?)
                        """, arguments: [id, session, "note \(id)", "2026-11-23 20:00:\(time).000", "2026-11-23 20:00:\(time).000"])
                }
            }
        }
        let database = try AppDatabase(path: path)
        #expect(try database.notes(sessionID: "older").map(\.id) == ["c", "a", "b"])
        #expect(try database.notes(sessionID: "newer").map(\.id) == ["y", "x"])
        let rows = try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT note.id, note.rowid >> 32 AS number, note.rowid & 4294967295 AS position, session.number AS own
                FROM note JOIN session ON session.id = note.sessionId ORDER BY note.rowid
                """).map { "\($0["id"] as String)@\($0["number"] as Int64).\($0["position"] as Int64)/\($0["own"] as Int64)" }
        }
        #expect(rows == ["c@1.1/1", "a@1.2/1", "b@1.3/1", "y@2.1/2", "x@2.2/2"])

        // A session made after v7 gets the next number; notes of an older open session still go to its range.
        let numbers = try database.write { db in
            try db.execute(sql: "INSERT INTO session (id, workshopId, workshop, phase, createdAt) VALUES ('third', 'w', '{}', 'open', '2026-11-24 09:00:00.000')")
            return try Row.fetchAll(db, sql: "SELECT id, number FROM session ORDER BY number").map { "\($0["id"] as String)=\($0["number"] as Int64)" }
        }
        #expect(numbers == ["older=1", "newer=2", "third=3"])
        let now = Date()
        _ = try database.addNote(Note(id: "z", sessionID: "newer", group: "pmt", text: "new", createdAt: now, updatedAt: now))
        #expect(try database.notes(sessionID: "newer").map(\.id) == ["y", "x", "z"])
        let position = try database.read { db in try Int64.fetchOne(db, sql: "SELECT rowid FROM note WHERE id = 'z'") }
        #expect(position == Int64(2 << 32 | 3))
    }

    /// v9 files a session's notes, themes, decisions and group summaries from before questions
    /// under its one question, `q1`: an old session reads back whole.
    @Test func anOldSessionKeepsEverythingUnderItsOneQuestion() throws {
        let (folder, path) = try Self.databaseFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let workshop = try JSONEncoder().encode(Workshop(id: "w", title: "W", language: .nl, question: "Waarom?",
                                                         groups: [.init(id: "pmt", name: "PMT", colour: "#000000", icon: "")]))
        try Self.migrated(path, upTo: "v8-text-vectors").write { db in
            try db.execute(sql: """
                INSERT INTO session (id, workshopId, workshop, phase, createdAt) VALUES ('s', 'w', ?, 'closed', '2026-11-23 20:00:00.000');
                INSERT INTO note (rowid, id, sessionId, groupId, text, createdAt, updatedAt) VALUES
                    ((1 << 32) + 1, 'n1', 's', 'pmt', 'Bewegen', '2026-11-23 20:00:00.000', '2026-11-23 20:00:00.000');
                INSERT INTO themeSnapshot (sessionId, themes) VALUES ('s', '[{"id":"t1","label":"Bewegen","noteIDs":["n1"],"reasons":{}}]');
                INSERT INTO themeDecision (sessionId, decisions) VALUES ('s', '{"pins":{},"renames":{"t1":"Beweging"},"merges":{}}');
                INSERT INTO groupSummary (sessionId, groupId, text, updatedAt) VALUES ('s', 'pmt', 'Samen bewegen.', '2026-11-23 20:00:00.000');
                """, arguments: [String(decoding: workshop, as: UTF8.self)])
        }
        let database = try AppDatabase(path: path)
        let session = try #require(try database.session(id: "s"))
        #expect(session.question.id == "q1")
        #expect(try database.notes(sessionID: "s", question: "q1").map(\.id) == ["n1"])
        #expect(try database.themeSnapshot(sessionID: "s", question: "q1").map(\.id) == ["t1"])
        #expect(try database.themeDecisions(sessionID: "s", question: "q1").renames == ["t1": "Beweging"])
        #expect(try database.groupSummaries(sessionID: "s", question: "q1")["pmt"]?.text == "Samen bewegen.")
    }

    private static func databaseFolder() throws -> (folder: String, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("migrate-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return (folder, folder + "/samenspel.sqlite")
    }

    /// A database at `path` as an older version left it.
    private static func migrated(_ path: String, upTo version: String) throws -> DatabaseQueue {
        let old = try DatabaseQueue(path: path)
        try AppDatabase.migrator.migrate(old, upTo: version)
        return old
    }
}
