import GRDB

extension AppDatabase {
    /// v9: several questions per workshop, and dot votes. Notes, theme snapshots, the trainer's
    /// theme decisions and group summaries belong to a question; sessions made before have one
    /// question, `q1` (`Workshop.Question.singleID`). The three tables keyed by session alone are
    /// rebuilt with the question in their key.
    static func questionsAndVotes(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE note ADD COLUMN questionId TEXT NOT NULL DEFAULT 'q1';
            ALTER TABLE session ADD COLUMN questionId TEXT;
            ALTER TABLE session ADD COLUMN votingDots INTEGER;
            \(keyedByQuestion("themeSnapshot", column: "themes"))
            \(keyedByQuestion("themeDecision", column: "decisions"))

            CREATE TABLE groupSummary2 (
                sessionId TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                questionId TEXT NOT NULL, groupId TEXT NOT NULL, text TEXT NOT NULL, updatedAt DATETIME NOT NULL,
                PRIMARY KEY (sessionId, questionId, groupId));
            INSERT INTO groupSummary2 SELECT sessionId, 'q1', groupId, text, updatedAt FROM groupSummary;
            DROP TABLE groupSummary;
            ALTER TABLE groupSummary2 RENAME TO groupSummary;

            -- A phone's dots on a theme of a question. Totals are summed when read, through the
            -- trainer's merges, so a merge (or its undo) never rewrites votes.
            CREATE TABLE vote (
                sessionId TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                questionId TEXT NOT NULL, token TEXT NOT NULL, themeId TEXT NOT NULL,
                dots INTEGER NOT NULL CHECK (dots > 0),
                PRIMARY KEY (sessionId, questionId, token, themeId)) WITHOUT ROWID;
            """)
    }

    /// Rebuilds a `(sessionId) → column` table as `(sessionId, questionId) → column`, its rows under `q1`.
    private static func keyedByQuestion(_ table: String, column: String) -> String {
        """
        CREATE TABLE \(table)2 (
            sessionId TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
            questionId TEXT NOT NULL, \(column) TEXT NOT NULL,
            PRIMARY KEY (sessionId, questionId));
        INSERT INTO \(table)2 SELECT sessionId, 'q1', \(column) FROM \(table);
        DROP TABLE \(table);
        ALTER TABLE \(table)2 RENAME TO \(table);
        """
    }
}
