import Foundation

/// Counts notes per second, to tell a flood (an import script, a load test: far faster
/// than a room types) from a room at work. During a flood themes wait: notes first.
struct FloodGauge: Sendable {
    /// Notes a second above which arrivals count as a flood. Forty phones in one
    /// second is already far more than a room sends.
    var threshold = 50
    private var second = 0
    private var thisSecond = 0
    private var lastSecond = 0

    /// Records `count` notes arriving at `now`.
    mutating func record(_ count: Int, at now: Date = Date()) {
        roll(to: now)
        thisSecond += count
    }

    /// Whether the last or the current second brought more than `threshold` notes.
    mutating func isFlooding(at now: Date = Date()) -> Bool {
        roll(to: now)
        return max(lastSecond, thisSecond) > threshold
    }

    private mutating func roll(to now: Date) {
        let current = Int(now.timeIntervalSince1970)
        guard current != second else { return }
        lastSecond = current == second + 1 ? thisSecond : 0
        thisSecond = 0
        second = current
    }
}
