import Foundation
import GRDB
import SamenspelText

/// A row of `themeSnapshot`.
struct ThemeSnapshotRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "themeSnapshot"
    var sessionId: String
    var questionId: String
    var themes: [Theme]
}

extension AppDatabase {
    /// The themes last computed for a question of a session.
    public func themeSnapshot(sessionID: String, question: String) throws -> [Theme] {
        try read { try ThemeSnapshotRecord.fetchOne($0, key: ["sessionId": sessionID, "questionId": question])?.themes ?? [] }
    }

    public func saveThemeSnapshot(_ themes: [Theme], sessionID: String, question: String) throws {
        try write { try ThemeSnapshotRecord(sessionId: sessionID, questionId: question, themes: themes).save($0) }
    }
}
