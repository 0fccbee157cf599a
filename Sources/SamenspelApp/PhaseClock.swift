import Foundation

/// One pending wake-up: the end of the brainstorm countdown.
final class PhaseClock: @unchecked Sendable {
    private let lock = NSLock()
    private var timer: DispatchSourceTimer?

    /// Runs `action` at `date` (at once if it has passed), replacing any earlier schedule.
    func schedule(at date: Date, _ action: @escaping @Sendable () -> Void) {
        let source = DispatchSource.makeTimerSource(queue: .global())
        source.schedule(wallDeadline: .now() + max(0, date.timeIntervalSinceNow))
        source.setEventHandler(handler: action)
        lock.withLock {
            timer?.cancel()
            timer = source
        }
        source.resume()
    }

    func cancel() {
        lock.withLock {
            timer?.cancel()
            timer = nil
        }
    }
}
