import Foundation

/// Finds the bundled folders whether the command runs from the repository or elsewhere.
enum ProjectPaths {
    /// `path` as given when it exists; otherwise the same path in the nearest folder
    /// above the executable that has it (`.build/…/debug/samenspel` → the repository).
    static func locate(_ path: String) -> String {
        if path.hasPrefix("/") || FileManager.default.fileExists(atPath: path) { return path }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = folder.appendingPathComponent(path).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return path
    }
}

enum ProcessLimits {
    /// Many phones and boards hold a connection each: allow as many files as the system lets us.
    static func raiseOpenFiles() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}

/// Turns SIGINT and SIGTERM into a wait the main thread can block on. Install it
/// before the server listens: a signal that arrives earlier is then not lost.
final class SignalWaiter: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var received = ""
    private var sources: [DispatchSourceSignal] = []

    static func install() -> SignalWaiter {
        let waiter = SignalWaiter()
        for (number, name) in [(SIGINT, "interrupted"), (SIGTERM, "terminated")] {
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak waiter] in waiter?.receive(name) }
            source.resume()
            signal(number, SIG_IGN)  // after the source exists, so the kernel queues it for the source
            waiter.sources.append(source)
        }
        return waiter
    }

    private func receive(_ name: String) {
        lock.withLock { received = name }
        semaphore.signal()
    }

    /// Blocks until SIGINT or SIGTERM and returns its name.
    func wait() -> String {
        semaphore.wait()
        sources.forEach { $0.cancel() }
        return lock.withLock { received }
    }
}
