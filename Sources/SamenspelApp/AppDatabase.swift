import Foundation
import GRDB
import SamenspelCore

/// Owns the SQLite file: its migrations and every write. Reads go through the
/// pool's readers, so a slow read never blocks a phone's note.
public struct AppDatabase: Sendable {
    let pool: DatabasePool

    /// Opens (and migrates) the database file at `path`. A file that is not a
    /// usable database throws `AppError.database` with the path in its message.
    public init(path: String) throws(AppError) {
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(5)
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA foreign_keys = ON")
            }
            pool = try DatabasePool(path: path, configuration: configuration)
            // GRDB picks NORMAL for WAL; FULL makes a commit durable before we acknowledge it.
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
            try Self.migrator.migrate(pool)
        } catch {
            throw AppError.database("cannot open the database at \(path): \(Self.describe(error))")
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "session") { t in
                t.primaryKey("id", .text)
                t.column("workshopId", .text).notNull()
                t.column("workshop", .jsonText).notNull()
                t.column("phase", .text).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "participant") { t in
                t.primaryKey("token", .text)
                t.belongsTo("session", onDelete: .cascade).notNull()
                t.column("groupId", .text).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "note") { t in
                t.primaryKey("id", .text)
                t.belongsTo("session", onDelete: .cascade).notNull()
                t.column("groupId", .text).notNull()
                t.column("text", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
            }
            try db.create(index: "note_session_created", on: "note", columns: ["sessionId", "createdAt"])
            try db.create(table: "setting") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
        }
        migrator.registerMigration("v2-themes") { db in
            // The last themes of a session, so ids and labels survive a restart.
            try db.create(table: "themeSnapshot") { t in
                t.primaryKey("sessionId", .text).references("session", onDelete: .cascade)
                t.column("themes", .jsonText).notNull()
            }
        }
        migrator.registerMigration("v3-moderation") { db in
            try db.alter(table: "session") { t in
                t.add(column: "timerEndsAt", .datetime)
                t.add(column: "timerSeconds", .integer)
            }
            try db.alter(table: "note") { t in
                t.add(column: "hidden", .boolean).notNull().defaults(to: false)
                t.add(column: "deletedAt", .datetime)
                t.add(column: "author", .text)
            }
            try db.create(index: "note_author", on: "note", columns: ["author"])
            // The trainer's pins, merges and renames of themes, which clustering never overrides.
            try db.create(table: "themeDecision") { t in
                t.primaryKey("sessionId", .text).references("session", onDelete: .cascade)
                t.column("decisions", .jsonText).notNull()
            }
        }
        migrator.registerMigration("v4-summaries") { db in
            // "Our summary": a few sentences per group, written on the group's phones.
            try db.create(table: "groupSummary") { t in
                t.belongsTo("session", onDelete: .cascade).notNull()
                t.column("groupId", .text).notNull()
                t.column("text", .text).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.primaryKey(["sessionId", "groupId"])
            }
            try db.alter(table: "session") { t in
                t.add(column: "publishedAt", .datetime)
            }
        }
        migrator.registerMigration("v5-sent-counts") { db in
            // How many notes a phone has sent, on its own row, for the per-phone limit. The
            // index on note.author it replaces put a page per phone into every commit.
            try db.alter(table: "participant") { t in
                t.add(column: "sent", .integer).notNull().defaults(to: 0)
            }
            try db.execute(sql: "UPDATE participant SET sent = (SELECT COUNT(*) FROM note WHERE note.author = participant.token)")
            try db.drop(index: "note_author")
        }
        migrator.registerMigration("v6-one-session-index") { db in
            // `belongsTo` made an index on sessionId alone; note_session_created starts with
            // sessionId too and serves the same lookups. Each index adds about three pages to
            // every note batch's commit (SQLite rebalances an index's last leaves as it grows).
            try db.drop(index: "note_on_sessionId")
            try db.drop(index: "groupSummary_on_sessionId")  // the primary key starts with sessionId
        }
        migrator.registerMigration("v7-note-ranges") { db in
            // Each session gets a number, and its notes the rowids number << 32 + 1, + 2, …: a
            // session's notes are one range of the table, read without an index, and a new note
            // goes at the end of its range. The index on (sessionId, createdAt) this replaces was
            // about a sixth of the writing of every note batch. (`NoteRange`.)
            try db.execute(sql: """
                ALTER TABLE session ADD COLUMN number INTEGER;
                UPDATE session SET number = rowid;
                CREATE UNIQUE INDEX session_number ON session(number);
                CREATE TRIGGER session_numbered AFTER INSERT ON session WHEN NEW.number IS NULL BEGIN
                    UPDATE session SET number = (SELECT IFNULL(MAX(number), 0) + 1 FROM session) WHERE id = NEW.id;
                END;
                UPDATE note SET rowid = -rowid;
                UPDATE note SET rowid = ranked.newRowid FROM (
                    SELECT note.id AS noteId,
                           (session.number << 32) + ROW_NUMBER() OVER (PARTITION BY note.sessionId ORDER BY note.createdAt, note.id) AS newRowid
                    FROM note JOIN session ON session.id = note.sessionId) AS ranked
                WHERE note.id = ranked.noteId;
                DROP INDEX note_session_created;
                """)
        }
        migrator.registerMigration("v8-text-vectors") { db in
            // Sentence vectors by model and text: a note is embedded once, and an edit, an
            // import or the CLI finds the vector of any text seen before.
            try db.execute(sql: """
                CREATE TABLE textVector (
                    model TEXT NOT NULL, text TEXT NOT NULL, vector BLOB NOT NULL,
                    PRIMARY KEY (model, text)) WITHOUT ROWID
                """)
        }
        migrator.registerMigration("v9-questions-votes", migrate: Self.questionsAndVotes)
        return migrator
    }

    /// A human line for a GRDB or SQLite error.
    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "SQLite error \(error.resultCode)"
        }
        return "\(error)"
    }

    /// Runs a write transaction, turning database failures into `AppError`.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        try Self.funnel { try pool.write(updates) }
    }

    /// `write` for the note batches, which commit up to thousands of times a second:
    /// GRDB's transaction compiles its BEGIN and COMMIT each time; these are cached.
    func writeBatch<T>(_ updates: (Database) throws -> T) throws -> T {
        try writeWithoutTransaction { db in
            try db.cachedStatement(sql: "BEGIN IMMEDIATE TRANSACTION").execute()
            do {
                let value = try updates(db)
                try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
                return value
            } catch {
                if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK TRANSACTION") }
                throw error
            }
        }
    }

    /// `write` without a transaction, turning database failures into `AppError`.
    func writeWithoutTransaction<T>(_ updates: (Database) throws -> T) throws -> T {
        try Self.funnel { try pool.writeWithoutTransaction(updates) }
    }

    /// Runs a read, turning database failures into `AppError`.
    func read<T>(_ value: (Database) throws -> T) throws -> T {
        try Self.funnel { try pool.read(value) }
    }

    /// Passes `AppError`s on and turns every other failure into `AppError.database`.
    private static func funnel<T>(_ access: () throws -> T) throws -> T {
        do {
            return try access()
        } catch let error as AppError {
            throw error
        } catch {
            throw AppError.database(describe(error))
        }
    }

    /// Folds the WAL into the main file, for a clean shutdown.
    public func checkpoint() {
        _ = try? pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    }

    /// `PRAGMA integrity_check`: "ok" for a sound file.
    public func integrityCheck() throws -> String {
        try read { try String.fetchOne($0, sql: "PRAGMA integrity_check") ?? "" }
    }
}
