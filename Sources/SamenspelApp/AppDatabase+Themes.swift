import Foundation
import GRDB
import SamenspelText

/// A row of `themeSnapshot`.
struct ThemeSnapshotRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "themeSnapshot"
    var sessionId: String
    var themes: [Theme]
}

extension AppDatabase {
    /// The themes last computed for a session.
    public func themeSnapshot(sessionID: String) throws -> [Theme] {
        try read { try ThemeSnapshotRecord.fetchOne($0, key: sessionID)?.themes ?? [] }
    }

    public func saveThemeSnapshot(_ themes: [Theme], sessionID: String) throws {
        try write { try ThemeSnapshotRecord(sessionId: sessionID, themes: themes).save($0) }
    }
}
