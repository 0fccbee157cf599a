import Foundation

/// Counts events per key in a sliding window: notes per phone, joins per address,
/// PIN attempts. In memory only; a restart forgives.
final class RateLimiter: @unchecked Sendable {
    let limit: Int
    let window: TimeInterval
    private let lock = NSLock()
    private var events: [String: [Date]] = [:]

    init(limit: Int, per window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Records an event for `key` if the limit allows it; otherwise says when to try again.
    func allow(_ key: String, now: Date = Date()) -> (allowed: Bool, retryAfter: Int) {
        guard limit > 0 else { return (true, 0) }  // 0: no limit
        return lock.withLock {
            if events.count > 50_000 { events = events.filter { $0.value.last.map { now.timeIntervalSince($0) < window } ?? false } }
            var recent = (events[key] ?? []).filter { now.timeIntervalSince($0) < window }
            guard recent.count < limit else {
                let wait = window - now.timeIntervalSince(recent[0])
                events[key] = recent
                return (false, max(1, Int(wait.rounded(.up))))
            }
            recent.append(now)
            events[key] = recent
            return (true, 0)
        }
    }

    /// Throws 429 with `Retry-After` when `key` is over its limit.
    func check(_ key: String, _ message: String) throws {
        let verdict = allow(key)
        if !verdict.allowed {
            throw AppError(status: 429, message, headers: ["Retry-After": String(verdict.retryAfter)])
        }
    }
}
