import Foundation

/// Participant tokens seen before, so a phone's every request does not read the database.
/// A token's group and session never change, so an entry never goes stale.
final class TokenCache: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [String: (sessionID: String, group: String)] = [:]

    func lookup(_ token: String, in database: AppDatabase) throws -> (sessionID: String, group: String)? {
        if let hit = lock.withLock({ known[token] }) { return hit }
        guard let found = try database.participant(token: token) else { return nil }
        lock.withLock {
            if known.count >= 10_000 { known.removeAll() }  // bound memory under a flood of joins
            known[token] = found
        }
        return found
    }
}
