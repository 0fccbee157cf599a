import GRDB
import GRDBSQLite

extension Statement {
    /// Runs this statement with text arguments (nil binds NULL) through SQLite's C API
    /// and returns how many rows it changed.
    ///
    /// For the statements a batch of notes runs per note, thousands of times a second:
    /// GRDB's arguments box every value, which cost about a sixth of the writer's time.
    /// The texts are bound in place (`SQLITE_STATIC`), not copied: each copy was a
    /// `malloc` on the writer thread. So the statement steps while every string's bytes are
    /// still borrowed, and is reset and unbound afterwards (as GRDB expects of its cached statements).
    func runWithTexts(_ db: Database, _ values: String?...) throws -> Int {
        try resettingAfter { try bind(values[...], from: 1, db) }
    }

    /// `runWithTexts` with the row's rowid as the first parameter.
    func runWithTexts(_ db: Database, rowid: Int64, _ values: String?...) throws -> Int {
        try resettingAfter {
            let code = sqlite3_bind_int64(sqliteStatement, 1, rowid)
            guard code == SQLITE_OK else { throw Self.failure(db, code) }
            return try bind(values[...], from: 2, db)
        }
    }

    /// Runs `body`, then resets and unbinds once, on every way out (a failed bind too): no
    /// borrowed pointer stays bound. SQLite reads the bytes only while the statement steps,
    /// which happens inside the borrows.
    private func resettingAfter(_ body: () throws -> Int) rethrows -> Int {
        defer {
            sqlite3_reset(sqliteStatement)
            sqlite3_clear_bindings(sqliteStatement)
        }
        return try body()
    }

    /// Binds `values` from parameter `index` on, each inside the borrow of its bytes, then steps.
    private func bind(_ values: ArraySlice<String?>, from index: Int32, _ db: Database) throws -> Int {
        let statement = sqliteStatement
        guard let first = values.first else {
            let code = sqlite3_step(statement)
            guard code == SQLITE_DONE else { throw Self.failure(db, code) }
            return Int(sqlite3_changes(db.sqliteConnection))
        }
        let rest = values.dropFirst()
        guard var value = first else {
            let code = sqlite3_bind_null(statement, index)
            guard code == SQLITE_OK else { throw Self.failure(db, code) }
            return try bind(rest, from: index + 1, db)
        }
        // withUTF8 gives the string's own contiguous bytes (a bridged string is made native first).
        return try value.withUTF8 { bytes in
            // An empty buffer may have no address, and a NULL pointer would bind NULL.
            let code = bytes.isEmpty ? sqlite3_bind_text(statement, index, "", 0, Self.transient)
                : sqlite3_bind_text(statement, index, bytes.baseAddress, Int32(bytes.count), Self.borrowed)
            guard code == SQLITE_OK else { throw Self.failure(db, code) }
            return try bind(rest, from: index + 1, db)
        }
    }

    /// SQLite copies the bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    /// SQLite uses the bytes where they are until the binding is cleared.
    private static let borrowed = unsafeBitCast(0, to: sqlite3_destructor_type.self)

    private static func failure(_ db: Database, _ code: Int32) -> DatabaseError {
        let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
    }
}
