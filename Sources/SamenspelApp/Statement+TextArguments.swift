import GRDB
import GRDBSQLite

extension Statement {
    /// Runs this statement with text arguments (nil binds NULL) through SQLite's C API
    /// and returns how many rows it changed.
    ///
    /// For the statements a batch of notes runs per note, thousands of times a second:
    /// GRDB's arguments box every value, which cost about a sixth of the writer's time.
    /// The statement is reset afterwards, as GRDB expects of its cached statements.
    func runWithTexts(_ db: Database, _ values: String?...) throws -> Int {
        let statement = sqliteStatement
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            if var value {
                // An empty buffer may have no address, and a NULL pointer would bind NULL.
                code = value.isEmpty ? sqlite3_bind_text(statement, index, "", 0, Self.transient)
                    : value.withUTF8 { sqlite3_bind_text(statement, index, $0.baseAddress, Int32($0.count), Self.transient) }
            } else {
                code = sqlite3_bind_null(statement, index)
            }
            guard code == SQLITE_OK else { throw Self.failure(db, code) }
        }
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else { throw Self.failure(db, code) }
        return Int(sqlite3_changes(db.sqliteConnection))
    }

    /// SQLite copies the bytes before the call returns (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func failure(_ db: Database, _ code: Int32) -> DatabaseError {
        let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
    }
}
