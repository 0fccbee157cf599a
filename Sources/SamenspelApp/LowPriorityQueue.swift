import Foundation

/// A serial queue with one thread of its own at a lower CPU priority (nice 5).
/// Themes are computed here: when phones post faster than the laptop keeps up,
/// the scheduler gives the notes three times the themes' share of a core. Not the lowest
/// priority (19): beside two busy programs that left themes (and their embedding) about
/// 1.5 % of a core, so the board's themes lagged by many seconds and requests that wait for
/// themes timed out.
/// (Dispatch on Linux has no thread priorities, so this is a plain thread.)
final class LowPriorityQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [(due: Date, order: Int, work: () -> Void)] = []
    private var order = 0
    private var stopped = false

    init(name: String) {
        // The thread keeps the queue until `stop`.
        let thread = Thread { [self] in
            // On Linux the nice value belongs to a thread (see setpriority(2)): this lowers only this one.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 5)
            run()
        }
        thread.name = name
        thread.start()
    }

    /// Runs `work` after `delay` seconds, after the jobs due earlier.
    func async(after delay: TimeInterval = 0, _ work: @escaping () -> Void) {
        condition.withLock {
            order += 1
            jobs.append((Date().addingTimeInterval(max(0, delay)), order, work))
            condition.signal()
        }
    }

    /// Runs `work` on the queue's thread and waits for its result.
    func sync<T>(_ work: @escaping () throws -> T) throws -> T {
        let done = NSCondition()
        var result: Result<T, Error>?
        async {
            let outcome = Result { try work() }
            done.withLock { result = outcome; done.signal() }
        }
        return try done.withLock {
            while true {
                if let result { return try result.get() }
                done.wait()
            }
        }
    }

    /// Ends the thread once the jobs already due have run.
    func stop() {
        condition.withLock {
            stopped = true
            condition.signal()
        }
    }

    private func run() {
        while let work = next() { work() }
    }

    /// The next job due, waiting for it; nil once stopped.
    private func next() -> (() -> Void)? {
        condition.withLock {
            while true {
                if stopped { return nil }
                let now = Date()
                if let index = jobs.indices.min(by: { (jobs[$0].due, jobs[$0].order) < (jobs[$1].due, jobs[$1].order) }) {
                    if jobs[index].due <= now { return jobs.remove(at: index).work }
                    _ = condition.wait(until: jobs[index].due)
                } else {
                    condition.wait()
                }
            }
        }
    }
}
